import { pointer } from '../diagnostics/diagnostic.js';
import { jsonEqual } from '../model/equal.js';
import { isJsonObject } from '../model/model.js';
import type { ValueChange } from './types.js';

/**
 * The leaf-level differences between two JSON values, objects key by key and arrays element by
 * element, so a reviewer sees `/Parameters/Attributes/tier` rather than a whole new Parameters.
 * `undefined` stands for "absent". A value that changes kind (text to object) is one change.
 */
export function diffValues(
  before: unknown,
  after: unknown,
  path: readonly (string | number)[],
  out: ValueChange[] = [],
): ValueChange[] {
  if (jsonEqual(before, after)) return out;
  if (before === undefined) out.push({ path: pointer(...path), change: 'added', after });
  else if (after === undefined) out.push({ path: pointer(...path), change: 'removed', before });
  else if (isJsonObject(before) && isJsonObject(after)) {
    const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
    for (const k of keys) diffValues(own(before, k), own(after, k), [...path, k], out);
  } else if (Array.isArray(before) && Array.isArray(after)) {
    for (let i = 0; i < Math.max(before.length, after.length); i++)
      diffValues(before[i], after[i], [...path, i], out);
  } else out.push({ path: pointer(...path), change: 'changed', before, after });
  return out;
}

/** `o[key]` when `o` is an object that has it. Keys come from documents: `toString` must not read the prototype's. */
export const own = (o: unknown, key: string): unknown =>
  isJsonObject(o) && Object.hasOwn(o, key) ? o[key] : undefined;
