/**
 * Byte-level mutation of real documents: bit flips, truncations, deletions, duplications, splices of
 * two documents, hostile JSON tokens and invalid UTF-8 sequences. A case is the recipe (seed index
 * and operations), so a counterexample prints small and replays exactly.
 */
import fc from 'fast-check';

const utf8 = (s: string) => new TextEncoder().encode(s);

/** Byte sequences that are not UTF-8, and a BOM or two that are easy to get wrong. */
export const INVALID_UTF8: readonly (readonly number[])[] = [
  [0xff],
  [0x80],
  [0xc0, 0x80], // overlong NUL
  [0xed, 0xa0, 0x80], // a UTF-16 surrogate
  [0xf4, 0x90, 0x80, 0x80], // past U+10FFFF
  [0xe2, 0x82], // cut short
  [0xfe, 0xff],
  [0xff, 0xfe], // UTF-16 LE BOM
  [0xef, 0xbb, 0xbf], // UTF-8 BOM, valid but only at the start
  [0x00],
];

/** JSON fragments that attack parsers and whatever reads the parsed value. */
export const HOSTILE_TOKENS: readonly string[] = [
  '"__proto__"',
  '{"__proto__":{"polluted":true}}',
  '"__proto__":{"polluted":true},',
  '"constructor":{"prototype":{"polluted":true}},',
  '"prototype"',
  '"$..*"',
  '"$[?(@.x)]"',
  '"$..[?(@.constructor.constructor(\'return process\')())]"',
  '"$.constructor.prototype"',
  '"$.Attributes.__proto__"',
  '1e999',
  '-0',
  '9007199254740993',
  '-1e-400',
  'null',
  'true',
  '[]',
  '{}',
  '""',
  '"\\ud800"',
  '"\\u0000"',
  '"\\uDFFF\\uD800"',
  '\\',
  '"',
  ',',
  ':',
  '[',
  ']',
  '{',
  '}',
  '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[',
  '"Version":"2019-10-30",',
  '"Actions":[],',
  '"modules":[],',
  '"NextAction":"nowhere",',
  '"Identifier":"__proto__",',
  '"Type":"constructor",',
  '"StartAction":"toString",',
];

export type ByteOp =
  | { op: 'flip'; at: number; bit: number }
  | { op: 'set'; at: number; byte: number }
  | { op: 'truncate'; at: number }
  | { op: 'delete'; at: number; length: number }
  | { op: 'duplicate'; at: number; length: number; to: number }
  | { op: 'token'; at: number; token: number }
  | { op: 'utf8'; at: number; sequence: number }
  | { op: 'splice'; at: number; other: number; from: number };

export interface ByteCase {
  seed: number;
  ops: ByteOp[];
}

export function byteOp(seedCount: number): fc.Arbitrary<ByteOp> {
  const at = fc.nat();
  return fc.oneof(
    fc.record({ op: fc.constant('flip' as const), at, bit: fc.nat(7) }),
    fc.record({ op: fc.constant('set' as const), at, byte: fc.nat(255) }),
    fc.record({ op: fc.constant('truncate' as const), at }),
    fc.record({ op: fc.constant('delete' as const), at, length: fc.nat(64) }),
    fc.record({ op: fc.constant('duplicate' as const), at, length: fc.nat(256), to: fc.nat() }),
    fc.record({ op: fc.constant('token' as const), at, token: fc.nat(HOSTILE_TOKENS.length - 1) }),
    fc.record({ op: fc.constant('utf8' as const), at, sequence: fc.nat(INVALID_UTF8.length - 1) }),
    fc.record({
      op: fc.constant('splice' as const),
      at,
      other: fc.nat(Math.max(0, seedCount - 1)),
      from: fc.nat(),
    }),
  );
}

export function byteCase(seedCount: number, maxOps = 6): fc.Arbitrary<ByteCase> {
  return fc.record({
    seed: fc.nat(Math.max(0, seedCount - 1)),
    ops: fc.array(byteOp(seedCount), { minLength: 1, maxLength: maxOps }),
  });
}

const concat = (...parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
};

const tokens = HOSTILE_TOKENS.map(utf8);

/** The bytes a recipe makes from the seed documents. */
export function applyBytes(seeds: readonly Uint8Array[], c: ByteCase): Uint8Array {
  let b = seeds[c.seed] ?? new Uint8Array();
  for (const o of c.ops) {
    const at = o.at % (b.byteLength + 1);
    switch (o.op) {
      case 'flip':
        if (at < b.byteLength) {
          b = b.slice();
          b[at] = (b[at] ?? 0) ^ (1 << o.bit);
        }
        break;
      case 'set':
        if (at < b.byteLength) {
          b = b.slice();
          b[at] = o.byte;
        }
        break;
      case 'truncate':
        b = b.subarray(0, at);
        break;
      case 'delete':
        b = concat(b.subarray(0, at), b.subarray(at + o.length));
        break;
      case 'duplicate': {
        const piece = b.subarray(at, at + o.length);
        const to = o.to % (b.byteLength + 1);
        b = concat(b.subarray(0, to), piece, b.subarray(to));
        break;
      }
      case 'token':
        b = concat(b.subarray(0, at), tokens[o.token] ?? new Uint8Array(), b.subarray(at));
        break;
      case 'utf8':
        b = concat(b.subarray(0, at), new Uint8Array(INVALID_UTF8[o.sequence] ?? []), b.subarray(at));
        break;
      case 'splice': {
        const other = seeds[o.other] ?? new Uint8Array();
        b = concat(b.subarray(0, at), other.subarray(o.from % (other.byteLength + 1)));
        break;
      }
    }
  }
  return b;
}
