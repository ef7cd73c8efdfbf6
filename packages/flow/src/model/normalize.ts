import { isJsonObject as isObj } from './model.js';
import { textOf } from './text.js';
import type { JsonObject } from './types.js';

export interface NormalizeOptions {
  /** Keep positions (Metadata.entryPointPosition, ActionMetadata.*.position). Default true. */
  layout?: boolean;
}

/**
 * A canonical form for comparing flows: keys sorted, actions ordered by Identifier, empty
 * Errors/Conditions dropped, error branches ordered by type (Connect looks them up by type, while
 * condition order is meaningful and kept). Two documents Connect treats alike normalize alike.
 */
export function normalize(doc: JsonObject, options: NormalizeOptions = {}): JsonObject {
  const copy = structuredClone(doc);
  if (Array.isArray(copy.Actions)) {
    copy.Actions = (copy.Actions as unknown[])
      .map(normalizeAction)
      .sort((a, b) => idOf(a).localeCompare(idOf(b)));
  }
  if (options.layout === false && isObj(copy.Metadata)) stripLayout(copy.Metadata);
  return sortKeys(copy) as JsonObject;
}

const idOf = (a: unknown) => (isObj(a) && typeof a.Identifier === 'string' ? a.Identifier : '');

function normalizeAction(a: unknown): unknown {
  if (!isObj(a) || !isObj(a.Transitions)) return a;
  const t = a.Transitions;
  if (Array.isArray(t.Conditions) && t.Conditions.length === 0) delete t.Conditions;
  if (Array.isArray(t.Errors)) {
    if (t.Errors.length === 0) delete t.Errors;
    else
      t.Errors = [...t.Errors].sort((x, y) =>
        textOf(isObj(x) && x.ErrorType).localeCompare(textOf(isObj(y) && y.ErrorType)),
      );
  }
  return a;
}

function stripLayout(metadata: JsonObject): void {
  delete metadata.entryPointPosition;
  delete metadata.EntryPointPosition;
  if (isObj(metadata.ActionMetadata)) {
    for (const m of Object.values(metadata.ActionMetadata)) {
      if (isObj(m)) {
        delete m.position;
        delete m.Position;
      }
    }
  }
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (!isObj(v)) return v;
  return Object.fromEntries(
    Object.keys(v)
      .sort()
      .map((k) => [k, sortKeys(v[k])]),
  );
}
