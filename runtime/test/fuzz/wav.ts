/**
 * WAV files that lie: RIFF and chunk sizes past the end of the file (or short of it), zero and
 * huge channel counts and sample rates, formats that contradict themselves, chunks out of order,
 * truncations and stray bytes. A case is the description; `wavBytes` builds the file.
 */
import fc from 'fast-check';

export interface WavChunk {
  id: string;
  /** The size the header declares; `exact` tells the truth. */
  declared: 'exact' | number;
  body: { fmt: WavFormat } | { data: number } | { junk: number };
}

export interface WavFormat {
  code: number;
  channels: number;
  rate: number;
  /** Consistent values are computed from the others; a number lies. */
  byteRate: 'consistent' | number;
  align: 'consistent' | number;
  bits: number;
  /** WAVE_FORMAT_EXTENSIBLE: a 40-byte fmt naming the real code in its sub-format. */
  extensible?: number;
}

export interface WavCase {
  riff: 'exact' | number;
  form: string;
  chunks: WavChunk[];
  /** Cut the file to this many bytes. */
  truncate?: number;
  pokes: { at: number; byte: number }[];
}

const lie = fc.oneof(
  fc.constantFrom(0, 1, 2, 15, 16, 17, 40, 0x7fffffff, 0xffffffff, 0xfffffff8),
  fc.nat({ max: 5000 }),
);

const format: fc.Arbitrary<WavFormat> = fc.record(
  {
    code: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(1, 7) }, fc.constantFrom(0, 3, 6, 0xfffe, 0xffff)),
    channels: fc.oneof({ weight: 4, arbitrary: fc.constant(1) }, fc.constantFrom(0, 2, 6, 255, 65535)),
    rate: fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(8000, 22050) },
      fc.constantFrom(0, 1, 7999, 44100, 192000, 0x7fffffff, 0xffffffff),
    ),
    byteRate: fc.oneof({ weight: 4, arbitrary: fc.constant('consistent' as const) }, lie),
    align: fc.oneof(
      { weight: 4, arbitrary: fc.constant('consistent' as const) },
      fc.constantFrom(0, 1, 3, 65535),
    ),
    bits: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(8, 16) }, fc.constantFrom(0, 1, 4, 24, 32, 65535)),
    extensible: fc.constantFrom(1, 7, 3),
  },
  { requiredKeys: ['code', 'channels', 'rate', 'byteRate', 'align', 'bits'] },
);

const chunk: fc.Arbitrary<WavChunk> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      id: fc.constant('fmt '),
      declared: fc.oneof({ weight: 5, arbitrary: fc.constant('exact' as const) }, lie),
      body: fc.record({ fmt: format }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      id: fc.constant('data'),
      declared: fc.oneof({ weight: 5, arbitrary: fc.constant('exact' as const) }, lie),
      // Small: a lying rate makes resampling cost per sample, and the bug is the lie, not the size.
      body: fc.record({ data: fc.nat({ max: 600 }) }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      id: fc.constantFrom('LIST', 'fact', 'junk', '\0\0\0\0', 'RIFF', 'data'),
      declared: fc.oneof(fc.constant('exact' as const), lie),
      body: fc.record({ junk: fc.nat({ max: 64 }) }),
    }),
  },
);

/** The usual order (fmt, data) most of the time, anything at all otherwise. */
export const wavCase: fc.Arbitrary<WavCase> = fc.record(
  {
    riff: fc.oneof({ weight: 6, arbitrary: fc.constant('exact' as const) }, lie),
    form: fc.oneof({ weight: 10, arbitrary: fc.constant('WAVE') }, fc.constantFrom('AVI ', 'wave', '')),
    chunks: fc.oneof(
      { weight: 3, arbitrary: fc.tuple(chunk, chunk).map((c) => c) },
      { weight: 1, arbitrary: fc.array(chunk, { maxLength: 5 }) },
    ),
    truncate: fc.nat({ max: 2000 }),
    pokes: fc.array(fc.record({ at: fc.nat({ max: 2000 }), byte: fc.nat(255) }), { maxLength: 3 }),
  },
  { requiredKeys: ['riff', 'form', 'chunks', 'pokes'] },
);

/** A truthful 8 kHz mono file of `format` with `dataBytes` of audio: the cases that must be accepted. */
export function honestWav(format: 'pcm16' | 'mulaw', dataBytes: number): WavCase {
  const bits = format === 'pcm16' ? 16 : 8;
  return {
    riff: 'exact',
    form: 'WAVE',
    chunks: [
      {
        id: 'fmt ',
        declared: 'exact',
        body: {
          fmt: {
            code: format === 'pcm16' ? 1 : 7,
            channels: 1,
            rate: 8000,
            byteRate: 'consistent',
            align: 'consistent',
            bits,
          },
        },
      },
      { id: 'data', declared: 'exact', body: { data: dataBytes } },
    ],
    pokes: [],
  };
}

function fmtBytes(f: WavFormat): Uint8Array {
  const extensible = f.extensible !== undefined && f.code === 0xfffe;
  const out = new Uint8Array(extensible ? 40 : 16);
  const view = new DataView(out.buffer);
  const align = f.align === 'consistent' ? ((f.channels * f.bits) / 8) & 0xffff : f.align;
  const byteRate = f.byteRate === 'consistent' ? (f.rate * align) >>> 0 : f.byteRate;
  view.setUint16(0, f.code, true);
  view.setUint16(2, f.channels, true);
  view.setUint32(4, f.rate >>> 0, true);
  view.setUint32(8, byteRate >>> 0, true);
  view.setUint16(12, align, true);
  view.setUint16(14, f.bits, true);
  if (extensible) {
    view.setUint16(16, 22, true);
    view.setUint16(24, f.extensible ?? 1, true);
  }
  return out;
}

function bodyOf(c: WavChunk): Uint8Array {
  if ('fmt' in c.body) return fmtBytes(c.body.fmt);
  const n = 'data' in c.body ? c.body.data : c.body.junk;
  // A quiet ramp rather than zeros, so mixing and resampling have something to do.
  return Uint8Array.from({ length: n }, (_, i) => (i * 37) & 0xff);
}

const ascii = (s: string) => Uint8Array.from({ length: 4 }, (_, i) => s.charCodeAt(i) & 0xff);

export function wavBytes(c: WavCase): Uint8Array {
  const parts: Uint8Array[] = [];
  for (const ch of c.chunks) {
    const body = bodyOf(ch);
    const header = new Uint8Array(8);
    header.set(ascii(ch.id));
    new DataView(header.buffer).setUint32(
      4,
      ch.declared === 'exact' ? body.byteLength : ch.declared >>> 0,
      true,
    );
    parts.push(header, body);
    if (body.byteLength % 2 === 1) parts.push(new Uint8Array(1));
  }
  const size = parts.reduce((n, p) => n + p.byteLength, 12);
  const out = new Uint8Array(size);
  out.set(ascii('RIFF'));
  new DataView(out.buffer).setUint32(4, c.riff === 'exact' ? size - 8 : c.riff >>> 0, true);
  out.set(ascii(c.form.padEnd(4, ' ')), 8);
  let at = 12;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  for (const p of c.pokes) if (p.at < out.byteLength) out[p.at] = p.byte;
  return c.truncate !== undefined && c.truncate < out.byteLength ? out.subarray(0, c.truncate) : out;
}

/** Whether the case describes a file every size of which tells the truth (no truncation or pokes). */
export const isHonest = (c: WavCase): boolean =>
  c.riff === 'exact' &&
  c.form === 'WAVE' &&
  c.truncate === undefined &&
  c.pokes.length === 0 &&
  c.chunks.every((ch) => ch.declared === 'exact');
