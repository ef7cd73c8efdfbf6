import type { ValidateFunction } from 'ajv';
import { hasPlaceholder } from '../arn/arn.js';
import type { BlockSpec } from '../catalog/types.js';
import { type Diagnostic, diagnostic, pointer } from '../diagnostics/diagnostic.js';
import type { ActionNode } from '../model/types.js';
import { getAjv } from './ajv.js';
import { fromAjv } from './ajv-errors.js';

interface CompiledBlock {
  validate: ValidateFunction;
  /** Groups of which at least one parameter must be present (exactlyOneOf and atLeastOneOf). */
  needOne: readonly (readonly string[])[];
  /** Groups of which at most one parameter may be present (exactlyOneOf and atMostOneOf). */
  atMostOne: readonly (readonly string[])[];
}

const compiled = new WeakMap<BlockSpec, CompiledBlock>();
const NONE: readonly (readonly string[])[] = [];

function compile(block: BlockSpec): CompiledBlock {
  let c = compiled.get(block);
  if (!c) {
    c = {
      validate: getAjv().compile(block.parameters),
      needOne: [...(block.exactlyOneOf ?? []), ...(block.atLeastOneOf ?? [])],
      atMostOne: [...(block.exactlyOneOf ?? []), ...(block.atMostOneOf ?? [])],
    };
    compiled.set(block, c);
  }
  return c;
}

/** Checks an action's Parameters against its block: schema, dynamic-ness, references, exclusive groups. */
export function checkParameters(action: ActionNode, block: BlockSpec, index: number): Diagnostic[] {
  const params = action.parameters ?? {};
  const { validate, needOne, atMostOne } = compile(block);
  validate(params);
  const known = block.parameters.properties;
  const unknown = Object.keys(params).filter((k) => !Object.hasOwn(known, k));
  const placeholders = placeholderPaths(params);
  const missing =
    needOne.length === 0 ? NONE : needOne.filter((g) => !g.some((k) => params[k] !== undefined));
  const conflicts =
    atMostOne.length === 0
      ? NONE
      : atMostOne.map((g) => g.filter((k) => params[k] !== undefined)).filter((given) => given.length > 1);
  // The common case reports nothing; build no pointers for it.
  if (!validate.errors && unknown.length + placeholders.size + missing.length + conflicts.length === 0)
    return [];

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

  for (const group of missing) {
    out.push(
      diagnostic('PARAM_ONE_OF_MISSING', `${block.type} needs one of ${group.join(', ')}`, {
        actionId: action.id,
        path: base,
      }),
    );
  }
  for (const given of conflicts) {
    out.push(
      diagnostic('PARAM_CONFLICT', `${block.type} takes only one of ${given.join(', ')}`, {
        actionId: action.id,
        path: base,
      }),
    );
  }
  return out;
}

/** JSON Pointers of every string inside `value` that holds a template placeholder. */
function placeholderPaths(value: unknown): Map<string, string> {
  const found = new Map<string, string>();
  collectPlaceholders(value, [], found);
  return found;
}

// Pointers are built only for hits: parameters hold many strings and placeholders are rare.
function collectPlaceholders(value: unknown, path: (string | number)[], found: Map<string, string>): void {
  if (typeof value === 'string') {
    if (hasPlaceholder(value)) found.set(pointer(...path), value);
  } else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      path.push(i);
      collectPlaceholders(value[i], path, found);
      path.pop();
    }
  } else if (typeof value === 'object' && value !== null) {
    for (const k of Object.keys(value)) {
      path.push(k);
      collectPlaceholders((value as Record<string, unknown>)[k], path, found);
      path.pop();
    }
  }
}
