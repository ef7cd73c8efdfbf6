import { prepareExport } from '@parley/flow';
import { RESOURCE_TYPES, type ResourceEntry } from '../../resources/index.js';
import type { InstanceScope } from '../context.js';
import { instanceDirectory } from '../directory.js';
import { readStored } from '../flows.js';
import { entryOf } from '../resources.js';
import { namespaceOf } from './shared.js';

/**
 * The instance as a bundle: every resource as the API shows it (ARNs only where they are not
 * derived from the instance, as exportBundle writes them), prompt audio as base64, and each flow's
 * published version (else its latest) with its references' names in Metadata, so that it resolves
 * by name where IDs differ. A flow never saved has no document and is left out.
 */
export async function exportInstanceBundle(scope: InstanceScope): Promise<Record<string, unknown>> {
  const { store, instance } = scope;
  const ns = namespaceOf(instance);
  const [rows, flows, directory] = await Promise.all([
    store.catalog.resources(instance.id),
    store.flows.list(instance.id),
    instanceDirectory(store, instance.id),
  ]);
  const items: Record<string, unknown>[] = [];
  for (const flow of flows) {
    const number = flow.publishedVersion ?? flow.latestVersion;
    const version = number > 0 ? await store.flows.version(instance.id, flow.id, number) : undefined;
    if (!version) continue;
    items.push({
      id: flow.id,
      name: flow.name,
      type: flow.type,
      ...(flow.description ? { description: flow.description } : {}),
      content: prepareExport(readStored(version.content).model, directory),
    });
  }
  const bundle: Record<string, unknown> = { instance: ns, flows: items };
  for (const type of RESOURCE_TYPES) {
    const out: Record<string, unknown>[] = [];
    for (const row of rows.filter((r) => r.kind === type.kind)) {
      const entry = entryOf(row);
      const { arn, audio, ...item } = entry as ResourceEntry & { audio?: unknown };
      if (type.external || arn !== type.arn(ns, { ...entry, arn: '' })) item.arn = arn;
      const bytes = audio === undefined ? undefined : await store.catalog.promptAudio(instance.id, row.id);
      if (bytes) item.audioBase64 = Buffer.from(bytes).toString('base64');
      else if (audio !== undefined) item.audio = audio;
      out.push(item);
    }
    if (out.length > 0) bundle[type.collection] = out;
  }
  await store.access.audit({
    instanceId: instance.id,
    actor: scope.actor.id,
    action: 'instance.bundle.export',
    target: instance.id,
    detail: { flows: items.length, resources: rows.length },
  });
  return bundle;
}
