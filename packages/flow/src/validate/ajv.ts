/**
 * One Ajv instance for every schema Parley validates, with the keywords block parameter schemas use
 * (see catalog/params.ts). Keyword failures carry a `reason` that maps to a diagnostic code.
 */
import { Ajv, type ErrorObject, type SchemaValidateFunction } from 'ajv';
import { arnKind, hasPlaceholder } from '../arn/arn.js';
import type { ResourceKind } from '../catalog/vocabulary.js';
import { findReferences, isKnownPath, looksLikePath, parsePath } from '../jsonpath/index.js';

type KeywordError = Partial<ErrorObject> & { params: { reason: string; detail?: string } };

/** Shared by every passing check: keywords run once per parameter value, so they must not allocate. */
const OK: KeywordError[] = [];

function keyword(check: (schema: never, data: unknown, parent: Record<string, unknown>) => KeywordError[]) {
  const validate: SchemaValidateFunction = (schema, data, parentSchema) => {
    const errors = check(schema as never, data, (parentSchema ?? {}) as Record<string, unknown>);
    if (errors.length === 0) return true;
    validate.errors = errors as ErrorObject[];
    return false;
  };
  return validate;
}

const err = (keywordName: string, reason: string, message: string, detail?: string): KeywordError => ({
  keyword: keywordName,
  message,
  params: detail === undefined ? { reason } : { reason, detail },
});

/** Checks one whole-value JSONPath; returns the error or nothing. */
function checkWholePath(value: string): KeywordError | undefined {
  const parsed = parsePath(value);
  if (!parsed.ok) return err('x-dynamic', 'invalid', `"${value}" is not a valid JSONPath: ${parsed.reason}`);
  if (!isKnownPath(parsed.segments)) {
    return err(
      'x-dynamic',
      'namespace',
      `"${value}" does not address the flow data ($.Attributes, $.External, $.Queue…)`,
    );
  }
  return undefined;
}

const dynamic = keyword((mode: 'static' | 'path' | 'text' | 'pathOnly', data) => {
  if (typeof data !== 'string') return OK;
  if (mode !== 'pathOnly' && !data.includes('$')) return OK;
  const whole = looksLikePath(data) && !/\s/.test(data.trim());
  switch (mode) {
    case 'static':
      return findReferences(data).length > 0 || whole
        ? [err('x-dynamic', 'static', `must be a fixed value, not the JSONPath "${data}"`)]
        : OK;
    case 'pathOnly': {
      if (!whole)
        return [err('x-dynamic', 'pathOnly', `must be a JSONPath such as $.Attributes.x, not "${data}"`)];
      const e = checkWholePath(data.trim());
      return e ? [e] : OK;
    }
    case 'path': {
      if (whole) {
        const e = checkWholePath(data.trim());
        return e ? [e] : OK;
      }
      return findReferences(data).length > 0
        ? [
            err(
              'x-dynamic',
              'notWhole',
              `accepts a fixed value or one JSONPath, not text with references: "${data}"`,
            ),
          ]
        : OK;
    }
    case 'text':
      // Text is interpolated, not parsed: Connect speaks what is not a reference. Only the embedded
      // references are checked, and an unknown one merely speaks as empty text.
      return findReferences(data)
        .filter((r) => {
          const p = parsePath(r.path);
          return p.ok && !isKnownPath(p.segments);
        })
        .map((r) => err('x-dynamic', 'textNamespace', `references ${r.path}, which is not in the flow data`));
  }
});

const range = keyword(([min, max]: [number, number], data, parent) => {
  const decimal = parent['x-decimal'] === true;
  let n: number;
  if (typeof data === 'number') n = data;
  else if (typeof data === 'string') {
    if (looksLikePath(data) && parent['x-dynamic'] !== 'static') return OK;
    const pattern = decimal ? /^\s*-?\d+(\.\d+)?\s*$/ : /^\s*-?\d+\s*$/;
    if (!pattern.test(data))
      return [
        err(
          'x-range',
          'notNumber',
          `must be ${decimal ? 'a number' : 'a whole number'} from ${min} to ${max}, not "${data}"`,
        ),
      ];
    n = Number(data);
  } else return OK;
  if (!decimal && !Number.isInteger(n))
    return [err('x-range', 'notInteger', `must be a whole number, not ${n}`)];
  if (n < min || n > max) return [err('x-range', 'range', `must be from ${min} to ${max}, not ${n}`)];
  return OK;
});

const enumDynamic = keyword((values: string[], data) => {
  if (typeof data !== 'string' || looksLikePath(data) || values.includes(data)) return OK;
  return [err('x-enum', 'enum', `must be one of ${values.join(', ')}`)];
});

const resourceRef = keyword((kind: ResourceKind, data) => {
  if (data === '')
    return [err('x-resource', 'empty', `names no ${kind}: the block was saved without choosing one`)];
  if (typeof data !== 'string' || !data.startsWith('arn:')) return OK;
  // Placeholders are reported by checkParameters for every parameter, resource or not.
  if (hasPlaceholder(data)) return OK;
  const actual = arnKind(data);
  if (actual !== undefined && actual !== kind) {
    return [err('x-resource', 'wrongKind', `expects a ${kind} but the ARN names a ${actual}`, actual)];
  }
  return OK;
});

let shared: Ajv | undefined;

export function getAjv(): Ajv {
  if (shared) return shared;
  const ajv = new Ajv({ allErrors: true, allowUnionTypes: true, strict: true, strictRequired: false });
  ajv.addKeyword({ keyword: 'x-dynamic', schemaType: 'string', errors: true, validate: dynamic });
  ajv.addKeyword({ keyword: 'x-range', schemaType: 'array', errors: true, validate: range });
  ajv.addKeyword({ keyword: 'x-enum', schemaType: 'array', errors: true, validate: enumDynamic });
  ajv.addKeyword({ keyword: 'x-resource', schemaType: 'string', errors: true, validate: resourceRef });
  ajv.addKeyword({ keyword: 'x-decimal', schemaType: 'boolean' });
  shared = ajv;
  return ajv;
}
