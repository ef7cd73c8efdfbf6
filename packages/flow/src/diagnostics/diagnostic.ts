import { CODES, type Code, type Severity } from './codes.js';

export interface Diagnostic {
  code: Code;
  severity: Severity;
  message: string;
  /** Identifier of the action the diagnostic is about, when there is one. */
  actionId?: string;
  /** JSON Pointer (RFC 6901) into the document, e.g. `/Actions/3/Parameters/Text`. */
  path?: string;
}

export interface Where {
  actionId?: string | undefined;
  path?: string | undefined;
  /** Overrides the catalogue severity where context decides it (publishing turns warnings into errors). */
  severity?: Severity;
}

export function diagnostic(code: Code, message: string, where: Where = {}): Diagnostic {
  const d: Diagnostic = { code, severity: where.severity ?? CODES[code].severity, message };
  if (where.actionId !== undefined) d.actionId = where.actionId;
  if (where.path !== undefined) d.path = where.path;
  return d;
}

/** Builds a JSON Pointer from segments, escaping `~` and `/` as RFC 6901 requires. */
export function pointer(...segments: (string | number)[]): string {
  let out = '';
  for (const s of segments) {
    const str = String(s);
    out += `/${str.includes('~') || str.includes('/') ? str.replaceAll('~', '~0').replaceAll('/', '~1') : str}`;
  }
  return out;
}

export const hasErrors = (ds: readonly Diagnostic[]): boolean => ds.some((d) => d.severity === 'error');

export type Result<T> = { ok: true; value: T } | { ok: false; diagnostics: Diagnostic[] };
