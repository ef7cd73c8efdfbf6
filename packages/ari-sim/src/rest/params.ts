import type { ParamSpec } from '@parley/ari';

export type ParamValue = string | number | boolean | string[];

/** `ast_true`: what Asterisk accepts as yes in a query string. */
function isTrue(text: string): boolean {
  return /^(yes|true|y|t|1|on)$/i.test(text.trim());
}

/** `atoi`: leading digits, else 0. */
function toInt(text: string): number {
  const n = Number.parseInt(text.trim(), 10);
  return Number.isNaN(n) ? 0 : n;
}

function fromQuery(spec: ParamSpec, raw: string): ParamValue {
  if (spec.multiple) return raw.split(',');
  if (spec.type === 'int' || spec.type === 'long') return toInt(raw);
  if (spec.type === 'boolean') return isTrue(raw);
  return raw;
}

/** The generated `*_parse_body`: a field of the right JSON type overrides the query string. */
function fromBody(spec: ParamSpec, value: unknown): ParamValue | undefined {
  if (spec.multiple) {
    if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
    return typeof value === 'string' ? [value] : undefined;
  }
  if (spec.type === 'int' || spec.type === 'long') {
    if (typeof value === 'number') return Math.trunc(value);
    return value === undefined ? undefined : 0;
  }
  if (spec.type === 'boolean') return value === undefined ? undefined : value === true;
  return typeof value === 'string' ? value : undefined;
}

export interface RawRequestParams {
  path: Record<string, string>;
  query: Record<string, string>;
  body: Record<string, unknown> | undefined;
}

/**
 * Parameters as Asterisk's generated handlers read them: path, then query string (multi-valued
 * ones comma-split), then the JSON body, typed by the operation's swagger spec. `default`s from
 * the spec fill what neither gave. Body-only containers (`variables`) stay in the raw body.
 */
export function parseParams(specs: readonly ParamSpec[], raw: RawRequestParams): Map<string, ParamValue> {
  const out = new Map<string, ParamValue>();
  for (const spec of specs) {
    if (spec.in === 'body') continue;
    if (spec.in === 'path') {
      const value = raw.path[spec.name];
      if (value !== undefined) out.set(spec.name, value);
      continue;
    }
    const query = raw.query[spec.name];
    if (query !== undefined) out.set(spec.name, fromQuery(spec, query));
    const body = raw.body ? fromBody(spec, raw.body[spec.name]) : undefined;
    if (body !== undefined) out.set(spec.name, body);
    if (!out.has(spec.name) && spec.default !== undefined) out.set(spec.name, spec.default as ParamValue);
  }
  return out;
}
