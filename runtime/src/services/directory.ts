import { type DirectoryEntry, directoryFrom, parseArn, type ResourceDirectory } from '@parley/flow';
import { type ResourceKindName, resourceType } from '../resources/index.js';
import type { FlowRow, ResourceRow, Store } from '../store/index.js';

/** A Lambda is known in flows by its function name as much as by its ARN. */
function idFor(r: ResourceRow): string {
  if (r.kind !== 'lambda') return r.id;
  const resource = parseArn(r.arn)?.resource ?? '';
  return resource.startsWith('function:') ? (resource.slice('function:'.length).split(':')[0] ?? r.id) : r.id;
}

export function directoryEntries(
  resources: readonly ResourceRow[],
  flows: readonly FlowRow[],
): DirectoryEntry[] {
  const entries: DirectoryEntry[] = [];
  for (const r of resources)
    for (const kind of resourceType(r.kind as ResourceKindName).flowKinds)
      entries.push({ kind, id: idFor(r), arn: r.arn, name: r.name });
  for (const f of flows)
    entries.push({ kind: f.type === 'MODULE' ? 'module' : 'flow', id: f.id, arn: f.arn, name: f.name });
  return entries;
}

/** The instance as the import resolver and the publish check see it: what a flow may reference. */
export async function instanceDirectory(store: Store, instanceId: string): Promise<ResourceDirectory> {
  const [resources, flows] = await Promise.all([
    store.catalog.resources(instanceId),
    store.flows.list(instanceId),
  ]);
  return directoryFrom(directoryEntries(resources, flows));
}
