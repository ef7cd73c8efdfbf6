import { describe, expect, it } from 'vitest';
import { checkResource, type ResourceKindName } from '../../src/resources/index.js';
import { accepted, context, INSTANCE_ARN, refused } from './support.js';

const range = (Day: string, start: number, end: number, endMinutes = 0) => ({
  Day,
  StartTime: { Hours: start, Minutes: 0 },
  EndTime: { Hours: end, Minutes: endMinutes },
});
const hours = (fields: Record<string, unknown>) => ({
  id: 'h-1',
  timeZone: 'Europe/Paris',
  config: [range('MONDAY', 9, 17)],
  ...fields,
});
const override = (fields: Record<string, unknown>) => ({
  Name: 'Holiday',
  Config: [],
  EffectiveFrom: '2025-12-24',
  EffectiveTill: '2025-12-26',
  ...fields,
});

describe('checking a resource', () => {
  it.each<[string, ResourceKindName, unknown, string]>([
    ['a field it does not know', 'queue', { id: 'q', colour: 'blue' }, '/colour'],
    ['a field of the wrong type', 'queue', { id: 'q', maxContacts: 'ten' }, '/maxContacts'],
    ['a value outside its enum', 'queue', { id: 'q', status: 'ON' }, '/status'],
    ['neither a name nor an ID', 'securityProfile', { permissions: [] }, ''],
    ['a missing required field', 'hours', { id: 'h' }, '/timeZone'],
    ['an ID that cannot be part of an ARN', 'queue', { id: 'q/1' }, '/id'],
    ['a prompt with two sources', 'prompt', { id: 'p', file: 'beep', text: 'Hi' }, ''],
    ['a prompt with none', 'prompt', { id: 'p' }, ''],
    [
      'uploaded audio described wrongly',
      'prompt',
      { id: 'p', audio: { sha256: 'x', bytes: 1, durationMs: 0 } },
      '/audio/sha256',
    ],
    [
      'a Lambda function with a module and a URL',
      'lambda',
      { name: 'f', module: 'f.mjs', url: 'http://x' },
      '',
    ],
    [
      'a Lambda function timing out after 8 s',
      'lambda',
      { name: 'f', url: 'http://x', timeoutSeconds: 9 },
      '/timeoutSeconds',
    ],
    ['a function name that cannot be in an ARN', 'lambda', { name: 'my function', url: 'http://x' }, '/name'],
    ['a Lambda ARN that is not one', 'lambda', { arn: 'arn:aws:s3:::bucket', url: 'http://x' }, '/arn'],
    [
      'a bot key that is not a key',
      'bot',
      { name: 'B', intents: [{ name: 'I', utterances: [], dtmf: 'x' }] },
      '/intents/0/dtmf',
    ],
    ['a USER quick connect without its user', 'quickConnect', { id: 'qc', type: 'USER', flow: 'f' }, '/user'],
    [
      'a desk phone without its number',
      'user',
      { username: 'bob', phoneType: 'DESK_PHONE' },
      '/deskPhoneNumber',
    ],
    ['a user name with spaces', 'user', { username: 'bob smith' }, '/username'],
    [
      'a routing profile priority of 100',
      'routingProfile',
      { id: 'rp', queues: [{ queue: 'q', channel: 'VOICE', priority: 100 }] },
      '/queues/0/priority',
    ],
    [
      'a voice concurrency of 2',
      'routingProfile',
      { id: 'rp', concurrency: { VOICE: 2 } },
      '/concurrency/VOICE',
    ],
    [
      'a permission name with spaces',
      'securityProfile',
      { id: 'sp', permissions: ['Do anything'] },
      '/permissions/0',
    ],
  ])('refuses %s with RESOURCE_INVALID at its JSON pointer', (_what, kind, input, path) => {
    expect(refused(kind, input)).toContainEqual({ code: 'RESOURCE_INVALID', path });
  });

  it('says why a choice failed once, in words, rather than every branch’s complaint', () => {
    const checked = checkResource('prompt', { id: 'p', file: 'beep', ssml: '<speak>Hi</speak>' }, context());
    expect(checked).toMatchObject({
      ok: false,
      diagnostics: [
        { code: 'RESOURCE_INVALID', message: '/ has exactly one source: file, audio, text, ssml' },
      ],
    });
  });

  it('refuses something that is not an object, and a kind that does not exist, without throwing', () => {
    expect(refused('queue', ['q'])).toEqual([{ code: 'RESOURCE_INVALID', path: '' }]);
    expect(refused('room' as ResourceKindName, {})).toEqual([{ code: 'RESOURCE_KIND_UNKNOWN' }]);
  });

  it.each([
    ['phoneNumber', { number: '18005550100' }, '/number'],
    ['phoneNumber', { number: '+1 555 000 1111' }, '/number'],
    ['queue', { id: 'q', outboundCallerId: '+4412' }, '/outboundCallerId'],
    ['quickConnect', { id: 'qc', type: 'PHONE_NUMBER', phoneNumber: 'call me' }, '/phoneNumber'],
    ['user', { username: 'bob', phoneType: 'DESK_PHONE', deskPhoneNumber: '+999' }, '/deskPhoneNumber'],
  ] as [ResourceKindName, unknown, string][])(
    'refuses the phone number of %s %j with RESOURCE_PHONE_INVALID',
    (kind, input, path) => {
      expect(refused(kind, input)).toEqual([{ code: 'RESOURCE_PHONE_INVALID', path }]);
    },
  );

  it('refuses a time zone Intl does not know', () => {
    expect(refused('hours', hours({ timeZone: 'America/Gotham' }))).toEqual([
      { code: 'RESOURCE_TIME_ZONE_UNKNOWN', path: '/timeZone' },
    ]);
  });

  it('accepts ranges running past midnight, whole days and ends at 24:00', () => {
    const config = [
      range('THURSDAY', 22, 2),
      range('SATURDAY', 0, 0),
      range('SUNDAY', 9, 24),
      range('MONDAY', 9, 12),
      range('MONDAY', 13, 17),
    ];
    expect(accepted('hours', hours({ config })).config).toEqual(config);
  });

  it.each([
    ['a range starting and ending together', [range('MONDAY', 9, 9)], '/config/0'],
    ['a range starting at 24:00', [range('MONDAY', 24, 2)], '/config/0'],
    ['a range ending after 24:00', [range('MONDAY', 9, 24, 30)], '/config/0'],
    ['overlapping ranges of a day', [range('MONDAY', 9, 17), range('MONDAY', 16, 18)], '/config/1'],
    ['a night overlapping the next morning', [range('MONDAY', 22, 10), range('TUESDAY', 9, 17)], '/config/1'],
    [
      'Saturday night overlapping Sunday morning',
      [range('SUNDAY', 0, 12), range('SATURDAY', 20, 6)],
      '/config/1',
    ],
  ])('refuses %s with RESOURCE_HOURS_RANGE_INVALID', (_what, config, path) => {
    expect(refused('hours', hours({ config }))).toEqual([{ code: 'RESOURCE_HOURS_RANGE_INVALID', path }]);
  });

  it.each([
    ['a date that does not exist', [override({ EffectiveFrom: '2025-02-30' })], '/overrides/0/EffectiveFrom'],
    ['an end before its start', [override({ EffectiveTill: '2025-12-01' })], '/overrides/0/EffectiveTill'],
    [
      'two overrides of one name',
      [override({}), override({ EffectiveFrom: '2026-01-01', EffectiveTill: '2026-01-01' })],
      '/overrides/1/Name',
    ],
    ['an OPEN override opening nothing', [override({ OverrideType: 'OPEN' })], '/overrides/0/Config'],
  ])('refuses an override with %s with RESOURCE_HOURS_OVERRIDE_INVALID', (_what, overrides, path) => {
    expect(refused('hours', hours({ overrides }))).toEqual([
      { code: 'RESOURCE_HOURS_OVERRIDE_INVALID', path },
    ]);
  });

  it('checks the ranges of overrides too', () => {
    const overrides = [override({ OverrideType: 'OPEN', Config: [range('WEDNESDAY', 10, 10)] })];
    expect(refused('hours', hours({ overrides }))).toEqual([
      { code: 'RESOURCE_HOURS_RANGE_INVALID', path: '/overrides/0/Config/0' },
    ]);
  });

  it('refuses SSML that does not parse or has no <speak>', () => {
    expect(refused('prompt', { id: 'p', ssml: '<speak>Hi' })).toEqual([
      { code: 'RESOURCE_SSML_INVALID', path: '/ssml' },
    ]);
    expect(refused('prompt', { id: 'p', ssml: 'Hi <break/>' })).toEqual([
      { code: 'RESOURCE_SSML_INVALID', path: '/ssml' },
    ]);
    expect(
      accepted('prompt', { id: 'p', ssml: '<speak>Hi <break time="1s"/> there</speak>' }).ssml,
    ).toBeTruthy();
  });

  it('refuses a user name with an @ that is not an email address', () => {
    expect(refused('user', { username: 'alice@example' })).toEqual([
      { code: 'RESOURCE_USERNAME_INVALID', path: '/username' },
    ]);
    expect(accepted('user', { username: 'alice@example.com' }).name).toBe('alice@example.com');
  });

  it('refuses a bot that cannot work, with its reasons', () => {
    const checked = checkResource(
      'bot',
      {
        name: 'A',
        intents: [
          { name: 'Go', utterances: ['go to {Place}'] },
          { name: 'Go', utterances: ['go'] },
        ],
      },
      context(),
    );
    expect(checked.ok ? [] : checked.diagnostics.map((d) => [d.code, d.message])).toEqual([
      [
        'RESOURCE_BOT_INVALID',
        '/intents bot A intent Go utterance "go to {Place}" uses {Place}, which is not one of its slots',
      ],
      ['RESOURCE_BOT_INVALID', '/intents bot A intent Go is defined twice'],
    ]);
  });

  it('refuses fields of another type of quick connect', () => {
    expect(
      refused('quickConnect', {
        id: 'qc',
        type: 'PHONE_NUMBER',
        phoneNumber: '+18005550100',
        queue: 'Billing',
      }),
    ).toEqual([{ code: 'RESOURCE_QUICK_CONNECT_INVALID', path: '/queue' }]);
  });

  it('refuses a routing profile listing a queue twice for a channel, or for a channel it takes none of', () => {
    const queues = [
      { queue: 'Billing', channel: 'VOICE', priority: 1 },
      { queue: 'Billing', channel: 'VOICE', priority: 2 },
      { queue: 'Billing', channel: 'TASK', priority: 1 },
    ];
    expect(refused('routingProfile', { id: 'rp', queues, concurrency: { VOICE: 1 } })).toEqual([
      { code: 'RESOURCE_ROUTING_PROFILE_INVALID', path: '/queues/1' },
      { code: 'RESOURCE_ROUTING_PROFILE_INVALID', path: '/queues/2' },
    ]);
  });

  it('refuses an ARN that is not the one the instance gives the resource', () => {
    const elsewhere = 'arn:aws:connect:eu-west-2:999999999999:instance/other/queue/q-1';
    expect(refused('queue', { id: 'q-1', arn: elsewhere })).toEqual([
      { code: 'RESOURCE_ARN_MISMATCH', path: '/arn' },
    ]);
    expect(refused('queue', { id: 'q-2', arn: `${INSTANCE_ARN}/queue/q-1` })).toEqual([
      { code: 'RESOURCE_ARN_MISMATCH', path: '/arn' },
    ]);
    expect(refused('queue', { id: 'q-1', arn: `${INSTANCE_ARN}/prompt/q-1` })).toEqual([
      { code: 'RESOURCE_ARN_MISMATCH', path: '/arn' },
    ]);
    expect(accepted('queue', { id: 'q-1', arn: `${INSTANCE_ARN}/queue/q-1` }).arn).toBe(
      `${INSTANCE_ARN}/queue/q-1`,
    );
  });

  it('refuses references to resources the instance does not have, flows included', () => {
    const ctx = context({ missing: ['Nights', 'Gone', 'Old IVR', 'Admin'] });
    expect(
      refused('queue', { id: 'q', hoursOfOperation: 'Nights', quickConnects: ['Here', 'Gone'] }, ctx),
    ).toEqual([
      { code: 'RESOURCE_REFERENCE_UNKNOWN', path: '/hoursOfOperation' },
      { code: 'RESOURCE_REFERENCE_UNKNOWN', path: '/quickConnects/1' },
    ]);
    expect(refused('phoneNumber', { number: '+18005550100', flow: 'Old IVR' }, ctx)).toEqual([
      { code: 'RESOURCE_REFERENCE_UNKNOWN', path: '/flow' },
    ]);
    expect(refused('user', { username: 'bob', securityProfiles: ['Agent', 'Admin'] }, ctx)).toEqual([
      { code: 'RESOURCE_REFERENCE_UNKNOWN', path: '/securityProfiles/1' },
    ]);
    const checked = checkResource('user', { username: 'bob', routingProfile: 'Gone' }, ctx);
    expect(checked.ok ? '' : checked.diagnostics[0]?.message).toBe(
      '/routingProfile names routing profile "Gone", which this instance does not have',
    );
  });

  it('asks the instance about each reference by kind', () => {
    const asked: string[] = [];
    const lookup = (kind: string, ref: string) => {
      asked.push(`${kind} ${ref}`);
      return true;
    };
    const ctx = { ...context(), lookup };
    accepted(
      'routingProfile',
      {
        id: 'rp',
        defaultOutboundQueue: 'Sales',
        queues: [{ queue: 'Billing', channel: 'VOICE', priority: 1 }],
      },
      ctx,
    );
    accepted('quickConnect', { id: 'qc', type: 'QUEUE', queue: 'Billing', flow: 'To queue' }, ctx);
    expect(asked).toEqual(['queue Sales', 'queue Billing', 'queue Billing', 'flow To queue']);
  });

  it('refuses quick connects and whispers naming flows of the wrong type, when the types are known', () => {
    const ctx = context({
      flowTypes: { Main: 'CONTACT_FLOW', 'To agent': 'agentTransfer', 'To queue': 'QUEUE_TRANSFER' },
    });
    expect(refused('quickConnect', { id: 'qc', type: 'USER', user: 'alice', flow: 'Main' }, ctx)).toEqual([
      { code: 'RESOURCE_FLOW_TYPE_MISMATCH', path: '/flow' },
    ]);
    expect(
      refused('quickConnect', { id: 'qc', type: 'QUEUE', queue: 'Billing', flow: 'To agent' }, ctx),
    ).toEqual([{ code: 'RESOURCE_FLOW_TYPE_MISMATCH', path: '/flow' }]);
    expect(
      accepted('quickConnect', { id: 'qc', type: 'USER', user: 'alice', flow: 'To agent' }, ctx).flow,
    ).toBe('To agent');
    expect(
      accepted('quickConnect', { id: 'qc', type: 'QUEUE', queue: 'Billing', flow: 'To queue' }, ctx).flow,
    ).toBe('To queue');
    expect(refused('queue', { id: 'q', outboundWhisperFlow: 'Main' }, ctx)).toEqual([
      { code: 'RESOURCE_FLOW_TYPE_MISMATCH', path: '/outboundWhisperFlow' },
    ]);
    expect(accepted('queue', { id: 'q', outboundWhisperFlow: 'Unknown type' }, ctx).id).toBe('q');
  });
});
