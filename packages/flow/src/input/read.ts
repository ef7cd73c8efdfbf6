import { type ParseError, parse, printParseErrorCode } from 'jsonc-parser';
import { diagnostic, type Result } from '../diagnostics/index.js';
import { LIMITS } from './limits.js';

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * Turns bytes or text into a JSON value, refusing (with a coded diagnostic, never a throw) input that
 * is too large, not UTF-8, malformed, nested too deeply or holding absurdly long strings. The size is
 * checked before decoding so oversized input is never copied. `length` is the text's length, which
 * Connect's content limit is about.
 */
export function readJson(input: Uint8Array | string): Result<unknown> & { length?: number } {
  const size = typeof input === 'string' ? input.length : input.byteLength;
  if (size > LIMITS.maxBytes) {
    return fail(
      'INPUT_TOO_LARGE',
      `Input is ${formatBytes(size)}; the limit is ${formatBytes(LIMITS.maxBytes)}.`,
    );
  }
  let text: string;
  if (typeof input === 'string') {
    text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  } else {
    try {
      text = decoder.decode(input);
    } catch {
      return fail(
        'INPUT_NOT_UTF8',
        `Input is not valid UTF-8 (first bad byte at offset ${firstInvalidUtf8(input)}).`,
      );
    }
  }
  if (text.trim() === '') return fail('INPUT_EMPTY', 'Input is empty.');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return fail('JSON_SYNTAX', describeSyntaxError(text, e));
  }
  return checkShape(value) ?? { ok: true, value, length: text.length };
}

/** Whether checkShape must look at a value: a container, a string over `max`, a number out of range. */
const mayFail = (x: unknown, max: number): boolean =>
  typeof x === 'object'
    ? x !== null
    : typeof x === 'string'
      ? x.length > max
      : typeof x === 'number' && !Number.isFinite(x);

/**
 * Refuses values nested too deeply, holding absurdly long strings or numbers past a double's range
 * (read as Infinity) before any recursive code (ajv, deep-equal, our walkers) sees them. V8's
 * JSON.parse is itself iterative, so this runs after it, with an explicit stack. Values parsed
 * elsewhere (API bodies) go through it too.
 */
export function checkShape(value: unknown): Result<never> | undefined {
  // Parallel stacks instead of a [value, depth] pair per node, and only what can fail is pushed
  // (containers, strings over the limit, numbers out of range): this runs over every value of every
  // file read. What is
  // pushed is popped in the order a stack of every node would pop it, so the first problem reported
  // is the same.
  const values: unknown[] = [value];
  const depths: number[] = [0];
  const max = LIMITS.maxStringLength;
  while (values.length > 0) {
    const v = values.pop();
    const depth = depths.pop() as number;
    if (typeof v === 'string') {
      if (v.length > max) return tooLong(v);
    } else if (typeof v === 'number' && !Number.isFinite(v)) {
      // JSON.parse reads 1e999 as Infinity, which JSON.stringify writes as null: no round trip.
      return fail(
        'JSON_NUMBER_TOO_LARGE',
        `A number is larger than ${Number.MAX_VALUE.toPrecision(2)}: it reads as ${v} and would be saved as null.`,
      );
    } else if (typeof v === 'object' && v !== null) {
      if (depth >= LIMITS.maxDepth) {
        return fail('JSON_TOO_DEEP', `Objects and arrays nest more than ${LIMITS.maxDepth} levels deep.`);
      }
      if (Array.isArray(v)) {
        for (let i = 0; i < v.length; i++) {
          const x: unknown = v[i];
          if (mayFail(x, max)) {
            values.push(x);
            depths.push(depth + 1);
          }
        }
      } else {
        for (const k of Object.keys(v)) {
          if (k.length > max) return tooLong(k);
          const x: unknown = (v as Record<string, unknown>)[k];
          if (mayFail(x, max)) {
            values.push(x);
            depths.push(depth + 1);
          }
        }
      }
    }
  }
  return undefined;
}

const tooLong = (s: string) =>
  fail(
    'JSON_STRING_TOO_LONG',
    `A string starting "${s.slice(0, 40)}…" is ${s.length} characters long; the limit is ${LIMITS.maxStringLength}.`,
  );

/** JSON.parse says what went wrong but not reliably where; jsonc-parser (strict mode) says where. */
function describeSyntaxError(text: string, e: unknown): string {
  const errors: ParseError[] = [];
  try {
    parse(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  } catch {
    // jsonc-parser recurses once per level: thousands of unclosed brackets exhaust the stack. Where
    // such input breaks matters less than refusing it with a code.
    errors.length = 0;
  }
  const first = errors[0];
  if (!first) return `Malformed JSON: ${e instanceof Error ? e.message : String(e)}.`;
  const name = printParseErrorCode(first.error);
  const near =
    name === 'InvalidSymbol'
      ? ` '${text.slice(first.offset, first.offset + Math.min(first.length, 20))}'`
      : '';
  return `Malformed JSON at ${lineCol(text, first.offset)}: ${REASONS[name] ?? name}${near}.`;
}

// Keyed by jsonc-parser's error names (its codes are a const enum, which isolated modules cannot read).
const REASONS: Partial<Record<string, string>> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'invalid number',
  PropertyNameExpected: 'a property name (in double quotes) was expected',
  ValueExpected: 'a value was expected',
  ColonExpected: 'a colon was expected',
  CommaExpected: 'a comma was expected',
  CloseBraceExpected: 'a closing } was expected',
  CloseBracketExpected: 'a closing ] was expected',
  EndOfFileExpected: 'unexpected content after the end',
  InvalidCommentToken: 'comments are not allowed in JSON',
  UnexpectedEndOfComment: 'comments are not allowed in JSON',
  UnexpectedEndOfString: 'a string is not closed',
  UnexpectedEndOfNumber: 'a number ends abruptly',
  InvalidUnicode: 'invalid \\u escape',
  InvalidEscapeCharacter: 'invalid escape character',
  InvalidCharacter: 'invalid character in a string',
};

function lineCol(text: string, offset: number): string {
  let line = 1;
  let last = -1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    last = i;
  }
  return `line ${line}, column ${offset - last}`;
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  // Binary search on the longest decodable prefix: decode() is all-or-nothing.
  let lo = 0;
  let hi = bytes.byteLength;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
      lo = mid;
    } catch {
      hi = mid - 1;
    }
  }
  return lo;
}

const formatBytes = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${n} bytes`);

function fail(code: Parameters<typeof diagnostic>[0], message: string): Result<never> {
  return { ok: false, diagnostics: [diagnostic(code, message)] };
}
