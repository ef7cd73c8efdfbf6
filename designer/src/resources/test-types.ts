// The registry, not the index: the index brings bundle code that needs Node, and stories run in a browser.
import { RESOURCE_TYPES } from '../../../runtime/src/resources/registry.js';
import type { ResourceTypeInfo } from './resourceApi.js';

/** The kinds as GET /api/resource-types serves them (runtime/src/server/routes/resource-types.ts). */
export const TYPES: ResourceTypeInfo[] = RESOURCE_TYPES.map((t) => ({
  kind: t.kind,
  path: t.path,
  collection: t.collection,
  title: t.title,
  flowKinds: t.flowKinds,
  external: t.external ?? false,
  schema: t.schema,
}));

export function typeAt(path: string): ResourceTypeInfo {
  const type = TYPES.find((t) => t.path === path);
  if (!type) throw new Error(`no resource kind at ${path}`);
  return type;
}
