import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkPromptAudio } from '../../src/resources/index.js';

const sounds = resolve(fileURLToPath(import.meta.url), '../../../../packages/ari-sim/sounds/en');

interface Header {
  code?: number;
  channels?: number;
  rate?: number;
  bits?: number;
  byteRate?: number;
  align?: number;
  riffSize?: number;
  dataSize?: number;
  /** Bytes after the 16 of a plain fmt chunk: 2 for cbSize, 24 more for WAVE_FORMAT_EXTENSIBLE. */
  fmtExtra?: Uint8Array;
}

/** A WAV file around `data`, with every header field open to being a lie. */
function wav(data: Uint8Array, h: Header = {}): Uint8Array {
  const code = h.code ?? 1;
  const channels = h.channels ?? 1;
  const rate = h.rate ?? 8000;
  const bits = h.bits ?? 16;
  const align = h.align ?? (channels * bits) / 8;
  const extra = h.fmtExtra ?? new Uint8Array();
  const fmtSize = 16 + extra.byteLength;
  const out = new Uint8Array(12 + 8 + fmtSize + 8 + data.byteLength);
  const view = new DataView(out.buffer);
  const ascii = (at: number, s: string) => {
    for (let i = 0; i < s.length; i++) out[at + i] = s.charCodeAt(i);
  };
  ascii(0, 'RIFF');
  view.setUint32(4, h.riffSize ?? out.byteLength - 8, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  view.setUint32(16, fmtSize, true);
  view.setUint16(20, code, true);
  view.setUint16(22, channels, true);
  view.setUint32(24, rate, true);
  view.setUint32(28, h.byteRate ?? rate * align, true);
  view.setUint16(32, align, true);
  view.setUint16(34, bits, true);
  out.set(extra, 36);
  const dataAt = 36 + extra.byteLength;
  ascii(dataAt, 'data');
  view.setUint32(dataAt + 4, h.dataSize ?? data.byteLength, true);
  out.set(data, dataAt + 8);
  return out;
}

/** A copy of a cut-off file whose RIFF size tells the truth about its new length. */
function resized(bytes: Uint8Array): Uint8Array {
  const copy = new Uint8Array(bytes);
  new DataView(copy.buffer).setUint32(4, copy.byteLength - 8, true);
  return copy;
}

const ulaw = () => new Uint8Array(readFileSync(join(sounds, 'demo-congrats.ulaw')));
const codeOf = (bytes: Uint8Array) => {
  const checked = checkPromptAudio(bytes);
  return checked.ok ? 'ok' : checked.diagnostics[0]?.code;
};

describe('checking uploaded prompt audio', () => {
  it.each([
    ['hello-world.wav', 1404],
    ['beep.wav', 250],
    ['vm-goodbye.wav', 865],
  ])('accepts the 8 kHz 16-bit sound %s and measures it', (file, durationMs) => {
    expect(checkPromptAudio(readFileSync(join(sounds, file)))).toEqual({
      ok: true,
      durationMs,
      format: 'pcm16',
    });
  });

  it('accepts 8 kHz μ-law, Connect’s own format, with the cbSize its fmt chunk usually has', () => {
    const audio = wav(ulaw(), { code: 7, bits: 8, fmtExtra: new Uint8Array(2) });
    expect(checkPromptAudio(audio)).toEqual({ ok: true, durationMs: 30300, format: 'mulaw' });
  });

  it('reads the real encoding of a WAVE_FORMAT_EXTENSIBLE file', () => {
    const extensible = new Uint8Array(24);
    new DataView(extensible.buffer).setUint16(0, 22, true);
    extensible[8] = 7; // the sub-format GUID starts with the format code
    expect(codeOf(wav(ulaw(), { code: 0xfffe, bits: 8, fmtExtra: extensible }))).toBe('ok');
  });

  it('accepts a chunk it does not know between fmt and data, skipping its padding', () => {
    const base = wav(new Uint8Array(800));
    const list = new Uint8Array([...new TextEncoder().encode('LIST'), 3, 0, 0, 0, 1, 2, 3, 0]);
    const bytes = new Uint8Array([...base.subarray(0, 36), ...list, ...base.subarray(36)]);
    new DataView(bytes.buffer).setUint32(4, bytes.byteLength - 8, true);
    expect(checkPromptAudio(bytes)).toEqual({ ok: true, durationMs: 50, format: 'pcm16' });
  });

  it.each([
    ['16 kHz audio', { rate: 16000 }],
    ['stereo audio', { channels: 2 }],
    ['8-bit PCM', { bits: 8 }],
    ['A-law', { code: 6, bits: 8 }],
    ['32-bit float', { code: 3, bits: 32 }],
  ])('refuses %s with RESOURCE_AUDIO_FORMAT', (_what, header) => {
    expect(codeOf(wav(new Uint8Array(1600), header))).toBe('RESOURCE_AUDIO_FORMAT');
  });

  it.each([
    ['text', new TextEncoder().encode('hello, I am not a WAV file')],
    ['an MP3', new Uint8Array([0x49, 0x44, 0x33, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0])],
    ['a RIFF size longer than the file', wav(new Uint8Array(1600), { riffSize: 100_000 })],
    ['a RIFF size shorter than the file', wav(new Uint8Array(1600), { riffSize: 1000 })],
    ['a data size past the end of the file', wav(new Uint8Array(1600), { dataSize: 1_000_000 })],
    ['a byte rate that does not follow from the format', wav(new Uint8Array(1600), { byteRate: 8000 })],
    [
      'a block alignment that does not follow from the format',
      wav(new Uint8Array(1600), { align: 4, byteRate: 32000 }),
    ],
    ['no samples', wav(new Uint8Array(0))],
    ['half a sample', wav(new Uint8Array(1601))],
    ['a chunk header cut short', resized(wav(new Uint8Array(1600)).subarray(0, 40))],
  ])('refuses %s with RESOURCE_AUDIO_INVALID', (_what, bytes) => {
    expect(codeOf(bytes)).toBe('RESOURCE_AUDIO_INVALID');
  });

  it('refuses a file without a data chunk, or with its data before its format', () => {
    const noData = resized(wav(new Uint8Array(0)).subarray(0, 36));
    expect(checkPromptAudio(noData)).toMatchObject({
      ok: false,
      diagnostics: [{ message: 'the file has no data chunk' }],
    });
    const bytes = wav(new Uint8Array(16));
    const swapped = new Uint8Array([
      ...bytes.subarray(0, 12),
      ...bytes.subarray(36),
      ...bytes.subarray(12, 36),
    ]);
    expect(checkPromptAudio(swapped)).toMatchObject({
      ok: false,
      diagnostics: [{ code: 'RESOURCE_AUDIO_INVALID', message: 'the data chunk comes before the fmt chunk' }],
    });
  });

  it('refuses audio of five minutes or more, and files of 50 MB or more, with RESOURCE_AUDIO_TOO_LARGE', () => {
    expect(codeOf(wav(new Uint8Array(8000 * 300), { code: 7, bits: 8 }))).toBe('RESOURCE_AUDIO_TOO_LARGE');
    expect(codeOf(wav(new Uint8Array(8000 * 299), { code: 7, bits: 8 }))).toBe('ok');
    expect(codeOf(new Uint8Array(50 * 1024 * 1024))).toBe('RESOURCE_AUDIO_TOO_LARGE');
  });
});
