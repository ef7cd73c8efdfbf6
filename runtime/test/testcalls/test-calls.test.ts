import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_CALL_TAG } from '../../src/testcalls/records.js';
import { botDraft, brokenDraft, menuDraft, sayDraft } from './drafts.js';
import { followCall, type Message, type Server, startServer } from './support.js';

const CALL = '/api/instances/demo/test-calls';
const ids = (messages: Message[], type: string) =>
  messages.filter((m) => m.type === type).map((m) => m.entry?.Identifier ?? m.identifier);

describe('test calls of a draft', () => {
  let server: Server;
  beforeAll(async () => {
    server = await startServer();
  }, 60_000);
  afterAll(() => server?.close());

  it('runs a draft menu: pressing 1 takes its branch, logs arrive in order and attributes update', async () => {
    const placed = await server.api('POST', CALL, { content: menuDraft(), flowType: 'CONTACT_FLOW' });
    expect(placed.status).toBe(201);
    expect(placed.json).toMatchObject({ state: 'ringing', number: expect.stringMatching(/^\+999\d{12}$/) });
    const call = await followCall(server, 'demo', placed.json.id);
    try {
      const menu = await call.next((m) => m.type === 'prompt' && m.identifier === 'menu', 'menu prompt');
      expect(menu.text).toBe('Press 1 for sales.');
      const pressed = await server.api('POST', `${CALL}/${placed.json.id}/dtmf`, { digits: '1' });
      expect(pressed.status).toBe(204);
      const ended = await call.next((m) => m.type === 'state' && m.state === 'ended', 'the end');
      expect(ended).toMatchObject({ reason: 'disconnected by the flow', durationMs: expect.any(Number) });

      const { messages } = call;
      expect(messages.filter((m) => m.type === 'state').map((m) => m.state)).toEqual([
        'ringing',
        'in-call',
        'ended',
      ]);
      expect(ids(messages, 'log')).toEqual(['menu', 'set-dept', 'sales', 'bye']);
      expect(ids(messages, 'step')).toEqual(['menu', 'set-dept', 'sales', 'bye']);
      const contact = messages.find((m) => m.type === 'contact');
      expect(contact).toMatchObject({ startAction: 'menu' });
      const menuStep = messages.find((m) => m.type === 'step' && m.identifier === 'menu');
      expect(menuStep).toMatchObject({ branch: { kind: 'condition', index: 0 }, next: 'set-dept' });
      expect(messages.filter((m) => m.type === 'attributes').map((m) => m.attributes)).toEqual([
        {},
        { dept: 'sales' },
      ]);
      const log = messages.find((m) => m.type === 'log' && m.entry.Identifier === 'menu')?.entry;
      expect(log).toMatchObject({ ContactFlowModuleType: 'GetUserInput', Results: '1' });

      const sales = messages.find((m) => m.type === 'prompt' && m.identifier === 'sales');
      expect(sales).toMatchObject({
        text: 'Connecting you to sales.',
        ssml: expect.stringContaining('<emphasis>sales'),
      });
      const audio = await fetch(`${server.parley.url}${sales?.audio}`, {
        headers: { authorization: `Bearer ${server.token}` },
      });
      expect([audio.status, audio.headers.get('content-type')]).toEqual([200, 'audio/wav']);
      expect(
        Buffer.from(await audio.arrayBuffer())
          .subarray(0, 4)
          .toString(),
      ).toBe('RIFF');

      const record = await server.api('GET', `/api/instances/demo/contacts/${contact?.contactId}`);
      expect(record.json.Tags).toMatchObject({ [TEST_CALL_TAG]: 'true' });
      expect(record.json.Attributes).toEqual({ dept: 'sales' });
      const after = await server.api('POST', `${CALL}/${placed.json.id}/dtmf`, { digits: '2' });
      expect([after.status, after.json.code]).toEqual([409, 'TESTCALL_ENDED']);
    } finally {
      call.close();
    }
  }, 60_000);

  it('hands words said on a test call to the bot its Lex block talks to, which picks the intent', async () => {
    const bot = await server.api('POST', '/api/instances/demo/bots', {
      name: 'TestCallBot',
      locale: 'en_US',
      intents: [{ name: 'CheckBalance', utterances: ['what is my balance', 'check my balance'] }],
    });
    expect(bot.status).toBe(201);
    const placed = await server.api('POST', CALL, {
      content: botDraft(bot.json.arn),
      flowType: 'CONTACT_FLOW',
    });
    expect(placed.status).toBe(201);
    const call = await followCall(server, 'demo', placed.json.id);
    try {
      await call.next((m) => m.type === 'prompt' && m.identifier === 'ask', 'the bot asking');
      const said = await server.api('POST', `${CALL}/${placed.json.id}/speech`, {
        text: 'What is my balance?',
      });
      expect(said.status).toBe(204);
      await call.next((m) => m.type === 'state' && m.state === 'ended', 'the end');
      expect(ids(call.messages, 'step')).toEqual(['ask', 'balance', 'bye']);
      const ask = call.messages.find((m) => m.type === 'step' && m.identifier === 'ask');
      expect(ask).toMatchObject({ branch: { kind: 'condition', index: 0 } });
    } finally {
      call.close();
    }
  }, 60_000);

  it('runs the draft of a published flow, not its published version, and logs it under that flow', async () => {
    const flows = await server.api('GET', '/api/instances/demo/flows');
    const bank = flows.json.flows.find((f: { name: string }) => f.name === 'Bank menu');
    const placed = await server.api('POST', CALL, {
      flowId: bank.id,
      content: sayDraft('This is the draft speaking.'),
      flowType: 'CONTACT_FLOW',
    });
    expect([placed.status, placed.json.flowArn]).toEqual([201, bank.arn]);
    const call = await followCall(server, 'demo', placed.json.id);
    try {
      await call.next((m) => m.type === 'state' && m.state === 'ended', 'the end');
      expect(call.messages.filter((m) => m.type === 'prompt').map((m) => m.text)).toEqual([
        'This is the draft speaking.',
      ]);
      const logs = call.messages.filter((m) => m.type === 'log').map((m) => m.entry);
      expect(logs.map((e) => [e.Identifier, e.ContactFlowId, e.ContactFlowName])).toEqual([
        ['say', bank.arn, 'Bank menu'],
        ['bye', bank.arn, 'Bank menu'],
      ]);
    } finally {
      call.close();
    }
    // Replay lists the contacts of a flow: this one ran Bank menu's draft, so it is one of them.
    const contactId = call.messages.find((m) => m.type === 'contact')?.contactId;
    const ofBank = await server.api(
      'GET',
      `/api/instances/demo/contacts?flow=${encodeURIComponent(bank.arn)}`,
    );
    expect(ofBank.json.contacts.map((c: { contactId: string }) => c.contactId)).toContain(contactId);
    const ofOther = await server.api(
      'GET',
      `/api/instances/demo/contacts?flow=${encodeURIComponent(`${bank.arn}-x`)}`,
    );
    expect(ofOther.json.contacts).toEqual([]);
    const still = await server.api('GET', `/api/instances/demo/flows/${bank.id}`);
    expect(still.json.publishedVersion).toBe(bank.publishedVersion);
  }, 60_000);

  it('hangs up when asked, and when its socket closes', async () => {
    const asked = await server.api('POST', CALL, { content: menuDraft(), flowType: 'CONTACT_FLOW' });
    const call = await followCall(server, 'demo', asked.json.id);
    await call.next((m) => m.type === 'prompt', 'menu prompt');
    expect((await server.api('DELETE', `${CALL}/${asked.json.id}`)).status).toBe(204);
    const ended = await call.next((m) => m.type === 'state' && m.state === 'ended', 'the end');
    expect(ended.reason).toBe('hung up');
    call.close();

    const dropped = await server.api('POST', CALL, { content: menuDraft(), flowType: 'CONTACT_FLOW' });
    const socket = await followCall(server, 'demo', dropped.json.id);
    await socket.next((m) => m.type === 'prompt', 'menu prompt');
    socket.close();
    const again = await followCall(server, 'demo', dropped.json.id);
    const gone = await again.next((m) => m.type === 'state' && m.state === 'ended', 'the end');
    expect(gone.reason).toBe('socket closed');
    again.close();
  }, 60_000);

  it('refuses a draft with errors, listing each problem by code', async () => {
    const res = await server.api('POST', CALL, { content: brokenDraft(), flowType: 'CONTACT_FLOW' });
    expect([res.status, res.json.code]).toEqual([422, 'TESTCALL_DRAFT_INVALID']);
    expect(new Set(res.json.diagnostics.map((d: { code: string }) => d.code))).toEqual(
      new Set(['TRANSITION_TARGET_DANGLING', 'PUBLISH_REFERENCE_UNRESOLVED']),
    );
    const notJson = await server.api('POST', CALL, { content: '{', flowType: 'CONTACT_FLOW' });
    expect([notJson.status, notJson.json.code]).toEqual([422, 'TESTCALL_DRAFT_INVALID']);
    const queueFlow = await server.api('POST', CALL, { content: sayDraft('hi'), flowType: 'CUSTOMER_QUEUE' });
    expect([queueFlow.status, queueFlow.json.code]).toEqual([422, 'TESTCALL_FLOW_TYPE_UNSUPPORTED']);
  });

  it('lets only authors of the instance place, follow or hang up a test call', async () => {
    const viewer = (await server.api('POST', '/api/tokens', { role: 'viewer', name: 'v', instance: 'demo' }))
      .json.token;
    const body = { content: sayDraft('hi'), flowType: 'CONTACT_FLOW' };
    expect((await server.api('POST', CALL, body, viewer)).status).toBe(403);
    expect((await server.api('POST', CALL, body, 'parley_000000000000_forged')).status).toBe(401);
    await server.api('POST', '/api/instances', { alias: 'other' });
    const stranger = (
      await server.api('POST', '/api/tokens', { role: 'admin', name: 's', instance: 'other' })
    ).json.token;
    const placed = await server.api('POST', CALL, body);
    for (const [method, path] of [
      ['GET', `${CALL}/${placed.json.id}`],
      ['DELETE', `${CALL}/${placed.json.id}`],
      ['GET', `${CALL}/${placed.json.id}/audio/0`],
    ] as const)
      expect([path, (await server.api(method, path, undefined, stranger)).status]).toEqual([path, 403]);
    const elsewhere = await server.api(
      'GET',
      `/api/instances/other/test-calls/${placed.json.id}`,
      undefined,
      stranger,
    );
    expect([elsewhere.status, elsewhere.json.code]).toEqual([404, 'API_NOT_FOUND']);
  });
});
