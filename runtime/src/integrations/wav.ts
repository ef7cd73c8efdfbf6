/**
 * Just enough RIFF/WAVE for the voice port: read espeak-ng's 16-bit PCM, resample it to the 8 kHz
 * mono 16-bit Asterisk plays on a call without transcoding, write the canonical 44-byte header.
 */
export interface Pcm {
  sampleRate: number;
  /** Mono samples, -32768..32767. */
  samples: Int16Array;
}

export const TELEPHONY_RATE = 8000;
const MIN_RATE = 1000;
const MAX_RATE = 384_000;
export const WAV_HEADER_BYTES = 44;

/** The PCM in a WAV file (channels mixed down), or a reason it cannot be read. */
export function readWav(bytes: Uint8Array): Pcm | { error: string } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tag = (at: number) => String.fromCharCode(...bytes.subarray(at, at + 4));
  if (bytes.byteLength < 12 || tag(0) !== 'RIFF' || tag(8) !== 'WAVE')
    return { error: 'not a RIFF/WAVE file' };
  let format: { channels: number; sampleRate: number; bits: number; code: number } | undefined;
  let at = 12;
  while (at + 8 <= bytes.byteLength) {
    const id = tag(at);
    const declared = view.getUint32(at + 4, true);
    const body = at + 8;
    // Streamed WAVs (espeak-ng --stdout) leave sizes unset: the data runs to the end of the file.
    const size = Math.min(declared, bytes.byteLength - body);
    if (id === 'fmt ' && size >= 16) {
      format = {
        code: view.getUint16(body, true),
        channels: view.getUint16(body + 2, true),
        sampleRate: view.getUint32(body + 4, true),
        bits: view.getUint16(body + 14, true),
      };
    } else if (id === 'data') {
      if (!format) return { error: 'data before fmt' };
      if (format.code !== 1 || format.bits !== 16 || format.channels < 1) {
        return { error: `unsupported format ${format.code}/${format.bits}-bit/${format.channels}ch` };
      }
      // A header can say 0 Hz (resampling would divide by it) or billions of hertz.
      if (format.sampleRate < MIN_RATE || format.sampleRate > MAX_RATE)
        return { error: `unsupported sample rate ${format.sampleRate} Hz` };
      const frames = Math.floor(size / (2 * format.channels));
      const samples = new Int16Array(frames);
      for (let f = 0; f < frames; f++) {
        let sum = 0;
        for (let c = 0; c < format.channels; c++)
          sum += view.getInt16(body + (f * format.channels + c) * 2, true);
        samples[f] = Math.round(sum / format.channels);
      }
      return { sampleRate: format.sampleRate, samples };
    }
    at = body + size + (size % 2);
  }
  return { error: 'no data chunk' };
}

/** A mono 16-bit PCM WAV file. */
export function writeWav(pcm: Pcm): Uint8Array {
  const dataBytes = pcm.samples.length * 2;
  const out = new Uint8Array(WAV_HEADER_BYTES + dataBytes);
  const view = new DataView(out.buffer);
  const ascii = (at: number, s: string) => {
    for (let i = 0; i < s.length; i++) out[at + i] = s.charCodeAt(i);
  };
  ascii(0, 'RIFF');
  view.setUint32(4, 36 + dataBytes, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, 1, true);
  view.setUint32(24, pcm.sampleRate, true);
  view.setUint32(28, pcm.sampleRate * 2, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  ascii(36, 'data');
  view.setUint32(40, dataBytes, true);
  for (let i = 0; i < pcm.samples.length; i++)
    view.setInt16(WAV_HEADER_BYTES + i * 2, pcm.samples[i] ?? 0, true);
  return out;
}

/** Half-width of the interpolation kernel, in input samples (scaled when downsampling). */
const TAPS = 16;

/**
 * Band-limited resampling: each output sample is a Hann-windowed sinc over the input, with the
 * cutoff at the lower Nyquist frequency, so going from espeak-ng's 22.05 kHz to 8 kHz does not fold
 * its 4–11 kHz content back into the call band as plain linear interpolation would.
 */
export function resample(pcm: Pcm, rate: number): Pcm {
  if (pcm.sampleRate === rate) return { sampleRate: rate, samples: pcm.samples.slice() };
  const x = pcm.samples;
  const step = pcm.sampleRate / rate;
  const cutoff = Math.min(1, rate / pcm.sampleRate);
  const half = Math.ceil(TAPS / cutoff);
  const length = Math.floor(x.length / step);
  const y = new Int16Array(length);
  // Output i sits at input position i * step; its fractional part repeats every `period` outputs,
  // so the kernel is computed once per phase rather than once per sample.
  const period =
    Number.isInteger(pcm.sampleRate) && Number.isInteger(rate) ? rate / gcd(pcm.sampleRate, rate) : 0;
  const table = new Map<number, Float64Array>();
  const kernel = (i: number, frac: number): Float64Array => {
    const phase = period > 0 && period <= 4096 ? i % period : -1;
    const cached = phase >= 0 ? table.get(phase) : undefined;
    if (cached) return cached;
    const weights = new Float64Array(2 * half);
    for (let j = 0; j < 2 * half; j++) {
      const d = frac + half - 1 - j;
      weights[j] = cutoff * sinc(cutoff * d) * 0.5 * (1 + Math.cos((Math.PI * d) / half));
    }
    if (phase >= 0) table.set(phase, weights);
    return weights;
  };
  for (let i = 0; i < length; i++) {
    const t = i * step;
    const center = Math.floor(t);
    const weights = kernel(i, t - center);
    const first = center - half + 1;
    let acc = 0;
    let norm = 0;
    for (let j = 0; j < weights.length; j++) {
      const n = first + j;
      if (n < 0 || n >= x.length) continue;
      const k = weights[j] ?? 0;
      acc += (x[n] ?? 0) * k;
      norm += k;
    }
    // Normalising by the taps used keeps unity gain at the edges, where the kernel falls off the input.
    const v = norm !== 0 ? acc / norm : 0;
    y[i] = Math.max(-32768, Math.min(32767, Math.round(v)));
  }
  return { sampleRate: rate, samples: y };
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

function sinc(x: number): number {
  if (x === 0) return 1;
  const px = Math.PI * x;
  return Math.sin(px) / px;
}

export const durationMs = (pcm: Pcm): number => Math.round((pcm.samples.length * 1000) / pcm.sampleRate);
