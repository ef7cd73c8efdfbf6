import type { ImportedReference, ImportReport, ResourceKind } from '@parley/flow';
import type { ResourceOption } from '../inspector/resources.js';
import type { InstanceResources, ResourceList } from '../inspector/useInstanceResources.js';

/** Resource lists already loaded, as the pickers read them (no fetching). */
export function loadedResources(byKind: Partial<Record<ResourceKind, ResourceOption[]>>): InstanceResources {
  const lists = new Map<ResourceKind, ResourceList>(
    Object.entries(byKind).map(([kind, options]) => [kind as ResourceKind, { state: 'done', options }]),
  );
  return {
    list: (kind) => lists.get(kind) ?? { state: 'done', options: [] },
    load: () => undefined,
    refresh: () => undefined,
    subscribe: () => () => undefined,
  };
}

const INSTANCE = 'arn:aws:connect:us-east-1:000000000000:instance/demo';
export const BILLING: ResourceOption = {
  value: `${INSTANCE}/queue/billing`,
  name: 'Billing',
  id: 'billing',
  arn: `${INSTANCE}/queue/billing`,
};
export const SUPPORT: ResourceOption = {
  ...BILLING,
  value: `${INSTANCE}/queue/s`,
  arn: `${INSTANCE}/queue/s`,
  id: 's',
  name: 'Support',
};

export const UNRESOLVED_QUEUE: ImportedReference = {
  actionId: 'Set queue',
  parameter: 'QueueId',
  kind: 'queue',
  arn: 'arn:aws:connect:us-west-2:111122223333:instance/x/queue/q-1',
  name: 'BasicQueue',
  resolution: 'unresolved',
  target: null,
};

/** A dry run's report: one queue unresolved, one found by name, and the warning for the first. */
export const REPORT: ImportReport = {
  flowType: 'CONTACT_FLOW',
  name: 'Simple inbound',
  references: [
    UNRESOLVED_QUEUE,
    {
      ...UNRESOLVED_QUEUE,
      actionId: 'Check',
      arn: 'q-2',
      name: 'Billing',
      resolution: 'name',
      target: BILLING.arn,
    },
  ],
  errors: [
    {
      code: 'IMPORT_REFERENCE_UNRESOLVED',
      severity: 'warning',
      message: 'QueueId: no queue of this instance has the ARN …; kept as written',
      actionId: 'Set queue',
    },
  ],
};
