import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import {
  exportBundle,
  type Instance,
  instanceBundleSchema,
  instanceFromBundle,
  loadInstanceBundle,
} from '../../src/contact/instance.js';
import { renderBundleSchemas } from '../../src/resources/bundle-schema.js';
import { ACME } from './support.js';

const root = resolve(fileURLToPath(import.meta.url), '../../../..');
const hello = readFileSync(join(root, 'packages/ari-sim/sounds/en/hello-world.wav'));
const flowDoc = (name: string, type = 'contactFlow') => ({
  Version: '2019-10-30',
  StartAction: 'bye',
  Metadata: { name, type },
  Actions: [{ Identifier: 'bye', Type: 'DisconnectParticipant', Parameters: {}, Transitions: {} }],
});
const bundles = readdirSync(join(root, 'fixtures/runs'))
  .map((run) => join(root, 'fixtures/runs', run, 'instance.json'))
  .filter((path) => {
    try {
      return readFileSync(path).byteLength > 0;
    } catch {
      return false;
    }
  });

async function load(bundle: Record<string, unknown>): Promise<{ instance: Instance; warnings: string[] }> {
  const loaded = await instanceFromBundle(bundle, '/bundle', {
    audioDir: mkdtempSync(join(tmpdir(), 'parley-audio-')),
  });
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems, null, 2));
  return loaded;
}

/** A small contact centre using every kind, referring to each other by name. */
const CONTACT_CENTRE = {
  instance: ACME,
  flows: [
    { id: 'main', content: flowDoc('Main IVR'), description: 'Where calls start' },
    { id: 'to-agent', type: 'AGENT_TRANSFER', content: flowDoc('To agent') },
  ],
  phoneNumbers: [{ number: '+1 800 555 0100', flow: 'Main IVR' }],
  hoursOfOperation: [
    {
      name: 'Office',
      timeZone: 'America/New_York',
      config: [{ Day: 'MONDAY', StartTime: { Hours: 9, Minutes: 0 }, EndTime: { Hours: 17, Minutes: 0 } }],
    },
  ],
  queues: [{ id: 'q-billing', name: 'Billing', hoursOfOperation: 'Office', quickConnects: ['Alice direct'] }],
  quickConnects: [{ name: 'Alice direct', type: 'USER', user: 'alice', flow: 'To agent' }],
  routingProfiles: [
    {
      name: 'Basic',
      defaultOutboundQueue: 'Billing',
      queues: [{ queue: 'Billing', channel: 'VOICE', priority: 1 }],
    },
  ],
  securityProfiles: [{ name: 'Agent', permissions: ['BasicAgentAccess'] }],
  users: [{ id: 'u-alice', username: 'alice', routingProfile: 'Basic', securityProfiles: ['Agent'] }],
  prompts: [
    { id: 'p-hello', name: 'Hello', audioBase64: hello.toString('base64') },
    { id: 'p-beep', name: 'Beep', file: 'beep' },
  ],
  lambdaFunctions: [{ name: 'lookup', url: 'http://localhost:9000/' }],
  bots: [{ name: 'Pizza', intents: [{ name: 'Order', utterances: ['a pizza'] }] }],
};

describe('the whole-instance bundle', () => {
  it('has an up-to-date schema in schemas/', () => {
    for (const [name, content] of renderBundleSchemas())
      expect(
        readFileSync(join(root, 'schemas', name), 'utf8'),
        `${name} is stale: run \`pnpm schemas\``,
      ).toBe(content);
  });

  it('lets a plain JSON Schema validator check every fixture bundle and the example instance', () => {
    const validate = new Ajv({ strict: false }).compile(instanceBundleSchema);
    expect(bundles.length).toBeGreaterThan(3);
    for (const path of bundles) expect(validate(JSON.parse(readFileSync(path, 'utf8'))), path).toBe(true);
    expect(validate(CONTACT_CENTRE), JSON.stringify(validate.errors)).toBe(true);
  });

  it('loads every fixture bundle without a problem', async () => {
    for (const path of bundles) expect((await loadInstanceBundle(path)).ok, path).toBe(true);
  });

  it('holds flows given inline, with their type, name and description', async () => {
    const { instance } = await load(CONTACT_CENTRE);
    expect(instance.flow('Main IVR')?.arn).toBe(`${instance.arn}/contact-flow/main`);
    expect(instance.entries('flow')).toEqual([
      {
        id: 'main',
        arn: `${instance.arn}/contact-flow/main`,
        name: 'Main IVR',
        type: 'CONTACT_FLOW',
        description: 'Where calls start',
      },
      {
        id: 'to-agent',
        arn: `${instance.arn}/contact-flow/to-agent`,
        name: 'To agent',
        type: 'AGENT_TRANSFER',
      },
    ]);
    expect(instance.flowForNumber('+18005550100')?.id).toBe('main');
  });

  it('keeps and lists every kind, with Connect-shaped ARNs in its instance', async () => {
    const { instance } = await load(CONTACT_CENTRE);
    expect(instance.entries('quickConnect')[0]).toMatchObject({
      name: 'Alice direct',
      arn: expect.stringMatching(new RegExp(`^${instance.arn}/transfer-destination/`)),
    });
    expect(instance.entries('routingProfile')[0]?.arn).toMatch(`${instance.arn}/routing-profile/`);
    expect(instance.entries('securityProfile')[0]?.arn).toMatch(`${instance.arn}/security-profile/`);
    expect(instance.entry('user', 'alice')).toMatchObject({
      id: 'u-alice',
      arn: `${instance.arn}/agent/u-alice`,
    });
    expect(instance.agentQueue('alice')?.arn).toBe(`${instance.arn}/queue/agent/u-alice`);
    expect(instance.entries('phoneNumber')[0]).toMatchObject({
      name: '+18005550100',
      number: '+18005550100',
      arn: expect.stringMatching(/^arn:aws:connect:us-east-1:123456789012:phone-number\//),
    });
    expect(instance.queue('Billing')?.hoursOfOperationId).toBe('Office');
    expect(instance.hoursOfOperation('Office')?.TimeZone).toBe('America/New_York');
    expect(instance.lambda('arn:aws:lambda:us-east-1:123456789012:function:lookup')?.kind).toBe('http');
    expect(instance.bot('Pizza')?.arn).toBe('arn:parley:lex:us-east-1:123456789012:bot-alias/Pizza');
  });

  it('lists what an import resolver needs: ID, ARN and name of flows, prompts, queues, hours, users, functions and bots', async () => {
    const { instance } = await load(CONTACT_CENTRE);
    for (const kind of ['flow', 'prompt', 'queue', 'hours', 'user', 'lambda', 'bot'] as const) {
      const entries = instance.entries(kind);
      expect(entries.length, kind).toBeGreaterThan(0);
      for (const e of entries)
        expect([typeof e.id, typeof e.arn, typeof e.name], kind).toEqual(['string', 'string', 'string']);
    }
  });

  it('gives entries without an ID the same ID each time the bundle is read', async () => {
    const first = (await load(CONTACT_CENTRE)).instance.entries('phoneNumber')[0]?.id;
    const second = (await load(CONTACT_CENTRE)).instance.entries('phoneNumber')[0]?.id;
    expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(second).toBe(first);
  });

  it('builds ARNs in the partition the instance names', async () => {
    const { instance } = await load({
      instance: { ...ACME, partition: 'aws-cn', region: 'cn-north-1' },
      queues: [{ id: 'q' }],
    });
    expect(instance.queue('q')?.arn).toBe(
      `arn:aws-cn:connect:cn-north-1:123456789012:instance/${ACME.id}/queue/q`,
    );
  });

  it('plays prompt audio carried as base64 from a checked copy, and describes it', async () => {
    const { instance } = await load(CONTACT_CENTRE);
    const file = instance.prompt('Hello')?.file ?? '';
    expect(readFileSync(`${file}.wav`)).toEqual(hello);
    expect(instance.entry('prompt', 'p-hello')?.audio).toEqual({
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      bytes: hello.byteLength,
      durationMs: 1404,
      format: 'pcm16',
    });
    expect(instance.prompt('Beep')?.file).toBe('beep');
  });

  it('refuses prompt audio a call cannot play, and base64 that is not', async () => {
    const stereo = Buffer.from(hello);
    stereo.writeUInt16LE(2, 22);
    const loaded = await instanceFromBundle(
      {
        prompts: [
          { id: 'p', audioBase64: stereo.toString('base64') },
          { id: 'q', audioBase64: 'not base64!' },
        ],
      },
      '/',
    );
    expect(loaded).toMatchObject({
      ok: false,
      problems: [
        { code: 'RESOURCE_AUDIO_INVALID', message: expect.stringMatching(/^\/prompts\/0\/audioBase64: /) },
        { code: 'RESOURCE_INVALID', message: '/prompts/1/audioBase64 is not base64' },
      ],
    });
  });

  it('warns that prompts spoken with text-to-speech do not play in parley run yet', async () => {
    const { instance, warnings } = await load({ prompts: [{ id: 'p', name: 'Hi', text: 'Hello there' }] });
    expect(warnings).toEqual([
      expect.stringContaining('/prompts/0: prompt Hi is spoken with text-to-speech'),
    ]);
    expect(instance.entry('prompt', 'Hi')?.text).toBe('Hello there');
    expect(instance.prompt('Hi')).toBeUndefined();
  });

  it('refuses references to resources the bundle does not have, but leaves flows to be added later', async () => {
    const loaded = await instanceFromBundle(
      {
        queues: [{ id: 'q', hoursOfOperation: 'Nights' }],
        users: [{ username: 'bob', routingProfile: 'Basic' }],
        phoneNumbers: [{ number: '+18005550100', flow: 'A flow from --flows' }],
      },
      '/',
    );
    expect(loaded).toEqual({
      ok: false,
      problems: [
        {
          code: 'RESOURCE_REFERENCE_UNKNOWN',
          message:
            '/queues/0/hoursOfOperation names hours of operation "Nights", which this instance does not have',
        },
        {
          code: 'RESOURCE_REFERENCE_UNKNOWN',
          message: '/users/0/routingProfile names routing profile "Basic", which this instance does not have',
        },
      ],
    });
  });

  it('refuses a quick connect naming a flow of the wrong type', async () => {
    const bundle = {
      ...CONTACT_CENTRE,
      quickConnects: [{ name: 'Alice direct', type: 'USER', user: 'alice', flow: 'Main IVR' }],
    };
    const loaded = await instanceFromBundle(bundle, '/');
    expect(loaded).toMatchObject({ ok: false, problems: [{ code: 'RESOURCE_FLOW_TYPE_MISMATCH' }] });
  });

  it('refuses two resources of a kind with one name', async () => {
    const loaded = await instanceFromBundle(
      {
        queues: [
          { id: 'a', name: 'Sales' },
          { id: 'b', name: 'Sales' },
        ],
      },
      '/',
    );
    expect(loaded).toEqual({
      ok: false,
      problems: [{ code: 'RESOURCE_DUPLICATE', message: '/queues/1 has the same name as /queues/0: Sales' }],
    });
  });

  it('exports an instance to a bundle that imports back into the same resources', async () => {
    const { instance } = await load(CONTACT_CENTRE);
    const exported = await exportBundle(instance);
    expect(new Ajv({ strict: false }).validate(instanceBundleSchema, exported)).toBe(true);
    expect((exported.queues as Record<string, unknown>[])[0]).not.toHaveProperty('arn');
    const again = await load(JSON.parse(JSON.stringify(exported)));
    for (const kind of [
      'flow',
      'phoneNumber',
      'queue',
      'hours',
      'prompt',
      'lambda',
      'bot',
      'quickConnect',
      'user',
    ] as const)
      expect(again.instance.entries(kind), kind).toEqual(instance.entries(kind));
    expect(again.instance.flow('main')?.model).toEqual(instance.flow('main')?.model);
    expect(readFileSync(`${again.instance.prompt('Hello')?.file}.wav`)).toEqual(hello);
  });

  it('exports the fixtures’ bundle with flows inline, keeping the ARNs it did not derive', async () => {
    const loaded = await loadInstanceBundle(join(root, 'fixtures/runs/main-ivr-callback/instance.json'));
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
    const exported = await exportBundle(loaded.instance);
    expect((exported.flows as { content: unknown }[]).every((f) => typeof f.content === 'object')).toBe(true);
    expect(exported.lambdaFunctions).toEqual([
      expect.objectContaining({ arn: 'arn:aws:lambda:us-east-1:123456789012:function:acme-customer-lookup' }),
    ]);
    const again = await instanceFromBundle(JSON.parse(JSON.stringify(exported)), '/');
    expect(again.ok).toBe(true);
  });
});
