import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getBlock } from '../src/catalog/index.js';
import {
  convertLegacy,
  isLegacyDocument,
  LEGACY_RULES,
  type LegacyDocument,
  type LegacyNote,
  legacyTargetTypes,
} from '../src/legacy/index.js';
import { corpusFiles, hasCorpus, repoRoot } from './support/paths.js';

interface Action {
  Parameters: Record<string, unknown>;
  Identifier: string;
  Type: string;
  Transitions: {
    NextAction?: string;
    Conditions?: { NextAction: string; Condition: { Operator: string; Operands: string[] } }[];
    Errors?: { NextAction: string; ErrorType: string }[];
  };
}

type Json = Record<string, unknown>;

function fixture(name: string): LegacyDocument {
  return JSON.parse(readFileSync(join(repoRoot, 'fixtures/legacy', name), 'utf8')) as LegacyDocument;
}

function view(doc: unknown) {
  const { flow, notes } = convertLegacy(doc as LegacyDocument);
  const actions = flow.Actions as Action[];
  const metadata = flow.Metadata as Json & { ActionMetadata: Record<string, Json> };
  const action = (id: string): Action => {
    const found = actions.find((a) => a.Identifier === id);
    if (!found) throw new Error(`no action ${id}`);
    return found;
  };
  return {
    flow,
    notes,
    actions,
    metadata,
    action,
    meta: (id: string) => metadata.ActionMetadata[id] as Json,
  };
}

/** One module under test, followed by the blocks its branches may point at. */
function convertModule(
  module: Json,
  options: { flowType?: string } = {},
): ReturnType<typeof view> & { converted: Action; codes: string[] } {
  const targets = ['a', 'b', 'c', 'd', 'end'].map((id) => ({
    id,
    type: 'Disconnect',
    branches: [],
    parameters: [],
  }));
  const doc = {
    modules: [{ metadata: { position: { x: 1, y: 2 } }, ...module }, ...targets],
    start: module.id,
    metadata: { name: 'unit', description: '', type: options.flowType ?? 'contactFlow' },
  };
  const v = view(doc);
  return { ...v, converted: v.action(module.id as string), codes: v.notes.map((n) => n.code) };
}

const p = (name: string, value: unknown, extra: Json = {}) => ({ name, value, ...extra });
const br = (condition: string, transition: string, extra: Json = {}) => ({ condition, transition, ...extra });
const ARN = 'arn:aws:connect:us-east-1:111122223333:instance/00000000-0000-4000-8000-000000000001';

describe('detecting legacy console exports', () => {
  it('recognises an object with modules and no 2019-10-30 keys', () => {
    expect(isLegacyDocument(fixture('inbound-menu.json'))).toBe(true);
    expect(isLegacyDocument({ modules: 'broken' })).toBe(true);
  });

  it('rejects 2019-10-30 documents and values that are not objects', () => {
    expect(isLegacyDocument({ Version: '2019-10-30', StartAction: 'x', Actions: [] })).toBe(false);
    expect(isLegacyDocument({ modules: [], Actions: [] })).toBe(false);
    for (const value of [null, undefined, 'modules', 42, [{ modules: [] }]])
      expect(isLegacyDocument(value)).toBe(false);
  });
});

describe('the converted document', () => {
  const v = view(fixture('inbound-menu.json'));

  it('is a 2019-10-30 flow with keys in Connect export order', () => {
    expect(Object.keys(v.flow)).toEqual(['Version', 'StartAction', 'Metadata', 'Actions']);
    expect(v.flow.Version).toBe('2019-10-30');
    expect(v.flow.StartAction).toBe('enable-logging');
    for (const a of v.actions)
      expect(Object.keys(a)).toEqual(['Parameters', 'Identifier', 'Type', 'Transitions']);
  });

  it('keeps every module id as an Identifier, in the same order', () => {
    const doc = fixture('inbound-menu.json');
    expect(v.actions.map((a) => a.Identifier)).toEqual(doc.modules.map((m) => m.id));
  });

  it('keeps positions, the entry point and the flow name, description and type', () => {
    expect(v.metadata.entryPointPosition).toEqual({ x: 15, y: 20 });
    expect(v.meta('menu').position).toEqual({ x: 880, y: 20 });
    expect(Object.keys(v.meta('menu'))[0]).toBe('position');
    expect(v.metadata).toMatchObject({
      name: 'Example inbound menu',
      description: 'Hand-written legacy flow for the converter tests',
      type: 'contactFlow',
      status: 'published',
    });
  });

  it('carries the rest of each module metadata into ActionMetadata', () => {
    expect(v.meta('menu').conditionMetadata).toEqual([
      { id: 'c-1', value: '1' },
      { id: 'c-2', value: '2' },
    ]);
    expect(v.meta('set-queue').queue).toEqual({ text: 'Sales' });
  });

  it('writes resource names where Connect looks for them on import', () => {
    expect(v.meta('set-queue').parameters).toEqual({ QueueId: { displayName: 'Sales' } });
    expect(v.meta('hours').parameters).toEqual({ HoursOfOperationId: { displayName: 'Basic Hours' } });
    expect(v.meta('lookup').parameters).toEqual({ LambdaFunctionARN: { displayName: 'account-lookup' } });
  });

  it('converts the whole hand-written menu flow without a note', () => {
    expect(v.notes).toEqual([]);
  });

  it('turns a null description into an empty one', () => {
    expect(view(fixture('callback.json')).metadata.description).toBe('');
  });
});

describe('prompts', () => {
  it('turns Play prompt text into MessageParticipant, Success into NextAction and Error into NoMatchingError', () => {
    const { converted } = convertModule({
      id: 'm',
      type: 'PlayPrompt',
      parameters: [p('Text', 'Hello', { namespace: null }), p('TextToSpeechType', 'text')],
      branches: [br('Success', 'a'), br('Error', 'b')],
    });
    expect(converted).toEqual({
      Parameters: { Text: 'Hello' },
      Identifier: 'm',
      Type: 'MessageParticipant',
      Transitions: { NextAction: 'a', Errors: [{ NextAction: 'b', ErrorType: 'NoMatchingError' }] },
    });
  });

  it('writes SSML when the text-to-speech type is ssml, and omits Errors when there is no Error branch', () => {
    const { converted } = convertModule({
      id: 'm',
      type: 'PlayAudio',
      parameters: [p('Text', '<speak>Hi</speak>'), p('TextToSpeechType', 'ssml')],
      branches: [br('Success', 'a')],
    });
    expect(converted.Parameters).toEqual({ SSML: '<speak>Hi</speak>' });
    expect(converted.Transitions).toEqual({ NextAction: 'a' });
  });

  it.each([
    ['External', 'greeting', '$.External.greeting'],
    ['User Defined', 'greeting', '$.Attributes.greeting'],
    ['System', 'Queue.Name', '$.Queue.Name'],
  ])('reads text from the %s namespace as a JSONPath', (namespace, value, path) => {
    const { converted, meta } = convertModule({
      id: 'm',
      type: 'PlayPrompt',
      parameters: [p('Text', value, { namespace }), p('TextToSpeechType', 'text')],
      branches: [br('Success', 'a')],
    });
    expect(converted.Parameters).toEqual({ Text: path });
    expect(meta('m').parameters).toEqual({ Text: { useDynamic: true } });
  });

  it('plays an audio prompt by PromptId and keeps the prompt name', () => {
    const { action, meta } = view(fixture('callback.json'));
    expect(action('confirm').Parameters).toEqual({
      PromptId: `${ARN}/prompt/00000000-0000-4000-8000-000000000005`,
    });
    expect(meta('confirm').parameters).toEqual({ PromptId: { displayName: 'Beep.wav' } });
  });

  it('exports a prompt with no ARN as an empty reference with its name, as Connect does', () => {
    const { converted, meta, codes } = convertModule({
      id: 'm',
      type: 'PlayPrompt',
      parameters: [p('AudioPrompt', undefined, { namespace: null, resourceName: 'Beep.wav' })],
      branches: [br('Success', 'a')],
    });
    expect(converted.Parameters).toEqual({ PromptId: '' });
    expect(meta('m').parameters).toEqual({ PromptId: { displayName: 'Beep.wav' } });
    expect(codes).toEqual([]);
  });

  it('turns Loop prompts into MessageParticipantIteratively with an interrupt condition', () => {
    const { converted } = convertModule({
      id: 'm',
      type: 'LoopPrompts',
      parameters: [p('Text', 'Please hold.', { key: 'text' }), p('InterruptSeconds', 120)],
      branches: [br('Timeout', 'a'), br('Error', 'b')],
    });
    expect(converted).toMatchObject({
      Parameters: { Messages: [{ Text: 'Please hold.' }], InterruptFrequencySeconds: '120' },
      Type: 'MessageParticipantIteratively',
      Transitions: {
        NextAction: 'b',
        Conditions: [
          { NextAction: 'a', Condition: { Operator: 'Equals', Operands: ['MessagesInterrupted'] } },
        ],
        Errors: [{ NextAction: 'b', ErrorType: 'NoMatchingError' }],
      },
    });
  });
});

describe('customer input', () => {
  it('turns a DTMF menu into GetParticipantInput with the transitions real exports have', () => {
    const menu = view(fixture('inbound-menu.json')).action('menu');
    expect(menu).toEqual({
      Parameters: {
        Text: 'Press 1 for sales, 2 for your account.',
        StoreInput: 'False',
        InputTimeLimitSeconds: '8',
      },
      Identifier: 'menu',
      Type: 'GetParticipantInput',
      Transitions: {
        NextAction: 'menu-retry',
        Conditions: [
          { NextAction: 'remember-choice', Condition: { Operator: 'Equals', Operands: ['1'] } },
          { NextAction: 'lookup', Condition: { Operator: 'Equals', Operands: ['2'] } },
        ],
        Errors: [
          { NextAction: 'goodbye', ErrorType: 'InputTimeLimitExceeded' },
          { NextAction: 'menu-retry', ErrorType: 'NoMatchingCondition' },
          { NextAction: 'goodbye', ErrorType: 'NoMatchingError' },
        ],
      },
    });
  });

  it('treats the deprecated Play audio and fetch input block as a menu and notes a MaxDigits above one', () => {
    const { converted, notes } = convertModule({
      id: 'm',
      type: 'PlayAudioAndFetchInput',
      parameters: [
        p('Text', 'Press a key'),
        p('TextToSpeechType', 'text'),
        p('Timeout', '5'),
        p('MaxDigits', '3'),
      ],
      branches: [br('Evaluate', 'a', { conditionType: 'Equals', conditionValue: '#' }), br('NoMatch', 'b')],
    });
    expect(converted.Type).toBe('GetParticipantInput');
    expect(converted.Transitions.Conditions).toEqual([
      { NextAction: 'a', Condition: { Operator: 'Equals', Operands: ['#'] } },
    ]);
    expect(notes).toMatchObject([
      { code: 'LEGACY_PARAMETER_DROPPED', actionId: 'm', path: '/modules/0/parameters/3' },
    ]);
  });

  it('turns a classic Lex input into ConnectParticipantWithLexBot routed on intents', () => {
    const { converted, codes } = convertModule({
      id: 'm',
      type: 'GetUserInput',
      target: 'Lex',
      parameters: [
        p('Text', 'How can I help?', { namespace: null }),
        p('TextToSpeechType', 'text'),
        p('BotName', 'Helper'),
        p('BotAlias', '$LATEST'),
        p('BotRegion', 'us-east-1'),
        p('Parameter', 'Customer Number', { key: 'phone', namespace: 'System' }),
        p('Parameter', 'true', { key: 'x-amz-lex:barge-in-enabled:*:*', namespace: null }),
      ],
      branches: [
        br('Evaluate', 'a', { conditionType: 'Equals', conditionValue: 'Billing' }),
        br('NoMatch', 'b'),
        br('Error', 'c'),
      ],
    });
    expect(codes).toEqual([]);
    expect(converted).toEqual({
      Parameters: {
        Text: 'How can I help?',
        LexBot: { Name: 'Helper', Alias: '$LATEST', Region: 'us-east-1' },
        LexSessionAttributes: {
          phone: '$.CustomerEndpoint.Address',
          'x-amz-lex:barge-in-enabled:*:*': 'true',
        },
      },
      Identifier: 'm',
      Type: 'ConnectParticipantWithLexBot',
      Transitions: {
        NextAction: 'c',
        Conditions: [{ NextAction: 'a', Condition: { Operator: 'Equals', Operands: ['Billing'] } }],
        Errors: [
          { NextAction: 'b', ErrorType: 'NoMatchingCondition' },
          { NextAction: 'c', ErrorType: 'NoMatchingError' },
        ],
      },
    });
  });

  it('uses the Lex V2 alias ARN and its alias name', () => {
    const alias = 'arn:aws:lex:us-east-1:111122223333:bot-alias/ABCDEFGHIJ/KLMNOPQRST';
    const { converted, meta } = convertModule({
      id: 'm',
      type: 'GetUserInput',
      target: 'Lex',
      parameters: [
        p('Text', 'Hi'),
        p('TextToSpeechType', 'text'),
        p('BotAliasArn', alias),
        p('LexVersion', 'V2'),
      ],
      branches: [br('NoMatch', 'a'), br('Error', 'b')],
      metadata: { position: { x: 0, y: 0 }, lexV2BotName: 'Loans', lexV2BotAliasName: 'prod' },
    });
    expect(converted.Parameters).toEqual({ Text: 'Hi', LexV2Bot: { AliasArn: alias } });
    expect(meta('m').parameters).toEqual({ LexV2Bot: { AliasArn: { displayName: 'prod' } } });
  });

  it('turns Store customer input into GetParticipantInput storing digits, with validation and encryption', () => {
    const { converted, codes } = convertModule({
      id: 'm',
      type: 'StoreCustomerInput',
      parameters: [
        p('Text', 'Enter your card number', { namespace: null }),
        p('TextToSpeechType', 'text'),
        p('CustomerInputType', 'Custom'),
        p('Timeout', '6'),
        p('MaxDigits', 20),
        p('EncryptEntry', true),
        p('EncryptionKeyId', 'key-1', { namespace: null }),
        p('EncryptionKey', '-----BEGIN CERTIFICATE-----', { namespace: null }),
        p('TerminatorDigits', '#', { namespace: null }),
        p('DisableCancel', 'true'),
      ],
      branches: [br('Success', 'a'), br('Error', 'b')],
    });
    expect(codes).toEqual([]);
    expect(converted.Parameters).toEqual({
      StoreInput: 'True',
      InputTimeLimitSeconds: '6',
      Text: 'Enter your card number',
      DTMFConfiguration: { DisableCancelKey: 'True', InputTerminationSequence: '#' },
      InputValidation: { CustomValidation: { MaximumLength: '20' } },
      InputEncryption: { EncryptionKeyId: 'key-1', Key: '-----BEGIN CERTIFICATE-----' },
    });
    expect(Object.keys(converted.Parameters)).toEqual([
      'StoreInput',
      'InputTimeLimitSeconds',
      'Text',
      'DTMFConfiguration',
      'InputValidation',
      'InputEncryption',
    ]);
    expect(converted.Transitions).toEqual({
      NextAction: 'a',
      Errors: [{ NextAction: 'b', ErrorType: 'NoMatchingError' }],
    });
  });

  it('validates a stored phone number and routes InvalidNumber to InvalidPhoneNumber', () => {
    const ask = view(fixture('callback.json')).action('ask-number');
    expect(ask.Parameters).toEqual({
      StoreInput: 'True',
      InputTimeLimitSeconds: '6',
      Text: 'Enter the number we should call you back at.',
      InputValidation: { PhoneNumberValidation: { NumberFormat: 'Local', CountryCode: 'US' } },
    });
    expect(ask.Transitions.Errors).toEqual([
      { NextAction: 'sorry', ErrorType: 'InvalidPhoneNumber' },
      { NextAction: 'sorry', ErrorType: 'NoMatchingError' },
    ]);
  });
});

describe('queues, transfers and event hooks', () => {
  it('sets the working queue by queue ARN or, dynamically, by agent', () => {
    const byAgent = convertModule({
      id: 'm',
      type: 'SetQueue',
      parameters: [p('Agent', 'agentLogin', { namespace: 'User Defined', resourceName: null })],
      branches: [br('Success', 'a'), br('Error', 'b')],
    });
    expect(byAgent.converted.Parameters).toEqual({ AgentId: '$.Attributes.agentLogin' });
    expect(byAgent.meta('m').parameters).toEqual({ AgentId: { useDynamic: true } });
    expect(view(fixture('inbound-menu.json')).action('set-queue').Parameters).toEqual({
      QueueId: `${ARN}/queue/00000000-0000-4000-8000-000000000003`,
    });
  });

  it('transfers to the working queue with QueueAtCapacity, NextAction at the error target', () => {
    expect(view(fixture('inbound-menu.json')).action('to-queue')).toEqual({
      Parameters: {},
      Identifier: 'to-queue',
      Type: 'TransferContactToQueue',
      Transitions: {
        NextAction: 'goodbye',
        Errors: [
          { NextAction: 'goodbye', ErrorType: 'QueueAtCapacity' },
          { NextAction: 'goodbye', ErrorType: 'NoMatchingError' },
        ],
      },
    });
    const old = convertModule({
      id: 'm',
      type: 'CustomerInQueue',
      branches: [br('AtCapacity', 'a'), br('Error', 'b')],
    });
    expect(old.converted.Type).toBe('TransferContactToQueue');
  });

  it('makes a queue transfer inside a customer queue flow a queue-to-queue transfer', () => {
    const { converted } = convertModule(
      {
        id: 'm',
        type: 'Transfer',
        target: 'Queue',
        parameters: [p('Queue', `${ARN}/queue/q`, { resourceName: 'Overflow' })],
        branches: [br('AtCapacity', 'a'), br('Error', 'b')],
      },
      { flowType: 'customerQueue' },
    );
    expect(converted.Type).toBe('DequeueContactAndTransferToQueue');
    expect(converted.Parameters).toEqual({ QueueId: `${ARN}/queue/q` });
  });

  it.each(['Transfer', 'TransferToFlow'])(
    'turns %s to a flow into TransferToFlow with the flow name',
    (type) => {
      const { converted, meta } = convertModule({
        id: 'm',
        type,
        target: type === 'Transfer' ? 'Flow' : undefined,
        parameters: [p('ContactFlowId', `${ARN}/contact-flow/f`)],
        branches: [br('Error', 'a')],
        metadata: {
          position: { x: 0, y: 0 },
          ContactFlow: { id: `${ARN}/contact-flow/f`, text: 'Main menu' },
        },
      });
      expect(converted).toEqual({
        Parameters: { ContactFlowId: `${ARN}/contact-flow/f` },
        Identifier: 'm',
        Type: 'TransferToFlow',
        Transitions: { NextAction: 'a', Errors: [{ NextAction: 'a', ErrorType: 'NoMatchingError' }] },
      });
      expect(meta('m').parameters).toEqual({ ContactFlowId: { displayName: 'Main menu' } });
    },
  );

  it('turns a transfer to a phone number into TransferParticipantToThirdParty', () => {
    const { converted } = convertModule({
      id: 'm',
      type: 'Transfer',
      target: 'PhoneNumber',
      parameters: [
        p('TimeLimit', '30'),
        p('BlindTransfer', false),
        p('PhoneNumber', 'number', { namespace: 'External' }),
      ],
      branches: [br('Success', 'a'), br('CallFailure', 'b'), br('Timeout', 'c'), br('Error', 'd')],
    });
    expect(converted).toEqual({
      Parameters: {
        ThirdPartyPhoneNumber: '$.External.number',
        ThirdPartyConnectionTimeLimitSeconds: '30',
        ContinueFlowExecution: 'True',
      },
      Identifier: 'm',
      Type: 'TransferParticipantToThirdParty',
      Transitions: {
        NextAction: 'a',
        Errors: [
          { NextAction: 'b', ErrorType: 'CallFailed' },
          { NextAction: 'c', ErrorType: 'ConnectionTimeLimitExceeded' },
          { NextAction: 'd', ErrorType: 'NoMatchingError' },
        ],
      },
    });
  });

  it('turns a transfer to an agent into the terminal TransferContactToAgent', () => {
    const { converted } = convertModule({ id: 'm', type: 'Transfer', target: 'Agent', branches: [] });
    expect(converted).toEqual({
      Parameters: {},
      Identifier: 'm',
      Type: 'TransferContactToAgent',
      Transitions: {},
    });
  });

  it.each([
    ['SetEventHook', 'CustomerRemaining'],
    ['SetContactFlow', 'CustomerQueue'],
    ['SetContactFlow', 'AgentWhisper'],
  ])('turns %s of type %s into UpdateContactEventHooks', (type, hook) => {
    const { converted, meta } = convertModule({
      id: 'm',
      type,
      parameters: [
        p('ContactFlowId', `${ARN}/contact-flow/h`, { resourceName: 'Hook flow' }),
        p('Type', hook),
      ],
      branches: [br('Success', 'a'), br('Error', 'b')],
    });
    expect(converted.Parameters).toEqual({ EventHooks: { [hook]: `${ARN}/contact-flow/h` } });
    expect(meta('m').parameters).toEqual({ EventHooks: { [hook]: { displayName: 'Hook flow' } } });
    expect(converted.Transitions).toEqual({
      NextAction: 'a',
      Errors: [{ NextAction: 'b', ErrorType: 'NoMatchingError' }],
    });
  });

  it('sets the callback number from stored input and creates the callback', () => {
    const v = view(fixture('callback.json'));
    expect(v.action('set-number')).toMatchObject({
      Parameters: { CallbackNumber: '$.StoredCustomerInput' },
      Type: 'UpdateContactCallbackNumber',
      Transitions: {
        NextAction: 'callback',
        Errors: [
          { NextAction: 'sorry', ErrorType: 'InvalidCallbackNumber' },
          { NextAction: 'sorry', ErrorType: 'CallbackNumberNotDialable' },
        ],
      },
    });
    expect(v.action('callback')).toMatchObject({
      Parameters: {
        QueueId: `${ARN}/queue/00000000-0000-4000-8000-000000000004`,
        InitialCallDelaySeconds: '5',
        RetryDelaySeconds: '600',
        MaximumConnectionAttempts: '1',
      },
      Type: 'CreateCallbackContact',
    });
    expect(v.meta('callback').parameters).toEqual({ QueueId: { displayName: 'Callbacks' } });
    expect(v.notes).toEqual([]);
  });

  it('turns routing priority and age changes into UpdateContactRoutingBehavior', () => {
    const priority = convertModule({
      id: 'm',
      type: 'UpdateRoutingPriority',
      parameters: [p('AbsolutePosition', 1)],
      branches: [br('Success', 'a')],
    });
    expect(priority.converted.Parameters).toEqual({ QueuePriority: '1' });
    const age = convertModule({
      id: 'm',
      type: 'UpdateRoutingPriority',
      parameters: [p('TimeOffset', 600)],
      branches: [br('Success', 'a')],
    });
    expect(age.converted.Parameters).toEqual({ QueueTimeAdjustmentSeconds: '600' });
  });
});

describe('branching blocks', () => {
  it.each([
    ['Equals', 'Equals'],
    ['GreaterThan', 'NumberGreaterThan'],
    ['GreaterThanOrEqualTo', 'NumberGreaterOrEqualTo'],
    ['LessThan', 'NumberLessThan'],
    ['LessThanOrEqualTo', 'NumberLessOrEqualTo'],
    ['Contains', 'TextContains'],
    ['StartsWith', 'TextStartsWith'],
    ['EndsWith', 'TextEndsWith'],
  ])('maps the check-attribute operator %s to %s', (legacy, modern) => {
    const { converted } = convertModule({
      id: 'm',
      type: 'CheckCallAttribute',
      parameters: [p('Attribute', 'score'), p('Namespace', 'User Defined')],
      branches: [br('Evaluate', 'a', { conditionType: legacy, conditionValue: 5 }), br('NoMatch', 'b')],
    });
    expect(converted).toEqual({
      Parameters: { ComparisonValue: '$.Attributes.score' },
      Identifier: 'm',
      Type: 'Compare',
      Transitions: {
        NextAction: 'b',
        Conditions: [{ NextAction: 'a', Condition: { Operator: modern, Operands: ['5'] } }],
        Errors: [{ NextAction: 'b', ErrorType: 'NoMatchingCondition' }],
      },
    });
  });

  it.each([
    ['System', 'Customer Number', '$.CustomerEndpoint.Address'],
    ['System', 'Dialed Number', '$.SystemEndpoint.Address'],
    ['System', 'Stored customer input', '$.StoredCustomerInput'],
    ['System', 'Contact id', '$.ContactId'],
    ['System', 'ContactId', '$.ContactId'],
    ['System', 'Channel', '$.Channel'],
    ['System', 'Queue name', '$.Queue.Name'],
    ['System', 'Metrics.Queue.OldestContactAge', '$.Metrics.Queue.OldestContactAge'],
    ['Lex.Slots', 'action', '$.Lex.Slots.action'],
    ['External', 'first name', "$.External.['first name']"],
  ])('compares the %s attribute %s as %s', (namespace, attribute, path) => {
    const { converted } = convertModule({
      id: 'm',
      type: 'CheckAttribute',
      parameters: [p('Attribute', attribute), p('Namespace', namespace)],
      branches: [br('NoMatch', 'a')],
    });
    expect(converted.Parameters).toEqual({ ComparisonValue: path });
  });

  it('notes an operator it cannot express instead of guessing', () => {
    const { converted, notes } = convertModule({
      id: 'm',
      type: 'CheckAttribute',
      parameters: [p('Attribute', 'x'), p('Namespace', 'External')],
      branches: [
        br('Evaluate', 'a', { conditionType: 'Between', conditionValue: '1-2' }),
        br('NoMatch', 'b'),
      ],
    });
    expect(converted.Transitions.Conditions).toBeUndefined();
    expect(notes).toMatchObject([{ code: 'LEGACY_BRANCH_UNKNOWN', path: '/modules/0/branches/0' }]);
  });

  it('turns percentages into a rising chain of NumberLessThan thresholds', () => {
    const { converted } = convertModule({
      id: 'm',
      type: 'PercentileBranching',
      branches: [
        br('Evaluate', 'a', { conditionType: 'Equals', conditionValue: '20' }),
        br('Evaluate', 'b', { conditionType: 'Equals', conditionValue: '30' }),
        br('NoMatch', 'c', { conditionType: 'Equals', conditionValue: '50' }),
      ],
    });
    expect(converted).toEqual({
      Parameters: {},
      Identifier: 'm',
      Type: 'DistributeByPercentage',
      Transitions: {
        NextAction: 'c',
        Conditions: [
          { NextAction: 'a', Condition: { Operator: 'NumberLessThan', Operands: ['20'] } },
          { NextAction: 'b', Condition: { Operator: 'NumberLessThan', Operands: ['50'] } },
        ],
        Errors: [{ NextAction: 'c', ErrorType: 'NoMatchingCondition' }],
      },
    });
  });

  it('turns Looping and Complete into ContinueLooping and DoneLooping', () => {
    expect(view(fixture('inbound-menu.json')).action('menu-retry')).toEqual({
      Parameters: { LoopCount: '2' },
      Identifier: 'menu-retry',
      Type: 'Loop',
      Transitions: {
        NextAction: 'goodbye',
        Conditions: [
          { NextAction: 'menu', Condition: { Operator: 'Equals', Operands: ['ContinueLooping'] } },
          { NextAction: 'goodbye', Condition: { Operator: 'Equals', Operands: ['DoneLooping'] } },
        ],
      },
    });
  });

  it('checks hours of operation with exactly the True and False conditions', () => {
    expect(view(fixture('inbound-menu.json')).action('hours')).toEqual({
      Parameters: { HoursOfOperationId: `${ARN}/operating-hours/00000000-0000-4000-8000-000000000002` },
      Identifier: 'hours',
      Type: 'CheckHoursOfOperation',
      Transitions: {
        NextAction: 'goodbye',
        Conditions: [
          { NextAction: 'menu', Condition: { Operator: 'Equals', Operands: ['True'] } },
          { NextAction: 'closed', Condition: { Operator: 'Equals', Operands: ['False'] } },
        ],
        Errors: [{ NextAction: 'goodbye', ErrorType: 'NoMatchingError' }],
      },
    });
  });

  it.each([
    ['Available', 'NumberOfAgentsAvailable'],
    ['Staffed', 'NumberOfAgentsStaffed'],
    ['Online', 'NumberOfAgentsOnline'],
  ])('checks staffing status %s as CheckMetricData %s greater than 0', (status, metric) => {
    const { converted } = convertModule({
      id: 'm',
      type: 'CheckStaffing',
      parameters: [p('Status', status)],
      branches: [br('True', 'a'), br('False', 'b'), br('Error', 'c')],
    });
    expect(converted).toEqual({
      Parameters: { MetricType: metric },
      Identifier: 'm',
      Type: 'CheckMetricData',
      Transitions: {
        NextAction: 'c',
        Conditions: [{ NextAction: 'a', Condition: { Operator: 'NumberGreaterThan', Operands: ['0'] } }],
        Errors: [
          { NextAction: 'b', ErrorType: 'NoMatchingCondition' },
          { NextAction: 'c', ErrorType: 'NoMatchingError' },
        ],
      },
    });
  });

  it('checks queue time in seconds, converting the legacy milliseconds', () => {
    const { converted } = convertModule({
      id: 'm',
      type: 'CheckQueueStatus',
      branches: [
        br('CheckQueueTime', 'a', { conditionType: 'LessThan', conditionValue: 300000 }),
        br('NoMatch', 'b'),
        br('Error', 'c'),
      ],
    });
    expect(converted.Parameters).toEqual({ MetricType: 'OldestContactInQueueAgeSeconds' });
    expect(converted.Transitions.Conditions).toEqual([
      { NextAction: 'a', Condition: { Operator: 'NumberLessThan', Operands: ['300'] } },
    ]);
  });

  it('loads queue metrics with GetMetricData', () => {
    const { converted, meta } = convertModule({
      id: 'm',
      type: 'GetMetricData',
      parameters: [p('Queue', `${ARN}/queue/q`, { namespace: null, resourceName: 'Support' })],
      branches: [br('Success', 'a'), br('Error', 'b')],
    });
    expect(converted.Parameters).toEqual({ QueueId: `${ARN}/queue/q` });
    expect(meta('m').parameters).toEqual({ QueueId: { displayName: 'Support' } });
  });

  it('waits with the export spelling TimeLimitSeconds and the CustomerReturned event', () => {
    const { converted } = convertModule({
      id: 'm',
      type: 'Wait',
      parameters: [p('TimeoutSeconds', '300'), p('InterruptOnCustomerReturn', 'true')],
      branches: [br('CustomerReturn', 'a'), br('Timeout', 'b'), br('Error', 'c')],
    });
    expect(converted).toEqual({
      Parameters: { TimeLimitSeconds: '300', Events: ['CustomerReturned'] },
      Identifier: 'm',
      Type: 'Wait',
      Transitions: {
        NextAction: 'c',
        Conditions: [
          { NextAction: 'a', Condition: { Operator: 'Equals', Operands: ['CustomerReturned'] } },
          { NextAction: 'b', Condition: { Operator: 'Equals', Operands: ['WaitCompleted'] } },
        ],
        Errors: [{ NextAction: 'c', ErrorType: 'NoMatchingError' }],
      },
    });
  });
});

describe('settings and integrations', () => {
  it('sets static and dynamic contact attributes on the current contact', () => {
    expect(view(fixture('inbound-menu.json')).action('remember-choice').Parameters).toEqual({
      Attributes: {
        choice: 'sales',
        caller: '$.CustomerEndpoint.Address',
        'customer tier': '$.External.tier',
      },
      TargetContact: 'Current',
    });
  });

  it('turns the deprecated Set screen pop block into one contact attribute', () => {
    const { converted } = convertModule({
      id: 'm',
      type: 'SetScreenPop',
      parameters: [p('key', 'card'), p('value', 'Stored customer input', { namespace: 'System' })],
      branches: [br('Success', 'a'), br('Error', 'b')],
    });
    expect(converted.Type).toBe('UpdateContactAttributes');
    expect(converted.Parameters).toEqual({
      Attributes: { card: '$.StoredCustomerInput' },
      TargetContact: 'Current',
    });
  });

  it('invokes Lambda with its time limit in seconds and its parameters as invocation attributes', () => {
    expect(view(fixture('inbound-menu.json')).action('lookup')).toEqual({
      Parameters: {
        LambdaFunctionARN: 'arn:aws:lambda:us-east-1:111122223333:function:account-lookup',
        InvocationTimeLimitSeconds: '5',
        LambdaInvocationAttributes: { phone: '$.CustomerEndpoint.Address', source: 'ivr' },
      },
      Identifier: 'lookup',
      Type: 'InvokeLambdaFunction',
      Transitions: {
        NextAction: 'check-tier',
        Errors: [{ NextAction: 'goodbye', ErrorType: 'NoMatchingError' }],
      },
    });
    const old = convertModule({
      id: 'm',
      type: 'InvokeExternal',
      parameters: [p('FunctionArn', 'arn:x'), p('TimeLimit', '3')],
    });
    expect(old.converted.Type).toBe('InvokeLambdaFunction');
  });

  it('leaves the function of a Lambda block saved without one empty, with a note', () => {
    const { converted, notes } = convertModule({
      id: 'm',
      type: 'InvokeExternalResource',
      target: 'Lambda',
      parameters: [p('FunctionArn', null, { namespace: null }), p('TimeLimit', '3')],
      branches: [br('Success', 'a')],
    });
    expect(converted.Parameters).toEqual({ LambdaFunctionARN: '', InvocationTimeLimitSeconds: '3' });
    expect(notes).toMatchObject([
      { code: 'LEGACY_PARAMETER_DROPPED', actionId: 'm', path: '/modules/0/parameters/0' },
    ]);
  });

  it('enables logging with no error branch, as UpdateFlowLoggingBehavior allows none', () => {
    expect(view(fixture('inbound-menu.json')).action('enable-logging')).toEqual({
      Parameters: { FlowLoggingBehavior: 'Enabled' },
      Identifier: 'enable-logging',
      Type: 'UpdateFlowLoggingBehavior',
      Transitions: { NextAction: 'welcome' },
    });
  });

  it('sets the voice, engine and speaking style', () => {
    const { converted } = convertModule({
      id: 'm',
      type: 'SetVoice',
      parameters: [p('GlobalVoice', 'Joanna'), p('GlobalEngine', 'Neural'), p('SpeakingStyle', 'None')],
      branches: [br('Success', 'a')],
    });
    expect(converted.Parameters).toEqual({
      TextToSpeechVoice: 'Joanna',
      TextToSpeechEngine: 'Neural',
      TextToSpeechStyle: 'None',
    });
  });

  it.each([
    ['Enable', 'Both', ['Agent', 'Customer']],
    ['Enable', 'Agent', ['Agent']],
    ['Enable', 'Customer', ['Customer']],
    ['Disable', 'Both', []],
  ])('records with option %s for %s as RecordedParticipants %j', (option, who, participants) => {
    const { converted } = convertModule({
      id: 'm',
      type: 'SetRecordingBehavior',
      parameters: [p('RecordingBehaviorOption', option), p('RecordingParticipantOption', who)],
      branches: [br('Success', 'a')],
    });
    expect(converted.Parameters).toEqual({ RecordingBehavior: { RecordedParticipants: participants } });
  });

  it('carries Contact Lens analytics settings', () => {
    const { converted, codes } = convertModule({
      id: 'm',
      type: 'SetRecordingBehavior',
      parameters: [
        p('RecordingBehaviorOption', 'Enable'),
        p('RecordingParticipantOption', 'Both'),
        p('AnalyticsBehaviorOption', 'Enable'),
        p('AnalyticsLanguageLocaleCode', 'en-US', { namespace: null }),
        p('AnalyticsCustomVocabulary', 'None'),
        p('AnalyticsRedactionOption', 'Enable'),
        p('AnalyticsRedactionPolicy', 'RedactedAndOriginal', { namespace: null }),
        p('AnalyticsMode', 'RealTime'),
      ],
      branches: [br('Success', 'a')],
    });
    expect(codes).toEqual([]);
    expect(converted.Parameters.AnalyticsBehavior).toEqual({
      Enabled: 'True',
      AnalyticsMode: 'RealTime',
      AnalyticsLanguage: 'en-US',
      AnalyticsRedactionBehavior: 'Enabled',
      AnalyticsRedactionResults: 'RedactedAndOriginal',
    });
  });

  it.each([
    ['StartMediaStreaming', 'Enabled'],
    ['StopMediaStreaming', 'Disabled'],
  ])('turns %s into UpdateContactMediaStreamingBehavior %s', (type, state) => {
    const { converted } = convertModule({
      id: 'm',
      type,
      parameters: [p('Track', 'FromCustomer'), p('Track', 'ToCustomer'), p('MediaStreamTypes', 'Audio')],
      branches: [br('Success', 'a'), br('Error', 'b')],
    });
    expect(converted.Parameters).toEqual({
      MediaStreamingState: state,
      MediaStreamType: 'Audio',
      Participants: [{ ParticipantType: 'Customer', MediaDirections: ['From', 'To'] }],
    });
  });

  it.each([
    ['Disconnect', 'DisconnectParticipant'],
    ['Resume', 'EndFlowExecution'],
  ])('turns %s into the terminal %s with empty Transitions', (type, modern) => {
    const { converted, notes } = convertModule({ id: 'm', type, branches: [] });
    expect(converted).toEqual({ Parameters: {}, Identifier: 'm', Type: modern, Transitions: {} });
    expect(notes).toEqual([]);
  });
});

describe('what cannot be converted', () => {
  const v = view(fixture('malformed.json'));
  const at = (path: string): LegacyNote[] => v.notes.filter((n) => n.path === path);

  it('does not throw on malformed input and keeps every usable module', () => {
    expect(v.actions.map((a) => a.Identifier)).toEqual(['ok', 'odd-block', 'broken-lists', 'end']);
  });

  it('keeps an unknown block under its own type, with its parameters and the original module', () => {
    expect(v.action('odd-block')).toEqual({
      Parameters: { Destination: 'Mars' },
      Identifier: 'odd-block',
      Type: 'SetTeleporter',
      Transitions: { NextAction: 'end', Errors: [{ NextAction: 'end', ErrorType: 'NoMatchingError' }] },
    });
    expect(at('/modules/1')).toMatchObject([{ code: 'LEGACY_MODULE_UNKNOWN', actionId: 'odd-block' }]);
    expect(at('/modules/1/branches/2')).toMatchObject([{ code: 'LEGACY_BRANCH_UNKNOWN' }]);
    expect(v.meta('odd-block').legacyModule).toMatchObject({ type: 'SetTeleporter' });
  });

  it('notes parameters and branches it drops, pointing into the legacy input', () => {
    expect(at('/modules/0/parameters/2')).toMatchObject([
      { code: 'LEGACY_PARAMETER_DROPPED', actionId: 'ok' },
    ]);
    expect(at('/modules/0/parameters/3')).toMatchObject([{ code: 'LEGACY_PARAMETER_DROPPED' }]);
    expect(at('/modules/0/branches/1')).toMatchObject([{ code: 'LEGACY_BRANCH_UNKNOWN' }]);
    expect(v.action('ok').Transitions).toEqual({ NextAction: 'odd-block' });
  });

  it('skips modules without an id, duplicates and non-objects with a note', () => {
    expect(at('/modules/2')).toMatchObject([{ code: 'LEGACY_MODULE_UNKNOWN' }]);
    expect(at('/modules/3')).toMatchObject([{ code: 'LEGACY_MODULE_UNKNOWN' }]);
    expect(at('/modules/6')).toMatchObject([{ code: 'LEGACY_MODULE_UNKNOWN', actionId: 'end' }]);
  });

  it('notes branches and parameters that are not lists', () => {
    expect(at('/modules/4/branches')).toMatchObject([{ code: 'LEGACY_BRANCH_UNKNOWN' }]);
    expect(at('/modules/4/parameters')).toMatchObject([{ code: 'LEGACY_PARAMETER_DROPPED' }]);
    expect(v.action('broken-lists').Parameters).toEqual({ Attributes: {}, TargetContact: 'Current' });
  });

  it('keeps a terminal block terminal and notes the branch it drops', () => {
    expect(v.action('end').Transitions).toEqual({});
    expect(at('/modules/5/branches/0')).toMatchObject([{ code: 'LEGACY_BRANCH_UNKNOWN' }]);
  });

  it('survives documents whose modules are not a list', () => {
    for (const doc of [{ modules: 'x' }, { modules: null, start: 'a' }, null, 'text']) {
      const { flow, notes } = convertLegacy(doc as unknown as LegacyDocument);
      expect(flow.Actions).toEqual([]);
      expect(notes).toMatchObject([{ code: 'LEGACY_MODULE_UNKNOWN', path: '/modules' }]);
    }
  });

  it('treats prototype names in the input as plain data', () => {
    const { converted, notes } = convertModule({
      id: 'm',
      type: 'SetAttributes',
      parameters: [
        p('Attribute', 'x', { key: '__proto__' }),
        p('constructor', 'y'),
        p('Attribute', 'z', { key: 'toString' }),
      ],
      branches: [
        br('toString', 'a'),
        br('Evaluate', 'b', { conditionType: 'constructor', conditionValue: '1' }),
      ],
    });
    const attributes = converted.Parameters.Attributes as Json;
    expect(Object.keys(attributes)).toEqual(['__proto__', 'toString']);
    expect(Object.getPrototypeOf(attributes)).toBe(Object.prototype);
    expect(notes.map((n) => n.code)).toEqual([
      'LEGACY_PARAMETER_DROPPED',
      'LEGACY_BRANCH_UNKNOWN',
      'LEGACY_BRANCH_UNKNOWN',
    ]);
    expect(convertModule({ id: 'm', type: 'constructor' }).codes).toEqual(['LEGACY_MODULE_UNKNOWN']);
  });

  it('uses only the three legacy note codes', () => {
    for (const n of v.notes)
      expect(['LEGACY_MODULE_UNKNOWN', 'LEGACY_PARAMETER_DROPPED', 'LEGACY_BRANCH_UNKNOWN']).toContain(
        n.code,
      );
  });
});

describe('the mapping table', () => {
  it('maps every legacy block to a documented or observed 2019-10-30 action type', () => {
    for (const type of legacyTargetTypes()) {
      expect(['documented', 'observed'], type).toContain(getBlock(type)?.status);
    }
  });

  it('has an entry for each of the 36 legacy block types seen in real exports', () => {
    expect(Object.keys(LEGACY_RULES)).toHaveLength(36);
  });
});

describe.skipIf(!hasCorpus)('the legacy corpus (../shared/corpus/legacy)', () => {
  const files = corpusFiles().filter((f) => f.kind === 'legacy');
  const converted = files.map(({ file, bytes }) => {
    const doc = JSON.parse(bytes.toString('utf8')) as LegacyDocument;
    return { file, doc, ...view(doc) };
  });
  const targets = legacyTargetTypes();

  it('is all recognised as legacy and converts without throwing', () => {
    expect(files.length).toBeGreaterThanOrEqual(84);
    for (const c of converted) expect(isLegacyDocument(c.doc), c.file).toBe(true);
  });

  it('leaves no legacy block type behind and raises no LEGACY_MODULE_UNKNOWN note', () => {
    for (const c of converted) {
      expect(
        c.notes.filter((n) => n.code === 'LEGACY_MODULE_UNKNOWN'),
        c.file,
      ).toEqual([]);
      for (const a of c.actions)
        expect(targets.has(a.Type), `${c.file} ${a.Identifier} ${a.Type}`).toBe(true);
    }
  });

  it('keeps every module as an action with its id, position and the flow name and type', () => {
    for (const c of converted) {
      expect(
        c.actions.map((a) => a.Identifier),
        c.file,
      ).toEqual(c.doc.modules.map((m) => m.id));
      for (const m of c.doc.modules) expect(c.meta(m.id).position, c.file).toEqual(m.metadata?.position);
      expect(c.metadata.name, c.file).toBe(c.doc.metadata?.name);
      expect(c.metadata.type, c.file).toBe(c.doc.metadata?.type);
      expect(c.metadata.entryPointPosition, c.file).toEqual(c.doc.metadata?.entryPointPosition);
    }
  });

  it('points StartAction and every transition at an action of the flow', () => {
    for (const c of converted) {
      const ids = new Set(c.actions.map((a) => a.Identifier));
      expect(ids.has(c.flow.StartAction as string), c.file).toBe(true);
      for (const a of c.actions) {
        const t = a.Transitions;
        const targetsOf = [t.NextAction, ...(t.Conditions ?? []), ...(t.Errors ?? [])].map((x) =>
          typeof x === 'object' && x ? x.NextAction : x,
        );
        for (const target of targetsOf.filter((x) => x !== undefined))
          expect(ids.has(target as string), `${c.file} ${a.Identifier}`).toBe(true);
      }
    }
  });

  it('writes numbers and booleans as strings, as Connect exports do', () => {
    const leaves = (v: unknown): unknown[] =>
      v && typeof v === 'object' ? Object.values(v as Json).flatMap(leaves) : [v];
    for (const c of converted) {
      for (const a of c.actions)
        for (const leaf of leaves(a.Parameters))
          expect(typeof leaf, `${c.file} ${a.Identifier}`).toBe('string');
    }
  });

  it('carries every resource name into ActionMetadata display names', () => {
    let names = 0;
    for (const c of converted) {
      c.doc.modules.forEach((m) => {
        for (const param of m.parameters ?? []) {
          if (typeof param.resourceName !== 'string' || param.resourceName === '') continue;
          names++;
          expect(JSON.stringify(c.meta(m.id).parameters ?? {}), `${c.file} ${m.id}`).toContain(
            JSON.stringify({ displayName: param.resourceName }).slice(1, -1),
          );
        }
      });
    }
    expect(names).toBeGreaterThan(50);
  });

  it('reports what it drops, and the figures stay as surveyed', () => {
    const notes = converted.flatMap((c) => c.notes);
    const byCode = Object.fromEntries(
      ['LEGACY_MODULE_UNKNOWN', 'LEGACY_PARAMETER_DROPPED', 'LEGACY_BRANCH_UNKNOWN'].map((code) => [
        code,
        notes.filter((n) => n.code === code).length,
      ]),
    );
    const modules = converted.reduce((sum, c) => sum + c.actions.length, 0);
    console.info(
      `[legacy] ${files.length} files, ${modules} modules converted, notes ${JSON.stringify(byCode)}`,
    );
    // The only notes on the corpus: three Lambda blocks saved with no function selected.
    expect(byCode).toEqual({
      LEGACY_MODULE_UNKNOWN: 0,
      LEGACY_PARAMETER_DROPPED: 3,
      LEGACY_BRANCH_UNKNOWN: 0,
    });
  });
});
