import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ManualClock } from '@parley/ari';
import { createContact } from '@parley/flow';
import { describe, expect, it } from 'vitest';
import {
  addFlowsFromDir,
  DEFAULT_INSTANCE,
  Instance,
  instanceFromBundle,
  loadInstanceBundle,
} from '../../src/contact/instance.js';
import { MemoryRouting } from '../../src/contact/routing.js';

const root = resolve(fileURLToPath(import.meta.url), '../../../..');
const ACME = {
  id: '11111111-2222-3333-4444-555555555555',
  alias: 'acme',
  region: 'us-east-1',
  account: '123456789012',
};
const flowDoc = (name: string, type = 'contactFlow') =>
  JSON.stringify({
    Version: '2019-10-30',
    StartAction: 'bye',
    Metadata: { name, type },
    Actions: [{ Identifier: 'bye', Type: 'DisconnectParticipant', Parameters: {}, Transitions: {} }],
  });

describe('the instance', () => {
  it('formats ARNs as Connect does, under the default instance unless a bundle names one', () => {
    const instance = new Instance();
    expect(instance.arn).toBe(`arn:aws:connect:us-east-1:000000000000:instance/${DEFAULT_INSTANCE.id}`);
    const loaded = instance.loadFlow(Buffer.from(flowDoc('Main')), { file: '/x/main.json' });
    expect(loaded).toMatchObject({
      ok: true,
      flow: { id: 'main', name: 'Main', type: 'CONTACT_FLOW', arn: `${instance.arn}/contact-flow/main` },
    });
    const module = instance.loadFlow(Buffer.from(flowDoc('Auth', 'module')), { id: 'm-1' });
    expect(module).toMatchObject({
      ok: true,
      flow: { type: 'MODULE', arn: `${instance.arn}/flow-module/m-1` },
    });
  });

  it('finds flows by ARN, by ID, by name, and by the ID inside another instance’s ARN', () => {
    const instance = new Instance(ACME);
    instance.loadFlow(Buffer.from(flowDoc('Support')), { id: 'cc4ca740' });
    const arn = `arn:aws:connect:us-east-1:123456789012:instance/${ACME.id}/contact-flow/cc4ca740`;
    for (const ref of [
      arn,
      'cc4ca740',
      'Support',
      'arn:aws:connect:eu-west-2:999999999999:instance/other/contact-flow/cc4ca740',
    ])
      expect(instance.flow(ref)?.arn, ref).toBe(arn);
    expect(instance.flow('nope')).toBeUndefined();
  });

  it('refuses a file that is not a flow with a coded problem', () => {
    const loaded = new Instance().loadFlow(Buffer.from('{"hello": 1}'), { file: 'x.json' });
    expect(loaded).toMatchObject({ ok: false, problem: { code: 'INSTANCE_FLOW_INVALID' } });
  });

  it('answers the engine’s questions: queues with their hours, agents’ queues, hours of operation, the time', () => {
    const instance = new Instance(ACME);
    instance.addHours({
      id: 'h-1',
      name: 'Office',
      timeZone: 'America/New_York',
      config: [{ Day: 'MONDAY', StartTime: { Hours: 9, Minutes: 0 }, EndTime: { Hours: 17, Minutes: 0 } }],
    });
    instance.addQueue({
      id: 'q-1',
      name: 'Sales',
      hoursOfOperation: 'h-1',
      outboundCallerId: '+18005550100',
    });
    instance.addAgent({ id: 'a-1', username: 'alice' });
    const env = instance.env(new ManualClock(Date.UTC(2025, 5, 2)));
    expect(env.now()).toBe(Date.UTC(2025, 5, 2));
    expect(env.queue('Sales')).toEqual({
      id: 'q-1',
      arn: `${instance.arn}/queue/q-1`,
      name: 'Sales',
      hoursOfOperationId: 'h-1',
      outboundCallerId: { Address: '+18005550100', Type: 'TELEPHONE_NUMBER' },
    });
    expect(env.agentQueue(`${instance.arn}/agent/a-1`)).toMatchObject({
      arn: `${instance.arn}/queue/agent/a-1`,
      name: 'alice',
      agentId: 'a-1',
    });
    expect(env.hoursOfOperation(`${instance.arn}/operating-hours/h-1`)?.TimeZone).toBe('America/New_York');
  });

  it('maps Lambda ARNs, function names and qualified ARNs to where the function runs', () => {
    const instance = new Instance();
    instance.addFunction({ name: 'lookup', resource: { kind: 'module', path: '/l.mjs' } });
    expect(instance.lambda('arn:aws:lambda:us-east-1:000000000000:function:lookup')).toEqual({
      kind: 'module',
      path: '/l.mjs',
    });
    expect(instance.lambda('arn:aws:lambda:eu-west-1:123456789012:function:lookup:prod')?.kind).toBe(
      'module',
    );
    expect(instance.lambda('arn:aws:lambda:us-east-1:000000000000:function:other')).toBeUndefined();
  });

  it('routes a dialled number, however written, to its flow', () => {
    const instance = new Instance();
    instance.loadFlow(Buffer.from(flowDoc('Main')), { id: 'main' });
    instance.addPhoneNumber('+1 (800) 555-0100', 'Main');
    expect(instance.flowForNumber('18005550100')?.name).toBe('Main');
    expect(instance.flowForNumber('+18005550199')).toBeUndefined();
  });
});

describe('the instance bundle', () => {
  it('loads the fixtures’ bundle: flows from files, queues, hours and numbers', async () => {
    const loaded = await loadInstanceBundle(join(root, 'fixtures/runs/queue-transfer/instance.json'));
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
    expect(loaded.warnings).toEqual([]);
    const { instance } = loaded;
    expect(instance.arn).toBe(`arn:aws:connect:us-east-1:123456789012:instance/${ACME.id}`);
    expect(instance.flowForNumber('+18005550142')?.name).toBe('Acme billing transfer');
    expect(instance.queue('959ebac3-451f-5259-989f-34f01137cd29')?.hoursOfOperationId).toBe(
      'acb141de-7a44-5abb-ada4-44813cea9167',
    );
  });

  it('resolves Lambda modules and prompt files relative to the bundle', async () => {
    const loaded = await instanceFromBundle(
      {
        lambdaFunctions: [
          { name: 'f', module: 'lambdas/f.mjs', handler: 'main' },
          { name: 'g', url: 'http://x/y' },
        ],
        prompts: [
          { id: 'p-1', name: 'Welcome', file: 'sounds/welcome' },
          { id: 'p-2', file: 'beep' },
        ],
      },
      '/bundle',
    );
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
    expect(loaded.instance.lambda('f')).toEqual({
      kind: 'module',
      path: '/bundle/lambdas/f.mjs',
      handler: 'main',
    });
    expect(loaded.instance.lambda('g')).toEqual({ kind: 'http', url: 'http://x/y' });
    expect(loaded.instance.prompt('Welcome')?.file).toBe('/bundle/sounds/welcome');
    expect(loaded.instance.prompt('p-2')?.file).toBe('beep');
  });

  it.each([
    [{ instance: { account: '12' } }, 'INSTANCE_BUNDLE_INVALID', '/instance/account must match pattern'],
    [{ colour: 'blue' }, 'INSTANCE_BUNDLE_INVALID', 'must NOT have additional properties'],
    [{ flows: [{ id: 'f' }] }, 'INSTANCE_BUNDLE_INVALID', '/flows/0'],
    [{ queues: [{ maxContacts: 1 }] }, 'RESOURCE_INVALID', '/queues/0 needs `name` or `id`'],
    [
      { lambdaFunctions: [{ name: 'both', module: 'a.mjs', url: 'http://x' }] },
      'RESOURCE_INVALID',
      '/lambdaFunctions/0 runs either a local module or an HTTP endpoint',
    ],
    [
      { bots: [{ name: 'B', intents: [{ name: 'I', utterances: [], dtmf: 'x' }] }] },
      'RESOURCE_INVALID',
      '/bots/0/intents/0/dtmf',
    ],
    [
      { phoneNumbers: [{ number: '555-0100', flow: 'Main' }] },
      'RESOURCE_PHONE_INVALID',
      '/phoneNumbers/0/number',
    ],
  ])('refuses %j with a coded problem', async (bundle, code, message) => {
    const loaded = await instanceFromBundle(bundle, '/');
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    expect(loaded.problems[0]?.code).toBe(code);
    expect(loaded.problems[0]?.message).toContain(message);
  });

  it('holds bots found by alias ARN, from any account or region, by a Parley ARN, or by name', async () => {
    const loaded = await instanceFromBundle(
      {
        instance: ACME,
        bots: [
          {
            name: 'BankBot',
            arn: 'arn:aws:lex:us-east-1:123456789012:bot-alias/BANKBOT01/TSTALIASID',
            locale: 'en_US',
            intents: [{ name: 'Balance', utterances: ['my balance'], dtmf: '1' }],
          },
          {
            name: 'Pizza',
            intents: [{ name: 'Order', utterances: ['a {Size} pizza'], slots: [{ name: 'Size' }] }],
          },
        ],
      },
      '/',
    );
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
    const { instance } = loaded;
    expect(instance.bot('arn:aws:lex:us-east-1:123456789012:bot-alias/BANKBOT01/TSTALIASID')?.name).toBe(
      'BankBot',
    );
    expect(instance.bot('arn:aws:lex:eu-west-2:999999999999:bot-alias/BANKBOT01/TSTALIASID')?.name).toBe(
      'BankBot',
    );
    expect(instance.bot('arn:aws:lex:us-east-1:123456789012:bot-alias/BANKBOT01/OTHER')).toBeUndefined();
    expect(instance.bot('BankBot')?.locale).toBe('en_US');
    expect(instance.bot('Pizza')?.arn).toBe('arn:parley:lex:us-east-1:123456789012:bot-alias/Pizza');
    expect(instance.bot('arn:parley:lex:us-east-1:123456789012:bot-alias/Pizza')?.name).toBe('Pizza');
    const ports = instance.ports({
      call: {} as never,
      clock: new ManualClock(),
      voice: {} as never,
      lambda: {} as never,
      routing: {} as never,
      transcript: () => {},
    });
    expect(ports.bot?.('Pizza')?.intents[0]?.name).toBe('Order');
  });

  it('refuses bots that cannot work, saying why, and bots that share an ARN', async () => {
    const loaded = await instanceFromBundle(
      {
        bots: [
          { name: 'A', intents: [{ name: 'Go', utterances: ['go to {Place}'] }] },
          { name: 'B', intents: [] },
          { name: 'B', intents: [{ name: 'Stop', utterances: ['stop'] }] },
        ],
      },
      '/',
    );
    expect(loaded).toEqual({
      ok: false,
      problems: [
        {
          code: 'RESOURCE_BOT_INVALID',
          message:
            '/bots/0/intents bot A intent Go utterance "go to {Place}" uses {Place}, which is not one of its slots',
        },
        {
          code: 'RESOURCE_DUPLICATE',
          message: '/bots/2 has the same ARN as /bots/1: arn:parley:lex:us-east-1:000000000000:bot-alias/B',
        },
      ],
    });
  });

  it('reports a flow file it cannot read, and a missing bundle', async () => {
    const missing = await instanceFromBundle({ flows: [{ file: 'gone.json' }] }, tmpdir());
    expect(missing).toMatchObject({ ok: false, problems: [{ code: 'INSTANCE_BUNDLE_INVALID' }] });
    const none = await loadInstanceBundle(join(tmpdir(), 'no-such-bundle.json'));
    expect(none).toMatchObject({ ok: false, problems: [{ code: 'INSTANCE_BUNDLE_INVALID' }] });
  });
});

describe('a folder of flows', () => {
  it('adds every flow by file name, leaving flows the instance has by that ID alone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-flows-'));
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'support.json'), flowDoc('Support'));
    writeFileSync(join(dir, 'main.json'), flowDoc('Main from folder'));
    writeFileSync(join(dir, 'notes.txt'), 'not a flow');
    const instance = new Instance();
    instance.loadFlow(Buffer.from(flowDoc('Main')), { id: 'main' });
    const added = await addFlowsFromDir(instance, dir);
    expect(added.problems).toEqual([]);
    expect(added.added.map((f) => f.id)).toEqual(['support']);
    expect(instance.flow('main')?.name).toBe('Main');
  });

  it('reports a flow it cannot load and a folder that is not there', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-flows-'));
    writeFileSync(join(dir, 'broken.json'), '{"Version": ');
    expect((await addFlowsFromDir(new Instance(), dir)).problems[0]?.code).toBe('INSTANCE_FLOW_INVALID');
    expect((await addFlowsFromDir(new Instance(), join(dir, 'gone'))).problems[0]?.code).toBe(
      'INSTANCE_FLOW_INVALID',
    );
  });
});

describe('memory routing', () => {
  it('queues contacts in order, refuses past a queue’s capacity and lets them leave', async () => {
    const instance = new Instance();
    instance.addQueue({ id: 'q-1', name: 'Small', maxContacts: 1 });
    const clock = new ManualClock(1000);
    const routing = new MemoryRouting(clock, (ref) => instance.queue(ref));
    const arn = instance.arnOf('queue', 'q-1');
    const contact = (id: string) => createContact({ ContactId: id });
    expect(await routing.enqueue(contact('c-1'), arn)).toEqual({ ok: true });
    expect(await routing.enqueue(contact('c-2'), arn)).toMatchObject({
      ok: false,
      errorType: 'QueueAtCapacity',
    });
    expect(await routing.enqueue(contact('c-3'), 'nope')).toMatchObject({
      ok: false,
      errorType: 'NoMatchingError',
    });
    expect(routing.waiting(arn)).toEqual([
      { contactId: 'c-1', queueArn: arn, queueName: 'Small', enqueuedAt: 1000 },
    ]);
    expect(routing.remove('c-1')?.contactId).toBe('c-1');
    expect(routing.find('c-1')).toBeUndefined();
    expect(await routing.enqueue(contact('c-2'), arn)).toEqual({ ok: true });
  });

  it('reports exact metrics: the contacts waiting, the oldest one’s age, and no agents', async () => {
    const instance = new Instance();
    instance.addQueue({ id: 'q-1', name: 'Sales' });
    const clock = new ManualClock(0);
    const routing = new MemoryRouting(clock, (ref) => instance.queue(ref));
    const arn = instance.arnOf('queue', 'q-1');
    await routing.enqueue(createContact({ ContactId: 'c-1' }), arn);
    await clock.advance(42_000);
    expect(await routing.metrics(arn)).toMatchObject({
      queue: { arn, name: 'Sales' },
      size: 1,
      oldestContactAgeSeconds: 42,
      agents: { available: 0, staffed: 0 },
    });
    expect(await routing.metrics('nope')).toBeUndefined();
  });

  it('records callbacks it is asked to queue', async () => {
    const instance = new Instance();
    instance.addQueue({ id: 'q-cb', name: 'Callbacks' });
    const routing = new MemoryRouting(new ManualClock(0), (ref) => instance.queue(ref));
    const request = {
      queueArn: instance.arnOf('queue', 'q-cb'),
      number: '+12125550123',
      initialCallDelaySeconds: 5,
      maxConnectionAttempts: 2,
      retryDelaySeconds: 600,
    };
    expect(await routing.createCallback(createContact({ ContactId: 'c-1' }), request)).toEqual({
      ok: true,
      contactId: 'c-1-callback-1',
    });
    expect(routing.callbacks).toEqual([
      { ...request, contactId: 'c-1-callback-1', previousContactId: 'c-1', requestedAt: 0 },
    ]);
    expect(
      await routing.createCallback(createContact({ ContactId: 'c-1' }), { ...request, queueArn: 'x' }),
    ).toMatchObject({
      ok: false,
    });
  });
});
