import type { Harness } from '@parley/harness';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import './support/telephony.js';
import type { InstanceCenter } from '../src/center/index.js';
import { Instance } from '../src/contact/instance.js';
import type { ContactRun } from '../src/contact/runner.js';
import type { MemoryFlowLogSink } from '../src/logs/sinks.js';
import {
  addAgent,
  addInbound,
  addProfile,
  addQueueFlows,
  bye,
  hook,
  logging,
  say,
  setQueue,
  toQueue,
} from './support/center-instance.js';
import { type CenterRig, openCenterRig, until } from './support/center-rig.js';

const DNIS = '+18005550170';

/** Support (max 1 waiting) for the basic profile; Sales first for the sales profile, Support after 2 s. */
function buildInstance(queueFor: string): Instance {
  const instance = new Instance();
  instance.addQueue({ id: 'support', name: 'Support', maxContacts: 1 });
  instance.addQueue({ id: 'sales', name: 'Sales' });
  addProfile(instance, 'basic', [{ queue: 'support', priority: 1 }]);
  addProfile(instance, 'mixed', [
    { queue: 'sales', priority: 1 },
    { queue: 'support', priority: 2, delaySeconds: 2 },
  ]);
  addAgent(instance, 'alice', '1101', 'basic');
  addAgent(instance, 'bob', '1102', 'basic');
  addAgent(instance, 'carol', '1103', 'mixed');
  addQueueFlows(instance);
  addInbound(instance, DNIS, [
    logging('set-queue'),
    setQueue(instance, queueFor, 'h1'),
    hook('h1', 'AgentWhisper', 'aw', 'h2'),
    hook('h2', 'CustomerWhisper', 'cw', 'h3'),
    hook('h3', 'CustomerQueue', 'wait', 'queue'),
    toQueue('queue', 'full'),
    say('full', 'All our lines are busy', 'bye'),
    bye,
  ]);
  return instance;
}

let rig: CenterRig | undefined;
let harness: Harness;
let center: InstanceCenter;
let runs: ContactRun[];
let logs: MemoryFlowLogSink;

async function open(queueFor = 'support'): Promise<void> {
  rig = await openCenterRig(buildInstance(queueFor), { offerTimeoutSeconds: 2 });
  ({ harness, center, runs, logs } = rig);
}
afterEach(() => rig?.close());

const ran = (contactId: string, flowName: string) =>
  logs.forContact(contactId).some((e) => e.ContactFlowName === flowName);
/** The contact waits in a queue (the customer queue flow has it). */
const waits = (contactId: string | undefined) =>
  contactId !== undefined && center.engine.waiting(contactId) !== undefined;
const activity = (user: string) => center.engine.agent(user)?.activity;

async function available(...users: string[]): Promise<void> {
  for (const u of users) {
    expect((await center.login(u)).ok).toBe(true);
    expect((await center.setStatus(u, 'Available')).ok).toBe(true);
  }
}

describe('the contact center', () => {
  beforeEach(() => undefined);

  it('queues the caller in the queue flow, rings the agent, plays both whispers, bridges them and leaves the agent in After Contact Work', async () => {
    await open();
    await center.login('alice');
    harness.phone('agent', '1101', { answer: { ringMs: 50 } });
    const caller = await harness.call(DNIS.slice(1));
    await caller.answered();
    await until(() => runs.length === 1, 'the contact started');
    const run = runs[0] as ContactRun;
    await until(() => waits(run.contactId) && caller.prompts.length > 0, 'the queue flow plays');
    expect((await center.metrics(center.deps().instance.arnOf('queue', 'support')))?.size).toBe(1);

    await center.setStatus('alice', 'Available');
    const phone = await harness.incoming('agent', '1101');
    await phone.waitForAnswer();
    await until(() => center.snapshot('alice')?.Contacts[0]?.State === 'CONNECTED', 'alice connected');
    expect(ran(run.contactId, 'Agent whisper')).toBe(true);
    expect(ran(run.contactId, 'Customer whisper')).toBe(true);
    expect(activity('alice')).toBe('busy');

    await phone.hangup();
    await caller.waitForHangup();
    await until(() => activity('alice') === 'acw', 'alice in After Contact Work');
    expect((await center.clearContact('alice', run.contactId)).ok).toBe(true);
    const record = await run.closed;
    expect(record.Agent).toMatchObject({ Username: 'alice', RoutingProfile: { Name: 'basic' } });
    expect(record.Agent?.ConnectedToAgentTimestamp).toEqual(expect.any(String));
    expect(record.Agent?.AfterContactWorkEndTimestamp).toEqual(expect.any(String));
    expect(record.Queue).toMatchObject({ Name: 'Support' });
    expect(record.AgentConnectionAttempts).toBe(1);
    expect(record.DisconnectReason).toBe('AGENT_DISCONNECT');
    expect(activity('alice')).toBe('idle');
  });

  it('counts an unanswered offer as Missed and offers the contact to the next agent', async () => {
    await open();
    harness.phone('agent', '1101', 'ignore');
    harness.phone('agent', '1102', { answer: { ringMs: 50 } });
    await available('alice');
    const caller = await harness.call(DNIS.slice(1));
    await caller.answered();
    await harness.incoming('agent', '1101');
    await until(() => activity('alice') === 'missed', 'alice missed the contact');
    await available('bob');
    const phone = await harness.incoming('agent', '1102');
    await phone.waitForAnswer();
    await until(() => center.snapshot('bob')?.Contacts[0]?.State === 'CONNECTED', 'bob connected');
    await caller.hangup();
    await phone.waitForHangup();
    const record = await (async () => {
      await until(() => activity('bob') === 'acw', 'bob in ACW');
      await center.clearContact('bob', (runs[0] as ContactRun).contactId);
      return (runs[0] as ContactRun).closed;
    })();
    expect(record.Agent?.Username).toBe('bob');
    expect(record.AgentConnectionAttempts).toBe(2);
    expect(record.DisconnectReason).toBe('CUSTOMER_DISCONNECT');
  });

  it('takes a caller who hangs up in the queue out of it, with the queue in the contact record', async () => {
    await open();
    const caller = await harness.call(DNIS.slice(1));
    await caller.answered();
    await until(() => runs.length === 1, 'started');
    await until(() => waits(runs[0]?.contactId) && caller.prompts.length > 0, 'queued');
    await caller.hangup();
    const record = await (runs[0] as ContactRun).closed;
    expect(record.Queue).toMatchObject({ Name: 'Support' });
    expect(record.Agent).toBeNull();
    const support = center.deps().instance.arnOf('queue', 'support');
    expect((await center.metrics(support))?.size).toBe(0);
  });

  it("closes the contact of a caller who hangs up while the agent's phone rings, and the agent is free again", async () => {
    await open();
    harness.phone('agent', '1101', 'ignore');
    await available('alice');
    const caller = await harness.call(DNIS.slice(1));
    await caller.answered();
    const phone = await harness.incoming('agent', '1101');
    await caller.hangup();
    await phone.waitForHangup();
    const record = await (runs[0] as ContactRun).closed;
    expect(record.Queue).toMatchObject({ Name: 'Support' });
    expect(record.Agent).toBeNull();
    expect(record.AgentConnectionAttempts).toBe(1);
    expect(record.DisconnectReason).toBe('CUSTOMER_DISCONNECT');
    expect(activity('alice')).toBe('idle');
  });

  it('refuses a contact past the queue capacity: the flow takes its QueueAtCapacity branch', async () => {
    await open();
    const first = await harness.call(DNIS.slice(1));
    await first.answered();
    await until(() => waits(runs[0]?.contactId) && first.prompts.length > 0, 'first queued');
    const second = await harness.call(DNIS.slice(1));
    await second.answered();
    await until(() => runs.length === 2, 'second started');
    const result = await (runs[1] as ContactRun).done;
    expect(result.path.map((p) => p.identifier)).toContain('full');
    expect(result.end).toMatchObject({ kind: 'disconnected', by: 'flow' });
    await first.hangup();
  });

  it('routes by profile priority and delay: a queue behind its delay waits while a first-priority one is taken', async () => {
    await open('support');
    harness.phone('agent', '1103', { answer: { ringMs: 50 } });
    await available('carol');
    const caller = await harness.call(DNIS.slice(1));
    await caller.answered();
    await until(() => waits(runs[0]?.contactId) && caller.prompts.length > 0, 'queued');
    // Support is carol's second queue with a 2 s delay: not offered at once, then offered.
    expect(activity('carol')).toBe('idle');
    const phone = await harness.incoming('agent', '1103');
    await phone.waitForAnswer();
    await until(() => center.snapshot('carol')?.Contacts[0]?.State === 'CONNECTED', 'carol connected');
    await caller.hangup();
  });
});
