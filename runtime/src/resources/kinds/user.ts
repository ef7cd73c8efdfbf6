import type { Diagnostic } from '@parley/flow';
import {
  connectArn,
  entrySchema,
  fieldProblem,
  ifThen,
  normalisePhone,
  phoneSchema,
  refAt,
  refSchema,
  refsIn,
} from '../fields.js';
import type { ResourceType } from '../types.js';

const personName = { type: 'string', minLength: 1, maxLength: 100 } as const;

/** An agent (or supervisor, or admin): who takes contacts, from which queues, on which phone. */
export const userType: ResourceType = {
  kind: 'user',
  collection: 'users',
  path: 'users',
  title: 'User',
  flowKinds: ['agent'],
  schema: entrySchema(
    'User',
    {
      username: {
        type: 'string',
        pattern: '^[A-Za-z0-9_.@-]{1,64}$',
        description: 'Letters, digits, _ - . and @ (only as an email address), up to 64.',
      },
      firstName: personName,
      lastName: personName,
      email: { type: 'string', maxLength: 254, pattern: '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$' },
      routingProfile: refSchema,
      securityProfiles: { type: 'array', maxItems: 10, uniqueItems: true, items: refSchema },
      // A user without a phone type rings as a soft phone does, on their endpoint or extension.
      phoneType: { enum: ['SOFT_PHONE', 'DESK_PHONE'], default: 'SOFT_PHONE' },
      deskPhoneNumber: { ...phoneSchema, description: 'DESK_PHONE: where contacts ring, E.164.' },
      endpoint: {
        type: 'string',
        pattern: '^[A-Za-z0-9]+/\\S+$',
        maxLength: 256,
        description: 'SOFT_PHONE: the Asterisk endpoint that rings, e.g. PJSIP/alice.',
      },
      extension: {
        type: 'string',
        pattern: '^[0-9]{1,16}$',
        description: 'Internal number other users dial.',
      },
      afterContactWorkSeconds: { type: 'integer', minimum: 0, maximum: 2_000_000 },
      autoAccept: { type: 'boolean' },
    },
    {
      required: ['username'],
      allOf: [
        ifThen(
          { required: ['phoneType'], properties: { phoneType: { const: 'DESK_PHONE' } } },
          { required: ['deskPhoneNumber'] },
        ),
        // Names the field a soft phone uses (and a desk phone does not), which the designer's form
        // reads to show it; it constrains nothing.
        ifThen({ properties: { phoneType: { const: 'SOFT_PHONE' } } }, { properties: { endpoint: true } }),
      ],
    },
  ),
  // Connect's ARNs call users agents.
  arn: (ns, entry) => connectArn(ns, 'agent', entry.id),
  references: (entry) => [
    ...refAt(entry, 'routingProfile', 'routingProfile'),
    ...refsIn(entry, 'securityProfiles', 'securityProfile'),
  ],
  defaultName: (fields) => (typeof fields.username === 'string' ? fields.username : undefined),
  rules(fields) {
    const out: Diagnostic[] = [];
    const username = fields.username as string;
    if (username.includes('@') && !/^[^@]+@[^@.]+(\.[^@.]+)+$/.test(username))
      out.push(
        fieldProblem(
          'RESOURCE_USERNAME_INVALID',
          '/username',
          `"${username}" has an @ but is not an email address (alice@example.com)`,
        ),
      );
    normalisePhone(fields, 'deskPhoneNumber', out);
    return out;
  },
};
