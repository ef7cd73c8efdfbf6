import { describe, expect, it } from 'vitest';
import { quickConnectType } from '../../../runtime/src/resources/kinds/quick-connect.js';
import type { CheckContext } from '../../../runtime/src/resources/types.js';
import { dependsOnType, inUse, refsFor, usedBy } from './cases.js';
import { draftOf } from './draft.js';
import { formOf } from './schemaForm.js';
import { typeAt } from './test-types.js';

const quickConnect = formOf(typeAt('quick-connects'));
const prompt = formOf(typeAt('prompts'));
const drafted = (type: string) => ({ values: { type }, chosen: undefined });
const FLOW_TYPES = ['CONTACT_FLOW', 'AGENT_TRANSFER', 'QUEUE_TRANSFER', 'CUSTOMER_QUEUE', 'MODULE'];
const flows = FLOW_TYPES.map((type) => ({ id: `f-${type}`, arn: `arn:${type}`, name: type, type }));

function field(name: string) {
  const found = quickConnect.fields.find((f) => f.name === name);
  if (!found) throw new Error(`a quick connect should have ${name}`);
  return found;
}

describe('fields that depend on the entry’s type', () => {
  it('uses the fields a quick connect’s type names, and none of them before a type is picked', () => {
    const used = (type: string) =>
      quickConnect.fields.filter((f) => inUse(quickConnect, drafted(type), f.name)).map((f) => f.name);
    expect(used('USER')).toEqual(['name', 'description', 'type', 'user', 'flow']);
    expect(used('QUEUE')).toEqual(['name', 'description', 'type', 'queue', 'flow']);
    expect(used('PHONE_NUMBER')).toEqual(['name', 'description', 'type', 'phoneNumber']);
    expect(used('')).toEqual(['name', 'description', 'type']);
    expect(dependsOnType(quickConnect, 'flow')).toBe(true);
    expect(dependsOnType(quickConnect, 'type')).toBe(false);
  });

  it('shows a desk phone’s number only for a desk phone, and a soft phone’s endpoint for a user with no phone type yet', () => {
    const user = formOf(typeAt('users'));
    const used = (phoneType: string) =>
      user.fields
        .filter((f) => inUse(user, { values: { phoneType }, chosen: undefined }, f.name))
        .map((f) => f.name)
        .filter((name) => name === 'endpoint' || name === 'deskPhoneNumber' || name === 'extension');
    expect(used('DESK_PHONE')).toEqual(['deskPhoneNumber', 'extension']);
    expect(used('SOFT_PHONE')).toEqual(['endpoint', 'extension']);
    expect(used('')).toEqual(['endpoint', 'extension']);
    const stored = { id: 'u', arn: 'arn:u', name: 'alice', username: 'alice', endpoint: 'PJSIP/alice' };
    expect(usedBy(user, stored).map((f) => f.name)).toEqual(['endpoint']);
  });

  it('keeps a prompt’s sources to the one chosen, as before', () => {
    const draft = draftOf(prompt);
    const used = () => prompt.fields.filter((f) => inUse(prompt, draft, f.name)).map((f) => f.name);
    expect(used()).toEqual(['name', 'description', 'file', 'language']);
    draft.chosen = 'ssml';
    expect(used()).toEqual(['name', 'description', 'ssml', 'language']);
  });

  it('lists in the table only the fields an entry’s type uses', () => {
    const entry = { id: 'qc', arn: 'arn:qc', name: 'Billing line', type: 'QUEUE', queue: 'q-1', flow: 'f-1' };
    expect(usedBy(quickConnect, entry).map((f) => f.name)).toEqual(['queue', 'flow']);
    expect(usedBy(quickConnect, { ...entry, type: 'NOT_A_TYPE' })).toEqual([]);
  });

  it('offers a quick connect, for each type, exactly the flows the server takes for that type', () => {
    const ctx: CheckContext = {
      instance: { id: 'i', alias: 'demo', partition: 'aws', region: 'us-east-1', account: '000000000000' },
      lookup: () => true,
      newId: () => 'id',
      flowType: (ref) => flows.find((f) => f.id === ref)?.type,
    };
    const targets = { USER: { user: 'u-1' }, QUEUE: { queue: 'q-1' } };
    for (const [type, target] of Object.entries(targets)) {
      const offered = refsFor(quickConnect, drafted(type), field('flow'), { flows })?.map((f) => f.type);
      const taken = flows
        .filter((f) => (quickConnectType.rules?.({ type, ...target, flow: f.id }, ctx) ?? []).length === 0)
        .map((f) => f.type);
      expect({ type, offered }).toEqual({ type, offered: taken });
      expect(taken).toHaveLength(1);
    }
  });

  it('offers other reference fields their whole list', () => {
    const queues = [{ id: 'q-1', arn: 'arn:q', name: 'Billing' }];
    expect(refsFor(quickConnect, drafted('QUEUE'), field('queue'), { queues })).toBe(queues);
    expect(refsFor(quickConnect, drafted(''), field('flow'), { flows })).toBe(flows);
    expect(refsFor(quickConnect, drafted('QUEUE'), field('flow'), {})).toBeUndefined();
  });
});
