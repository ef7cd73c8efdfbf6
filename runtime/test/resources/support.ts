import type { Code } from '@parley/flow';
import {
  type CheckContext,
  checkResource,
  type InstanceNamespace,
  type ResourceEntry,
  type ResourceKindName,
} from '../../src/resources/index.js';

export const ACME: InstanceNamespace = {
  id: '11111111-2222-3333-4444-555555555555',
  alias: 'acme',
  partition: 'aws',
  region: 'us-east-1',
  account: '123456789012',
};
export const INSTANCE_ARN =
  'arn:aws:connect:us-east-1:123456789012:instance/11111111-2222-3333-4444-555555555555';

/** An instance that has every resource tests refer to, by name: `known` lists the missing ones. */
export function context(
  options: { missing?: string[]; flowTypes?: Record<string, string> } = {},
): CheckContext {
  let n = 0;
  return {
    instance: ACME,
    lookup: (_kind, ref) => !(options.missing ?? []).includes(ref),
    newId: () => `generated-${++n}`,
    ...(options.flowTypes ? { flowType: (ref: string) => options.flowTypes?.[ref] } : {}),
  };
}

export function accepted(kind: ResourceKindName, input: unknown, ctx = context()): ResourceEntry {
  const checked = checkResource(kind, input, ctx);
  if (!checked.ok) throw new Error(JSON.stringify(checked.diagnostics, null, 2));
  return checked.entry;
}

/** The codes and paths of what the check refused. */
export function refused(
  kind: ResourceKindName,
  input: unknown,
  ctx = context(),
): { code: Code; path?: string }[] {
  const checked = checkResource(kind, input, ctx);
  if (checked.ok) throw new Error(`accepted ${JSON.stringify(checked.entry)}`);
  return checked.diagnostics.map((d) =>
    d.path === undefined ? { code: d.code } : { code: d.code, path: d.path },
  );
}
