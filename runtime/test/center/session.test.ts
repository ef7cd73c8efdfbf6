import { ManualClock } from '@parley/ari';
import { createContact } from '@parley/flow';
import { beforeEach, describe, expect, it } from 'vitest';
import type { InstanceCenter } from '../../src/center/center.js';
import type { ContactSession } from '../../src/center/session.js';
import type { AgentEvent } from '../../src/center/types.js';
import { Instance } from '../../src/contact/instance.js';
import type { ContactRun } from '../../src/contact/runner.js';
import { settle as settleCenter, testCenter } from '../support/center-fixture.js';
import { FakeCall, FakeLines } from '../support/center-lines.js';

let clock: ManualClock;
let lines: FakeLines;
let center: InstanceCenter;
let instance: Instance;
let events: AgentEvent[];

beforeEach(() => {
  clock = new ManualClock();
  instance = new Instance();
  instance.addQueue({ id: 'support', name: 'Support' });
  instance.add('routingProfile', {
    id: 'basic',
    name: 'basic',
    arn: instance.arnOf('routing-profile', 'basic'),
    queues: [{ queue: 'support', channel: 'VOICE', priority: 1 }],
  });
  for (const [id, extension] of [
    ['alice', '1101'],
    ['bob', '1102'],
  ] as const)
    instance.add('user', {
      id,
      name: id,
      username: id,
      firstName: id === 'alice' ? 'Alice' : 'Bob',
      arn: instance.arnOf('agent', id),
      extension,
      routingProfile: 'basic',
      afterContactWorkSeconds: 30,
    });
  lines = new FakeLines();
  center = testCenter(instance, clock, lines, { offerTimeoutSeconds: 20 });
  events = [];
  center.onAgentEvent((e) => events.push(e));
});

/** Lets the promise chains started by an event run to where they wait for the next one. */
const settle = () => settleCenter(clock);

/** A caller queued in Support, as TransferContactToQueue leaves them. */
async function queuedCaller(contactId = 'c-1'): Promise<{ call: FakeCall; session: ContactSession }> {
  const call = new FakeCall(`customer-${contactId}`);
  const session = center.attach(call, contactId) as ContactSession;
  const contact = createContact({
    ContactId: contactId,
    CustomerEndpoint: { Address: '+15550001111', Type: 'TELEPHONE_NUMBER' },
    targetQueue: { id: 'support', arn: instance.arnOf('queue', 'support'), name: 'Support' },
  });
  expect((await session.routing.enqueue(contact, instance.arnOf('queue', 'support'))).ok).toBe(true);
  return { call, session };
}

async function available(user: string): Promise<void> {
  expect((await center.login(user)).ok).toBe(true);
  expect((await center.setStatus(user, 'Available')).ok).toBe(true);
  await settle();
}

const activity = (user: string) => center.engine.agent(user)?.activity;

/** Alice takes the queued caller: her phone answers and both whispers have played. */
async function connected() {
  const caller = await queuedCaller();
  await available('alice');
  const agentCall = lines.rings[0]?.answer() as FakeCall;
  await settle();
  return { ...caller, agentCall };
}

describe('a queued contact and its agent', () => {
  it('rings the agent on an offer, whispers, bridges both sides and leaves the agent in After Contact Work when the customer hangs up', async () => {
    const { call, session } = await queuedCaller();
    await available('alice');
    expect(lines.rings.map((r) => r.endpoint)).toEqual(['Test/1101']);
    expect(center.snapshot('alice')?.Contacts[0]).toMatchObject({ ContactId: 'c-1', State: 'INCOMING' });
    expect((await center.accept('alice', 'c-1')).ok).toBe(true);

    const agentCall = lines.rings[0]?.answer() as FakeCall;
    await settle();
    // Connect's default agent whisper: the agent hears the queue's name before the bridge.
    expect(agentCall.played.length).toBeGreaterThan(0);
    expect([...(lines.bridges[0]?.members ?? [])]).toEqual([call.channelId, agentCall.channelId]);
    expect(center.snapshot('alice')?.Contacts[0]?.State).toBe('CONNECTED');
    expect(activity('alice')).toBe('busy');

    call.farEndHangsUp();
    await settle();
    expect(agentCall.ended).toBeDefined();
    expect(lines.bridges[0]?.destroyed).toBe(true);
    expect(activity('alice')).toBe('acw');
    expect((await center.clearContact('alice', 'c-1')).ok).toBe(true);
    await settle();
    expect(activity('alice')).toBe('idle');
    const details = await session.recordDetails();
    expect(details?.agent).toMatchObject({ username: 'alice', routingProfile: { name: 'basic' } });
    expect(details?.agent?.afterContactWorkEndedAt).toEqual(expect.any(Number));
    expect(details?.agentConnectionAttempts).toBe(1);
  });

  it("rings a desk-phone agent's desk number over the trunk, and a soft-phone agent's extension even when a desk number is on file", async () => {
    const user = (id: string, phoneType: string) =>
      instance.add('user', {
        id,
        name: id,
        username: id,
        arn: instance.arnOf('agent', id),
        extension: id === 'dana' ? '1104' : '1105',
        phoneType,
        deskPhoneNumber: '+15557654321',
        routingProfile: 'basic',
      });
    user('dana', 'DESK_PHONE');
    user('erin', 'SOFT_PHONE');
    await queuedCaller('c-1');
    await available('dana');
    await queuedCaller('c-2');
    await available('erin');
    expect(lines.rings.map((r) => r.endpoint)).toEqual(['Local/+15557654321@test-pstn/n', 'Test/1105']);
  });

  it('counts a phone that does not answer as Missed and offers the contact to the next agent', async () => {
    const { session } = await queuedCaller();
    await available('alice');
    lines.rings[0]?.refuse('noAnswer');
    await settle();
    expect(activity('alice')).toBe('missed');
    expect(center.snapshot('alice')?.Contacts).toEqual([]);

    await available('bob');
    expect(lines.rings.map((r) => r.endpoint)).toEqual(['Test/1101', 'Test/1102']);
    lines.rings[1]?.answer();
    await settle();
    expect(center.snapshot('bob')?.Contacts[0]?.State).toBe('CONNECTED');
    expect(session.attempts).toBe(2);
  });

  it('stops ringing the agent and dequeues the contact when the caller hangs up during the offer', async () => {
    const { call } = await queuedCaller();
    await available('alice');
    const ring = lines.rings[0];
    call.farEndHangsUp();
    await settle();
    expect(ring?.options.signal?.aborted).toBe(true);
    expect(ring?.settled).toBe(true);
    expect(center.engine.waiting('c-1')).toBeUndefined();
    expect(activity('alice')).toBe('idle');
    expect(center.snapshot('alice')?.Contacts).toEqual([]);
  });

  it('ends a contact its inbound flow queued when the caller hangs up while the agent rings', async () => {
    const { call, session } = await queuedCaller();
    const contact = createContact({ ContactId: 'c-1' });
    session.follow({ done: Promise.resolve({ end: { kind: 'queued' }, contact }) } as unknown as ContactRun);
    let closed = false;
    void session.recordDetails().then(() => {
      closed = true;
    });
    await available('alice');
    call.farEndHangsUp();
    await settle();
    expect(lines.rings[0]?.options.signal?.aborted).toBe(true);
    expect(closed).toBe(true);
    expect(activity('alice')).toBe('idle');
  });

  it('holds the customer out of the bridge on music, resumes them, and mutes and unmutes them', async () => {
    const { call } = await connected();
    const customer = 'c-1-customer';
    const bridge = lines.bridges[0];
    expect((await center.hold('alice', customer)).ok).toBe(true);
    expect(bridge?.members.has(call.channelId)).toBe(false);
    expect(call.music).toBe(true);
    expect(center.contactDetails('alice', 'c-1')?.participants[0]?.state).toBe('ON_HOLD');
    expect(center.snapshot('alice')?.Contacts[0]?.State).toBe('CONNECTED_ONHOLD');

    expect((await center.resume('alice', customer)).ok).toBe(true);
    expect(bridge?.members.has(call.channelId)).toBe(true);
    expect(call.music).toBe(false);
    expect(center.contactDetails('alice', 'c-1')?.participants[0]?.state).toBe('CONNECTED');

    expect((await center.mute('alice', customer)).ok).toBe(true);
    expect(lines.muted.has(call.channelId)).toBe(true);
    expect(center.contactDetails('alice', 'c-1')?.participants[0]?.muted).toBe(true);
    expect((await center.unmute('alice', customer)).ok).toBe(true);
    expect(lines.muted.has(call.channelId)).toBe(false);
  });

  it('lists the customer and the agent as the parties of the contact', async () => {
    await connected();
    expect(center.contactDetails('alice', 'c-1')).toMatchObject({
      contactId: 'c-1',
      customerEndpoint: '+15550001111',
      participants: [
        { participantId: 'c-1-customer', role: 'CUSTOMER', state: 'CONNECTED', self: false },
        { participantId: 'c-1-alice', role: 'AGENT', name: 'Alice', state: 'CONNECTED', self: true },
      ],
    });
    expect(center.contactDetails('bob', 'c-1')).toBeUndefined();
  });
});

describe('agent events', () => {
  it('sends LOGIN, STATE_CHANGE, a HEART_BEAT every 120 s, and going Offline then LOGOUT with Connect’s fields', async () => {
    await center.login('alice');
    await center.setStatus('alice', 'Available');
    await clock.advance(120_000);
    await center.logout('alice');
    expect(events.map((e) => e.EventType)).toEqual([
      'LOGIN',
      'STATE_CHANGE',
      'HEART_BEAT',
      'STATE_CHANGE',
      'LOGOUT',
    ]);
    const [login, change, beat, offline, logout] = events;
    expect(login).toMatchObject({
      AgentARN: instance.arnOf('agent', 'alice'),
      InstanceARN: instance.arn,
      PreviousAgentSnapshot: null,
      Version: '2019-05-25',
      CurrentAgentSnapshot: { AgentStatus: { Name: 'Offline', Type: 'OFFLINE' }, Contacts: [] },
    });
    expect(change?.CurrentAgentSnapshot?.AgentStatus).toMatchObject({ Name: 'Available', Type: 'ROUTABLE' });
    expect(change?.PreviousAgentSnapshot?.AgentStatus.Name).toBe('Offline');
    expect(change?.CurrentAgentSnapshot?.Configuration.RoutingProfile).toMatchObject({
      Name: 'basic',
      InboundQueues: [{ Name: 'Support', Channels: ['VOICE'] }],
    });
    expect(Date.parse(beat?.EventTimestamp ?? '') - Date.parse(login?.EventTimestamp ?? '')).toBe(120_000);
    expect(offline?.CurrentAgentSnapshot?.AgentStatus.Name).toBe('Offline');
    expect(logout?.CurrentAgentSnapshot).toBeNull();
    expect(new Set(events.map((e) => e.EventId)).size).toBe(5);
  });
});
