import type { Diagnostic } from '@parley/flow';
import { connectArn, entrySchema, fieldProblem, refAt, refSchema } from '../fields.js';
import type { ResourceType } from '../types.js';

const CHANNELS = ['VOICE', 'CHAT', 'TASK'] as const;

/** Which queues a user takes contacts from, in what order, and how many at once per channel. */
export const routingProfileType: ResourceType = {
  kind: 'routingProfile',
  collection: 'routingProfiles',
  path: 'routing-profiles',
  title: 'Routing profile',
  flowKinds: [],
  schema: entrySchema(
    'Routing profile',
    {
      defaultOutboundQueue: { ...refSchema, description: 'The queue outbound calls of its users belong to.' },
      queues: {
        type: 'array',
        maxItems: 50,
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['queue', 'channel', 'priority'],
          properties: {
            queue: refSchema,
            channel: { enum: [...CHANNELS] },
            priority: { type: 'integer', minimum: 1, maximum: 99, description: '1 is routed first.' },
            delaySeconds: { type: 'integer', minimum: 0, maximum: 9999, description: 'Wait before routing.' },
          },
        },
      },
      concurrency: {
        type: 'object',
        additionalProperties: false,
        description: 'Contacts a user takes at once, per channel.',
        properties: {
          VOICE: { type: 'integer', minimum: 0, maximum: 1 },
          CHAT: { type: 'integer', minimum: 0, maximum: 10 },
          TASK: { type: 'integer', minimum: 0, maximum: 10 },
        },
      },
    },
    { named: ['name', 'id'] },
  ),
  arn: (ns, entry) => connectArn(ns, 'routing-profile', entry.id),
  references: (entry) => [
    ...refAt(entry, 'defaultOutboundQueue', 'queue'),
    ...((entry.queues ?? []) as { queue?: unknown }[]).flatMap((q, i) =>
      typeof q.queue === 'string'
        ? [{ field: `/queues/${i}/queue`, kind: 'queue' as const, ref: q.queue }]
        : [],
    ),
  ],
  defaultName: (fields) => (typeof fields.id === 'string' ? fields.id : undefined),
  rules(fields) {
    const out: Diagnostic[] = [];
    const concurrency = fields.concurrency as Partial<Record<string, number>> | undefined;
    const seen = new Set<string>();
    ((fields.queues ?? []) as { queue: string; channel: string }[]).forEach((q, i) => {
      const bad = (message: string) =>
        out.push(fieldProblem('RESOURCE_ROUTING_PROFILE_INVALID', `/queues/${i}`, message));
      const key = `${q.channel} ${q.queue}`;
      if (seen.has(key)) bad(`lists queue "${q.queue}" for ${q.channel} twice`);
      seen.add(key);
      if (concurrency && !concurrency[q.channel])
        bad(`routes ${q.channel} contacts, but the profile's concurrency takes none`);
    });
    return out;
  },
};

/** What a user may do in Parley, as Connect's permission names. */
export const securityProfileType: ResourceType = {
  kind: 'securityProfile',
  collection: 'securityProfiles',
  path: 'security-profiles',
  title: 'Security profile',
  flowKinds: [],
  schema: entrySchema(
    'Security profile',
    {
      permissions: {
        type: 'array',
        maxItems: 500,
        uniqueItems: true,
        items: { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9._-]{0,127}$' },
        description: 'Permission names, e.g. BasicAgentAccess, OutboundCallAccess.',
      },
    },
    { named: ['name', 'id'] },
  ),
  arn: (ns, entry) => connectArn(ns, 'security-profile', entry.id),
  references: () => [],
  defaultName: (fields) => (typeof fields.id === 'string' ? fields.id : undefined),
};
