import { describe, expect, it } from 'vitest';
import {
  applyPatch,
  type Contact,
  decide,
  type EngineEnv,
  getBlock,
  PURE_DECIDERS,
  type StepResult,
} from '../../src/index.js';
import { action, contact, env, QUEUE_ARN } from './support.js';

/** Runs one pure decider on an action of its type; the contact after the step comes back too. */
function step(
  Type: string,
  Parameters: Record<string, unknown>,
  c: Contact = contact(),
  e: EngineEnv = env(),
): StepResult & { after: Contact } {
  const decider = PURE_DECIDERS[Type];
  if (!decider) throw new Error(`no decider for ${Type}`);
  const result = decide(decider, action({ Identifier: 'act', Type, Parameters }), c, e);
  return { ...result, after: applyPatch(c, result.contactPatch) };
}

const NO_MATCH = { kind: 'error', errorType: 'NoMatchingError' };

describe('the pure decider registry', () => {
  it('covers the blocks that need no telephony, each a catalog entry', () => {
    expect(Object.keys(PURE_DECIDERS).sort()).toEqual(
      [
        'CheckHoursOfOperation',
        'Compare',
        'DisconnectParticipant',
        'DistributeByPercentage',
        'EndFlowExecution',
        'EndFlowModuleExecution',
        'Loop',
        'TagContact',
        'UnTagContact',
        'UpdateContactAttributes',
        'UpdateContactCallbackNumber',
        'UpdateContactData',
        'UpdateContactEventHooks',
        'UpdateContactRecordingBehavior',
        'UpdateContactRoutingBehavior',
        'UpdateContactTargetQueue',
        'UpdateContactTextToSpeechVoice',
        'UpdateFlowAttributes',
        'UpdateFlowLoggingBehavior',
      ].sort(),
    );
    for (const type of Object.keys(PURE_DECIDERS)) expect(getBlock(type)?.status).toBe('documented');
  });

  it('ends the flow only for terminal blocks', () => {
    expect(step('DisconnectParticipant', {}).outcome).toEqual({ kind: 'end', reason: 'disconnect' });
    expect(step('EndFlowExecution', {}).outcome).toEqual({ kind: 'end', reason: 'endFlow' });
    expect(step('EndFlowModuleExecution', {}).outcome).toEqual({ kind: 'end', reason: 'endModule' });
    for (const type of ['DisconnectParticipant', 'EndFlowExecution', 'EndFlowModuleExecution'])
      expect(getBlock(type)?.terminal).toBe(true);
  });

  it('logs the parameters resolved against the contact', () => {
    const r = step(
      'UpdateContactTextToSpeechVoice',
      { TextToSpeechVoice: '$.Attributes.voice' },
      contact({ Attributes: { voice: 'Lupe' } }),
    );
    expect(r.log?.parameters).toEqual({ TextToSpeechVoice: 'Lupe' });
  });
});

describe('Compare', () => {
  it('branches on the value its JSONPath resolves to', () => {
    const r = step('Compare', { ComparisonValue: '$.Channel' }, contact({ Channel: 'CHAT' }));
    expect(r.outcome).toEqual({ kind: 'condition', value: 'CHAT' });
    expect(r.log?.results).toBe('CHAT');
  });

  it('yields no value for a missing attribute, so no condition matches', () => {
    expect(step('Compare', { ComparisonValue: '$.Attributes.none' }).outcome).toEqual({
      kind: 'condition',
      value: undefined,
    });
  });

  it('refuses a hostile expression with a code', () => {
    const r = step('Compare', { ComparisonValue: '$..[?(@.x)]' });
    expect(r.outcome).toEqual(NO_MATCH);
    expect(r.log?.results).toMatch(/^ENGINE_PATH_INVALID/);
  });
});

describe('UpdateContactAttributes', () => {
  it('sets static, dynamic and interpolated values on the current contact', () => {
    const c = contact({
      SystemEndpoint: { Address: '+18005550100', Type: 'TELEPHONE_NUMBER' },
      External: { tier: 'gold', first: 'Ana' },
      Attributes: { kept: 'yes' },
    });
    const r = step(
      'UpdateContactAttributes',
      {
        Attributes: {
          ivrEntry: 'main',
          dialed: '$.SystemEndpoint.Address',
          tier: '$.External.tier',
          greeting: 'Hi $.External.first',
        },
        TargetContact: 'Current',
      },
      c,
    );
    expect(r.outcome).toEqual({ kind: 'next' });
    expect(r.after.Attributes).toEqual({
      kept: 'yes',
      ivrEntry: 'main',
      dialed: '+18005550100',
      tier: 'gold',
      greeting: 'Hi Ana',
    });
    expect(r.log?.parameters).toEqual({
      Attributes: { ivrEntry: 'main', dialed: '+18005550100', tier: 'gold', greeting: 'Hi Ana' },
      TargetContact: 'Current',
    });
  });

  it('is all-or-nothing: one value that names nothing sets none', () => {
    const r = step('UpdateContactAttributes', { Attributes: { a: 'x', b: '$.External.missing' } });
    expect(r.outcome).toEqual(NO_MATCH);
    expect(r.contactPatch).toBeUndefined();
    expect(r.log?.results).toMatch(/^ENGINE_VALUE_MISSING/);
  });

  it('sets attributes on the related contact when asked', () => {
    const r = step('UpdateContactAttributes', { Attributes: { survey: 'yes' }, TargetContact: 'Related' });
    expect(r.after.related?.Attributes).toEqual({ survey: 'yes' });
    expect(r.after.Attributes).toEqual({});
  });

  it('takes the error branch past 32 KB of attributes', () => {
    const r = step('UpdateContactAttributes', { Attributes: { big: 'x'.repeat(32768) } });
    expect(r.log?.results).toMatch(/^ENGINE_ATTRIBUTES_TOO_LARGE/);
    expect(step('UpdateContactAttributes', { Attributes: { big: 'x'.repeat(32000) } }).outcome).toEqual({
      kind: 'next',
    });
  });

  it('keeps a key such as __proto__ as an ordinary attribute', () => {
    const r = step('UpdateContactAttributes', { Attributes: JSON.parse('{"__proto__": "x"}') });
    expect(Object.hasOwn(r.after.Attributes, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(r.after.Attributes)).toBe(Object.prototype);
  });

  it('refuses a TargetContact it does not know', () => {
    expect(
      step('UpdateContactAttributes', { Attributes: { a: 'b' }, TargetContact: 'Other' }).outcome,
    ).toEqual(NO_MATCH);
  });
});

describe('UpdateFlowAttributes', () => {
  it('sets flow attributes from their Value objects', () => {
    const c = contact({ Metrics: { Queue: { Size: 4 } } });
    const r = step(
      'UpdateFlowAttributes',
      { FlowAttributes: { callersAhead: { Value: '$.Metrics.Queue.Size' } } },
      c,
    );
    expect(r.after.FlowAttributes).toEqual({ callersAhead: '4' });
    expect(r.after.Attributes).toEqual({});
  });
});

describe('UpdateContactTargetQueue', () => {
  it('sets the working queue by ID, ARN or JSONPath', () => {
    for (const [QueueId, c] of [
      ['q-sales', contact()],
      [QUEUE_ARN, contact()],
      ['$.Attributes.queue', contact({ Attributes: { queue: QUEUE_ARN } })],
    ] as const) {
      const r = step('UpdateContactTargetQueue', { QueueId }, c);
      expect(r.after.targetQueue).toMatchObject({
        name: 'Sales',
        arn: QUEUE_ARN,
        hoursOfOperationId: 'h-office',
      });
      expect(r.log?.parameters).toEqual({ QueueId: QUEUE_ARN });
    }
  });

  it("sets an agent's personal queue from AgentId", () => {
    expect(step('UpdateContactTargetQueue', { AgentId: 'alice' }).after.targetQueue).toMatchObject({
      agentId: 'alice',
    });
  });

  it('takes the error branch for a queue the instance does not have', () => {
    const r = step('UpdateContactTargetQueue', { QueueId: 'q-nope' });
    expect(r.outcome).toEqual(NO_MATCH);
    expect(r.log?.results).toMatch(/^ENGINE_RESOURCE_NOT_FOUND/);
  });
});

describe('UpdateContactCallbackNumber', () => {
  it('accepts an E.164 number from a JSONPath', () => {
    const r = step(
      'UpdateContactCallbackNumber',
      { CallbackNumber: '$.StoredCustomerInput' },
      contact({ StoredCustomerInput: '+15551234567' }),
    );
    expect(r.outcome).toEqual({ kind: 'next' });
    expect(r.after.callbackNumber).toBe('+15551234567');
  });

  it('takes InvalidCallbackNumber for a timeout, a local number or nothing', () => {
    for (const c of [
      contact({ StoredCustomerInput: 'Timeout' }),
      contact({ StoredCustomerInput: '5551234567' }),
      contact(),
    ])
      expect(
        step('UpdateContactCallbackNumber', { CallbackNumber: '$.StoredCustomerInput' }, c).outcome,
      ).toEqual({
        kind: 'error',
        errorType: 'InvalidCallbackNumber',
      });
  });

  it('takes CallbackNumberNotDialable when the instance cannot dial it', () => {
    const e = env(undefined, { isDialable: (n) => n.startsWith('+1') });
    const r = step(
      'UpdateContactCallbackNumber',
      { CallbackNumber: '$.CustomerEndpoint.Address' },
      contact({ CustomerEndpoint: { Address: '+447700900123', Type: 'TELEPHONE_NUMBER' } }),
      e,
    );
    expect(r.outcome).toEqual({ kind: 'error', errorType: 'CallbackNumberNotDialable' });
  });

  it("defaults to the caller's number on a new voice contact", () => {
    expect(
      contact({ CustomerEndpoint: { Address: '+15550001111', Type: 'TELEPHONE_NUMBER' } }).callbackNumber,
    ).toBe('+15550001111');
  });
});

describe('UpdateContactEventHooks', () => {
  const flowArn = 'arn:aws:connect:us-east-1:123456789012:instance/i-1/contact-flow/f-queue';

  it('sets the flow an event runs', () => {
    const r = step('UpdateContactEventHooks', { EventHooks: { CustomerQueue: flowArn } });
    expect(r.after.eventHooks).toEqual({ CustomerQueue: flowArn });
  });

  it('disables and re-enables an event', () => {
    const off = step('UpdateContactEventHooks', {
      EventHooksConfiguration: { CustomerWhisper: { DisableExecution: 'true' } },
    });
    expect(off.after.disabledEventHooks).toEqual(['CustomerWhisper']);
    const on = step(
      'UpdateContactEventHooks',
      { EventHooksConfiguration: { CustomerWhisper: { DisableExecution: 'false' } } },
      off.after,
    );
    expect(on.after.disabledEventHooks).toEqual([]);
  });

  it('takes the error branch for an unknown event or a flow the instance lacks', () => {
    expect(step('UpdateContactEventHooks', { EventHooks: { Lunch: flowArn } }).outcome).toEqual(NO_MATCH);
    const e = env(undefined, { flow: () => undefined });
    expect(
      step('UpdateContactEventHooks', { EventHooks: { CustomerQueue: flowArn } }, contact(), e).outcome,
    ).toEqual(NO_MATCH);
  });
});

describe('UpdateFlowLoggingBehavior', () => {
  it('turns logging on and off', () => {
    const on = step('UpdateFlowLoggingBehavior', { FlowLoggingBehavior: 'Enabled' });
    expect(on.after.logging).toBe(true);
    expect(
      step('UpdateFlowLoggingBehavior', { FlowLoggingBehavior: 'Disabled' }, on.after).after.logging,
    ).toBe(false);
  });
});

describe('UpdateContactTextToSpeechVoice', () => {
  it('sets voice, engine and style, keeping what is not given', () => {
    const r = step('UpdateContactTextToSpeechVoice', {
      TextToSpeechVoice: 'Lupe',
      TextToSpeechEngine: 'Neural',
    });
    expect(r.after.tts).toEqual({ voice: 'Lupe', engine: 'Neural' });
  });

  it('takes the error branch for a voice the runtime cannot speak', () => {
    const e = env(undefined, { isVoice: (v) => v === 'Joanna' });
    expect(
      step('UpdateContactTextToSpeechVoice', { TextToSpeechVoice: 'Klingon' }, contact(), e).outcome,
    ).toEqual(NO_MATCH);
  });
});

describe('UpdateContactData', () => {
  it('sets the language, task fields, references and other contact data', () => {
    const r = step(
      'UpdateContactData',
      {
        LanguageCode: 'es-US',
        Name: 'Callback for $.Attributes.who',
        References: { ticket: { Value: 'T-1', Type: 'STRING' } },
        IsVoiceIdStreamingEnabled: 'true',
        TargetContact: 'Current',
      },
      contact({ Attributes: { who: 'Ana' } }),
    );
    expect(r.after).toMatchObject({
      LanguageCode: 'es-US',
      Name: 'Callback for Ana',
      References: { ticket: { Value: 'T-1', Type: 'STRING' } },
      contactData: { IsVoiceIdStreamingEnabled: 'true' },
    });
  });

  it('refuses a language that is not a language tag', () => {
    expect(step('UpdateContactData', { LanguageCode: 'Spanish' }).outcome).toEqual(NO_MATCH);
  });

  it('sets data on the related contact when asked', () => {
    const r = step('UpdateContactData', { LanguageCode: 'fr-CA', TargetContact: 'Related' });
    expect(r.after.related?.data).toEqual({ LanguageCode: 'fr-CA' });
    expect(r.after.LanguageCode).toBe('en-US');
  });
});

describe('UpdateContactRecordingBehavior', () => {
  it('records who is recorded and the analytics settings, without errors', () => {
    const r = step('UpdateContactRecordingBehavior', {
      RecordingBehavior: { RecordedParticipants: ['Agent', 'Customer'], IVRRecordingBehavior: 'Enabled' },
      AnalyticsBehavior: { Enabled: 'True' },
    });
    expect(r.after.recording).toEqual({
      participants: ['Agent', 'Customer'],
      ivr: 'Enabled',
      analytics: { Enabled: 'True' },
    });
    expect(
      step('UpdateContactRecordingBehavior', { RecordingBehavior: { RecordedParticipants: [] } }, r.after)
        .after.recording.participants,
    ).toEqual([]);
  });
});

describe('UpdateContactRoutingBehavior', () => {
  it('sets priority or age adjustment', () => {
    expect(step('UpdateContactRoutingBehavior', { QueuePriority: '1' }).after.routing).toEqual({
      priority: 1,
      ageAdjustmentSeconds: 0,
    });
    expect(
      step('UpdateContactRoutingBehavior', { QueueTimeAdjustmentSeconds: '300' }).after.routing
        .ageAdjustmentSeconds,
    ).toBe(300);
    expect(step('UpdateContactRoutingBehavior', { QueuePriority: '0' }).outcome).toEqual(NO_MATCH);
  });
});

describe('TagContact and UnTagContact', () => {
  it('adds tags with interpolated values and removes them', () => {
    const tagged = step(
      'TagContact',
      { Tags: { department: 'billing', tier: '$.Attributes.tier' } },
      contact({ Attributes: { tier: 'gold' } }),
    );
    expect(tagged.after.tags).toEqual({ department: 'billing', tier: 'gold' });
    expect(step('UnTagContact', { TagKeys: ['tier', 'absent'] }, tagged.after).after.tags).toEqual({
      department: 'billing',
    });
  });

  it('refuses system tags, a seventh tag and bad keys, all or nothing', () => {
    expect(step('TagContact', { Tags: { 'aws:x': 'y' } }).outcome).toEqual(NO_MATCH);
    expect(step('TagContact', { Tags: { 'bad key!': 'y' } }).outcome).toEqual(NO_MATCH);
    const six = Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`k${i}`, 'v']));
    const full = step('TagContact', { Tags: six });
    expect(full.outcome).toEqual({ kind: 'next' });
    const seventh = step('TagContact', { Tags: { k9: 'v' } }, full.after);
    expect(seventh.outcome).toEqual(NO_MATCH);
    expect(seventh.contactPatch).toBeUndefined();
    expect(step('UnTagContact', { TagKeys: ['aws:connect:x'] }).outcome).toEqual(NO_MATCH);
  });
});
