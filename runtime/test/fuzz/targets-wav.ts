/**
 * Both WAV readers against lying headers. readWav (text-to-speech output) must give audio that
 * resampling can use, or a reason; checkPromptAudio (uploads) must refuse with a code any file
 * whose sizes do not add up, and accept an honest 8 kHz mono file.
 */
import { expectCoded, guarded, must } from '../../../packages/flow/test/fuzz/oracle.js';
import { durationMs, readWav, resample, TELEPHONY_RATE } from '../../src/integrations/wav.js';
import { checkPromptAudio, PROMPT_MAX_MS } from '../../src/resources/audio.js';
import { isHonest, type WavCase, type WavFormat, wavBytes } from './wav.js';

export { type WavCase, wavCase } from './wav.js';

/** The format of an honest two-chunk file that prompts accept, if the case is one. */
function acceptable(c: WavCase): { format: WavFormat; data: number } | undefined {
  const [fmt, data] = c.chunks;
  if (!isHonest(c) || c.chunks.length !== 2 || !fmt || !data) return undefined;
  if (!('fmt' in fmt.body) || fmt.id !== 'fmt ' || !('data' in data.body) || data.id !== 'data')
    return undefined;
  const f = fmt.body.fmt;
  const pcm16 = f.code === 1 && f.bits === 16;
  const mulaw = f.code === 7 && f.bits === 8;
  const consistent = f.byteRate === 'consistent' && f.align === 'consistent';
  if (!(pcm16 || mulaw) || !consistent || f.channels !== 1 || f.rate !== 8000) return undefined;
  const align = f.bits / 8;
  if (data.body.data === 0 || data.body.data % align !== 0) return undefined;
  return { format: f, data: data.body.data };
}

export function checkWav(c: WavCase): void {
  const bytes = wavBytes(c);

  const pcm = guarded('readWav', () => readWav(bytes));
  if ('error' in pcm)
    must(typeof pcm.error === 'string', 'contract', () => 'readWav refused without a reason');
  else {
    must(pcm.samples instanceof Int16Array, 'contract', () => 'readWav gave no samples');
    const phone = guarded('resample', () => resample(pcm, TELEPHONY_RATE));
    must(phone.sampleRate === TELEPHONY_RATE, 'contract', () => `resampled to ${phone.sampleRate} Hz`);
    const ms = guarded('durationMs', () => durationMs(phone));
    must(Number.isFinite(ms) && ms >= 0, 'contract', () => `a duration of ${ms} ms`);
  }

  const checked = guarded('checkPromptAudio', () => checkPromptAudio(bytes));
  const honest = acceptable(c);
  if (!checked.ok) {
    expectCoded(checked.diagnostics, 'checkPromptAudio');
    must(
      checked.diagnostics.every((d) => d.code.startsWith('RESOURCE_AUDIO_')),
      'contract',
      () => `refused as ${checked.diagnostics.map((d) => d.code).join(', ')}`,
    );
    must(
      honest === undefined,
      'contract',
      () => `refused an honest prompt: ${checked.diagnostics[0]?.message}`,
    );
    return;
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  must(
    bytes.byteLength >= 12 && view.getUint32(4, true) + 8 === bytes.byteLength,
    'contract',
    () => 'accepted a RIFF size that is not the file size',
  );
  must(
    Number.isInteger(checked.durationMs) && checked.durationMs >= 0 && checked.durationMs < PROMPT_MAX_MS,
    'contract',
    () => `accepted a duration of ${checked.durationMs} ms`,
  );
  if (honest) {
    const expected = Math.round((honest.data * 1000) / (8000 * (honest.format.bits / 8)));
    must(
      checked.durationMs === expected,
      'contract',
      () => `${checked.durationMs} ms instead of ${expected}`,
    );
  }
}
