/**
 * Connect's JSONPath subset (reference §5.1): `$` followed by `.name`, `['quoted']`, `.['quoted']`
 * (the documented console form) or `[n]` segments. Filters, scripts, wildcards, unions and recursive
 * descent are not part of the flow language and are rejected, so a path is data, never code.
 * Evaluation at run time goes through jsonpath-plus with the parsed segments.
 */
export type PathParse = { ok: true; segments: string[] } | { ok: false; reason: string };

const MAX_PATH_LENGTH = 1024;
const MAX_SEGMENTS = 32;
/** [A-Za-z0-9_-], by character code: a regex per character showed up in profiles of large flows. */
function isNameChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 45;
}

export function parsePath(path: string): PathParse {
  if (path.length > MAX_PATH_LENGTH)
    return { ok: false, reason: `longer than ${MAX_PATH_LENGTH} characters` };
  if (!path.startsWith('$')) return { ok: false, reason: 'must start with $' };
  const segments: string[] = [];
  let i = 1;
  while (i < path.length) {
    if (segments.length >= MAX_SEGMENTS) return { ok: false, reason: `more than ${MAX_SEGMENTS} segments` };
    const c = path[i];
    if (c === '.' && path[i + 1] === '.')
      return { ok: false, reason: 'recursive descent (..) is not supported' };
    if (c === '.' && path[i + 1] !== '[') {
      let j = i + 1;
      while (j < path.length && isNameChar(path.charCodeAt(j))) j++;
      if (j === i + 1) return { ok: false, reason: reasonAt(path, i + 1) };
      segments.push(path.slice(i + 1, j));
      i = j;
    } else if (c === '[' || (c === '.' && path[i + 1] === '[')) {
      const open = c === '[' ? i : i + 1;
      const seg = bracket(path, open);
      if (!seg.ok) return seg;
      segments.push(seg.value);
      i = seg.end;
    } else {
      return { ok: false, reason: reasonAt(path, i) };
    }
  }
  if (segments.length === 0) return { ok: false, reason: 'names no field' };
  return { ok: true, segments };
}

function bracket(
  path: string,
  open: number,
): { ok: true; value: string; end: number } | { ok: false; reason: string } {
  const q = path[open + 1];
  if (q === "'" || q === '"') {
    let j = open + 2;
    let value = '';
    while (j < path.length && path[j] !== q) {
      if (path[j] === '\\' && j + 1 < path.length) j++;
      value += path[j];
      j++;
    }
    if (path[j] !== q || path[j + 1] !== ']') return { ok: false, reason: "unterminated ['…'] segment" };
    return { ok: true, value, end: j + 2 };
  }
  const m = /^\[(\d{1,9})\]/.exec(path.slice(open));
  if (m?.[1] !== undefined) return { ok: true, value: m[1], end: open + m[0].length };
  return { ok: false, reason: reasonAt(path, open + 1) };
}

function reasonAt(path: string, i: number): string {
  const c = path.charAt(i);
  if (c === '*') return 'wildcards (*) are not supported';
  if (c === '?' || c === '(' || c === '@') return 'filter and script expressions are not supported';
  if (c === '') return 'ends after a separator';
  return `unexpected character '${c}' at position ${i}`;
}

/** A reference embedded in text (reference §5.3): identifier characters only, so "$.Name." ends a sentence. */
const TEXT_REFERENCE = /\$(?:\.[A-Za-z0-9_]+|\.?\[(?:'[^']*'|"[^"]*"|\d+)\])+/g;

export interface TextReference {
  path: string;
  index: number;
}

export function findReferences(text: string): TextReference[] {
  if (!text.includes('$')) return [];
  return [...text.matchAll(TEXT_REFERENCE)].map((m) => ({ path: m[0], index: m.index }));
}

/** True when the whole value is one JSONPath rather than text (level-2 parameters, reference §1.5). */
export const looksLikePath = (value: string): boolean => value.startsWith('$.') || value.startsWith('$[');
