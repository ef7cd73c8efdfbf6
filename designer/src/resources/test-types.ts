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

/** The lists a quick connect's fields pick from: a queue, an agent, and flows of three types. */
export const QUICK_CONNECT_REFS = {
  queues: [{ id: 'q-1', arn: 'arn:q-1', name: 'Billing' }],
  users: [{ id: 'u-1', arn: 'arn:u-1', name: 'Erin' }],
  flows: [
    { id: 'f-1', arn: 'arn:f-1', name: 'Billing transfer', type: 'QUEUE_TRANSFER' },
    { id: 'f-2', arn: 'arn:f-2', name: 'Agent whisper', type: 'AGENT_TRANSFER' },
    { id: 'f-3', arn: 'arn:f-3', name: 'Bank menu', type: 'CONTACT_FLOW' },
  ],
};
