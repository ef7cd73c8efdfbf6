import type { ResourceKind } from '@parley/flow';
import { useEffect, useMemo, useSyncExternalStore } from 'react';
import {
  entriesOf,
  optionsOf,
  RESOURCE_SOURCES,
  type ResourceEntry,
  type ResourceOption,
} from './resources.js';

export type ResourceList =
  | { state: 'idle' }
  | { state: 'loading' }
  | { state: 'failed'; error: string }
  | { state: 'done'; options: ResourceOption[] };

/**
 * The resource lists of one instance, fetched when a picker first asks for a kind and kept until
 * refreshed; one request per API list (flows and modules share /flows). Framework-free.
 */
export interface InstanceResources {
  /** What is known of a kind's list; the same object until it changes. Undefined: no list has the kind. */
  list(kind: ResourceKind): ResourceList | undefined;
  /** Fetches the kind's list unless it is loaded or loading. */
  load(kind: ResourceKind): void;
  /** Fetches the kind's list again. */
  refresh(kind: ResourceKind): void;
  subscribe(listener: () => void): () => void;
}

type Fetched =
  | { state: 'loading' }
  | { state: 'failed'; error: string }
  | { state: 'done'; entries: ResourceEntry[] };

const IDLE: ResourceList = { state: 'idle' };
const LOADING: ResourceList = { state: 'loading' };

/** `load(path)` answers the API body of GET /api/instances/:instance/<path>. */
export function createInstanceResources(load: (path: string) => Promise<unknown>): InstanceResources {
  const byPath = new Map<string, Fetched>();
  const lists = new Map<ResourceKind, { from: Fetched; list: ResourceList }>();
  const listeners = new Set<() => void>();
  const emit = () => {
    for (const l of listeners) l();
  };
  const fetchPath = (path: string, collection: string) => {
    const loading: Fetched = { state: 'loading' };
    byPath.set(path, loading);
    emit();
    load(path).then(
      (body) => {
        if (byPath.get(path) !== loading) return; // refreshed meanwhile
        byPath.set(path, { state: 'done', entries: entriesOf(body, collection) });
        emit();
      },
      (e: unknown) => {
        if (byPath.get(path) !== loading) return;
        byPath.set(path, { state: 'failed', error: e instanceof Error ? e.message : String(e) });
        emit();
      },
    );
  };
  return {
    list(kind) {
      const source = RESOURCE_SOURCES[kind];
      if (!source) return undefined;
      const fetched = byPath.get(source.path);
      if (!fetched) return IDLE;
      if (fetched.state === 'loading') return LOADING;
      const cached = lists.get(kind);
      if (cached?.from === fetched) return cached.list;
      const list: ResourceList =
        fetched.state === 'failed' ? fetched : { state: 'done', options: optionsOf(kind, fetched.entries) };
      lists.set(kind, { from: fetched, list });
      return list;
    },
    load(kind) {
      const source = RESOURCE_SOURCES[kind];
      if (source && !byPath.has(source.path)) fetchPath(source.path, source.collection);
    },
    refresh(kind) {
      const source = RESOURCE_SOURCES[kind];
      if (source) fetchPath(source.path, source.collection);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** The instance's resource lists, kept while the instance stays the same. */
export function useInstanceResources(
  api: { resources(instance: string, path: string): Promise<unknown> },
  instance: string,
): InstanceResources {
  return useMemo(() => createInstanceResources((path) => api.resources(instance, path)), [api, instance]);
}

/** One kind's list, fetched on first use; undefined when no list has the kind (or no resources are given). */
export function useResourceList(
  resources: InstanceResources | undefined,
  kind: ResourceKind,
): ResourceList | undefined {
  useEffect(() => resources?.load(kind), [resources, kind]);
  const subscribe = resources?.subscribe ?? noSubscribe;
  const read = () => resources?.list(kind);
  return useSyncExternalStore(subscribe, read, read);
}

const noSubscribe = () => () => undefined;
