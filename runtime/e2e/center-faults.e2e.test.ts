/**
 * Faults while the contact center has calls in every state at once: one caller talking with an
 * agent, one whose agent's phone is ringing, one waiting in the queue. Cutting the runtime's events
 * socket works against ari-sim and a real Asterisk alike (a TCP relay drops it); restarting
 * Asterisk needs ari-sim's controls and skips against a real Asterisk.
 */
import type { CallerLeg } from '@parley/harness';
import { afterEach, describe, expect, it } from 'vitest';
import './support/telephony.js';
import { Instance } from '../src/contact/instance.js';
import type { ContactRun } from '../src/contact/runner.js';
import type { ContactRecord } from '../src/logs/contact-record.js';
import {
  addAgent,
  addInbound,
  addProfile,
  addQueueFlows,
  bye,
  hook,
  loadFlowDoc,
  logging,
  looping,
  setQueue,
  toQueue,
} from './support/center-instance.js';
import { type CenterRig, openCenterRig, until } from './support/center-rig.js';
import { simFaults } from './support/runtime-ari.js';

const DNIS = '+18005550191';
const PHONES = { alice: '1501', bob: '1502', carol: '1503' } as const;
type Agent = keyof typeof PHONES;
const AGENTS = Object.keys(PHONES) as Agent[];
/** The inbound flow's blocks, every one logged: it ends by handing the contact to the queue. */
const INBOUND = ['logging', 'set-queue', 'h1', 'h2', 'h3', 'h4', 'queue'];

/** Support, answered by all three agents; a queued caller hears a queue flow, a held one a hold flow. */
function buildInstance(): Instance {
  const instance = new Instance();
  instance.addQueue({ id: 'support', name: 'Support' });
  addProfile(instance, 'desk', [{ queue: 'support', priority: 1 }]);
  for (const user of AGENTS) addAgent(instance, user, PHONES[user], 'desk');
  addQueueFlows(instance);
  loadFlowDoc(
    instance,
    looping('On hold', 'CUSTOMER_HOLD', 'Thank you for holding'),
    'hold',
    'CUSTOMER_HOLD',
  );
  addInbound(instance, DNIS, [
    logging('set-queue'),
    setQueue(instance, 'support', 'h1'),
    hook('h1', 'AgentWhisper', 'aw', 'h2'),
    hook('h2', 'CustomerWhisper', 'cw', 'h3'),
    hook('h3', 'CustomerQueue', 'wait', 'h4'),
    hook('h4', 'CustomerHold', 'hold', 'queue'),
    toQueue('queue', 'bye'),
    bye,
  ]);
  return instance;
}

let rig: CenterRig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

/** The center over the instance; its runtime app's events socket stays down 2 s once cut. */
async function open(offerTimeoutSeconds: number): Promise<CenterRig> {
  rig = await openCenterRig(buildInstance(), { offerTimeoutSeconds, cuttable: { reconnectDelayMs: 2000 } });
  return rig;
}

type Call = { caller: CallerLeg; run: ContactRun };

/** Calls in and waits for the contact; calls placed one at a time start in order. */
async function dialIn(r: CenterRig): Promise<Call> {
  const before = r.runs.length;
  const caller = await r.harness.call(DNIS.slice(1));
  await caller.answered();
  await until(() => r.runs.length > before, 'the contact to start');
  return { caller, run: r.runs[before] as ContactRun };
}

const state = (r: CenterRig, user: Agent) => r.center.snapshot(user)?.Contacts[0]?.State;
const activity = (r: CenterRig, user: Agent) => r.center.engine.agent(user)?.activity;

/**
 * The three agents logged in, not yet Available; Bob's phone rings until the test answers it.
 * Answers the runtime's listeners before any call: those the calls add must go with them.
 */
async function loggedIn(r: CenterRig): Promise<number> {
  r.harness.phone('agent', PHONES.alice, { answer: { ringMs: 50 } });
  r.harness.phone('agent', PHONES.bob, 'ignore');
  r.harness.phone('agent', PHONES.carol, { answer: { ringMs: 50 } });
  for (const user of AGENTS) await r.center.login(user);
  return r.runtimeAri.listenerCount;
}

/**
 * Alice talking with the first caller, Bob's phone ringing with the second, the third waiting in
 * the queue with Carol not yet Available.
 */
async function busyCenter(r: CenterRig) {
  const { harness, center } = r;
  const listeners = await loggedIn(r);
  await center.setStatus('alice', 'Available');
  const talking = await dialIn(r);
  const alicePhone = await harness.incoming('agent', PHONES.alice);
  await until(() => state(r, 'alice') === 'CONNECTED', 'alice to talk with the first caller');
  await center.setStatus('bob', 'Available');
  const ringing = await dialIn(r);
  const bobPhone = await harness.incoming('agent', PHONES.bob);
  const queued = await dialIn(r);
  await until(
    () => center.engine.waiting(queued.run.contactId) !== undefined && queued.caller.prompts.length > 0,
    'the third caller to hear the queue flow',
  );
  expect(state(r, 'bob')).toBe('INCOMING');
  return { listeners, talking, alicePhone, ringing, bobPhone, queued };
}

/** How many prompts have started to play to the caller, counted from now on. */
function promptsTo(r: CenterRig, caller: CallerLeg): { count: number } {
  const seen = { count: 0 };
  r.harness.ari.on('PlaybackStarted', (e) => {
    if (e.playback.target_uri === `channel:${caller.runtimeChannelId}`) seen.count++;
  });
  return seen;
}

/** Each agent ends After Contact Work on the contact; the contact records, in the same order. */
async function clearAll(r: CenterRig, done: [Agent, Call][]): Promise<ContactRecord[]> {
  for (const [user, { run }] of done) {
    await until(() => activity(r, user) === 'acw', `${user} in After Contact Work`);
    expect(await r.center.clearContact(user, run.contactId)).toMatchObject({ ok: true });
  }
  return Promise.all(done.map(([, { run }]) => run.closed));
}

/** Nothing of the calls is left: no one in line, no agent held by a contact, no timer, no listener. */
async function nothingLeft(r: CenterRig, listeners: number): Promise<void> {
  const support = r.center.deps().instance.arnOf('queue', 'support');
  expect((await r.center.metrics(support))?.size).toBe(0);
  // Logging out is refused while a contact still holds the agent; it also ends their heartbeats.
  for (const user of AGENTS) expect(await r.center.logout(user)).toMatchObject({ ok: true });
  await until(() => r.clock.pending.size === 0, 'every runtime timer to end');
  await until(() => r.runtimeAri.listenerCount === listeners, 'the calls to drop their listeners');
}

const flowsLogged = (r: CenterRig, run: ContactRun) =>
  [...new Set(r.logs.forContact(run.contactId).map((e) => e.ContactFlowName))].sort();
const inboundLogged = (r: CenterRig, run: ContactRun) =>
  r.logs
    .forContact(run.contactId)
    .filter((e) => e.ContactFlowName === 'Inbound')
    .map((e) => e.Identifier);

describe('a dropped events socket in the contact center', () => {
  it('keeps the queued caller, the ringing offer and the bridged call: each reaches its agent, talks and ends with its record and flow logs', async () => {
    // Down for longer than a queue-flow prompt (1.4 s): its end is lost with the socket.
    const r = await open(15);
    const { harness, center } = r;
    const { listeners, talking, alicePhone, ringing, bobPhone, queued } = await busyCenter(r);
    const queuePrompts = promptsTo(r, queued.caller);

    const back = r.reconnected();
    expect(await r.cutRuntimeSocket()).toBe(1);
    // The bridge is Asterisk's: keys pressed while the runtime hears nothing still reach Alice.
    await talking.caller.press('1');
    expect(await alicePhone.waitForDigits(1)).toBe('1');
    await back;

    // The queued caller is still in line, and the queue flow goes on playing to them.
    const heard = queuePrompts.count;
    expect(center.engine.waiting(queued.run.contactId)).toBeDefined();
    await until(() => queuePrompts.count > heard, 'the queue flow to play on after the reconnect');

    // The offer rang on through the drop and Bob takes it.
    await bobPhone.answer();
    await until(() => state(r, 'bob') === 'CONNECTED', 'bob to talk with the second caller');
    await ringing.caller.press('2');
    expect(await bobPhone.waitForDigits(1)).toBe('2');

    // Alice's call is still bridged: keys go both ways, and she holds and resumes the caller.
    await talking.caller.press('3');
    expect(await alicePhone.waitForDigits(2)).toBe('13');
    const customer = `${talking.run.contactId}-customer`;
    expect(await center.hold('alice', customer)).toMatchObject({ ok: true });
    await until(() => talking.caller.prompts.length > 0, 'the hold flow to play to the caller');
    expect(await center.resume('alice', customer)).toMatchObject({ ok: true });
    await until(() => talking.caller.prompts.length === 0, 'the hold flow to stop');
    await alicePhone.press('4');
    expect(await talking.caller.waitForDigits(1)).toBe('4');

    // Carol becomes Available and the queued caller is hers.
    await center.setStatus('carol', 'Available');
    const carolPhone = await harness.incoming('agent', PHONES.carol);
    await until(() => state(r, 'carol') === 'CONNECTED', 'carol to talk with the third caller');
    await queued.caller.press('5');
    expect(await carolPhone.waitForDigits(1)).toBe('5');

    for (const { caller } of [talking, ringing, queued]) await caller.hangup();
    await Promise.all([alicePhone, bobPhone, carolPhone].map((phone) => phone.waitForHangup()));
    const calls: [Agent, Call][] = [
      ['alice', talking],
      ['bob', ringing],
      ['carol', queued],
    ];
    const records = await clearAll(r, calls);
    expect(records.map((c) => [c.Agent?.Username, c.Queue?.Name, c.AgentConnectionAttempts])).toEqual([
      ['alice', 'Support', 1],
      ['bob', 'Support', 1],
      ['carol', 'Support', 1],
    ]);
    expect(records.map((c) => c.DisconnectReason)).toEqual(Array(3).fill('CUSTOMER_DISCONNECT'));
    for (const [, { run }] of calls) {
      expect(inboundLogged(r, run)).toEqual(INBOUND);
      expect(flowsLogged(r, run)).toEqual(['Agent whisper', 'Customer whisper', 'Inbound']);
    }
    await nothingLeft(r, listeners);
  });

  it('counts an offer answered while the socket is down as Missed and offers the caller to the next agent', async () => {
    // Rings for longer than the test lasts: only the resynchronisation can tell the runtime.
    const r = await open(60);
    const { harness, center } = r;
    const listeners = await loggedIn(r);
    await center.setStatus('bob', 'Available');
    const ringing = await dialIn(r);
    const bobPhone = await harness.incoming('agent', PHONES.bob);

    const back = r.reconnected();
    expect(await r.cutRuntimeSocket()).toBe(1);
    // With no socket the app is inactive: Asterisk refuses the answered leg its Stasis and drops it
    // (ari-sim refuses the answer itself, as the leg is gone by the time it would say so).
    await bobPhone.answer().catch(() => undefined);
    await bobPhone.waitForHangup();
    await back;
    await until(() => activity(r, 'bob') === 'missed', 'bob to have missed the offer');
    expect(center.engine.waiting(ringing.run.contactId)).toBeDefined();

    await center.setStatus('carol', 'Available');
    const carolPhone = await harness.incoming('agent', PHONES.carol);
    await until(() => state(r, 'carol') === 'CONNECTED', 'carol to talk with the caller');
    await ringing.caller.press('6');
    expect(await carolPhone.waitForDigits(1)).toBe('6');
    await ringing.caller.hangup();
    const [record] = await clearAll(r, [['carol', ringing]]);
    expect(record).toMatchObject({
      Agent: { Username: 'carol' },
      AgentConnectionAttempts: 2,
      DisconnectReason: 'CUSTOMER_DISCONNECT',
    });
    expect(flowsLogged(r, ringing.run)).toEqual(['Agent whisper', 'Customer whisper', 'Inbound']);
    await nothingLeft(r, listeners);
  });
});

describe('an Asterisk restart in the contact center', () => {
  it('closes the queued, the ringing and the bridged call with records and flow logs, leaves no one stuck and nothing in line, and the agents take new calls', async (ctx) => {
    const faults = simFaults(ctx);
    const r = await open(15);
    const { harness, center } = r;
    const { listeners, talking, ringing, queued } = await busyCenter(r);

    // Both apps lose their sockets; the next calls need the harness's back too.
    const back = Promise.all([r.reconnected('runtime'), r.reconnected('harness')]);
    await faults.restart(300);
    await back;

    // The two who never reached an agent are closed at once; Alice's call once her ACW is over.
    const unanswered = await Promise.all([ringing, queued].map(({ run }) => run.closed));
    expect(unanswered.map((c) => [c.Agent, c.Queue?.Name, c.DisconnectReason])).toEqual([
      [null, 'Support', 'TELECOM_PROBLEM'],
      [null, 'Support', 'TELECOM_PROBLEM'],
    ]);
    const [answered] = await clearAll(r, [['alice', talking]]);
    expect(answered?.Agent?.Username).toBe('alice');
    expect(answered?.DisconnectReason).toBe('TELECOM_PROBLEM');
    expect(flowsLogged(r, talking.run)).toEqual(['Agent whisper', 'Customer whisper', 'Inbound']);
    for (const { run } of [talking, ringing, queued]) expect(inboundLogged(r, run)).toEqual(INBOUND);
    // Bob's ring died with Asterisk, no fault of his: idle again, not Missed, whichever of the
    // caller's and his leg's resynchronisations told the center first.
    expect(activity(r, 'bob')).toBe('idle');

    // Alice and Bob each take one of the next two calls.
    harness.phone('agent', PHONES.bob, { answer: { ringMs: 50 } });
    await center.setStatus('bob', 'Available');
    const next = [await dialIn(r), await dialIn(r)];
    await until(
      () => state(r, 'alice') === 'CONNECTED' && state(r, 'bob') === 'CONNECTED',
      'alice and bob to talk with the next two callers',
    );
    for (const { caller } of next) await caller.hangup();
    const callOf = (user: Agent) =>
      next.find((c) => c.run.contactId === center.snapshot(user)?.Contacts[0]?.ContactId) as Call;
    const after = await clearAll(r, [
      ['alice', callOf('alice')],
      ['bob', callOf('bob')],
    ]);
    expect(after.map((c) => [c.Agent?.Username, c.DisconnectReason])).toEqual([
      ['alice', 'CUSTOMER_DISCONNECT'],
      ['bob', 'CUSTOMER_DISCONNECT'],
    ]);
    await nothingLeft(r, listeners);
  });
});
