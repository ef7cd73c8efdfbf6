import { useCallback, useMemo, useState } from 'react';
import type { Api } from '../app/api.js';
import { type Async, useAsync } from '../app/hooks.js';
import { entriesOf, type ResourceEntry } from '../inspector/resources.js';
import type { Draft } from './draft.js';
import { deleteResource, listResources, type ResourceTypeInfo, resourceTypes } from './resourceApi.js';
import { saveResource } from './saveResource.js';
import { type FormModel, formOf } from './schemaForm.js';

export interface ResourcePageData {
  type: ResourceTypeInfo;
  model: FormModel;
  entries: ResourceEntry[];
  /** Entries of the lists the form's reference fields name, by API path. */
  refs: Record<string, ResourceEntry[]>;
}

export interface ResourcePageState {
  page: Async<ResourcePageData>;
  save(draft: Draft, entry?: ResourceEntry): Promise<void>;
  remove(entry: ResourceEntry): Promise<void>;
}

/**
 * One resource kind's page: the kind's description and form, the instance's entries of the kind
 * and the lists its references pick from; read again after each change.
 */
export function useResourcePage(api: Api, instance: string, path: string): ResourcePageState {
  const [generation, setGeneration] = useState(0);
  const types = useAsync(() => resourceTypes(api), 'resource-types');
  const type = types.state === 'done' ? types.value.find((t) => t.path === path) : undefined;
  const model = useMemo(() => (type ? formOf(type) : undefined), [type]);
  const loaded = useAsync(async (): Promise<ResourcePageData> => {
    if (!type || !model) throw new Error(`no resource kind is listed at ${path}`);
    const paths = [...new Set(model.fields.flatMap((f) => (f.ref ? [f.ref] : [])))];
    const [entries, ...lists] = await Promise.all([
      listResources(api, instance, type),
      ...paths.map(async (ref) => entriesOf(await api.resources(instance, ref.path), ref.collection)),
    ]);
    const refs = Object.fromEntries(paths.map((ref, i) => [ref.path, lists[i] ?? []]));
    return { type, model, entries: entries.sort((a, b) => a.name.localeCompare(b.name)), refs };
  }, `${instance}\n${path}\n${types.state}\n${generation}`);
  const page: Async<ResourcePageData> = types.state === 'done' ? loaded : types;
  const refresh = useCallback(() => setGeneration((g) => g + 1), []);
  return {
    page,
    async save(draft, entry) {
      if (!type || !model) return;
      await saveResource(api, instance, type, model, draft, entry);
      refresh();
    },
    async remove(entry) {
      if (!type) return;
      await deleteResource(api, instance, type, entry.id);
      refresh();
    },
  };
}
