import { ManualClock } from '@parley/ari';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { AgentEvent } from '../../src/center/types.js';
import { CenterDouble } from '../support/center-double.js';
import { storeDrivers } from '../support/stores.js';
import { type Api, openApi } from './support.js';

const base = '/api/instances/acme/agent';

describe.each(storeDrivers())('the agent API on $name', (driver) => {
  let api: Api;
  let center: CenterDouble;
  let acmeId = '';
  const clock = new ManualClock();
  const users: Record<string, { id: string; arn: string; token: string }> = {};
  const queue = { arn: '', name: 'Support' };

  beforeAll(async () => {
    api = await openApi(driver, () => ({ center: (id) => (id === acmeId ? center : undefined) }));
    for (const alias of ['acme', 'globex']) await api.call('POST', '/api/instances', { alias });
    acmeId = (await api.call('GET', '/api/instances/acme')).json.id;
    // The double routes by ARN only: the queue need not be a resource.
    queue.arn = `arn:aws:connect:us-east-1:111122223333:instance/${acmeId}/queue/support`;
    for (const [instance, username] of [
      ['acme', 'alice'],
      ['acme', 'bob'],
      ['globex', 'gail'],
    ] as const) {
      const user = await api.call('POST', `/api/instances/${instance}/users`, { username });
      const token = await api.call('POST', '/api/tokens', {
        role: 'agent',
        name: username,
        instance,
        user: username,
      });
      expect(token.status).toBe(201);
      users[username] = { id: user.json.id, arn: user.json.arn, token: token.json.token };
    }
    const agents = ['alice', 'bob'].map((u) => ({
      ...(users[u] as { id: string; arn: string }),
      username: u,
    }));
    center = new CenterDouble(
      clock,
      `arn:aws:connect:us-east-1:111122223333:instance/${acmeId}`,
      agents.map((a) => ({ ...a, acwSeconds: 30, queues: [queue] })),
      { customStatuses: ['Break'], quickConnects: [{ id: 'qc-1', name: 'Billing', type: 'QUEUE' }] },
    );
  });
  afterAll(async () => {
    center?.engine.close();
    await api?.close();
  });

  let listening: Promise<string> | undefined;
  const eventsUrl = async () => {
    listening ??= api.app.listen({ port: 0, host: '127.0.0.1' });
    return `${(await listening).replace('http', 'ws')}${base}/events?access_token=`;
  };
  const openSocket = async (username: string) => {
    const socket = new WebSocket(`${await eventsUrl()}${users[username]?.token}`);
    // biome-ignore lint/suspicious/noExplicitAny: messages are read field by field in assertions
    const messages: any[] = [];
    socket.on('message', (data) => messages.push(JSON.parse(String(data))));
    await new Promise((resolve, reject) => {
      socket.on('open', resolve);
      socket.on('error', reject);
    });
    return { socket, messages };
  };

  const as = (username: string) => (method: 'GET' | 'POST', path: string, body?: unknown) =>
    api.call(method, `${base}${path}`, method === 'POST' ? (body ?? {}) : undefined, users[username]?.token);

  it('an agent token made for a user logs in as that user, Offline, with the custom statuses', async () => {
    const alice = as('alice');
    expect((await alice('GET', '')).json).toMatchObject({ user: { username: 'alice' }, snapshot: null });
    const login = await alice('POST', '/login');
    expect(login.status).toBe(200);
    expect(login.json).toMatchObject({
      user: { id: users.alice?.id, arn: users.alice?.arn },
      snapshot: {
        AgentStatus: { Name: 'Offline', Type: 'OFFLINE' },
        Configuration: { Username: 'alice' },
        Contacts: [],
      },
      customStatuses: ['Break'],
    });
    const status = await alice('POST', '/status', { status: { custom: 'Break' } });
    expect(status.json.snapshot.AgentStatus).toMatchObject({ Name: 'Break', Type: 'CUSTOM' });
  });

  it('the agent is the token’s user: a user named in the body is refused', async () => {
    const res = await as('alice')('POST', '/status', { status: 'Available', userId: users.bob?.id });
    expect([res.status, res.json.code]).toEqual([400, 'API_REQUEST_INVALID']);
  });

  it('an Available agent is offered a queued contact with its attributes, and accepting connects it', async () => {
    const alice = as('alice');
    await alice('POST', '/status', { status: 'Available' });
    center.enqueue('c-1', queue.arn, { account: '1234', reason: 'billing' });
    const offered = (await alice('GET', '')).json;
    expect(offered.snapshot.Contacts).toMatchObject([
      { ContactId: 'c-1', State: 'INCOMING', Queue: { Name: 'Support' } },
    ]);
    expect(offered.contacts).toMatchObject([
      { contactId: 'c-1', attributes: { account: '1234', reason: 'billing' } },
    ]);
    const accepted = await alice('POST', '/contacts/c-1/accept');
    expect(accepted.json.snapshot.Contacts).toMatchObject([{ ContactId: 'c-1', State: 'CONNECTED' }]);
  });

  it('hold, resume, mute and unmute change a participant; ending leaves After Contact Work until cleared', async () => {
    const alice = as('alice');
    const held = await alice('POST', '/participants/c-1-customer/hold');
    expect(held.json.snapshot.Contacts[0].State).toBe('CONNECTED_ONHOLD');
    expect(held.json.contacts[0].participants[0]).toMatchObject({ role: 'CUSTOMER', state: 'ON_HOLD' });
    expect((await alice('POST', '/participants/c-1-customer/resume')).json.snapshot.Contacts[0].State).toBe(
      'CONNECTED',
    );
    const muted = await alice('POST', `/participants/c-1-${users.alice?.id}/mute`);
    expect(muted.json.contacts[0].participants[1]).toMatchObject({ self: true, muted: true });
    await alice('POST', `/participants/c-1-${users.alice?.id}/unmute`);
    const ended = await alice('POST', '/participants/c-1-customer/disconnect');
    expect(ended.json.snapshot.Contacts).toMatchObject([{ ContactId: 'c-1', State: 'ENDED' }]);
    const cleared = await alice('POST', '/contacts/c-1/clear');
    expect(cleared.json.snapshot).toMatchObject({ AgentStatus: { Name: 'Available' }, Contacts: [] });
  });

  it('a rejected offer shows as rejected until the agent sets a status again', async () => {
    const bob = as('bob');
    await bob('POST', '/login');
    await as('alice')('POST', '/status', { status: 'Offline' });
    await bob('POST', '/status', { status: 'Available' });
    center.enqueue('c-2', queue.arn);
    expect((await bob('POST', '/contacts/c-2/reject')).json.snapshot.Contacts).toMatchObject([
      { ContactId: 'c-2', State: 'REJECTED' },
    ]);
    await bob('POST', '/status', { status: 'Offline' });
    expect((await bob('GET', '')).json.snapshot.Contacts).toEqual([]);
    center.engine.dequeue('c-2');
  });

  it('refusals answer their codes and statuses', async () => {
    const alice = as('alice');
    const codeOf = async (path: string, body?: unknown) => {
      const res = await alice('POST', path, body);
      return [res.status, res.json.code];
    };
    expect(await codeOf('/contacts/nothing/accept')).toEqual([404, 'AGENT_NOT_FOUND']);
    expect(await codeOf('/participants/nobody/hold')).toEqual([409, 'AGENT_NOT_ALLOWED']);
    expect(await codeOf('/status', { status: { custom: 'Lunch' } })).toEqual([404, 'AGENT_NOT_FOUND']);
    expect(await codeOf('/transfer', {})).toEqual([400, 'API_REQUEST_INVALID']);
    expect(await codeOf('/transfer', { phoneNumber: '+15550199' })).toEqual([409, 'AGENT_NOT_ALLOWED']);
    await alice('POST', '/logout');
    expect(await codeOf('/status', { status: 'Available' })).toEqual([409, 'AGENT_NOT_LOGGED_IN']);
    await alice('POST', '/login');
  });

  it('lists the quick connects of the agent', async () => {
    const res = await as('alice')('GET', '/quick-connects');
    expect(res.json).toEqual({ quickConnects: [{ id: 'qc-1', name: 'Billing', type: 'QUEUE' }] });
  });

  it('a token made for no user, an admin’s too, is refused with AGENT_TOKEN_UNBOUND', async () => {
    for (const token of [await api.token('agent', 'acme'), api.admin]) {
      const res = await api.call('GET', base, undefined, token);
      expect([res.status, res.json.code]).toEqual([403, 'AGENT_TOKEN_UNBOUND']);
    }
  });

  it('tokens act as a user only for agent tokens of that user’s instance', async () => {
    const make = async (body: Record<string, unknown>) => {
      const res = await api.call('POST', '/api/tokens', { name: 'x', ...body });
      return [res.status, res.json.code];
    };
    expect(await make({ role: 'author', instance: 'acme', user: 'alice' })).toEqual([
      400,
      'API_REQUEST_INVALID',
    ]);
    expect(await make({ role: 'agent', user: 'alice' })).toEqual([400, 'API_REQUEST_INVALID']);
    expect(await make({ role: 'agent', instance: 'globex', user: 'alice' })).toEqual([
      422,
      'AGENT_USER_UNKNOWN',
    ]);
  });

  it('an instance without a contact center answers AGENT_UNAVAILABLE', async () => {
    const res = await api.call('GET', '/api/instances/globex/agent', undefined, users.gail?.token);
    expect([res.status, res.json.code]).toEqual([503, 'AGENT_UNAVAILABLE']);
  });

  it('the events socket streams the agent’s own events with Connect’s fields', async () => {
    const refused = new WebSocket(`${await eventsUrl()}${await api.token('agent', 'acme')}`);
    const status = await new Promise<number>((resolve) => {
      refused.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      refused.on('open', () => resolve(101));
    });
    expect(status).toBe(403);
    const { socket, messages } = await openSocket('alice');
    const events: AgentEvent[] = messages;
    await as('bob')('POST', '/status', { status: 'Available' });
    await as('alice')('POST', '/status', { status: { custom: 'Break' } });
    await expect.poll(() => events.length).toBeGreaterThan(0);
    socket.close();
    expect(events.map((e) => e.AgentARN)).toEqual([users.alice?.arn]);
    expect(events[0]).toMatchObject({
      EventType: 'STATE_CHANGE',
      Version: '2019-05-25',
      AWSAccountId: '111122223333',
      InstanceARN: expect.stringContaining(acmeId),
      EventId: expect.any(String),
      EventTimestamp: expect.any(String),
      PreviousAgentSnapshot: { AgentStatus: { Name: 'Offline' } },
      CurrentAgentSnapshot: { AgentStatus: { Name: 'Break' } },
    });
  });

  it('the events socket tells the agent when their call’s parties change, in a message no agent event has', async () => {
    const { socket, messages } = await openSocket('alice');
    // The last test's socket may still be closing on the server's side.
    await expect.poll(() => center.participantListeners).toBe(1);
    center.participantsChanged(users.bob?.id ?? '');
    // Messages keep their order: had Bob's change reached Alice, it would come before this event.
    await as('alice')('POST', '/status', { status: 'Available' });
    await expect.poll(() => messages.length).toBe(1);
    expect(messages[0]).toMatchObject({ EventType: 'STATE_CHANGE' });
    center.participantsChanged(users.alice?.id ?? '');
    await expect.poll(() => messages.length).toBe(2);
    expect(messages[1]).toEqual({ type: 'PARTICIPANTS_CHANGED' });
    socket.close();
    await expect.poll(() => center.participantListeners).toBe(0);
  });

  it('holding a party through the API sends both the agent event and PARTICIPANTS_CHANGED', async () => {
    const alice = as('alice');
    await as('bob')('POST', '/status', { status: 'Offline' });
    await alice('POST', '/status', { status: 'Available' });
    center.enqueue('c-3', queue.arn);
    expect((await alice('POST', '/contacts/c-3/accept')).status).toBe(200);
    const { socket, messages } = await openSocket('alice');
    expect((await alice('POST', '/participants/c-3-customer/hold')).status).toBe(200);
    await expect.poll(() => messages.length).toBe(2);
    socket.close();
    expect(messages.map((m) => m.EventType ?? m.type)).toEqual(['STATE_CHANGE', 'PARTICIPANTS_CHANGED']);
    await alice('POST', '/participants/c-3-customer/disconnect');
    await alice('POST', '/contacts/c-3/clear');
    await alice('POST', '/status', { status: 'Offline' });
  });
});
