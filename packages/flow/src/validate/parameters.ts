import type { ValidateFunction } from 'ajv';
import { hasPlaceholder } from '../arn/arn.js';
import type { BlockSpec } from '../catalog/types.js';
import { type Diagnostic, diagnostic, pointer } from '../diagnostics/diagnostic.js';
import type { ActionNode } from '../model/types.js';
import { getAjv } from './ajv.js';
import { fromAjv } from './ajv-errors.js';

const compiled = new WeakMap<BlockSpec, ValidateFunction>();

function validatorFor(block: BlockSpec): ValidateFunction {
  let v = compiled.get(block);
  if (!v) {
    v = getAjv().compile(block.parameters);
    compiled.set(block, v);
  }
  return v;
}

/** Checks an action's Parameters against its block: schema, dynamic-ness, references, exclusive groups. */
export function checkParameters(action: ActionNode, block: BlockSpec, index: number): Diagnostic[] {
  const params = action.parameters ?? {};
  const validate = validatorFor(block);
  validate(params);
  const known = block.parameters.properties;
  const unknown = Object.keys(params).filter((k) => !Object.hasOwn(known, k));
  const placeholders = placeholderPaths(params, '');
  const present = (k: string) => params[k] !== undefined;
  const groups = [...(block.exactlyOneOf ?? []), ...(block.atMostOneOf ?? [])];
  const needOne = [...(block.exactlyOneOf ?? []), ...(block.atLeastOneOf ?? [])];
  const groupsOk =
    needOne.every((g) => g.some(present)) && groups.every((g) => g.filter(present).length <= 1);
  // The common case reports nothing; build no pointers for it.
  if (!validate.errors && unknown.length === 0 && placeholders.size === 0 && groupsOk) return [];

  const base = pointer('Actions', index, 'Parameters');
  // A template placeholder stands for a value the template fills in later; whatever rule the value
  // breaks now (type, range, allowed values) is the placeholder's, reported once as a warning.
  const out = fromAjv(validate.errors, {
    base,
    fallback: 'PARAM_INVALID',
    actionId: action.id,
    label: (p) => (p ? `Parameter ${p.slice(1).replaceAll('/', '.')}` : 'Parameters'),
  }).filter((d) => !placeholders.has((d.path ?? '').slice(base.length)));
  for (const [path, value] of placeholders) {
    out.push(
      diagnostic(
        'REFERENCE_PLACEHOLDER',
        `Parameter ${path.slice(1).replaceAll('/', '.')} holds the unresolved template placeholder "${value}"`,
        {
          actionId: action.id,
          path: `${base}${path}`,
        },
      ),
    );
  }

  for (const key of unknown) {
    out.push(
      diagnostic('PARAM_UNKNOWN', `${block.type} has no parameter "${key}"; it is kept but has no effect`, {
        actionId: action.id,
        path: `${base}${pointer(key)}`,
      }),
    );
  }

  for (const group of needOne) {
    if (!group.some(present)) {
      out.push(
        diagnostic('PARAM_ONE_OF_MISSING', `${block.type} needs one of ${group.join(', ')}`, {
          actionId: action.id,
          path: base,
        }),
      );
    }
  }
  for (const group of groups) {
    const given = group.filter(present);
    if (given.length > 1) {
      out.push(
        diagnostic('PARAM_CONFLICT', `${block.type} takes only one of ${given.join(', ')}`, {
          actionId: action.id,
          path: base,
        }),
      );
    }
  }
  return dedupe(out);
}

/** JSON Pointers of every string inside `value` that holds a template placeholder. */
function placeholderPaths(
  value: unknown,
  at: string,
  found = new Map<string, string>(),
): Map<string, string> {
  if (typeof value === 'string') {
    if (hasPlaceholder(value)) found.set(at, value);
  } else if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) placeholderPaths(v, `${at}${pointer(i)}`, found);
  } else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) placeholderPaths(v, `${at}${pointer(k)}`, found);
  }
  return found;
}

function dedupe(ds: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return ds.filter((d) => {
    const k = `${d.code}|${d.path}|${d.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
