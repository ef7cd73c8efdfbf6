import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { storeDrivers } from '../support/stores.js';
import { type Api, fixture, openApi } from './support.js';

const wav = readFileSync(new URL('../../../packages/ari-sim/sounds/en/hello-world.wav', import.meta.url));
const menu = fixture('runs/menu-dtmf/flow.json');
const acme = '/api/instances/acme';
const globex = '/api/instances/globex';

interface Refs {
  queue: string;
  prompt: string;
  lambda: string;
  flow: string;
}

/** A flow naming one resource of each kind, by whatever it is given (ARNs here). */
const referencing = (r: Refs) =>
  JSON.stringify({
    Version: '2019-10-30',
    StartAction: 'Play',
    Actions: [
      {
        Identifier: 'Play',
        Type: 'MessageParticipant',
        Parameters: { PromptId: r.prompt },
        Transitions: { NextAction: 'Fn', Errors: [{ NextAction: 'Bye', ErrorType: 'NoMatchingError' }] },
      },
      {
        Identifier: 'Fn',
        Type: 'InvokeLambdaFunction',
        Parameters: { LambdaFunctionARN: r.lambda, InvocationTimeLimitSeconds: '3' },
        Transitions: { NextAction: 'Queue', Errors: [{ NextAction: 'Bye', ErrorType: 'NoMatchingError' }] },
      },
      {
        Identifier: 'Queue',
        Type: 'UpdateContactTargetQueue',
        Parameters: { QueueId: r.queue },
        Transitions: { NextAction: 'Go', Errors: [{ NextAction: 'Bye', ErrorType: 'NoMatchingError' }] },
      },
      {
        Identifier: 'Go',
        Type: 'TransferToFlow',
        Parameters: { ContactFlowId: r.flow },
        Transitions: { Errors: [{ NextAction: 'Bye', ErrorType: 'NoMatchingError' }] },
      },
      { Identifier: 'Bye', Type: 'DisconnectParticipant', Parameters: {}, Transitions: {} },
    ],
  });

describe.each(storeDrivers())('instances kept apart on $name', (driver) => {
  let api: Api;
  let author: string;
  let admin: string;
  let acmeId: string;
  let globexId: string;
  /** Globex's resources, as the ARN, ID and name an acme request might try. */
  const theirs: Record<string, { arn: string; id: string; name: string }> = {};
  let theirFlow: { arn: string; id: string; name: string };
  let secretFlow: string;

  const ok = async (method: 'POST' | 'PUT' | 'GET', url: string, body?: unknown) => {
    const res = await api.call(method, url, body);
    expect([url, res.status, res.status < 300 ? '' : res.text]).toEqual([url, expect.any(Number), '']);
    return res.json;
  };

  beforeAll(async () => {
    api = await openApi(driver);
    acmeId = (await ok('POST', '/api/instances', { alias: 'acme', account: '111122223333' })).id;
    globexId = (await ok('POST', '/api/instances', { alias: 'globex', account: '444455556666' })).id;
    author = await api.token('author', 'acme');
    admin = await api.token('admin', 'acme');
    const made = {
      queue: await ok('POST', `${globex}/queues`, { name: 'Payroll queue' }),
      prompt: await ok('POST', `${globex}/prompts`, { name: 'Payroll greeting', text: 'Payroll.' }),
      lambda: await ok('POST', `${globex}/lambda-functions`, {
        name: 'payroll',
        url: 'https://payroll.globex.example/run',
        headers: { 'x-api-key': 'globex-secret-key' },
      }),
      hours: await ok('POST', `${globex}/hours-of-operation`, {
        name: 'Globex hours',
        timeZone: 'UTC',
        config: [{ Day: 'MONDAY', StartTime: { Hours: 9, Minutes: 0 }, EndTime: { Hours: 17, Minutes: 0 } }],
      }),
      user: await ok('POST', `${globex}/users`, { username: 'bob', firstName: 'Bob' }),
    };
    for (const [kind, r] of Object.entries(made)) theirs[kind] = { arn: r.arn, id: r.id, name: r.name };
    await api.app.inject({
      method: 'PUT',
      url: `${globex}/prompts/${made.prompt.id}/audio`,
      headers: { authorization: `Bearer ${api.admin}`, 'content-type': 'audio/wav' },
      payload: wav,
    });
    const target = await ok('POST', `${globex}/flows`, {
      name: 'Payroll menu',
      type: 'CONTACT_FLOW',
      content: menu,
    });
    await ok('POST', `${globex}/flows/${target.flow.id}/publish`, {});
    secretFlow = referencing({
      queue: made.queue.arn,
      prompt: made.prompt.arn,
      lambda: made.lambda.arn,
      flow: target.flow.arn,
    });
    const main = await ok('POST', `${globex}/flows`, {
      name: 'Payroll',
      type: 'CONTACT_FLOW',
      content: secretFlow,
    });
    // Valid where its references live: only the instance makes the difference below.
    expect(main.diagnostics.filter((d: { severity: string }) => d.severity === 'error')).toEqual([]);
    await ok('POST', `${globex}/flows/Payroll/publish`, {});
    theirFlow = { arn: main.flow.arn, id: main.flow.id, name: main.flow.name };
    await api.store.contacts.putContactRecord(globexId, {
      ContactId: 'globex-contact',
      InitiationTimestamp: new Date().toISOString(),
    });
    await api.store.contacts.appendFlowLogs(globexId, [
      {
        ContactId: 'globex-contact',
        ContactFlowId: theirFlow.arn,
        Timestamp: new Date().toISOString(),
        Parameters: { secret: 'globex-log-secret' },
      },
    ]);
  });
  afterAll(() => api?.close());

  it("reads none of another instance's resources, by ARN, ID or name", async () => {
    const paths: Record<string, string> = {
      queue: 'queues',
      prompt: 'prompts',
      lambda: 'lambda-functions',
      hours: 'hours-of-operation',
      user: 'users',
    };
    for (const [kind, path] of Object.entries(paths)) {
      const r = theirs[kind];
      if (!r) throw new Error(kind);
      for (const ref of [r.arn, r.id, r.name]) {
        const url = `${acme}/${path}/${encodeURIComponent(ref)}`;
        const res = await api.call('GET', url, undefined, admin);
        expect([url, res.status, res.json.code]).toEqual([url, 404, 'API_NOT_FOUND']);
        expect(res.text).not.toContain('globex-secret-key');
      }
      const list = await api.call('GET', `${acme}/${path}`, undefined, admin);
      expect(list.text).not.toContain(r.arn);
    }
    const audio = await api.call(
      'GET',
      `${acme}/prompts/${encodeURIComponent(theirs.prompt?.arn ?? '')}/audio`,
      undefined,
      admin,
    );
    expect(audio.status).toBe(404);
  });

  it("changes and deletes none of another instance's resources", async () => {
    const queue = theirs.queue;
    if (!queue) throw new Error('queue');
    for (const ref of [queue.arn, queue.id]) {
      const url = `${acme}/queues/${encodeURIComponent(ref)}`;
      expect((await api.call('PUT', url, { name: 'Taken' }, author)).status).toBe(404);
      expect((await api.call('DELETE', url, undefined, author)).status).toBe(404);
    }
    expect((await ok('GET', `${globex}/queues/${queue.id}`)).name).toBe('Payroll queue');
  });

  it("reads none of another instance's flows, versions, exports, diffs or contacts", async () => {
    for (const ref of [theirFlow.arn, theirFlow.id, theirFlow.name])
      for (const suffix of ['', '/content', '/versions', '/versions/1', '/export', '/diff?from=1&to=1']) {
        const url = `${acme}/flows/${encodeURIComponent(ref)}${suffix}`;
        const res = await api.call('GET', url, undefined, admin);
        expect([url, res.status]).toEqual([url, 404]);
      }
    expect((await api.call('GET', `${acme}/contacts/globex-contact`, undefined, admin)).status).toBe(404);
    const byContact = await api.call('GET', `${acme}/contacts/globex-contact/logs`, undefined, admin);
    expect(byContact.json.entries).toEqual([]);
    const byFlow = await api.call(
      'GET',
      `${acme}/flow-logs?flow=${encodeURIComponent(theirFlow.arn)}`,
      undefined,
      admin,
    );
    expect(byFlow.json.entries).toEqual([]);
    const contacts = await api.call(
      'GET',
      `${acme}/contacts?flow=${encodeURIComponent(theirFlow.arn)}`,
      undefined,
      admin,
    );
    expect(contacts.json.contacts).toEqual([]);
    expect((await api.call('GET', `${acme}/contacts`, undefined, admin)).text).not.toContain(
      'globex-contact',
    );
  });

  it("never publishes a flow that names another instance's resources, and indexes them as unresolved", async () => {
    const saved = await api.call(
      'POST',
      `${acme}/flows`,
      { name: 'Borrower', type: 'CONTACT_FLOW', content: secretFlow },
      author,
    );
    expect(saved.status).toBe(201);
    const published = await api.call('POST', `${acme}/flows/Borrower/publish`, {}, author);
    expect([published.status, published.json.code]).toEqual([422, 'PUBLISH_HAS_ERRORS']);
    const unresolved = published.json.diagnostics.filter(
      (d: { code: string }) => d.code === 'PUBLISH_REFERENCE_UNRESOLVED',
    );
    expect(unresolved.map((d: { actionId: string }) => d.actionId).sort()).toEqual([
      'Fn',
      'Go',
      'Play',
      'Queue',
    ]);
    // The reference search of acme finds acme's own flow naming the ARN, never globex's flow.
    const search = await api.call(
      'GET',
      `${acme}/search?queue=${encodeURIComponent(theirs.queue?.arn ?? '')}`,
      undefined,
      author,
    );
    expect(search.json.uses.map((u: { flowName: string }) => u.flowName)).toEqual(['Borrower']);
  });

  it("resolves an import's references in the importing instance only", async () => {
    await ok('POST', `${acme}/queues`, { name: 'Payroll queue' });
    const exported = await ok('GET', `${globex}/flows/Payroll/export`);
    const res = await api.call(
      'POST',
      `${acme}/import`,
      { content: exported, name: 'Imported payroll' },
      author,
    );
    expect(res.status).toBe(201);
    const refs = res.json.report.references as { kind: string; resolution: string; target: string | null }[];
    const ownQueue = await ok('GET', `${acme}/queues/Payroll queue`);
    expect(refs.find((r) => r.kind === 'queue')).toMatchObject({ resolution: 'name', target: ownQueue.arn });
    for (const r of refs) expect(r.target ?? '').not.toContain(globexId);
    const content = await api.call('GET', `${acme}/flows/Imported payroll/content`, undefined, author);
    expect(content.text).toContain(ownQueue.arn);
    expect(content.text).not.toContain(theirs.queue?.arn);
    expect((await api.call('POST', `${acme}/flows/Imported payroll/publish`, {}, author)).status).toBe(422);
  });

  it("refuses resources that name another instance's resources, through the API and in a bundle", async () => {
    const queue = await api.call(
      'POST',
      `${acme}/queues`,
      { name: 'Q', hoursOfOperation: theirs.hours?.arn },
      author,
    );
    expect([queue.status, queue.json.code]).toEqual([422, 'RESOURCE_REFERENCE_UNKNOWN']);
    const number = await api.call(
      'POST',
      `${acme}/phone-numbers`,
      { number: '+18005550123', flow: theirFlow.arn },
      author,
    );
    expect([number.status, number.json.code]).toEqual([422, 'RESOURCE_REFERENCE_UNKNOWN']);
    const bundle = await api.call(
      'POST',
      `${acme}/bundle`,
      {
        queues: [{ name: 'Bundled queue', hoursOfOperation: theirs.hours?.arn }],
        phoneNumbers: [{ number: '+18005550124', flow: theirFlow.arn }],
      },
      admin,
    );
    expect(bundle.json.ok).not.toBe(true);
    expect(bundle.text).not.toContain('globex-secret-key');
    expect((await api.call('GET', `${acme}/queues/Bundled queue`, undefined, admin)).status).toBe(404);
  });

  it("neither tests a call of another instance's flow nor makes an agent token for another instance's user", async () => {
    const call = await api.call(
      'POST',
      `${acme}/test-calls`,
      { flowId: theirFlow.id, content: secretFlow, flowType: 'CONTACT_FLOW' },
      author,
    );
    expect([call.status, call.json.code]).toEqual([404, 'API_NOT_FOUND']);
    for (const user of [theirs.user?.arn, theirs.user?.id, 'bob']) {
      const res = await api.call(
        'POST',
        '/api/tokens',
        { role: 'agent', name: 'x', instance: 'acme', user },
        admin,
      );
      expect([user, res.status, res.json.code]).toEqual([user, 422, 'AGENT_USER_UNKNOWN']);
    }
  });

  it("tells a WebSocket listener of its own instance's events only", async () => {
    const address = await api.app.listen({ port: 0, host: '127.0.0.1' });
    const socket = new WebSocket(`${address.replace('http', 'ws')}${acme}/events?access_token=${author}`);
    const events: { type: string; instanceId: string }[] = [];
    const ownSave = new Promise<void>((resolve, reject) => {
      socket.on('message', (data) => {
        const event = JSON.parse(String(data));
        events.push(event);
        if (event.type === 'flow.saved') resolve();
      });
      socket.on('error', reject);
    });
    await new Promise<void>((resolve) => socket.on('open', () => resolve()));
    await ok('POST', `${globex}/flows/Payroll menu/versions`, { content: menu.replace('Welcome', 'Hi') });
    await ok('POST', `${acme}/flows`, { name: 'Own', type: 'CONTACT_FLOW', content: menu });
    await ownSave;
    socket.close();
    expect(events.every((e) => e.instanceId === acmeId)).toBe(true);
  });

  it("masks a Lambda's credentials for a viewer, in the resource and in the bundle, and shows them to its authors", async () => {
    const viewer = await api.token('viewer', 'globex');
    const writer = await api.token('author', 'globex');
    const url = `${globex}/lambda-functions/${theirs.lambda?.id}`;
    const seen = async (token: string) => ({
      one: (await api.call('GET', url, undefined, token)).json.headers,
      list: (await api.call('GET', `${globex}/lambda-functions`, undefined, token)).json.lambdaFunctions[0]
        .headers,
      bundle: (await api.call('GET', `${globex}/bundle`, undefined, token)).json.lambdaFunctions[0].headers,
    });
    const masked = { 'x-api-key': '********' };
    expect(await seen(viewer)).toEqual({ one: masked, list: masked, bundle: masked });
    const plain = { 'x-api-key': 'globex-secret-key' };
    expect(await seen(writer)).toEqual({ one: plain, list: plain, bundle: plain });
  });
});
