/** Test support for the inspector's components: fields by block and parameter, a context, resources. */
import { getBlock, type ResourceKind } from '@parley/flow';
import { type Field, fieldsOf } from './fields.js';
import type { FieldContext, FieldProps } from './types.js';
import type { InstanceResources, ResourceList } from './useInstanceResources.js';

export function catalogField(type: string, key: string): Field {
  const block = getBlock(type);
  const field = block && fieldsOf(block).find((f) => f.key === key);
  if (!field) throw new Error(`${type} has no parameter ${key}`);
  return field;
}

/** Resource lists answered from a table; kinds not in it have none. */
export function fakeResources(lists: Partial<Record<ResourceKind, ResourceList>>): InstanceResources {
  return {
    list: (kind) => lists[kind],
    load: () => undefined,
    refresh: () => undefined,
    subscribe: () => () => undefined,
  };
}

export const testContext = (over: Partial<FieldContext> = {}): FieldContext => ({
  resources: undefined,
  paths: ['$.ContactId', '$.Attributes.tier', '$.External.'],
  ...over,
});

/** Props of a field of the catalog, its edits recorded. */
export function fieldProps(
  type: string,
  key: string,
  value: unknown,
  over: Partial<FieldProps> = {},
): FieldProps & { edits: unknown[] } {
  const edits: unknown[] = [];
  return {
    field: catalogField(type, key),
    value,
    ctx: testContext(),
    onChange: (update) => edits.push(update(value)),
    edits,
    ...over,
  };
}
