import { describe, expect, it } from 'vitest';
import { type Contact, interpolate, resolvePath, resolveValue } from '../../src/index.js';
import { contact } from './support.js';

/** A contact with something in every namespace of reference §5.2. */
const full: Contact = contact({
  ContactId: 'c-1',
  InitialContactId: 'c-0',
  PreviousContactId: 'c-prev',
  RelatedContactId: 'c-rel',
  Channel: 'VOICE',
  InitiationMethod: 'TRANSFER',
  InstanceARN: 'arn:aws:connect:us-east-1:123456789012:instance/i-1',
  AwsRegion: 'us-east-1',
  CustomerEndpoint: { Address: '+15550001111', Type: 'TELEPHONE_NUMBER', DisplayName: 'Ana' },
  SystemEndpoint: { Address: '+18005550100', Type: 'TELEPHONE_NUMBER' },
  CustomerId: 'cust-9',
  Name: 'Call back Ana',
  Description: 'Billing question',
  References: { ticket: { Value: 'T-42', Type: 'STRING' } },
  LanguageCode: 'es-US',
  Attributes: { tier: 'gold', 'first name': 'Ana', count: '3' },
  External: { firstName: 'Ana', Name: { First: 'Ana', Last: 'Diaz' }, items: ['a', 'b'], balance: 12.5 },
  LambdaInvocation: { InvocationId: 'inv-7' },
  Lex: {
    IntentName: 'CheckBalance',
    IntentConfidence: { Score: 0.92 },
    Slots: { account: 'savings' },
    SessionAttributes: { 'x-amz-lex:channel': 'phone' },
    SentimentResponse: { Label: 'POSITIVE', Scores: { Positive: 0.8 } },
    DialogState: 'Fulfilled',
  },
  Metrics: {
    Queue: { Name: 'Sales', Size: 3, OldestContactAge: null },
    Agents: { Available: { Count: 2 }, Online: { Count: 0 } },
  },
  StoredCustomerInput: '5551234567',
  FlowAttributes: { callersAhead: '3' },
  Media: {
    InitialMessage: 'hello',
    Sip: { Headers: { 'P-Asserted-Identity': '<sip:+15550001111@carrier>' } },
  },
  MediaStreams: { Customer: { Audio: { StreamARN: 'arn:aws:kinesisvideo:stream/1' } } },
  SegmentAttributes: { 'connect:Subtype': { ValueString: 'connect:Telephony' } },
  Namespaces: {
    Agent: { UserName: 'alice', FirstName: 'Alice' },
    Customer: { ProfileId: 'p-1' },
    Case: { case_id: 'case-1' },
    Wisdom: { SessionArn: 'arn:aws:wisdom:session/1' },
  },
  targetQueue: {
    id: 'q-sales',
    arn: 'arn:aws:connect:us-east-1:123456789012:instance/i-1/queue/q-sales',
    name: 'Sales',
    outboundCallerId: { Address: '+18005550100', Type: 'TELEPHONE_NUMBER' },
  },
  callbackNumber: '+15550002222',
  tts: { voice: 'Lupe', engine: 'neural' },
  tags: { department: 'billing' },
});

const value = (path: string, c: Contact = full) => {
  const r = resolvePath(path, c);
  if (!r.ok) throw new Error(`${path}: ${r.error.code} ${r.error.message}`);
  return r.value;
};

const code = (path: string) => {
  const r = resolvePath(path, full);
  return r.ok ? 'resolved' : r.error.code;
};

describe('every JSONPath namespace resolves as Connect resolves it', () => {
  it.each([
    ['$.ContactId', 'c-1'],
    ['$.InitialContactId', 'c-0'],
    ['$.PreviousContactId', 'c-prev'],
    ['$.RelatedContactId', 'c-rel'],
    ['$.Channel', 'VOICE'],
    ['$.InitiationMethod', 'TRANSFER'],
    ['$.InstanceARN', 'arn:aws:connect:us-east-1:123456789012:instance/i-1'],
    ['$.AwsRegion', 'us-east-1'],
    ['$.CustomerEndpoint.Address', '+15550001111'],
    ['$.CustomerEndpoint.Type', 'TELEPHONE_NUMBER'],
    ['$.CustomerEndpoint.DisplayName', 'Ana'],
    ['$.SystemEndpoint.Address', '+18005550100'],
    ['$.SystemEndpoint.Type', 'TELEPHONE_NUMBER'],
    ['$.CustomerId', 'cust-9'],
    ['$.Name', 'Call back Ana'],
    ['$.Description', 'Billing question'],
    ['$.References.ticket.Value', 'T-42'],
    ['$.References.ticket.Type', 'STRING'],
    ['$.Queue.Name', 'Sales'],
    ['$.Queue.ARN', 'arn:aws:connect:us-east-1:123456789012:instance/i-1/queue/q-sales'],
    ['$.Queue.OutboundCallerId.Address', '+18005550100'],
    ['$.Queue.OutboundCallerId.Type', 'TELEPHONE_NUMBER'],
    ['$.TextToSpeechVoiceId', 'Lupe'],
    ['$.LanguageCode', 'es-US'],
    ['$.StoredCustomerInput', '5551234567'],
    ['$.CallbackNumber', '+15550002222'],
    ['$.Media.InitialMessage', 'hello'],
    ["$.Media.Sip.Headers['P-Asserted-Identity']", '<sip:+15550001111@carrier>'],
    ['$.MediaStreams.Customer.Audio.StreamARN', 'arn:aws:kinesisvideo:stream/1'],
    ['$.Attributes.tier', 'gold'],
    ["$.Attributes['first name']", 'Ana'],
    ["$.Attributes.['first name']", 'Ana'],
    ['$.Attributes["first name"]', 'Ana'],
    ['$.External.firstName', 'Ana'],
    ['$.External.Name.First', 'Ana'],
    ['$.External.items[1]', 'b'],
    ['$.External.balance', 12.5],
    ['$.LambdaInvocation.InvocationId', 'inv-7'],
    ['$.Lex.IntentName', 'CheckBalance'],
    ['$.Lex.IntentConfidence.Score', 0.92],
    ['$.Lex.Slots.account', 'savings'],
    ["$.Lex.SessionAttributes['x-amz-lex:channel']", 'phone'],
    ['$.Lex.SentimentResponse.Label', 'POSITIVE'],
    ['$.Lex.SentimentResponse.Scores.Positive', 0.8],
    ['$.Lex.DialogState', 'Fulfilled'],
    ['$.Metrics.Queue.Name', 'Sales'],
    ['$.Metrics.Queue.Size', 3],
    ['$.Metrics.Agents.Available.Count', 2],
    ['$.Metrics.Agents.Online.Count', 0],
    ['$.FlowAttributes.callersAhead', '3'],
    ["$.SegmentAttributes['connect:Subtype'].ValueString", 'connect:Telephony'],
    ['$.Tags.department', 'billing'],
    ['$.Agent.UserName', 'alice'],
    ['$.Customer.ProfileId', 'p-1'],
    ['$.Case.case_id', 'case-1'],
    ['$.Wisdom.SessionArn', 'arn:aws:wisdom:session/1'],
    ["$['ContactId']", 'c-1'],
  ])('%s resolves to %j', (path, expected) => {
    expect(value(path)).toEqual(expected);
  });

  it('reads quoted keys holding dots and colons as one key', () => {
    const c = contact({ Attributes: { 'a.b': 'dotted', a: 'plain' } });
    expect(value("$.Attributes['a.b']", c)).toBe('dotted');
    expect(value('$.Attributes.a', c)).toBe('plain');
  });

  it('a whole namespace resolves to its object', () => {
    expect(value('$.Attributes')).toEqual({ tier: 'gold', 'first name': 'Ana', count: '3' });
  });
});

describe('missing values resolve to nothing rather than failing', () => {
  const bare = contact({ Channel: 'CHAT' });
  it.each([
    '$.Attributes.nope',
    '$.External.firstName',
    '$.Lex.IntentName',
    '$.Metrics.Queue.Size',
    '$.Queue.Name',
    '$.Queue.OutboundCallerId.Address',
    '$.CustomerEndpoint.Address',
    '$.StoredCustomerInput',
    '$.PreviousContactId',
    '$.FlowAttributes.x',
    '$.Agent.UserName',
  ])('%s on a contact without it resolves to undefined', (path) => {
    expect(value(path, bare)).toBeUndefined();
  });

  it('a null metric (no activity in the queue) resolves to undefined', () => {
    expect(value('$.Metrics.Queue.OldestContactAge')).toBeUndefined();
  });

  it('a path below a string value names nothing, even where strings have properties', () => {
    expect(value('$.External.firstName.length')).toBeUndefined();
    expect(value('$.External.firstName[0]')).toBeUndefined();
  });

  it('prototype members are not attributes', () => {
    expect(value('$.Attributes.constructor')).toBeUndefined();
    expect(value('$.Attributes.__proto__')).toBeUndefined();
    expect(value('$.External.toString')).toBeUndefined();
  });

  it('an attribute actually named __proto__ is ordinary data', () => {
    const c = contact({ Attributes: Object.fromEntries([['__proto__', 'x']]) });
    expect(value('$.Attributes.__proto__', c)).toBe('x');
  });
});

describe('paths outside the flow data and hostile expressions are coded errors', () => {
  it('an unknown namespace is refused', () => {
    expect(code('$.BadValue')).toBe('ENGINE_PATH_UNKNOWN');
    expect(code('$.Attributes.tier.deeper')).toBe('ENGINE_PATH_UNKNOWN');
    expect(code('$.constructor')).toBe('ENGINE_PATH_UNKNOWN');
  });

  it.each([
    '$..*',
    '$..ContactId',
    '$.*',
    '$.Attributes.*',
    '$.Attributes[*]',
    '$.Attributes[?(@.a)]',
    '$[?(@.ContactId)]',
    '$.Attributes[(@.length-1)]',
    '$.External.items[0:2]',
    '$.External.items[-1:]',
    "$.Attributes['tier','count']",
    '$.Attributes[0,1]',
    '$.Attributes.tier@string()',
    '$.Attributes.tier~',
    '$.Attributes.tier^',
    'Attributes.tier',
    'process.exit(1)',
    '$',
    '$.',
    `$.Attributes.${'a.'.repeat(600)}a`,
  ])('%s is not a flow JSONPath', (path) => {
    expect(code(path)).toBe('ENGINE_PATH_INVALID');
  });

  it.each([
    "$['?(@.a)']",
    "$.Attributes['@string()']",
    "$.Attributes['^']",
    "$.Attributes['~']",
    "$.Attributes['a,b']",
    "$.Attributes['#0']",
    "$.External['(1+1)']",
    "$.Attributes['`tier']",
    "$.Attributes['a\\'b']",
    "$.Attributes['']",
    "$.Attributes['*']",
    "$.Attributes['..']x",
  ])('%s smuggles JSONPath syntax in a quoted key and is refused', (path) => {
    expect(['ENGINE_PATH_UNSAFE', 'ENGINE_PATH_INVALID']).toContain(code(path));
  });

  it('a script in a filter is never run', () => {
    const g = globalThis as { hacked?: boolean };
    for (const path of [
      '$..[?(globalThis.hacked=true)]',
      '$.Attributes[?(globalThis.hacked=true)]',
      "$['?(globalThis.hacked=true)']",
      '$[(globalThis.hacked=true)]',
    ]) {
      expect(resolvePath(path, full).ok).toBe(false);
      expect(interpolate(`say ${path}`, full).ok === false || !g.hacked).toBe(true);
    }
    expect(g.hacked).toBeUndefined();
  });
});

describe('resolveValue reads static or single-JSONPath parameters', () => {
  it('returns static values as written', () => {
    expect(resolveValue('queue-1', full)).toEqual({ ok: true, value: 'queue-1' });
    expect(resolveValue(3, full)).toEqual({ ok: true, value: 3 });
    expect(resolveValue(undefined, full)).toEqual({ ok: true, value: undefined });
  });

  it('resolves a whole path, blanks around it tolerated', () => {
    expect(resolveValue('$.Attributes.tier', full)).toEqual({ ok: true, value: 'gold' });
    expect(resolveValue('  $.Queue.Name ', full)).toEqual({ ok: true, value: 'Sales' });
  });

  it('leaves text with references alone: that is interpolation, not a path', () => {
    expect(resolveValue('Hello $.Attributes.tier', full)).toEqual({
      ok: true,
      value: 'Hello $.Attributes.tier',
    });
  });

  it('passes a path error through', () => {
    const r = resolveValue('$..*', full);
    expect(r.ok || r.error.code).toBe('ENGINE_PATH_INVALID');
  });
});

describe('interpolation fills $.references inside prompt text', () => {
  const text = (t: string, c: Contact = full) => {
    const r = interpolate(t, c);
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  };

  it('replaces every reference and keeps the rest of the text', () => {
    expect(text('Hello $.External.Name.First $.External.Name.Last, thank you for calling.')).toBe(
      'Hello Ana Diaz, thank you for calling.',
    );
  });

  it('ends a reference at a full stop that ends the sentence', () => {
    expect(text("We'll call you back at $.StoredCustomerInput. Goodbye.")).toBe(
      "We'll call you back at 5551234567. Goodbye.",
    );
  });

  it('spells numbers from metrics', () => {
    expect(text('There are $.Metrics.Queue.Size callers ahead of you.')).toBe(
      'There are 3 callers ahead of you.',
    );
  });

  it('reads missing values and unknown namespaces as empty text', () => {
    expect(text('Hi $.Attributes.nobody!')).toBe('Hi !');
    expect(text('Hi $.Nobody.here!')).toBe('Hi !');
  });

  it('reads bracketed keys with spaces', () => {
    expect(text("Hola $.Attributes['first name'].")).toBe('Hola Ana.');
  });

  it('stops at SSML markup and can escape what it inserts', () => {
    const c = contact({ Attributes: { team: 'R&D <lab>' } });
    expect(text('<speak>Hello $.Attributes.team</speak>', c)).toBe('<speak>Hello R&D <lab></speak>');
    const escaped = interpolate('<speak>Hello $.Attributes.team</speak>', c, { escape: 'ssml' });
    expect(escaped).toEqual({ ok: true, value: '<speak>Hello R&amp;D &lt;lab&gt;</speak>' });
  });

  it('does not interpolate the values it inserts', () => {
    const c = contact({ Attributes: { a: '$.Attributes.b', b: 'secret' } });
    expect(text('value: $.Attributes.a', c)).toBe('value: $.Attributes.b');
  });

  it('leaves dollar amounts and syntax that is no reference as text', () => {
    expect(text('That costs $5.00, or $..* in JSONPath.')).toBe('That costs $5.00, or $..* in JSONPath.');
  });

  it('fails on a reference that smuggles syntax into a quoted key', () => {
    const r = interpolate("Hello $['?(@.a)'] there", full);
    expect(r.ok || r.error.code).toBe('ENGINE_PATH_UNSAFE');
  });
});
