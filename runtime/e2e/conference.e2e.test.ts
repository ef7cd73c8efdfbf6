import type { Harness, PhoneLeg } from '@parley/harness';
import { afterEach, describe, expect, it } from 'vitest';
import './support/telephony.js';
import type { InstanceCenter } from '../src/center/index.js';
import { Instance } from '../src/contact/instance.js';
import type { ContactRun } from '../src/contact/runner.js';
import {
  addAgent,
  addProfile,
  addQuickConnect,
  bye,
  flowDoc,
  hook,
  loadFlowDoc,
  logging,
  say,
  setQueue,
  toQueue,
} from './support/center-instance.js';
import { type CenterRig, openCenterRig, until } from './support/center-rig.js';

const DNIS = '+18005550181';
const BROKER = '+15550007001';
const SPOUSE = '+15550007002';
const INTERPRETER = '+15550007003';

/**
 * Seed 000's example: an agent adds a mortgage broker, the customer's spouse, a supervisor and
 * another agent. Alice, Bob and Carol answer Support, whose quick connects reach Bob and Carol
 * (agent transfer flow) and three outside numbers. The inbound flow sets a customer hold flow.
 */
function buildInstance(): Instance {
  const instance = new Instance();
  instance.add('queue', {
    id: 'support',
    name: 'Support',
    arn: instance.arnOf('queue', 'support'),
    quickConnects: ['to-bob', 'to-carol', 'to-broker', 'to-spouse', 'to-interpreter'],
  });
  const qc = (id: string, name: string, fields: Record<string, unknown>) =>
    addQuickConnect(instance, id, name, fields);
  qc('to-bob', 'Bob', { type: 'USER', user: 'bob', flow: 'at' });
  qc('to-carol', 'Carol', { type: 'USER', user: 'carol', flow: 'at' });
  qc('to-broker', 'Broker', { type: 'PHONE_NUMBER', phoneNumber: BROKER });
  qc('to-spouse', 'Spouse', { type: 'PHONE_NUMBER', phoneNumber: SPOUSE });
  qc('to-interpreter', 'Interpreter', { type: 'PHONE_NUMBER', phoneNumber: INTERPRETER });
  addProfile(instance, 'support-desk', [{ queue: 'support', priority: 1 }]);
  addAgent(instance, 'alice', '1301', 'support-desk');
  addAgent(instance, 'bob', '1302', 'support-desk');
  addAgent(instance, 'carol', '1303', 'support-desk');
  loadFlowDoc(
    instance,
    flowDoc('Agent transfer', 'AGENT_TRANSFER', [
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
    flowDoc('Please hold', 'CUSTOMER_HOLD', [
      {
        Identifier: 'loop',
        Type: 'MessageParticipantIteratively',
        Parameters: { Messages: [{ Text: 'Thank you for holding' }] },
        Transitions: { NextAction: 'end', Errors: [{ NextAction: 'end', ErrorType: 'NoMatchingError' }] },
      },
      { Identifier: 'end', Type: 'EndFlowExecution', Parameters: {}, Transitions: {} },
    ]),
    'hold',
    'CUSTOMER_HOLD',
  );
  loadFlowDoc(
    instance,
    flowDoc('Inbound', 'CONTACT_FLOW', [
      logging('hold-flow'),
      hook('hold-flow', 'CustomerHold', 'hold', 'set-queue'),
      setQueue(instance, 'support', 'hello'),
      say('hello', 'One moment', 'queue'),
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
afterEach(() => rig?.close());

const parties = (user: string, contactId: string) =>
  center.contactDetails(user, contactId)?.participants ?? [];
const party = (user: string, contactId: string, name: string) =>
  parties(user, contactId).find((p) => p.name === name || p.role === name)?.participantId ??
  `no party ${name}`;
const contactOf = (user: string) => center.snapshot(user)?.Contacts[0]?.ContactId ?? '';

/** `user` adds the party behind a quick connect and, once it answers, joins everyone. */
async function add(user: string, quickConnectId: string, answer: () => Promise<PhoneLeg>): Promise<PhoneLeg> {
  expect(await center.transfer(user, { quickConnectId })).toMatchObject({ ok: true });
  const phone = await answer();
  await phone.waitForAnswer();
  await until(
    () => !parties(user, contactOf(user)).some((p) => p.state === 'CONNECTING'),
    `${quickConnectId} answered`,
  );
  expect(await center.conference(user)).toMatchObject({ ok: true });
  return phone;
}

/** An agent who logs in once the caller is Alice's, so the caller is not offered to them. */
async function agentReady(user: string, ext: string): Promise<() => Promise<PhoneLeg>> {
  harness.phone('agent', ext, { answer: { ringMs: 50 } });
  await center.login(user);
  await center.setStatus(user, 'Available');
  return () => harness.incoming('agent', ext);
}

describe('a conference of six', () => {
  it('joins six parties, lets any agent hold, resume, mute and disconnect any party, and ends by the rules of seed 000', async () => {
    rig = await openCenterRig(buildInstance(), { offerTimeoutSeconds: 5 });
    ({ harness, center, runs } = rig);
    harness.phone('agent', '1301', { answer: { ringMs: 50 } });
    for (const n of [BROKER, SPOUSE, INTERPRETER]) harness.phone('pstn', n, { answer: { ringMs: 50 } });
    await center.login('alice');
    await center.setStatus('alice', 'Available');
    const caller = await harness.call(DNIS.slice(1));
    await caller.answered();
    const alicePhone = await harness.incoming('agent', '1301');
    await alicePhone.waitForAnswer();
    await until(() => center.snapshot('alice')?.Contacts[0]?.State === 'CONNECTED', 'alice connected');
    const first = runs[0] as ContactRun;
    const id = first.contactId;

    // Alice brings in Bob and the broker; Bob, now with the same controls, brings in Carol and the spouse.
    const bobPhone = await add('alice', 'to-bob', await agentReady('bob', '1302'));
    const broker = await add('alice', 'to-broker', () => harness.incoming('pstn', BROKER));
    const carolPhone = await add('bob', 'to-carol', await agentReady('carol', '1303'));
    const spouse = await add('bob', 'to-spouse', () => harness.incoming('pstn', SPOUSE));
    const bobContact = contactOf('bob');
    expect(parties('bob', bobContact).map((p) => [p.role, p.state])).toEqual([
      ['CUSTOMER', 'CONNECTED'],
      ['AGENT', 'CONNECTED'],
      ['AGENT', 'CONNECTED'],
      ['THIRD_PARTY', 'CONNECTED'],
      ['AGENT', 'CONNECTED'],
      ['THIRD_PARTY', 'CONNECTED'],
    ]);
    // Every agent sees every party, each call's parties named the same way.
    expect(parties('carol', contactOf('carol')).map((p) => p.participantId)).toEqual(
      parties('alice', id).map((p) => p.participantId),
    );
    // Six is the most: a seventh is refused.
    expect(await center.transfer('carol', { quickConnectId: 'to-interpreter' })).toMatchObject({
      ok: false,
      code: 'AGENT_NOT_ALLOWED',
    });
    // All six in one bridge: the caller's key reaches the five others.
    await caller.press('9');
    for (const leg of [alicePhone, bobPhone, carolPhone, broker, spouse])
      expect(await leg.waitForDigits(1)).toBe('9');

    // Bob (a secondary agent) holds the customer, who hears the hold flow; Carol takes them off hold.
    expect(await center.hold('bob', party('bob', bobContact, 'CUSTOMER'))).toMatchObject({ ok: true });
    // The hold flow's loop prompt plays to the caller (a loop stopped by the resume logs no block).
    await until(() => caller.prompts.length > 0, 'the customer hold flow playing');
    // The others still talk; the held caller does not hear them.
    await alicePhone.press('2');
    expect(await bobPhone.waitForDigits(2)).toBe('92');
    expect(await center.resume('carol', party('carol', contactOf('carol'), 'CUSTOMER'))).toMatchObject({
      ok: true,
    });
    await until(() => caller.prompts.length === 0, 'the customer hold flow stopped');
    await alicePhone.press('4');
    expect(await caller.waitForDigits(1)).toBe('4');

    // Bob holds Alice (she hears the agent hold flow); she takes herself off hold.
    expect(await center.hold('bob', `${id}-alice`)).toMatchObject({ ok: true });
    expect(center.snapshot('alice')?.Contacts[0]?.State).toBe('CONNECTED_ONHOLD');
    expect(await center.resume('alice', `${id}-alice`)).toMatchObject({ ok: true });
    expect(center.snapshot('alice')?.Contacts[0]?.State).toBe('CONNECTED');

    // Bob mutes Alice but cannot unmute her; she unmutes herself. He mutes and unmutes the broker.
    expect(await center.mute('bob', `${id}-alice`)).toMatchObject({ ok: true });
    expect(await center.unmute('bob', `${id}-alice`)).toMatchObject({ ok: false, code: 'AGENT_NOT_ALLOWED' });
    expect(parties('alice', id).find((p) => p.self)?.muted).toBe(true);
    expect(await center.unmute('alice', `${id}-alice`)).toMatchObject({ ok: true });
    expect(await center.mute('bob', party('bob', bobContact, 'Broker'))).toMatchObject({ ok: true });
    expect(await center.unmute('bob', party('bob', bobContact, 'Broker'))).toMatchObject({ ok: true });

    // Bob disconnects the broker; a party can be added again.
    expect(await center.disconnect('bob', party('bob', bobContact, 'Broker'))).toMatchObject({ ok: true });
    await broker.waitForHangup();
    expect(parties('alice', id)).toHaveLength(5);

    // The agents leave one by one: the call stays up while the customer is on it with someone.
    for (const [user, phone] of [
      ['alice', alicePhone],
      ['bob', bobPhone],
      ['carol', carolPhone],
    ] as const) {
      const self = parties(user, contactOf(user)).find((p) => p.self)?.participantId ?? '';
      expect(await center.disconnect(user, self)).toMatchObject({ ok: true });
      await phone.waitForHangup();
      await until(() => center.engine.agent(user)?.activity === 'acw', `${user} in After Contact Work`);
    }
    expect(caller.hungUp).toBe(false);
    await spouse.press('5');
    expect(await caller.waitForDigits(2)).toBe('45');
    // The customer leaves: only a third party is left, and the contact ends.
    await caller.hangup();
    await spouse.waitForHangup();
  });
});
