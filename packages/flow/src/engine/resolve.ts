/**
 * JSONPath references against a contact, as Connect resolves them (reference §5). Every path is first
 * parsed by the flow-language parser (`parsePath`), which refuses filters, scripts, wildcards, unions
 * and recursive descent; only then does jsonpath-plus walk the flow data, with script evaluation off
 * and each segment escaped as a literal key. A hostile expression therefore ends as a coded error and
 * is never run.
 *
 * Missing data (reference §5.1, §3.4 Compare): a whole-value reference to nothing resolves to
 * `undefined` (no condition matches it, and blocks that need a value take their error branch); a
 * reference embedded in text reads as the empty string.
 */
import { JSONPath } from 'jsonpath-plus';
import { findReferences, isKnownPath, looksLikePath, parsePath } from '../jsonpath/index.js';
import { type Contact, flowData, type JsonValue } from './contact.js';
import { type EngineError, engineError } from './errors.js';

export type Resolution = { ok: true; value: JsonValue | undefined } | { ok: false; error: EngineError };

/**
 * Characters a flow-data key may contain: attribute keys are letters, digits, `-` and `_` (spaces in
 * the bracket form), SIP headers and Lex session attributes add `:`, `.` and `/`. Anything else in a
 * quoted segment (quotes, `@`, `(`, `^`, `~`, `,`, `#`…) only serves to smuggle JSONPath syntax.
 */
const SAFE_SEGMENT = /^[\p{L}\p{M}\p{N}_\-. :/+]+$/u;

/** Resolves one whole JSONPath (`$.Attributes.x`) against the contact. */
export function resolvePath(path: string, contact: Contact): Resolution {
  const parsed = parsePath(path);
  if (!parsed.ok)
    return fail('ENGINE_PATH_INVALID', `"${clip(path)}" is not a flow JSONPath: ${parsed.reason}`);
  const unsafe = parsed.segments.find((s) => !SAFE_SEGMENT.test(s));
  if (unsafe !== undefined)
    return fail('ENGINE_PATH_UNSAFE', `"${clip(path)}" has the segment "${clip(unsafe)}"`);
  if (!isKnownPath(parsed.segments))
    return fail('ENGINE_PATH_UNKNOWN', `"${clip(path)}" does not address the flow data`);
  return { ok: true, value: evaluate(parsed.segments, contact) };
}

function evaluate(segments: readonly string[], contact: Contact): JsonValue | undefined {
  // A backtick makes jsonpath-plus read the segment as a literal own property, never as syntax.
  const path = `$${segments.map((s) => `['\`${s}']`).join('')}`;
  const found = JSONPath({
    path,
    json: flowData(contact),
    eval: false,
    wrap: true,
    resultType: 'all',
  }) as { value: JsonValue; parent: unknown }[];
  const hit = found[0];
  // Strings have own properties too (`length`, indices); a flow-data value is never inside a string.
  if (!hit || typeof hit.parent !== 'object' || hit.parent === null) return undefined;
  return hit.value === null ? undefined : hit.value;
}

/** Whether a parameter value is one whole JSONPath rather than a static value (reference §1.5). */
export const isWholePath = (value: unknown): value is string =>
  typeof value === 'string' && looksLikePath(value.trim()) && !/\s/.test(value.trim());

/**
 * A parameter that is static or a single JSONPath: a path is resolved, anything else is returned as
 * written.
 */
export function resolveValue(param: unknown, contact: Contact): Resolution {
  if (isWholePath(param)) return resolvePath(param.trim(), contact);
  return { ok: true, value: param as JsonValue | undefined };
}

export interface InterpolateOptions {
  /** Escape inserted values for XML, so an attribute like "R&D" cannot break an SSML document. */
  escape?: 'ssml';
}

/**
 * Replaces every `$.…` reference inside free text (prompt Text/SSML, attribute values) with its value
 * (reference §5.3). Unknown namespaces and missing values read as empty text, as the validator
 * documents; an invalid or unsafe reference fails the whole text with a coded error.
 */
export function interpolate(
  text: string,
  contact: Contact,
  options: InterpolateOptions = {},
): { ok: true; value: string } | { ok: false; error: EngineError } {
  const refs = findReferences(text);
  if (refs.length === 0) return { ok: true, value: text };
  let out = '';
  let at = 0;
  for (const ref of refs) {
    const r = resolvePath(ref.path, contact);
    if (!r.ok && r.error.code !== 'ENGINE_PATH_UNKNOWN') return r;
    const value = r.ok ? toText(r.value) : '';
    out += text.slice(at, ref.index) + (options.escape === 'ssml' ? escapeXml(value ?? '') : (value ?? ''));
    at = ref.index + ref.path.length;
  }
  return { ok: true, value: out + text.slice(at) };
}

/** How a value reads as text: strings as they are, numbers and booleans spelled, objects as JSON. */
export function toText(value: JsonValue | undefined): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

const XML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
const escapeXml = (s: string): string => s.replace(/[&<>"']/g, (c) => XML[c] ?? c);

/** Paths come from flow documents; messages quote them, but never at unbounded length. */
const clip = (s: string): string => (s.length > 80 ? `${s.slice(0, 77)}...` : s);

const fail = (code: EngineError['code'], message: string): Resolution => ({
  ok: false,
  error: engineError(code, message),
});

/**
 * Parameters as the flow log shows them (reference §6.2, "resolved dynamic values appear here"):
 * whole-value paths replaced by their text (empty when missing), references inside text
 * interpolated, map keys too. A reference that cannot be resolved is logged as written.
 */
export function resolveParameters(
  parameters: Readonly<Record<string, unknown>>,
  contact: Contact,
): Record<string, JsonValue> {
  return resolveObject(parameters, contact, 0);
}

const MAX_DEPTH = 16;

function resolveObject(
  obj: Readonly<Record<string, unknown>>,
  contact: Contact,
  depth: number,
): Record<string, JsonValue> {
  return Object.fromEntries(
    Object.entries(obj).map(([k, v]) => [
      k.includes('$') ? resolveString(k, contact) : k,
      resolveAny(v, contact, depth + 1),
    ]),
  );
}

function resolveAny(v: unknown, contact: Contact, depth: number): JsonValue {
  if (typeof v === 'string') return resolveString(v, contact);
  if (depth > MAX_DEPTH || v === undefined) return null;
  if (Array.isArray(v)) return v.map((x) => resolveAny(x, contact, depth + 1));
  if (typeof v === 'object' && v !== null) return resolveObject(v as Record<string, unknown>, contact, depth);
  return v as JsonValue;
}

function resolveString(s: string, contact: Contact): string {
  if (!s.includes('$')) return s;
  if (isWholePath(s)) {
    const r = resolvePath(s.trim(), contact);
    return r.ok ? (toText(r.value) ?? '') : s;
  }
  const r = interpolate(s, contact);
  return r.ok ? r.value : s;
}
