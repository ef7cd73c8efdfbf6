import type { ErrorObject } from 'ajv';
import type { Code } from '../diagnostics/codes.js';
import { type Diagnostic, diagnostic } from '../diagnostics/diagnostic.js';

const DYNAMIC_CODES: Record<string, Code> = {
  static: 'PARAM_MUST_BE_STATIC',
  pathOnly: 'PARAM_MUST_BE_JSONPATH',
  notWhole: 'PARAM_JSONPATH_NOT_WHOLE',
  invalid: 'JSONPATH_INVALID',
  namespace: 'JSONPATH_UNKNOWN_NAMESPACE',
  textNamespace: 'TEXT_REFERENCE_UNKNOWN_NAMESPACE',
};

function codeFor(e: ErrorObject, fallback: Code): Code {
  const reason = (e.params as { reason?: string }).reason ?? '';
  switch (e.keyword) {
    case 'required':
      return fallback === 'DOC_SCHEMA' ? 'DOC_SCHEMA' : 'PARAM_MISSING';
    case 'type':
      return fallback === 'DOC_SCHEMA' ? 'DOC_SCHEMA' : 'PARAM_TYPE';
    case 'enum':
    case 'const':
    case 'x-enum':
      return fallback === 'DOC_SCHEMA' ? 'DOC_SCHEMA' : 'PARAM_VALUE_NOT_ALLOWED';
    case 'x-range':
      return 'PARAM_OUT_OF_RANGE';
    case 'x-dynamic':
      return DYNAMIC_CODES[reason] ?? 'PARAM_INVALID';
    case 'x-resource':
      return reason === 'empty' ? 'REFERENCE_EMPTY' : 'REFERENCE_WRONG_KIND';
    default:
      return fallback;
  }
}

function describe(e: ErrorObject, label: string): string {
  const p = e.params as Record<string, unknown>;
  if (e.keyword === 'required') return `${label} is missing required "${String(p.missingProperty)}"`;
  if (e.keyword === 'enum') {
    const allowed = (p.allowedValues as unknown[]).filter((v) => typeof v === 'string');
    return `${label} must be one of ${allowed.map((v) => JSON.stringify(v)).join(', ')}`;
  }
  if (e.keyword === 'type') return `${label} must be ${String(p.type).replace(',', ' or ')}`;
  return `${label} ${e.message ?? 'is invalid'}`;
}

/**
 * Turns Ajv errors into diagnostics. `base` is the JSON Pointer of the validated value inside the
 * document; `label` names it for messages. Errors below a type error at the same place are noise.
 */
export function fromAjv(
  errors: readonly ErrorObject[] | null | undefined,
  opts: { base: string; fallback: Code; actionId?: string; label: (instancePath: string) => string },
): Diagnostic[] {
  if (!errors) return [];
  const typeFailed = new Set(errors.filter((e) => e.keyword === 'type').map((e) => e.instancePath));
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const e of errors) {
    // Composite keywords only repeat what their branches said.
    if (['anyOf', 'oneOf', 'allOf', 'if', 'propertyNames'].includes(e.keyword)) continue;
    if (e.keyword !== 'type' && typeFailed.has(e.instancePath)) continue;
    const missing =
      e.keyword === 'required' ? `/${String((e.params as { missingProperty: string }).missingProperty)}` : '';
    const path = `${opts.base}${e.instancePath}${missing}`;
    const code = codeFor(e, opts.fallback);
    const key = `${code}|${path}|${e.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(diagnostic(code, describe(e, opts.label(e.instancePath)), { actionId: opts.actionId, path }));
  }
  return out;
}
