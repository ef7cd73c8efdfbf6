import type { Diagnostic } from '@parley/flow';
import {
  connectArn,
  entrySchema,
  flowOfType,
  normalisePhone,
  phoneSchema,
  refAt,
  refSchema,
  refsIn,
} from '../fields.js';
import type { ResourceType } from '../types.js';

/** Where contacts wait for an agent; open by its hours of operation. */
export const queueType: ResourceType = {
  kind: 'queue',
  collection: 'queues',
  path: 'queues',
  title: 'Queue',
  flowKinds: ['queue'],
  schema: entrySchema(
    'Queue',
    {
      hoursOfOperation: refSchema,
      maxContacts: {
        type: 'integer',
        minimum: 0,
        description:
          'Contacts the queue holds before transfers to it take QueueAtCapacity; unlimited when absent.',
      },
      outboundCallerId: phoneSchema,
      outboundCallerIdName: { type: 'string', minLength: 1, maxLength: 255 },
      outboundWhisperFlow: refSchema,
      quickConnects: { type: 'array', maxItems: 50, uniqueItems: true, items: refSchema },
      status: { enum: ['ENABLED', 'DISABLED'] },
    },
    { named: ['name', 'id'] },
  ),
  arn: (ns, entry) => connectArn(ns, 'queue', entry.id),
  references: (entry) => [
    ...refAt(entry, 'hoursOfOperation', 'hours'),
    ...refAt(entry, 'outboundWhisperFlow', 'flow'),
    ...refsIn(entry, 'quickConnects', 'quickConnect'),
  ],
  defaultName: (fields) => (typeof fields.id === 'string' ? fields.id : undefined),
  rules(fields, ctx) {
    const out: Diagnostic[] = [];
    normalisePhone(fields, 'outboundCallerId', out);
    flowOfType(fields, 'outboundWhisperFlow', 'OUTBOUND_WHISPER', ctx, out);
    return out;
  },
};
