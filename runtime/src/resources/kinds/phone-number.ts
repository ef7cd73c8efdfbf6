import type { Diagnostic } from '@parley/flow';
import { entrySchema, normalisePhone, phoneSchema, refAt, refSchema } from '../fields.js';
import type { ResourceType } from '../types.js';

/**
 * A number callers dial; calls to it run its flow. Connect offers only inbound flows here, but any
 * type is accepted: `parley run` tests transfer flows by dialling straight into them.
 */
export const phoneNumberType: ResourceType = {
  kind: 'phoneNumber',
  collection: 'phoneNumbers',
  path: 'phone-numbers',
  title: 'Phone number',
  flowKinds: ['phoneNumber'],
  schema: entrySchema('Phone number', { number: phoneSchema, flow: refSchema }, { required: ['number'] }),
  // Connect keeps phone numbers outside instances (they can move between them).
  arn: (ns, entry) => `arn:${ns.partition}:connect:${ns.region}:${ns.account}:phone-number/${entry.id}`,
  references: (entry) => refAt(entry, 'flow', 'flow'),
  defaultName: (fields) => (typeof fields.number === 'string' ? fields.number : undefined),
  rules(fields) {
    const out: Diagnostic[] = [];
    normalisePhone(fields, 'number', out);
    return out;
  },
};
