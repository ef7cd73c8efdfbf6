import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeDrivers } from '../support/stores.js';
import { type Api, fixture, openApi } from './support.js';

const wav = readFileSync(new URL('../../../packages/ari-sim/sounds/en/beep.wav', import.meta.url));
const bundleSchema = JSON.parse(
  readFileSync(new URL('../../../schemas/instance-bundle.schema.json', import.meta.url), 'utf8'),
);
const validateBundle = new Ajv({ strict: false, allErrors: true }).compile(bundleSchema);
const LAMBDA = 'arn:aws:lambda:us-east-1:111122223333:function:lookup';

const step = (id: string, type: string, parameters: object, next?: string, errors: string[] = []) => ({
  Identifier: id,
  Type: type,
  Parameters: parameters,
  Transitions: {
    ...(next ? { NextAction: next } : {}),
    ...(errors.length > 0 && next ? { Errors: errors.map((e) => ({ NextAction: next, ErrorType: e })) } : {}),
  },
});

/** Plays the prompt, sets the queue and transfers to it. */
const supportFlow = (prompt: string, queue: string) => ({
  Version: '2019-10-30',
  StartAction: 'Welcome',
  Metadata: { name: 'Support', type: 'contactFlow' },
  Actions: [
    step('Welcome', 'MessageParticipant', { PromptId: prompt }, 'Queue', ['NoMatchingError']),
    step('Queue', 'UpdateContactTargetQueue', { QueueId: queue }, 'Transfer', ['NoMatchingError']),
    step('Transfer', 'TransferContactToQueue', {}, 'Bye', ['QueueAtCapacity', 'NoMatchingError']),
    step('Bye', 'DisconnectParticipant', {}),
  ],
});

/** Calls the Lambda function, then hands over to the support flow. */
const mainFlow = (support: string) => ({
  Version: '2019-10-30',
  StartAction: 'Lookup',
  Metadata: { name: 'Main', type: 'contactFlow' },
  Actions: [
    step(
      'Lookup',
      'InvokeLambdaFunction',
      { LambdaFunctionARN: LAMBDA, InvocationTimeLimitSeconds: '3' },
      'Go',
      ['NoMatchingError'],
    ),
    step('Go', 'TransferToFlow', { ContactFlowId: support }, 'End', ['NoMatchingError']),
    step('End', 'DisconnectParticipant', {}),
  ],
});

const office = {
  name: 'Office',
  timeZone: 'America/New_York',
  config: [{ Day: 'MONDAY', StartTime: { Hours: 9, Minutes: 0 }, EndTime: { Hours: 17, Minutes: 0 } }],
};

type Bundle = Record<string, unknown> & { instance: { id: string; account: string } };

describe.each(storeDrivers())('instance bundles through the API on $name', (driver) => {
  let api: Api;
  let source: Bundle;
  const ok = async (method: 'GET' | 'POST' | 'PUT', url: string, body?: unknown) => {
    const res = await api.call(method, url, body);
    expect([url, res.status, res.status < 300 ? '' : res.text]).toEqual([url, expect.any(Number), '']);
    return res.json;
  };
  const instance = (alias: string, account: string) => ok('POST', '/api/instances', { alias, account });

  beforeAll(async () => {
    api = await openApi(driver);
    await instance('acme', '123456789012');
    const base = '/api/instances/acme';
    const hours = await ok('POST', `${base}/hours-of-operation`, office);
    const desk = await ok('POST', `${base}/quick-connects`, {
      name: 'Front desk',
      type: 'PHONE_NUMBER',
      phoneNumber: '+18005550199',
    });
    // By ARN on purpose: an ARN of this instance has to become the other instance's.
    const queue = await ok('POST', `${base}/queues`, {
      name: 'Support queue',
      hoursOfOperation: hours.arn,
      quickConnects: [desk.id],
      maxContacts: 5,
    });
    const prompt = await ok('POST', `${base}/prompts`, { name: 'Welcome', file: 'beep' });
    const upload = await api.app.inject({
      method: 'PUT',
      url: `${base}/prompts/${prompt.id}/audio`,
      headers: { authorization: `Bearer ${api.admin}`, 'content-type': 'audio/wav' },
      payload: wav,
    });
    expect(upload.statusCode).toBe(200);
    await ok('POST', `${base}/lambda-functions`, { arn: LAMBDA, url: 'http://127.0.0.1:9/lookup' });
    await ok('POST', `${base}/routing-profiles`, {
      name: 'Agents',
      defaultOutboundQueue: queue.id,
      queues: [{ queue: 'Support queue', channel: 'VOICE', priority: 1 }],
    });
    await ok('POST', `${base}/users`, { username: 'alice', firstName: 'Alice', routingProfile: 'Agents' });
    const support = await ok('POST', `${base}/flows`, {
      name: 'Support',
      type: 'CONTACT_FLOW',
      description: 'Welcome, then the support queue',
      content: supportFlow(prompt.arn, queue.arn),
    });
    await ok('POST', `${base}/flows`, {
      name: 'Main',
      type: 'CONTACT_FLOW',
      content: mainFlow(support.flow.arn),
    });
    for (const flow of ['Support', 'Main']) await ok('POST', `${base}/flows/${flow}/publish`, {});
    await ok('POST', `${base}/phone-numbers`, { number: '+1 800 555 0100', flow: 'Main' });
    source = await ok('GET', `${base}/bundle`);
  });
  afterAll(() => api?.close());

  /** The bundle as it would read had it been made in `target`: the IDs stay, the ARNs move. */
  const movedTo = (bundle: Bundle, target: Bundle) => {
    const { instance: _, ...rest } = bundle;
    return JSON.parse(
      JSON.stringify(rest)
        .replaceAll(`instance/${bundle.instance.id}/`, `instance/${target.instance.id}/`)
        .replaceAll(`:${bundle.instance.account}:`, `:${target.instance.account}:`),
    );
  };

  it('exports every kind of resource and every flow as a bundle the schema accepts', () => {
    expect(validateBundle(source), JSON.stringify(validateBundle.errors)).toBe(true);
    expect(Object.keys(source).sort()).toEqual(
      [
        'instance',
        'flows',
        'phoneNumbers',
        'queues',
        'hoursOfOperation',
        'prompts',
        'lambdaFunctions',
        'quickConnects',
        'users',
        'routingProfiles',
      ].sort(),
    );
    const [prompt] = source.prompts as Record<string, unknown>[];
    expect(prompt).toMatchObject({ name: 'Welcome', audioBase64: wav.toString('base64') });
    expect(prompt).not.toHaveProperty('audio');
    // Derived ARNs are left out; a Lambda function's is its identity and stays.
    expect(source.queues).toEqual([expect.not.objectContaining({ arn: expect.anything() })]);
    expect(source.lambdaFunctions).toEqual([expect.objectContaining({ arn: LAMBDA })]);
    expect((source.flows as { name: string }[]).map((f) => f.name)).toEqual(['Main', 'Support']);
    expect(source.flows).toContainEqual(
      expect.objectContaining({ type: 'CONTACT_FLOW', description: 'Welcome, then the support queue' }),
    );
  });

  it('imports the bundle into a new instance, and exports it back the same but for the ARNs', async () => {
    await instance('globex', '210987654321');
    const res = await api.call('POST', '/api/instances/globex/bundle', source);
    expect(res.status).toBe(200);
    expect(res.json.ok).toBe(true);
    expect(new Set(res.json.resources.map((r: { action: string }) => r.action))).toEqual(
      new Set(['created']),
    );
    expect(res.json.flows).toEqual([
      expect.objectContaining({ name: 'Main', action: 'created', version: 1, published: true }),
      expect.objectContaining({ name: 'Support', action: 'created', version: 1, published: true }),
    ]);
    const copy = await ok('GET', '/api/instances/globex/bundle');
    expect(copy.instance).toMatchObject({ alias: 'globex', account: '210987654321' });
    expect(copy).toEqual({ ...movedTo(source, copy), instance: copy.instance });
  });

  it("points the imported flow's queue reference at the new instance's queue, and publishes it", async () => {
    const queue = await ok('GET', '/api/instances/globex/queues/Support queue');
    expect(queue.arn).toMatch(/:210987654321:instance\/[^/]+\/queue\//);
    const flow = await ok('GET', '/api/instances/globex/flows/Support');
    expect(flow).toMatchObject({ latestVersion: 1, publishedVersion: 1 });
    const content = await ok('GET', '/api/instances/globex/flows/Support/content');
    const set = content.Actions.find((a: { Identifier: string }) => a.Identifier === 'Queue');
    expect(set.Parameters.QueueId).toBe(queue.arn);
    const report = (await api.call('POST', '/api/instances/globex/bundle?dryRun=true', source)).json;
    const queueRef = report.flows[1].report.references.find((r: { kind: string }) => r.kind === 'queue');
    expect(queueRef).toMatchObject({ resolution: 'id', target: queue.arn });
  });

  it('imports the same bundle again as updates that change nothing', async () => {
    const res = await api.call('POST', '/api/instances/globex/bundle', source);
    expect(res.status).toBe(200);
    expect(new Set(res.json.resources.map((r: { action: string }) => r.action))).toEqual(
      new Set(['updated']),
    );
    expect(res.json.flows.map((f: object) => f)).toEqual([
      expect.objectContaining({ action: 'updated', version: 1, unchanged: true, published: true }),
      expect.objectContaining({ action: 'updated', version: 1, unchanged: true, published: true }),
    ]);
  });

  it('writes audit entries for the export and the import', async () => {
    const audit = async (alias: string) =>
      (await ok('GET', `/api/instances/${alias}/audit`)).entries.map((e: { action: string }) => e.action);
    expect(await audit('acme')).toContain('instance.bundle.export');
    expect(await audit('globex')).toContain('instance.bundle.import');
  });

  it('matches resources by name where the IDs differ, and rewrites references to them', async () => {
    await instance('initech', '333344445555');
    const own = await ok('POST', '/api/instances/initech/hours-of-operation', { ...office, timeZone: 'UTC' });
    const ownQueue = await ok('POST', '/api/instances/initech/queues', { name: 'Support queue' });
    const res = await api.call('POST', '/api/instances/initech/bundle', source);
    expect(res.status).toBe(200);
    expect(res.json.resources).toContainEqual(
      expect.objectContaining({ kind: 'hours', action: 'updated', id: own.id, name: 'Office' }),
    );
    const hours = await ok('GET', '/api/instances/initech/hours-of-operation/Office');
    expect(hours).toMatchObject({ id: own.id, timeZone: 'America/New_York' });
    const queue = await ok('GET', '/api/instances/initech/queues/Support queue');
    expect(queue).toMatchObject({ id: ownQueue.id, hoursOfOperation: hours.arn });
    const content = await ok('GET', '/api/instances/initech/flows/Support/content');
    const set = content.Actions.find((a: { Identifier: string }) => a.Identifier === 'Queue');
    expect(set.Parameters.QueueId).toBe(ownQueue.arn);
    expect(res.json.flows[1]).toMatchObject({ name: 'Support', published: true });
  });

  it('a dry run reports what would happen and writes nothing', async () => {
    await instance('hooli', '444455556666');
    const res = await api.call('POST', '/api/instances/hooli/bundle?dryRun=true', source);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ dryRun: true, ok: true });
    expect(res.json.flows.map((f: { published: boolean }) => f.published)).toEqual([true, true]);
    expect((await ok('GET', '/api/instances/hooli/flows')).flows).toEqual([]);
    expect((await ok('GET', '/api/instances/hooli/queues')).queues).toEqual([]);
  });

  it('refuses the whole bundle when one resource is refused, naming it, and writes nothing', async () => {
    const broken = {
      ...source,
      hoursOfOperation: [{ ...(source.hoursOfOperation as object[])[0], timeZone: 'Mars/Olympus' }],
    };
    const res = await api.call('POST', '/api/instances/hooli/bundle', broken);
    expect(res.status).toBe(422);
    expect(res.json.code).toBe('STORE_BUNDLE_REFUSED');
    expect(res.json.diagnostics).toEqual([
      expect.objectContaining({ code: 'RESOURCE_TIME_ZONE_UNKNOWN', path: '/hoursOfOperation/0/timeZone' }),
    ]);
    expect(res.json.report.resources).toContainEqual(
      expect.objectContaining({ at: '/hoursOfOperation/0', action: 'refused' }),
    );
    expect((await ok('GET', '/api/instances/hooli/queues')).queues).toEqual([]);
    const dry = await api.call('POST', '/api/instances/hooli/bundle?dryRun=true', broken);
    expect([dry.status, dry.json.ok]).toEqual([200, false]);
  });

  it('imports resources that name each other, and leaves a flow that cannot be published unpublished', async () => {
    await instance('umbrella', '555566667777');
    const transfer = JSON.parse(fixture('flows/queue-transfer-billing.json'));
    const res = await api.call('POST', '/api/instances/umbrella/bundle', {
      flows: [{ id: 'to-billing', name: 'To billing', content: transfer }],
      // Not the queue the flow names ("Billing"): the flow imports, but cannot be published.
      queues: [{ id: 'billing', name: 'Billing support', quickConnects: ['Billing desk'] }],
      quickConnects: [{ name: 'Billing desk', type: 'QUEUE', queue: 'billing', flow: 'To billing' }],
    });
    expect(res.status).toBe(200);
    expect(res.json.resources.map((r: { action: string }) => r.action)).toEqual(['created', 'created']);
    const [flow] = res.json.flows;
    expect(flow).toMatchObject({ name: 'To billing', type: 'QUEUE_TRANSFER', version: 1, published: false });
    expect(flow.diagnostics.map((d: { code: string }) => d.code)).toContain('PUBLISH_REFERENCE_UNRESOLVED');
    expect((await ok('GET', '/api/instances/umbrella/flows/To billing')).publishedVersion).toBeNull();
  });

  it('refuses a bundle that is not one, and a flow named by file', async () => {
    const bad = await api.call('POST', '/api/instances/umbrella/bundle', { queues: 'all of them' });
    expect([bad.status, bad.json.code]).toEqual([400, 'API_REQUEST_INVALID']);
    const file = await api.call('POST', '/api/instances/umbrella/bundle', {
      flows: [{ name: 'Elsewhere', file: 'flows/elsewhere.json' }],
    });
    expect([file.status, file.json.diagnostics[0].path]).toEqual([422, '/flows/0/file']);
  });
});
