import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { type AriClient, createAriClient } from '@parley/ari';
import { Harness } from '@parley/harness';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { openClusterPbx, startWorker, type Worker } from '../../bench/failover.js';
import { TEST_AGENT_ENDPOINT } from '../../src/center/index.js';
import type { Adoption } from '../../src/host/start.js';
import { SYSTEM } from '../../src/services/context.js';
import { EventBus } from '../../src/services/events.js';
import { publish } from '../../src/services/flows.js';
import { putResource } from '../../src/services/resources.js';
import { createToken } from '../../src/services/tokens.js';
import { importFlow } from '../../src/services/transfer.js';
import { openStore, type Store } from '../../src/store/index.js';
import { testDatabaseUrl } from '../support/stores.js';
import { until } from '../support/until.js';

const url = testDatabaseUrl();
const NUMBER = '+18005550177';
const allWeek = ['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY'].map((Day) => ({
  Day,
  StartTime: { Hours: 0, Minutes: 0 },
  EndTime: { Hours: 0, Minutes: 0 },
}));

// Two workers on one PostgreSQL and one PBX: a, the older, runs the contact centers. The calls come
// into b's app and the agent signs in through b's API: b hands the contact to a when its flow first
// needs the queue, and forwards the agent's requests and event stream to a. Then a dies with a call
// waiting in its queue, and b runs the centers.
describe.skipIf(!url)('a contact center shared by runtime workers', () => {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  let store: Store;
  let sim: Awaited<ReturnType<typeof openClusterPbx>>['sim'];
  let server: Awaited<ReturnType<typeof openClusterPbx>>['server'];
  const workers: Worker[] = [];
  let harnessAri: AriClient;
  let harness: Harness;
  let instanceId = '';
  let token = '';
  let bUrl = '';
  /** The worker the agent's requests go to: b, until b dies. */
  let apiUrl = '';
  let env: Record<string, string> = {};

  beforeAll(async () => {
    store = await openStore({ databaseUrl: url ?? '', postgres: { schema, max: 2 } });
    const instance = await store.catalog.createInstance({
      id: '7e57c0de-0000-4000-8000-00000000ce17',
      alias: 'shared',
      partition: 'aws',
      region: 'us-east-1',
      account: '000000000000',
    });
    instanceId = instance.id;
    const scope = { store, events: new EventBus(), instance, actor: SYSTEM };
    const hours = await putResource(scope, 'hours', {
      name: 'Always open',
      timeZone: 'UTC',
      config: allWeek,
    });
    const queue = await putResource(scope, 'queue', { name: 'Billing', hoursOfOperation: hours.id });
    const profile = await putResource(scope, 'routingProfile', {
      name: 'Billing agents',
      queues: [{ queue: queue.id, channel: 'VOICE', priority: 1 }],
    });
    const alice = await putResource(scope, 'user', {
      username: 'alice',
      routingProfile: profile.id,
      extension: '1101',
      afterContactWorkSeconds: 0,
    });
    const flow = await readFile(
      new URL('../../../fixtures/flows/queue-transfer-billing.json', import.meta.url),
    );
    const imported = await importFlow(scope, flow, { name: 'Billing transfer', message: 'test' });
    if (!imported.saved) throw new Error('the billing flow did not import');
    await publish(scope, imported.saved.flow.id);
    await putResource(scope, 'phoneNumber', { number: NUMBER, flow: imported.saved.flow.id });
    token = (
      await createToken(store, {
        role: 'agent',
        name: 'alice',
        instanceId,
        actor: 'test',
        userId: alice.id,
      })
    ).token;

    const pbx = await openClusterPbx(url ?? '', schema, ['a', 'b']);
    ({ sim, server } = pbx);
    env = { ...pbx.env, PARLEY_AGENT_ENDPOINT: TEST_AGENT_ENDPOINT };
    // a first: the longest-running worker runs the contact centers.
    workers.push(await startWorker('a', env, 3_000));
    workers.push(await startWorker('b', env, 3_000));
    bUrl = urlOf(workers[1]);
    apiUrl = bUrl;
    harnessAri = createAriClient({
      transport: sim.transport({ username: 'harness', password: 'harness' }),
      app: 'harness',
    });
    await harnessAri.connect();
    harness = new Harness({
      ari: harnessAri,
      dialplan: { inboundContext: 'from-b', runtimeApp: 'parley-b' },
    });
  }, 120_000);

  afterAll(async () => {
    harness?.close();
    harnessAri?.close();
    for (const w of workers) if (w.child.exitCode === null) w.child.kill('SIGKILL');
    await server?.close();
    await sim?.close();
    await store?.db.exec(`DROP SCHEMA ${schema} CASCADE`).catch(() => undefined);
    await store?.close();
  });

  const agentApi = async (method: 'GET' | 'POST', path: string, body?: unknown) => {
    const res = await fetch(`${apiUrl}/api/instances/${instanceId}/agent${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    // biome-ignore lint/suspicious/noExplicitAny: read field by field in assertions
    return { status: res.status, json: (await res.json()) as any };
  };

  const urlOf = (worker: Worker | undefined) =>
    (worker?.events.find((e) => e.event.ready)?.event.ready as { url: string } | undefined)?.url ?? '';
  /** Waits until alice talks to a contact (this one, when given) and answers its id. */
  const connected = async (what: string, contactId?: string): Promise<string> => {
    let id = '';
    await until(async () => {
      const contact = (await agentApi('GET', '')).json.snapshot?.Contacts?.[0];
      id = contact?.ContactId ?? '';
      return contact?.State === 'CONNECTED' && (contactId === undefined || id === contactId);
    }, what);
    return id;
  };
  const recordOf = async (contactId: string) => {
    let record: Awaited<ReturnType<Store['contacts']['contactRecord']>>;
    await until(async () => {
      record = await store.contacts.contactRecord(instanceId, contactId);
      return record !== undefined;
    }, 'the contact record');
    return record;
  };
  const inApp = async (app: string, channelId: string) =>
    (await harnessAri.applications.get({ applicationName: app })).channel_ids.includes(channelId);
  const noCheckpointLeft = () =>
    until(async () => Object.keys(await store.cluster.contactCounts()).length === 0, 'no checkpoint left');

  it("answers a call that arrived on one worker by an agent signed in through another's API", async () => {
    const socket = new WebSocket(
      `${bUrl.replace('http', 'ws')}/api/instances/${instanceId}/agent/events?access_token=${token}`,
    );
    const events: { EventType?: string; CurrentAgentSnapshot?: { AgentStatus?: { Name?: string } } }[] = [];
    socket.on('message', (data) => events.push(JSON.parse(String(data))));
    await new Promise((resolve, reject) => {
      socket.on('open', resolve);
      socket.on('error', reject);
    });
    expect((await agentApi('POST', '/login')).status).toBe(200);
    const available = await agentApi('POST', '/status', { status: 'Available' });
    expect(available.json.snapshot.AgentStatus.Name).toBe('Available');

    harness.phone('agent', '1101', { answer: { ringMs: 50 } });
    const caller = await harness.call(NUMBER.slice(1));
    await caller.answered();
    const phone = await harness.incoming('agent', '1101', 30_000);
    await phone.waitForAnswer();
    const contactId = await connected('alice connected, as b tells it');
    await until(() => events.some((e) => e.EventType === 'STATE_CHANGE'), 'a state change on the stream');
    // The call came into b's app; it is a's now.
    const channel = caller.runtimeChannelId;
    expect([await inApp('parley-a', channel), await inApp('parley-b', channel)]).toEqual([true, false]);

    await caller.hangup();
    await phone.waitForHangup();
    socket.close();
    // The contact ran on both workers and was recorded once, by the one that ended it.
    expect(await recordOf(contactId)).toMatchObject({
      Agent: { Username: 'alice' },
      Queue: { Name: 'Billing' },
    });
    const contacts = await store.contacts.contacts(instanceId, { limit: 10 });
    expect(contacts.map((c) => c.contactId)).toEqual([contactId]);
    await noCheckpointLeft();
  }, 120_000);

  it('keeps the agents signed in as they were, and a waiting call in its queue, when the worker running the centers dies', async () => {
    await agentApi('POST', '/status', { status: { custom: 'Break' } });
    await until(async () => (await store.cluster.agentStates()).length === 1, 'the status stored');
    // alice is on Break: the call waits in Billing, on a, hearing the customer queue flow.
    const caller = await harness.call(NUMBER.slice(1));
    await caller.answered();
    await until(
      () => inApp('parley-a', caller.runtimeChannelId),
      'the call moved to a, which runs the queues',
    );
    await caller.waitForNewAudio({ timeoutMs: 30_000 });
    workers[0]?.child.kill('SIGKILL');
    await until(() => workers[1]?.events.some((e) => e.event.adopted) === true, 'b adopts a');
    // b runs the centers now, and alice is signed in there with the status she chose, unasked.
    await until(
      async () => (await agentApi('GET', '')).json.snapshot?.AgentStatus?.Name === 'Break',
      'alice on Break, on b',
    );
    expect(await store.cluster.agentStates()).toEqual([
      { instanceId, userId: expect.any(String), status: { custom: 'Break' } },
    ]);
    // The caller waited through the takeover and is answered by alice once she is available.
    expect(caller.hungUp).toBe(false);
    await agentApi('POST', '/status', { status: 'Available' });
    const phone = await harness.incoming('agent', '1101', 30_000);
    await phone.waitForAnswer();
    const contactId = await connected('alice connected to the caller who waited');
    await caller.hangup();
    await phone.waitForHangup();
    expect(await recordOf(contactId)).toMatchObject({
      Agent: { Username: 'alice' },
      Queue: { Name: 'Billing' },
    });
    // Resumed from its checkpoint, the call is the contact it was, not a second one.
    const contacts = await store.contacts.contacts(instanceId, { limit: 10 });
    expect(contacts.map((c) => c.contactId)).toContain(contactId);
    expect(contacts).toHaveLength(2);
    expect((await agentApi('POST', '/logout')).status).toBe(200);
    await until(async () => (await store.cluster.agentStates()).length === 0, 'the sign-out stored');
  }, 120_000);

  // The contact's transfer block runs while the caller talks to an agent, and the bridge is the
  // center's, in the memory of the worker that died: the block is the one repeated, so the caller
  // is queued again and offered to the agent again, on a new leg, and not dropped.
  it('queues a caller talking to an agent again, as the same contact, when the worker running the centers dies during their call', async () => {
    const c = await startWorker('c', env, 3_000);
    workers.push(c);
    expect((await agentApi('POST', '/login')).status).toBe(200);
    await agentApi('POST', '/status', { status: 'Available' });
    const caller = await harness.call(NUMBER.slice(1));
    await caller.answered();
    const first = await harness.incoming('agent', '1101', 30_000);
    await first.waitForAnswer();
    const contactId = await connected('alice talking to the caller, on b');
    workers[1]?.child.kill('SIGKILL');
    await until(() => c.events.some((e) => e.event.adopted), 'c adopts b');
    apiUrl = urlOf(c);
    await first.waitForHangup({ timeoutMs: 30_000 });
    const again = await harness.incoming('agent', '1101', 30_000);
    await again.waitForAnswer();
    await connected('alice talking to the same contact, on c', contactId);
    // b's conversation bridge went with b (c took a's app from b too); the one up is c's.
    const adoption = c.events.find((e) => e.event.adopted)?.event.adopted as Adoption;
    expect(adoption.apps).toEqual([
      expect.objectContaining({ app: 'parley-b', bridges: 1 }),
      expect.objectContaining({ app: 'parley-a', bridges: 0 }),
    ]);
    expect(sim.bridges().map((b) => b.name)).toEqual(['parley-c']);
    // One call again: what the caller keys reaches alice, and what alice keys reaches the caller.
    await caller.press('5');
    expect(await again.waitForDigits(1, { timeoutMs: 10_000 })).toBe('5');
    await again.press('7');
    expect(await caller.waitForDigits(1, { timeoutMs: 10_000 })).toBe('7');
    expect(caller.hungUp).toBe(false);
    await caller.hangup();
    await again.waitForHangup();
    expect(await recordOf(contactId)).toMatchObject({
      Agent: { Username: 'alice' },
      Queue: { Name: 'Billing' },
    });
    expect(await store.contacts.contacts(instanceId, { limit: 10 })).toHaveLength(3);
    await noCheckpointLeft();
    await until(() => sim.bridges().length === 0, 'no bridge left');
  }, 120_000);
});
