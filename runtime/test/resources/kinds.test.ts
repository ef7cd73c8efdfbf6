import { RESOURCE_KINDS } from '@parley/flow';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import {
  checkResource,
  RESOURCE_TYPES,
  type ResourceKindName,
  resourceType,
  resourceTypeByPath,
} from '../../src/resources/index.js';
import { ACME, accepted, context, INSTANCE_ARN } from './support.js';

const weekday = { Day: 'MONDAY', StartTime: { Hours: 9, Minutes: 0 }, EndTime: { Hours: 17, Minutes: 0 } };

/** One valid entry of every kind, and the ARN Connect would give it. */
const VALID: Record<ResourceKindName, { input: Record<string, unknown>; arn: string }> = {
  phoneNumber: {
    input: { id: 'pn-1', number: '+18005550100', flow: 'Main IVR', description: 'Toll-free line' },
    arn: 'arn:aws:connect:us-east-1:123456789012:phone-number/pn-1',
  },
  queue: {
    input: {
      id: 'q-1',
      name: 'Billing',
      hoursOfOperation: 'Office',
      maxContacts: 10,
      outboundCallerId: '+18005550100',
      outboundCallerIdName: 'Acme',
      outboundWhisperFlow: 'Whisper',
      quickConnects: ['To Alice'],
      status: 'ENABLED',
      description: 'Bills and payments',
    },
    arn: `${INSTANCE_ARN}/queue/q-1`,
  },
  hours: {
    input: {
      id: 'h-1',
      name: 'Office',
      timeZone: 'America/New_York',
      config: [
        weekday,
        { Day: 'FRIDAY', StartTime: { Hours: 22, Minutes: 0 }, EndTime: { Hours: 2, Minutes: 0 } },
      ],
      overrides: [
        {
          Name: 'Christmas',
          Config: [],
          EffectiveFrom: '2025-12-25',
          EffectiveTill: '2025-12-26',
          OverrideType: 'CLOSED',
          RecurrenceConfig: { RecurrencePattern: { Frequency: 'YEARLY', Interval: 1 } },
        },
      ],
    },
    arn: `${INSTANCE_ARN}/operating-hours/h-1`,
  },
  prompt: { input: { id: 'p-1', name: 'Welcome', file: 'hello-world' }, arn: `${INSTANCE_ARN}/prompt/p-1` },
  lambda: {
    input: {
      arn: 'arn:aws:lambda:us-east-1:123456789012:function:lookup',
      module: 'lookup.mjs',
      timeoutSeconds: 8,
    },
    arn: 'arn:aws:lambda:us-east-1:123456789012:function:lookup',
  },
  bot: {
    input: {
      name: 'BankBot',
      arn: 'arn:aws:lex:us-east-1:123456789012:bot-alias/BANKBOT01/TSTALIASID',
      locale: 'en_US',
      intents: [{ name: 'Balance', utterances: ['my balance'], dtmf: '1' }],
    },
    arn: 'arn:aws:lex:us-east-1:123456789012:bot-alias/BANKBOT01/TSTALIASID',
  },
  quickConnect: {
    input: { id: 'qc-1', name: 'To Alice', type: 'USER', user: 'alice', flow: 'Agent transfer' },
    arn: `${INSTANCE_ARN}/transfer-destination/qc-1`,
  },
  user: {
    input: {
      id: 'u-1',
      username: 'alice@example.com',
      firstName: 'Alice',
      lastName: 'Liddell',
      email: 'alice@example.com',
      routingProfile: 'Basic',
      securityProfiles: ['Agent'],
      phoneType: 'SOFT_PHONE',
      endpoint: 'PJSIP/alice',
      extension: '1001',
      afterContactWorkSeconds: 30,
      autoAccept: false,
    },
    arn: `${INSTANCE_ARN}/agent/u-1`,
  },
  routingProfile: {
    input: {
      id: 'rp-1',
      name: 'Basic',
      defaultOutboundQueue: 'Billing',
      queues: [
        { queue: 'Billing', channel: 'VOICE', priority: 1, delaySeconds: 0 },
        { queue: 'Billing', channel: 'CHAT', priority: 2 },
      ],
      concurrency: { VOICE: 1, CHAT: 3 },
    },
    arn: `${INSTANCE_ARN}/routing-profile/rp-1`,
  },
  securityProfile: {
    input: { id: 'sp-1', name: 'Agent', permissions: ['BasicAgentAccess', 'OutboundCallAccess'] },
    arn: `${INSTANCE_ARN}/security-profile/sp-1`,
  },
};

describe('the resource kinds', () => {
  it('are ten, each with its bundle collection, API path and title', () => {
    expect(RESOURCE_TYPES.map((t) => [t.kind, t.collection, t.path])).toEqual([
      ['phoneNumber', 'phoneNumbers', 'phone-numbers'],
      ['queue', 'queues', 'queues'],
      ['hours', 'hoursOfOperation', 'hours-of-operation'],
      ['prompt', 'prompts', 'prompts'],
      ['lambda', 'lambdaFunctions', 'lambda-functions'],
      ['bot', 'bots', 'bots'],
      ['quickConnect', 'quickConnects', 'quick-connects'],
      ['user', 'users', 'users'],
      ['routingProfile', 'routingProfiles', 'routing-profiles'],
      ['securityProfile', 'securityProfiles', 'security-profiles'],
    ]);
    expect(resourceType('hours').title).toBe('Hours of operation');
    expect(resourceTypeByPath('hours-of-operation')?.kind).toBe('hours');
    expect(resourceTypeByPath('hours')).toBeUndefined();
  });

  it('say which flow references they satisfy, in the catalog’s words', () => {
    const kinds = Object.fromEntries(RESOURCE_TYPES.map((t) => [t.kind, t.flowKinds]));
    expect(kinds).toEqual({
      phoneNumber: ['phoneNumber'],
      queue: ['queue'],
      hours: ['hours'],
      prompt: ['prompt'],
      lambda: ['lambda'],
      bot: ['lexBot', 'lexV2Alias'],
      quickConnect: [],
      user: ['agent'],
      routingProfile: [],
      securityProfile: [],
    });
    for (const t of RESOURCE_TYPES) for (const k of t.flowKinds) expect(RESOURCE_KINDS).toContain(k);
  });

  it('have draft-07 schemas Ajv compiles in its default strict mode, each refusing fields it does not know', () => {
    const complaints: unknown[] = [];
    const record = (m: unknown) => complaints.push(m);
    const ajv = new Ajv({ logger: { log: () => {}, warn: record, error: record } });
    for (const t of RESOURCE_TYPES) {
      expect(t.schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
      const validate = ajv.compile(t.schema);
      expect(validate({ ...VALID[t.kind].input, colour: 'blue' }), t.kind).toBe(false);
      expect(validate(VALID[t.kind].input), t.kind).toBe(true);
      if (t.bundleSchema) ajv.compile(t.bundleSchema);
    }
    expect(complaints).toEqual([]);
  });

  it.each(RESOURCE_TYPES.map((t) => t.kind))(
    'accept a valid %s and give it its Connect-shaped ARN',
    (kind) => {
      const entry = accepted(kind, VALID[kind].input);
      expect(entry.arn).toBe(VALID[kind].arn);
      expect(entry.id).toBeTruthy();
      expect(entry.name).toBeTruthy();
    },
  );

  it('generate an ID when none is given, and build the ARN from it', () => {
    const entry = accepted('queue', { name: 'Sales' });
    expect(entry).toEqual({ id: 'generated-1', name: 'Sales', arn: `${INSTANCE_ARN}/queue/generated-1` });
  });

  it('take the ID from a Connect ARN given without one', () => {
    expect(
      accepted('prompt', { arn: `${INSTANCE_ARN}/prompt/p-9`, name: 'Hold', text: 'Please hold' }).id,
    ).toBe('p-9');
  });

  it('name entries that have no name after what identifies them', () => {
    expect(accepted('phoneNumber', { number: '+1 (800) 555-0100' }).name).toBe('+18005550100');
    expect(accepted('user', { username: 'bob' }).name).toBe('bob');
    expect(accepted('queue', { id: 'q-7' }).name).toBe('q-7');
    expect(
      accepted('lambda', { arn: 'arn:aws:lambda:eu-west-1:123456789012:function:pin:prod', url: 'http://x' })
        .name,
    ).toBe('pin');
  });

  it('derive the ARN of a Lambda function from its name, and of a bot only Parley runs from its', () => {
    expect(accepted('lambda', { name: 'verify-pin', url: 'http://localhost:9000/' }).arn).toBe(
      'arn:aws:lambda:us-east-1:123456789012:function:verify-pin',
    );
    expect(accepted('bot', { name: 'Pizza', intents: [] }).arn).toBe(
      'arn:parley:lex:us-east-1:123456789012:bot-alias/Pizza',
    );
  });

  it('follow the instance’s partition', () => {
    const ctx = { ...context(), instance: { ...ACME, partition: 'aws-us-gov', region: 'us-gov-west-1' } };
    expect(accepted('queue', { id: 'q-1' }, ctx).arn).toBe(
      `arn:aws-us-gov:connect:us-gov-west-1:123456789012:instance/${ACME.id}/queue/q-1`,
    );
  });

  it('write phone numbers as E.164, however they were given', () => {
    const queue = accepted('queue', { id: 'q-1', outboundCallerId: '+44 20 7183 8750' });
    expect(queue.outboundCallerId).toBe('+442071838750');
    expect(
      accepted('quickConnect', { id: 'qc', type: 'PHONE_NUMBER', phoneNumber: '+33 6 12 34 56 78' })
        .phoneNumber,
    ).toBe('+33612345678');
  });

  it('list the resources an entry refers to, with the field that does', () => {
    const refs = (kind: ResourceKindName) => resourceType(kind).references(accepted(kind, VALID[kind].input));
    expect(refs('queue')).toEqual([
      { field: '/hoursOfOperation', kind: 'hours', ref: 'Office' },
      { field: '/outboundWhisperFlow', kind: 'flow', ref: 'Whisper' },
      { field: '/quickConnects/0', kind: 'quickConnect', ref: 'To Alice' },
    ]);
    expect(refs('phoneNumber')).toEqual([{ field: '/flow', kind: 'flow', ref: 'Main IVR' }]);
    expect(refs('quickConnect')).toEqual([
      { field: '/user', kind: 'user', ref: 'alice' },
      { field: '/flow', kind: 'flow', ref: 'Agent transfer' },
    ]);
    expect(refs('user')).toEqual([
      { field: '/routingProfile', kind: 'routingProfile', ref: 'Basic' },
      { field: '/securityProfiles/0', kind: 'securityProfile', ref: 'Agent' },
    ]);
    expect(refs('routingProfile')).toEqual([
      { field: '/defaultOutboundQueue', kind: 'queue', ref: 'Billing' },
      { field: '/queues/0/queue', kind: 'queue', ref: 'Billing' },
      { field: '/queues/1/queue', kind: 'queue', ref: 'Billing' },
    ]);
    for (const kind of ['hours', 'prompt', 'lambda', 'bot', 'securityProfile'] as const)
      expect(refs(kind)).toEqual([]);
  });

  it('keep what the client sent untouched', () => {
    const input = { id: 'q-1', outboundCallerId: '+1 800 555 0100' };
    checkResource('queue', input, context());
    expect(input).toEqual({ id: 'q-1', outboundCallerId: '+1 800 555 0100' });
  });
});
