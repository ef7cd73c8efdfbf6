import { createHash, randomUUID } from 'node:crypto';
import {
  checkPromptAudio,
  checkResource,
  type ResourceEntry,
  type ResourceKindName,
  resourceType,
} from '../resources/index.js';
import type { ResourceRow, Store } from '../store/index.js';
import type { InstanceScope } from './context.js';
import { isUniqueViolation, notFound, Problem } from './problem.js';

/** A resource as the API shows it: the entry a client sends, with its id, name and ARN. */
export const entryOf = (r: ResourceRow): ResourceEntry => ({ ...r.data, id: r.id, name: r.name, arn: r.arn });

/** Whether `ref` names a resource of the instance, answered from one read of the instance. */
async function lookupIn(store: Store, instanceId: string) {
  const [resources, flows] = await Promise.all([
    store.catalog.resources(instanceId),
    store.flows.list(instanceId),
  ]);
  const known = new Map<string, Set<string>>();
  const add = (kind: string, ...refs: string[]) => {
    const set = known.get(kind) ?? new Set<string>();
    known.set(kind, set);
    for (const r of refs) set.add(r);
  };
  for (const r of resources) add(r.kind, r.id, r.arn, r.name);
  for (const f of flows) add('flow', f.id, f.arn, f.name);
  return (kind: string, ref: string) => known.get(kind)?.has(ref) ?? false;
}

export async function putResource(
  scope: InstanceScope,
  kind: ResourceKindName,
  input: unknown,
  id?: string,
): Promise<ResourceEntry> {
  const body = id === undefined ? input : { ...(input as object), id };
  try {
    const entry = await scope.store.transaction(async (tx) => {
      if (id !== undefined && !(await tx.catalog.resource(scope.instance.id, kind, id)))
        throw notFound(`${resourceType(kind).title.toLowerCase()} ${JSON.stringify(id)}`);
      const lookup = await lookupIn(tx, scope.instance.id);
      const checked = checkResource(kind, body, { instance: scope.instance, lookup, newId: randomUUID });
      if (!checked.ok)
        throw new Problem(
          checked.diagnostics[0]?.code ?? 'API_REQUEST_INVALID',
          checked.diagnostics[0]?.message ?? 'invalid',
          checked.diagnostics,
        );
      const { id: entryId, name, arn, ...data } = checked.entry;
      await tx.catalog.putResource({ instanceId: scope.instance.id, kind, id: entryId, name, arn, data });
      await tx.access.audit({
        instanceId: scope.instance.id,
        actor: scope.actor.id,
        action: id === undefined ? `${kind}.create` : `${kind}.update`,
        target: entryId,
      });
      return checked.entry;
    });
    scope.store.afterCommit(() =>
      scope.events.emit({
        type: 'resource.changed',
        instanceId: scope.instance.id,
        kind,
        id: entry.id,
        deleted: false,
      }),
    );
    return entry;
  } catch (e) {
    if (isUniqueViolation(e))
      throw new Problem(
        'STORE_NAME_TAKEN',
        `another ${resourceType(kind).title.toLowerCase()} has that name`,
      );
    throw e;
  }
}

export async function getResource(
  scope: InstanceScope,
  kind: ResourceKindName,
  ref: string,
): Promise<ResourceEntry> {
  const row = await scope.store.catalog.resource(scope.instance.id, kind, ref);
  if (!row) throw notFound(`${resourceType(kind).title.toLowerCase()} ${JSON.stringify(ref)}`);
  return entryOf(row);
}

export async function deleteResource(
  scope: InstanceScope,
  kind: ResourceKindName,
  ref: string,
): Promise<void> {
  const row = await scope.store.catalog.resource(scope.instance.id, kind, ref);
  if (!row) throw notFound(`${resourceType(kind).title.toLowerCase()} ${JSON.stringify(ref)}`);
  await scope.store.transaction(async (tx) => {
    await tx.catalog.deleteResource(scope.instance.id, kind, row.id);
    await tx.access.audit({
      instanceId: scope.instance.id,
      actor: scope.actor.id,
      action: `${kind}.delete`,
      target: row.id,
    });
  });
  scope.store.afterCommit(() =>
    scope.events.emit({
      type: 'resource.changed',
      instanceId: scope.instance.id,
      kind,
      id: row.id,
      deleted: true,
    }),
  );
}

/** Stores an uploaded WAV for a prompt after checking it is audio Asterisk can play as a prompt. */
export async function uploadPromptAudio(
  scope: InstanceScope,
  ref: string,
  bytes: Uint8Array,
): Promise<ResourceEntry> {
  const checked = checkPromptAudio(bytes);
  if (!checked.ok)
    throw new Problem(
      checked.diagnostics[0]?.code ?? 'API_REQUEST_INVALID',
      checked.diagnostics[0]?.message ?? 'not audio',
      checked.diagnostics,
    );
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return scope.store.transaction(async (tx) => {
    const row = await tx.catalog.resource(scope.instance.id, 'prompt', ref);
    if (!row) throw notFound(`prompt ${JSON.stringify(ref)}`);
    const { file: _file, text: _text, ssml: _ssml, ...rest } = row.data;
    const data = { ...rest, audio: { sha256, bytes: bytes.length, durationMs: checked.durationMs } };
    await tx.catalog.putPromptAudio(scope.instance.id, row.id, sha256, bytes);
    await tx.catalog.putResource({ ...row, data });
    await tx.access.audit({
      instanceId: scope.instance.id,
      actor: scope.actor.id,
      action: 'prompt.upload',
      target: row.id,
      detail: { sha256 },
    });
    return entryOf({ ...row, data });
  });
}
