import { describe, expect, it } from 'vitest';
import { durationMs, readWav, resample, writeWav } from '../../src/integrations/wav.js';
import { tone } from './support/audio.js';

const rms = (s: Int16Array, from = 0, to = s.length) => {
  let sum = 0;
  for (let i = from; i < to; i++) sum += (s[i] ?? 0) ** 2;
  return Math.sqrt(sum / (to - from));
};
const zeroCrossings = (s: Int16Array) => {
  let n = 0;
  for (let i = 1; i < s.length; i++) if ((s[i - 1] ?? 0) < 0 !== (s[i] ?? 0) < 0) n++;
  return n;
};

describe('WAV files', () => {
  it('round-trip as 16-bit mono PCM with a 44-byte header', () => {
    const pcm = tone(440, 8000, 0.25);
    const bytes = writeWav(pcm);
    expect(bytes.byteLength).toBe(44 + pcm.samples.length * 2);
    expect(Buffer.from(bytes.subarray(0, 4)).toString('ascii')).toBe('RIFF');
    const back = readWav(bytes);
    expect(back).toEqual(pcm);
  });

  it('are read when a streaming writer left the sizes unset', () => {
    const bytes = writeWav(tone(440, 22050, 0.1));
    const view = new DataView(bytes.buffer);
    view.setUint32(4, 0xffffffff, true);
    view.setUint32(40, 0xffffffff, true);
    const back = readWav(bytes);
    expect('samples' in back && back.samples.length).toBe(2205);
  });

  it('are mixed down to mono from stereo', () => {
    const mono = writeWav({ sampleRate: 8000, samples: Int16Array.from([100, -50]) });
    // Rewrite as stereo: one frame of (100, 300) and one of (-50, -150).
    const stereo = new Uint8Array(44 + 8);
    stereo.set(mono.subarray(0, 44));
    const view = new DataView(stereo.buffer);
    view.setUint16(22, 2, true);
    view.setUint32(40, 8, true);
    [100, 300, -50, -150].forEach((v, i) => {
      view.setInt16(44 + i * 2, v, true);
    });
    expect(readWav(stereo)).toEqual({ sampleRate: 8000, samples: Int16Array.from([200, -100]) });
  });

  it('are refused when they are not 16-bit PCM', () => {
    const bytes = writeWav(tone(440, 8000, 0.01));
    new DataView(bytes.buffer).setUint16(34, 8, true);
    expect(readWav(bytes)).toEqual({ error: 'unsupported format 1/8-bit/1ch' });
    expect(readWav(new TextEncoder().encode('not audio at all'))).toEqual({ error: 'not a RIFF/WAVE file' });
  });
});

describe('resampling to the telephone rate', () => {
  it("turns espeak-ng's 22.05 kHz into 8 kHz of the same length", () => {
    const out = resample(tone(440, 22050, 1), 8000);
    expect(out.sampleRate).toBe(8000);
    expect(out.samples.length).toBe(8000);
    expect(durationMs(out)).toBe(1000);
  });

  it('keeps a tone in the call band at its pitch and loudness', () => {
    const out = resample(tone(1000, 22050, 1), 8000);
    // 1 kHz crosses zero 2000 times a second.
    expect(Math.abs(zeroCrossings(out.samples) - 2000)).toBeLessThanOrEqual(2);
    const level = rms(out.samples, 100, 7900) / (10_000 / Math.SQRT2);
    expect(level).toBeGreaterThan(0.95);
    expect(level).toBeLessThan(1.05);
  });

  it('does not fold a tone above 4 kHz back into the call band', () => {
    const out = resample(tone(6000, 22050, 1), 8000);
    expect(rms(out.samples, 100, 7900) / (10_000 / Math.SQRT2)).toBeLessThan(0.05);
  });

  it('can also go up in rate', () => {
    const out = resample(tone(300, 8000, 0.5), 16000);
    expect(out.samples.length).toBe(8000);
    expect(Math.abs(zeroCrossings(out.samples) - 300)).toBeLessThanOrEqual(2);
  });
});
