import { describe, expect, it } from 'vitest';
import { contactBlocks, EVENT_HOOK_TYPES } from '../src/catalog/blocks/contact.js';
import { COMMON_ERROR_TYPES } from '../src/catalog/vocabulary.js';
import type { JsonObject } from '../src/model/types.js';
import { corpusActions, parameterErrors } from './support/catalog.js';
import { hasCorpus } from './support/paths.js';

const CONTACT_ACTIONS = [
  'CompleteOutboundCall',
  'CreateCase',
  'CreateTask',
  'CreateWisdomSession',
  'DequeueContactAndTransferToQueue',
  'EndFlowModuleExecution',
  'GetCase',
  'InvokeFlowModule',
  'StartOutboundChatContact',
  'TagContact',
  'TransferContactToAgent',
  'TransferContactToQueue',
  'UnTagContact',
  'UpdateCase',
  'UpdateContactAttributes',
  'UpdateContactCallbackNumber',
  'UpdateContactData',
  'UpdateContactEventHooks',
  'UpdateContactMediaProcessing',
  'UpdateContactMediaStreamingBehavior',
  'UpdateContactRecordingAndAnalyticsBehavior',
  'UpdateContactRecordingBehavior',
  'ResumeContact',
  'UpdateContactRoutingBehavior',
  'UpdateContactTargetQueue',
  'UpdateContactTextToSpeechVoice',
  'UpdatePreviousContactParticipantState',
];

const specs = new Map(contactBlocks.map((b) => [b.type, b]));
function spec(type: string) {
  const found = specs.get(type);
  if (!found) throw new Error(`no catalog entry for ${type}`);
  return found;
}

const accepts = (type: string, parameters: JsonObject) => parameterErrors(type, parameters).length === 0;
const problems = parameterErrors;

/**
 * Corpus actions known not to validate, keyed `file#Identifier`, with the reason. Only hand-written
 * nonsense belongs here; plausible Connect output means the schema is wrong.
 */
const KNOWN_BAD: ReadonlyMap<string, string> = new Map([]);

describe('contact block catalog', () => {
  it('defines every documented contact action exactly once', () => {
    expect(contactBlocks.map((b) => b.type).sort()).toEqual([...CONTACT_ACTIONS].sort());
    expect(specs.size).toBe(CONTACT_ACTIONS.length);
    for (const b of contactBlocks) {
      expect(b.status, b.type).toBe('documented');
      expect(b.kind, b.type).toBe('contact');
      expect(b.flowTypes.length, b.type).toBeGreaterThan(0);
      expect(b.channels.length, b.type).toBeGreaterThan(0);
      expect(b.ui.help.length, b.type).toBeGreaterThan(0);
    }
  });

  it('produces a result only for InvokeFlowModule, whose return branch conditions test', () => {
    for (const b of contactBlocks)
      if (b.type !== 'InvokeFlowModule') expect(b.result, b.type).toBeUndefined();
    expect(spec('InvokeFlowModule').result?.operators).toEqual(['Equals']);
  });

  it('lists the error types of the reference table', () => {
    expect(spec('TransferContactToQueue').errors).toEqual(['NoMatchingError', 'QueueAtCapacity']);
    expect(spec('DequeueContactAndTransferToQueue').errors).toEqual(['NoMatchingError', 'QueueAtCapacity']);
    expect(spec('UpdateContactCallbackNumber').errors).toEqual([
      'InvalidCallbackNumber',
      'CallbackNumberNotDialable',
    ]);
    expect(spec('UpdateContactRecordingBehavior').errors).toEqual([]);
    expect(spec('UpdateContactRoutingBehavior').errors).toEqual([]);
    expect(spec('GetCase').errors).toEqual([
      'NoMatchingError',
      'ContactNotLinked',
      'MultipleFound',
      'NoneFound',
    ]);
  });

  it('marks only the flow-ending actions terminal', () => {
    const terminal = contactBlocks.filter((b) => b.terminal).map((b) => b.type);
    expect(terminal.sort()).toEqual(['EndFlowModuleExecution', 'TransferContactToAgent']);
  });

  it('restricts modules and module invocation to the right flow types', () => {
    expect(spec('EndFlowModuleExecution').flowTypes).toEqual(['MODULE']);
    expect(spec('InvokeFlowModule').flowTypes).toEqual(['CONTACT_FLOW']);
    expect(spec('DequeueContactAndTransferToQueue').flowTypes).toEqual(['CUSTOMER_QUEUE']);
    expect(spec('UpdateContactTargetQueue').flowTypes).toContain('MODULE');
  });

  it('accepts the string numbers and booleans exports write', () => {
    expect(accepts('UpdateContactRoutingBehavior', { QueuePriority: '3' })).toBe(true);
    expect(accepts('UpdateContactRoutingBehavior', { QueuePriority: 3 })).toBe(true);
    expect(accepts('CreateTask', { ContactFlowId: 'x', DelaySeconds: '120' })).toBe(true);
    expect(accepts('CreateCase', { CaseTemplateId: 't', LinkContactToCase: 'true' })).toBe(true);
    expect(
      accepts('UpdateContactData', { IsVoiceIdStreamingEnabled: 'TRUE', VoiceAuthenticationThreshold: '90' }),
    ).toBe(true);
  });

  it('accepts one event hook and rejects several or unknown event types', () => {
    expect(accepts('UpdateContactEventHooks', { EventHooks: { CustomerQueue: 'arn:flow' } })).toBe(true);
    expect(accepts('UpdateContactEventHooks', { EventHooks: { DefaultAgentUI: '$.Attributes.flow' } })).toBe(
      true,
    );
    expect(
      accepts('UpdateContactEventHooks', { EventHooks: { CustomerQueue: 'a', CustomerHold: 'b' } }),
    ).toBe(false);
    expect(accepts('UpdateContactEventHooks', { EventHooks: { Queue: 'a' } })).toBe(false);
    expect(accepts('UpdateContactEventHooks', { EventHooks: {} })).toBe(false);
    expect(
      accepts('UpdateContactEventHooks', {
        EventHooksConfiguration: { CustomerWhisper: { DisableExecution: 'true' } },
      }),
    ).toBe(true);
    expect(EVENT_HOOK_TYPES).toHaveLength(10);
  });

  it('enforces the queue-or-agent and priority-or-age choices', () => {
    expect(problems('UpdateContactTargetQueue', { QueueId: 'q' })).toEqual([]);
    expect(problems('UpdateContactTargetQueue', { QueueId: 'q', AgentId: 'a' })).not.toEqual([]);
    expect(problems('UpdateContactTargetQueue', {})).not.toEqual([]);
    expect(
      problems('UpdateContactRoutingBehavior', { QueuePriority: '1', QueueTimeAdjustmentSeconds: '60' }),
    ).not.toEqual([]);
  });

  it('rejects values outside a closed set', () => {
    expect(
      accepts('UpdatePreviousContactParticipantState', { PreviousContactParticipantState: 'OnHold' }),
    ).toBe(false);
    expect(accepts('UpdateContactMediaStreamingBehavior', { MediaStreamingState: 'On' })).toBe(false);
    expect(accepts('UpdateContactAttributes', { Attributes: { a: 'b' }, TargetContact: 'Other' })).toBe(
      false,
    );
  });
});

describe.skipIf(!hasCorpus)('contact actions in real exports', () => {
  const actions = corpusActions(new Set(specs.keys())).map(({ file, hasUiMetadata, action }) => ({
    file,
    designerSaved: hasUiMetadata,
    Identifier: action.Identifier,
    Type: action.Type,
    Parameters: action.Parameters ?? {},
    Transitions: action.Transitions ?? {},
  }));

  it('accepts every contact action found in real exports', () => {
    expect(actions.length).toBeGreaterThan(0);
    const failures = new Map<string, string>();
    for (const a of actions) {
      const found = problems(a.Type, a.Parameters);
      if (found.length > 0) failures.set(`${a.file}#${a.Identifier}`, `${a.Type}: ${found.join('; ')}`);
    }
    expect(Object.fromEntries([...failures].filter(([key]) => !KNOWN_BAD.has(key)))).toEqual({});
    expect([...KNOWN_BAD.keys()].filter((key) => !failures.has(key))).toEqual([]);
  });

  it('lists every error type designer-saved exports route on', () => {
    const unlisted = new Set<string>();
    for (const a of actions) {
      if (!a.designerSaved) continue;
      const allowed = new Set<string>([...spec(a.Type).errors, ...COMMON_ERROR_TYPES]);
      for (const e of a.Transitions.Errors ?? []) {
        if (e.ErrorType && !allowed.has(e.ErrorType)) unlisted.add(`${a.Type}: ${e.ErrorType}`);
      }
    }
    expect([...unlisted]).toEqual([]);
  });

  it('finds terminal actions with empty transitions in real exports', () => {
    for (const a of actions) {
      if (spec(a.Type).terminal) expect(a.Transitions, `${a.file}#${a.Identifier}`).toEqual({});
    }
  });
});
