import { getBlock, indexActions, isJsonObject, type ResourceKind } from '@parley/flow';
import { fieldsOfAction } from '../inspector/fields.js';
import type { ResourceOption } from '../inspector/resources.js';
import { fakeResources } from '../inspector/test-fields.js';
import type { InstanceResources } from '../inspector/useInstanceResources.js';
import type { SampleFlow } from '../nodes/block-sample.js';
import { entryOf } from '../system/metadata.js';

/**
 * An instance holding what a fixture flow names: each resource parameter's value, under the display
 * name Connect's designer kept in the flow's Metadata. The pickers then show the flow's own queues.
 */
export function resourcesOf(flow: SampleFlow): InstanceResources {
  const lists = new Map<ResourceKind, Map<string, ResourceOption>>();
  for (const [id, action] of indexActions(flow.model))
    for (const field of fieldsOfAction(getBlock(action.type), action.parameters)) {
      const value = action.parameters?.[field.key];
      if (field.kind !== 'resource' || !field.resource || typeof value !== 'string') continue;
      const meta = entryOf(flow.model, id)?.parameters;
      const named = isJsonObject(meta) ? meta[field.key] : undefined;
      const name = isJsonObject(named) && typeof named.displayName === 'string' ? named.displayName : value;
      const list = lists.get(field.resource) ?? new Map<string, ResourceOption>();
      list.set(value, { value, name, id: value.slice(value.lastIndexOf('/') + 1), arn: value });
      lists.set(field.resource, list);
    }
  return fakeResources(
    Object.fromEntries(
      [...lists].map(([kind, options]) => [
        kind,
        { state: 'done', options: [...options.values()].sort((a, b) => a.name.localeCompare(b.name)) },
      ]),
    ),
  );
}
