import { diagnostic, type Result } from '../diagnostics/index.js';
import { LIMITS } from './limits.js';

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * Turns bytes or text into a JSON value, refusing (with a coded diagnostic, never a throw) input that
 * is too large, not UTF-8, malformed, nested too deeply or holding absurdly long strings. The size is
 * checked before decoding so oversized input is never copied.
 */
export function readJson(input: Uint8Array | string): Result<unknown> {
  const size = typeof input === 'string' ? input.length : input.byteLength;
  if (size > LIMITS.maxBytes) {
    return fail('INPUT_TOO_LARGE', `Input is ${formatBytes(size)}; the limit is ${formatBytes(LIMITS.maxBytes)}.`);
  }
  let text: string;
  if (typeof input === 'string') {
    text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  } else {
    try {
      text = decoder.decode(input);
    } catch {
      return fail('INPUT_NOT_UTF8', `Input is not valid UTF-8 (first bad byte at offset ${firstInvalidUtf8(input)}).`);
    }
  }
  if (text.trim() === '') return fail('INPUT_EMPTY', 'Input is empty.');
  const shape = checkShape(text);
  if (shape) return shape;
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (e) {
    return fail('JSON_SYNTAX', describeSyntaxError(text, e));
  }
}

/**
 * One linear scan for nesting depth and string length before JSON.parse, so hostile input is refused
 * before any recursive code (ajv, our walkers) sees it.
 */
function checkShape(text: string): Result<unknown> | undefined {
  let depth = 0;
  let inString = false;
  let stringStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) {
        inString = false;
        if (i - stringStart > LIMITS.maxStringLength) {
          return fail('JSON_STRING_TOO_LONG', `A string at ${lineCol(text, stringStart)} is ${i - stringStart} characters long; the limit is ${LIMITS.maxStringLength}.`);
        }
      }
    } else if (c === 0x22) {
      inString = true;
      stringStart = i;
    } else if (c === 0x7b || c === 0x5b) {
      if (++depth > LIMITS.maxDepth) {
        return fail('JSON_TOO_DEEP', `Nesting exceeds ${LIMITS.maxDepth} levels at ${lineCol(text, i)}.`);
      }
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  if (inString && text.length - stringStart > LIMITS.maxStringLength) {
    return fail('JSON_STRING_TOO_LONG', `An unterminated string at ${lineCol(text, stringStart)} exceeds ${LIMITS.maxStringLength} characters.`);
  }
  return undefined;
}

function describeSyntaxError(text: string, e: unknown): string {
  const raw = e instanceof Error ? e.message : String(e);
  const at = /position (\d+)/.exec(raw);
  const reason = raw.replace(/ in JSON at position \d+.*$/s, '').replace(/^Unexpected token '?(.)'?, .*$/s, "Unexpected character '$1'");
  return at?.[1] ? `Malformed JSON at ${lineCol(text, Number(at[1]))}: ${reason}.` : `Malformed JSON: ${reason}.`;
}

function lineCol(text: string, offset: number): string {
  let line = 1;
  let last = -1;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 0x0a) {
      line++;
      last = i;
    }
  }
  return `line ${line}, column ${offset - last}`;
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  // Binary search on the longest valid prefix: decode() is all-or-nothing.
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
