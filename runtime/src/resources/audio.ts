/**
 * The check an uploaded prompt passes before it is stored: a WAV a call can play as it is (8 kHz
 * mono, 16-bit PCM or 8-bit μ-law, Connect's own requirement being μ-law) within Connect's limits
 * (under 50 MB, under five minutes). Every size the header declares is checked against the bytes, so
 * a file that lies about itself is refused here rather than misplayed later.
 */
import { type Code, type Diagnostic, diagnostic } from '@parley/flow';

export const PROMPT_MAX_BYTES = 50 * 1024 * 1024;
export const PROMPT_MAX_MS = 5 * 60 * 1000;

const PCM = 1;
const MULAW = 7;
const EXTENSIBLE = 0xfffe;

export type PromptAudioCheck =
  | { ok: true; durationMs: number; format: 'pcm16' | 'mulaw' }
  | { ok: false; diagnostics: Diagnostic[] };

const fail = (code: Code, message: string): PromptAudioCheck => ({
  ok: false,
  diagnostics: [diagnostic(code, message)],
});

export function checkPromptAudio(bytes: Uint8Array): PromptAudioCheck {
  if (bytes.byteLength >= PROMPT_MAX_BYTES)
    return fail(
      'RESOURCE_AUDIO_TOO_LARGE',
      `the file has ${bytes.byteLength} bytes; prompts are under 50 MB`,
    );
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tag = (at: number) => String.fromCharCode(...bytes.subarray(at, at + 4));
  if (bytes.byteLength < 12 || tag(0) !== 'RIFF' || tag(8) !== 'WAVE')
    return fail('RESOURCE_AUDIO_INVALID', 'not a RIFF/WAVE file');
  const riffEnd = 8 + view.getUint32(4, true);
  if (riffEnd !== bytes.byteLength)
    return fail(
      'RESOURCE_AUDIO_INVALID',
      `the RIFF header says ${riffEnd} bytes but the file has ${bytes.byteLength}`,
    );
  let fmt:
    | { code: number; channels: number; rate: number; byteRate: number; align: number; bits: number }
    | undefined;
  let dataBytes: number | undefined;
  for (let at = 12; at < riffEnd; ) {
    if (at + 8 > riffEnd) return fail('RESOURCE_AUDIO_INVALID', `a chunk header at byte ${at} is cut short`);
    const id = tag(at);
    const size = view.getUint32(at + 4, true);
    const body = at + 8;
    if (body + size > riffEnd)
      return fail('RESOURCE_AUDIO_INVALID', `chunk "${id}" says ${size} bytes, past the end of the file`);
    if (id === 'fmt ') {
      if (fmt) return fail('RESOURCE_AUDIO_INVALID', 'the file has two fmt chunks');
      if (size < 16) return fail('RESOURCE_AUDIO_INVALID', `the fmt chunk has ${size} bytes, fewer than 16`);
      let code = view.getUint16(body, true);
      // WAVE_FORMAT_EXTENSIBLE names the real encoding in the first two bytes of its sub-format GUID.
      if (code === EXTENSIBLE && size >= 40) code = view.getUint16(body + 24, true);
      fmt = {
        code,
        channels: view.getUint16(body + 2, true),
        rate: view.getUint32(body + 4, true),
        byteRate: view.getUint32(body + 8, true),
        align: view.getUint16(body + 12, true),
        bits: view.getUint16(body + 14, true),
      };
    } else if (id === 'data') {
      if (dataBytes !== undefined) return fail('RESOURCE_AUDIO_INVALID', 'the file has two data chunks');
      if (!fmt) return fail('RESOURCE_AUDIO_INVALID', 'the data chunk comes before the fmt chunk');
      dataBytes = size;
    }
    at = body + size + (size % 2);
  }
  if (!fmt) return fail('RESOURCE_AUDIO_INVALID', 'the file has no fmt chunk');
  if (dataBytes === undefined) return fail('RESOURCE_AUDIO_INVALID', 'the file has no data chunk');
  if (fmt.align !== (fmt.channels * fmt.bits) / 8 || fmt.byteRate !== fmt.rate * fmt.align)
    return fail(
      'RESOURCE_AUDIO_INVALID',
      `the fmt chunk contradicts itself: ${fmt.channels} channel(s) of ${fmt.bits} bits at ${fmt.rate} Hz make blocks of ${(fmt.channels * fmt.bits) / 8} bytes and ${fmt.rate * ((fmt.channels * fmt.bits) / 8)} bytes a second, not ${fmt.align} and ${fmt.byteRate}`,
    );
  const format =
    fmt.code === PCM && fmt.bits === 16
      ? 'pcm16'
      : fmt.code === MULAW && fmt.bits === 8
        ? 'mulaw'
        : undefined;
  if (!format)
    return fail(
      'RESOURCE_AUDIO_FORMAT',
      `the audio is ${fmt.bits}-bit ${fmt.code === PCM ? 'PCM' : `format ${fmt.code}`}; prompts are 16-bit PCM or 8-bit μ-law`,
    );
  if (fmt.rate !== 8000 || fmt.channels !== 1)
    return fail(
      'RESOURCE_AUDIO_FORMAT',
      `the audio is ${fmt.rate} Hz with ${fmt.channels} channel(s); prompts are 8000 Hz mono`,
    );
  if (dataBytes === 0 || dataBytes % fmt.align !== 0)
    return fail(
      'RESOURCE_AUDIO_INVALID',
      `the data chunk has ${dataBytes} bytes, not a whole number of samples`,
    );
  const durationMs = Math.round((dataBytes * 1000) / fmt.byteRate);
  if (durationMs >= PROMPT_MAX_MS)
    return fail(
      'RESOURCE_AUDIO_TOO_LARGE',
      `the audio lasts ${durationMs} ms; prompts are under five minutes`,
    );
  return { ok: true, durationMs, format };
}
