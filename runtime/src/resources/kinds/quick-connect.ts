import type { Diagnostic } from '@parley/flow';
import {
  connectArn,
  entrySchema,
  fieldProblem,
  flowOfType,
  ifThen,
  normalisePhone,
  phoneSchema,
  refAt,
  refSchema,
} from '../fields.js';
import type { ResourceType } from '../types.js';

/** The fields each type of quick connect uses, and the flow type its transfer runs. */
const BY_TYPE = {
  USER: { fields: ['user', 'flow'], flowType: 'AGENT_TRANSFER' },
  QUEUE: { fields: ['queue', 'flow'], flowType: 'QUEUE_TRANSFER' },
  PHONE_NUMBER: { fields: ['phoneNumber'], flowType: undefined },
} as const;
type QuickConnectKind = keyof typeof BY_TYPE;
const TARGETS = ['user', 'queue', 'flow', 'phoneNumber'] as const;

/** A transfer destination agents pick in the CCP: another agent, a queue, or an outside number. */
export const quickConnectType: ResourceType = {
  kind: 'quickConnect',
  collection: 'quickConnects',
  path: 'quick-connects',
  title: 'Quick connect',
  flowKinds: [],
  schema: entrySchema(
    'Quick connect',
    {
      type: { enum: Object.keys(BY_TYPE) },
      user: { ...refSchema, description: 'USER: the agent transferred to.' },
      queue: { ...refSchema, description: 'QUEUE: the queue transferred to.' },
      flow: { ...refSchema, description: 'USER: an agent transfer flow; QUEUE: a queue transfer flow.' },
      phoneNumber: { ...phoneSchema, description: 'PHONE_NUMBER: the number dialled, E.164.' },
    },
    {
      required: ['type'],
      named: ['name', 'id'],
      allOf: Object.entries(BY_TYPE).map(([type, { fields }]) =>
        ifThen({ required: ['type'], properties: { type: { const: type } } }, { required: [...fields] }),
      ),
    },
  ),
  // Connect calls quick connects transfer destinations in their ARNs.
  arn: (ns, entry) => connectArn(ns, 'transfer-destination', entry.id),
  references: (entry) => [
    ...refAt(entry, 'user', 'user'),
    ...refAt(entry, 'queue', 'queue'),
    ...refAt(entry, 'flow', 'flow'),
  ],
  defaultName: (fields) => (typeof fields.id === 'string' ? fields.id : undefined),
  rules(fields, ctx) {
    const out: Diagnostic[] = [];
    const type = fields.type as QuickConnectKind;
    const { fields: used, flowType } = BY_TYPE[type];
    for (const f of TARGETS)
      if (fields[f] !== undefined && !(used as readonly string[]).includes(f))
        out.push(
          fieldProblem('RESOURCE_QUICK_CONNECT_INVALID', `/${f}`, `is not used by a ${type} quick connect`),
        );
    normalisePhone(fields, 'phoneNumber', out);
    if (flowType) flowOfType(fields, 'flow', flowType, ctx, out);
    return out;
  },
};
