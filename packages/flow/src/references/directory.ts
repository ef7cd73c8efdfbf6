import type { ResourceKind } from '../catalog/vocabulary.js';
import type { DirectoryEntry, ResourceDirectory } from './types.js';

interface KindIndex {
  byArn: Map<string, DirectoryEntry>;
  byId: Map<string, DirectoryEntry>;
  byName: Map<string, DirectoryEntry>;
}

/**
 * A directory over a list of resources, with a map per kind and key. The first entry wins where
 * names (or IDs) repeat, as the instance's own lookups do.
 */
export function directoryFrom(entries: Iterable<DirectoryEntry>): ResourceDirectory {
  const kinds = new Map<ResourceKind, KindIndex>();
  const put = (map: Map<string, DirectoryEntry>, key: string, e: DirectoryEntry) => {
    if (key !== '' && !map.has(key)) map.set(key, e);
  };
  for (const e of entries) {
    let index = kinds.get(e.kind);
    if (!index) {
      index = { byArn: new Map(), byId: new Map(), byName: new Map() };
      kinds.set(e.kind, index);
    }
    put(index.byArn, e.arn, e);
    put(index.byId, e.id, e);
    put(index.byName, e.name, e);
  }
  return {
    byArn: (kind, arn) => kinds.get(kind)?.byArn.get(arn),
    byId: (kind, id) => kinds.get(kind)?.byId.get(id),
    byName: (kind, name) => kinds.get(kind)?.byName.get(name),
  };
}

/** An instance with no resources: every reference stays unresolved unless a mapping names it. */
export const EMPTY_DIRECTORY: ResourceDirectory = directoryFrom([]);
