import type { Harness } from '@parley/harness';
import { afterEach, describe, expect, it } from 'vitest';
import './support/telephony.js';
import type { InstanceCenter } from '../src/center/index.js';
import { Instance } from '../src/contact/instance.js';
import type { ContactRun } from '../src/contact/runner.js';
import type { MemoryContactRecordSink } from '../src/logs/contact-record.js';
import type { MemoryFlowLogSink } from '../src/logs/sinks.js';
import {
  addAgent,
  addProfile,
  addQuickConnect,
  bye,
  flowDoc,
  loadFlowDoc,
  logging,
  say,
  setQueue,
  toQueue,
} from './support/center-instance.js';
import { type CenterRig, openCenterRig, until } from './support/center-rig.js';

const DNIS = '+18005550171';
const OUTSIDE = '+15550009876';
/** A number that rings and never answers. */
const SILENT = '+15550009870';

/** Alice answers Support, whose quick connects are the Sales queue and an outside number; Bob answers Sales. */
function buildInstance(): Instance {
  const instance = new Instance();
  instance.add('queue', {
    id: 'support',
    name: 'Support',
    arn: instance.arnOf('queue', 'support'),
    quickConnects: ['to-sales', 'to-outside', 'to-bob', 'to-nobody'],
  });
  instance.addQueue({ id: 'sales', name: 'Sales' });
  const qc = (id: string, name: string, fields: Record<string, unknown>) =>
    addQuickConnect(instance, id, name, fields);
  qc('to-sales', 'Sales desk', { type: 'QUEUE', queue: 'sales', flow: 'qt' });
  qc('to-outside', 'Partner', { type: 'PHONE_NUMBER', phoneNumber: OUTSIDE });
  qc('to-bob', 'Bob', { type: 'USER', user: 'bob', flow: 'at' });
  qc('to-nobody', 'Nobody', { type: 'PHONE_NUMBER', phoneNumber: SILENT });
  const profile = (id: string, queue: string) => addProfile(instance, id, [{ queue, priority: 1 }]);

  profile('support-desk', 'support');
  profile('sales-desk', 'sales');
  addAgent(instance, 'alice', '1201', 'support-desk');
  addAgent(instance, 'bob', '1202', 'sales-desk');
  loadFlowDoc(
    instance,
    flowDoc('Queue transfer', 'QUEUE_TRANSFER', [
      say('moving', 'Transferring you to sales', 'queue'),
      toQueue('queue', 'bye'),
      bye,
    ]),
    'qt',
    'QUEUE_TRANSFER',
  );
  loadFlowDoc(
    instance,
    flowDoc('Agent transfer', 'AGENT_TRANSFER', [
      say('to-agent', 'Transferring to agent', 'agent'),
      {
        Identifier: 'agent',
        Type: 'TransferContactToAgent',
        Parameters: {},
        Transitions: { NextAction: 'bye', Errors: [{ NextAction: 'bye', ErrorType: 'NoMatchingError' }] },
      },
      bye,
    ]),
    'at',
    'AGENT_TRANSFER',
  );
  loadFlowDoc(
    instance,
    flowDoc('Inbound', 'CONTACT_FLOW', [
      logging('set-queue'),
      setQueue(instance, 'support', 'queue'),
      toQueue('queue', 'bye'),
      bye,
    ]),
    'inbound',
    'CONTACT_FLOW',
  );
  instance.addPhoneNumber(DNIS, 'inbound');
  return instance;
}

let rig: CenterRig | undefined;
let harness: Harness;
let center: InstanceCenter;
let runs: ContactRun[];
let logs: MemoryFlowLogSink;
let records: MemoryContactRecordSink;

async function open(): Promise<void> {
  rig = await openCenterRig(buildInstance(), { offerTimeoutSeconds: 5, recordSegments: true });
  ({ harness, center, runs, logs, records } = rig);
}
afterEach(() => rig?.close());

const activity = (user: string) => center.engine.agent(user)?.activity;
const state = (user: string) => center.snapshot(user)?.Contacts[0]?.State;
const parties = (user: string, contactId: string) =>
  center.contactDetails(user, contactId)?.participants.map((p) => [p.role, p.state]);

/** A caller reaches Support and Alice takes the call. */
async function aliceTalksToACaller() {
  harness.phone('agent', '1201', { answer: { ringMs: 50 } });
  expect((await center.login('alice')).ok).toBe(true);
  expect((await center.setStatus('alice', 'Available')).ok).toBe(true);
  const caller = await harness.call(DNIS.slice(1));
  await caller.answered();
  const alicePhone = await harness.incoming('agent', '1201');
  await alicePhone.waitForAnswer();
  await until(() => state('alice') === 'CONNECTED', 'alice connected');
  return { caller, alicePhone, first: runs[0] as ContactRun };
}

describe('quick connects and warm transfers', () => {
  it('lists the quick connects of the queues in the agent’s routing profile', async () => {
    await open();
    await center.login('alice');
    await center.login('bob');
    const alice = await center.quickConnects('alice');
    expect(alice.ok && alice.value).toEqual([
      { id: 'to-sales', name: 'Sales desk', type: 'QUEUE' },
      { id: 'to-outside', name: 'Partner', type: 'PHONE_NUMBER' },
      { id: 'to-bob', name: 'Bob', type: 'USER' },
      { id: 'to-nobody', name: 'Nobody', type: 'PHONE_NUMBER' },
    ]);
    const bob = await center.quickConnects('bob');
    expect(bob.ok && bob.value).toEqual([]);
    const refused = await center.transfer('bob', { quickConnectId: 'to-sales' });
    expect(refused).toMatchObject({ ok: false, code: 'AGENT_NOT_ALLOWED' });
  });

  it('runs the queue transfer flow to the agent who used it, connects them to the next agent, and leaves caller and agent talking as a new segment', async () => {
    await open();
    const { caller, alicePhone, first } = await aliceTalksToACaller();
    harness.phone('agent', '1202', { answer: { ringMs: 50 } });
    expect((await center.login('bob')).ok).toBe(true);
    expect((await center.setStatus('bob', 'Available')).ok).toBe(true);

    expect((await center.transfer('alice', { quickConnectId: 'to-sales' })).ok).toBe(true);
    const bobPhone = await harness.incoming('agent', '1202');
    await bobPhone.waitForAnswer();
    await until(() => state('bob') === 'CONNECTED', 'bob connected');
    const segment = center.snapshot('bob')?.Contacts[0];
    expect(segment).toMatchObject({ InitialContactId: first.contactId, InitiationMethod: 'QUEUE_TRANSFER' });
    expect(segment?.ContactId).not.toBe(first.contactId);
    expect(segment?.Queue?.Name).toBe('Sales');
    // The transfer flow spoke to Alice, on the new segment; the caller waits on hold.
    expect(
      logs.forContact(segment?.ContactId ?? '').some((e) => e.ContactFlowName === 'Queue transfer'),
    ).toBe(true);
    expect(parties('alice', first.contactId)).toEqual([
      ['CUSTOMER', 'ON_HOLD'],
      ['AGENT', 'CONNECTED'],
      ['AGENT', 'CONNECTED'],
    ]);
    // Alice and Bob hear each other, the held caller does not hear them.
    await bobPhone.press('5');
    expect(await alicePhone.waitForDigits(1)).toBe('5');

    // Alice leaves: the caller comes off hold, talking to Bob.
    expect((await center.disconnect('alice', `${first.contactId}-alice`)).ok).toBe(true);
    await alicePhone.waitForHangup();
    await until(() => activity('alice') === 'acw', 'alice in After Contact Work');
    await bobPhone.press('6');
    expect(await caller.waitForDigits(1)).toBe('6');
    expect(caller.digitsHeard).toBe('6');

    await center.clearContact('alice', first.contactId);
    await caller.hangup();
    await bobPhone.waitForHangup();
    await until(() => activity('bob') === 'acw', 'bob in After Contact Work');
    await center.clearContact('bob', segment?.ContactId ?? '');
    await first.closed;
    await until(() => records.records.length === 2, 'both segments recorded');
    const second = records.records.find((r) => r.ContactId === segment?.ContactId);
    expect(second).toMatchObject({
      PreviousContactId: first.contactId,
      InitialContactId: first.contactId,
      InitiationMethod: 'QUEUE_TRANSFER',
      Queue: { Name: 'Sales' },
      Agent: { Username: 'bob' },
    });
    expect(records.records.find((r) => r.ContactId === first.contactId)?.Agent?.Username).toBe('alice');
  });

  it('consults an agent through their quick connect (agent transfer flow, whispers), joins the three and leaves them talking', async () => {
    await open();
    const { caller, alicePhone, first } = await aliceTalksToACaller();
    harness.phone('agent', '1202', { answer: { ringMs: 50 } });
    expect((await center.login('bob')).ok).toBe(true);
    expect((await center.setStatus('bob', 'Available')).ok).toBe(true);

    expect(await center.transfer('alice', { quickConnectId: 'to-bob' })).toMatchObject({ ok: true });
    // A party is being reached: no other may be added meanwhile.
    expect(await center.transfer('alice', { quickConnectId: 'to-outside' })).toMatchObject({
      ok: false,
      code: 'AGENT_NOT_ALLOWED',
    });
    const bobPhone = await harness.incoming('agent', '1202');
    await bobPhone.waitForAnswer();
    await until(() => state('bob') === 'CONNECTED', 'bob connected');
    const segment = center.snapshot('bob')?.Contacts[0];
    expect(segment).toMatchObject({ InitiationMethod: 'TRANSFER', InitialContactId: first.contactId });
    const flows = new Set(logs.forContact(segment?.ContactId ?? '').map((e) => e.ContactFlowName));
    expect(flows.has('Agent transfer')).toBe(true);
    expect(flows.has('Default agent whisper')).toBe(true);

    expect((await center.conference('alice')).ok).toBe(true);
    expect(parties('bob', segment?.ContactId ?? '')).toEqual([
      ['CUSTOMER', 'CONNECTED'],
      ['AGENT', 'CONNECTED'],
      ['AGENT', 'CONNECTED'],
    ]);
    await caller.press('1');
    expect(await bobPhone.waitForDigits(1)).toBe('1');
    expect(await alicePhone.waitForDigits(1)).toBe('1');

    expect((await center.disconnect('alice', `${first.contactId}-alice`)).ok).toBe(true);
    await alicePhone.waitForHangup();
    await bobPhone.press('2');
    expect(await caller.waitForDigits(1)).toBe('2');
    await bobPhone.hangup();
    await caller.waitForHangup();
    await until(() => activity('bob') === 'acw', 'bob in After Contact Work');
  });

  it('cancels a consult still ringing and brings the caller back off hold', async () => {
    await open();
    const { caller, alicePhone, first } = await aliceTalksToACaller();
    harness.phone('pstn', SILENT, 'ignore');
    expect((await center.transfer('alice', { quickConnectId: 'to-nobody' })).ok).toBe(true);
    await harness.incoming('pstn', SILENT);
    const ringing = center
      .contactDetails('alice', first.contactId)
      ?.participants.find((p) => p.state === 'CONNECTING');
    expect(ringing).toMatchObject({ role: 'THIRD_PARTY', name: 'Nobody' });
    expect(state('alice')).toBe('CONNECTED_ONHOLD');

    expect((await center.disconnect('alice', ringing?.participantId ?? '')).ok).toBe(true);
    expect(parties('alice', first.contactId)).toEqual([
      ['CUSTOMER', 'CONNECTED'],
      ['AGENT', 'CONNECTED'],
    ]);
    expect(state('alice')).toBe('CONNECTED');
    await alicePhone.press('3');
    expect(await caller.waitForDigits(1)).toBe('3');
  });

  it('consults an outside number with the caller on hold, joins all three, and leaves them talking', async () => {
    await open();
    const { caller, alicePhone, first } = await aliceTalksToACaller();
    harness.phone('pstn', OUTSIDE, { answer: { ringMs: 50 } });

    expect((await center.transfer('alice', { quickConnectId: 'to-outside' })).ok).toBe(true);
    const partner = await harness.incoming('pstn', OUTSIDE);
    await partner.waitForAnswer();
    expect(state('alice')).toBe('CONNECTED_ONHOLD');
    expect((await center.swap('alice')).ok).toBe(true);
    expect(state('alice')).toBe('CONNECTED');
    expect((await center.holdAll('alice')).ok).toBe(true);
    expect(state('alice')).toBe('CONNECTED_ONHOLD');
    expect((await center.conference('alice')).ok).toBe(true);
    expect(state('alice')).toBe('CONNECTED');

    expect((await center.disconnect('alice', `${first.contactId}-alice`)).ok).toBe(true);
    await alicePhone.waitForHangup();
    await until(() => activity('alice') === 'acw', 'alice in After Contact Work');
    // Still bridged together: the partner's keys reach the caller.
    await partner.press('7');
    expect(await caller.waitForDigits(1)).toBe('7');
    expect(caller.hungUp).toBe(false);

    await partner.hangup();
    await caller.waitForHangup();
  });
});
