import { describe, expect, it } from 'vitest';
import { generateFlow } from '../bench/generate.js';
import type { Code } from '../src/diagnostics/codes.js';
import { loadFlow } from '../src/load.js';

type Action = Record<string, unknown>;
const flow = (actions: Action[], extra: Record<string, unknown> = {}) => ({
  Version: '2019-10-30',
  StartAction: (actions[0]?.Identifier as string) ?? 'start',
  Actions: actions,
  ...extra,
});
const bye: Action = { Parameters: {}, Identifier: 'bye', Type: 'DisconnectParticipant', Transitions: {} };
const codes = (doc: unknown, opts = {}) => loadFlow({ json: doc }, opts).diagnostics.map((d) => d.code);
const errorCodes = (doc: unknown) =>
  loadFlow({ json: doc })
    .diagnostics.filter((d) => d.severity === 'error')
    .map((d) => d.code);

const compare = (operator: string, operand: string): Action => ({
  Parameters: { ComparisonValue: '$.Attributes.tier' },
  Identifier: 'check',
  Type: 'Compare',
  Transitions: {
    NextAction: 'bye',
    Conditions: [{ NextAction: 'bye', Condition: { Operator: operator, Operands: [operand] } }],
    Errors: [{ NextAction: 'bye', ErrorType: 'NoMatchingCondition' }],
  },
});

describe('validating flows the way Connect does', () => {
  it('treats $end as the end of the flow and "" as an unconnected branch', () => {
    const play = (next: string): Action => ({
      Parameters: { Text: 'Hi' },
      Identifier: 'play',
      Type: 'MessageParticipant',
      Transitions: { NextAction: next },
    });
    expect(codes(flow([play('$end'), bye]))).toEqual(['ACTION_UNREACHABLE']);
    expect(codes(flow([play(''), bye]))).toEqual(['TRANSITION_UNCONNECTED', 'ACTION_UNREACHABLE']);
    expect(codes(flow([play('nowhere'), bye]))).toContain('TRANSITION_TARGET_DANGLING');
  });

  it('warns about a draft whose entry point is not connected', () => {
    // Every action is unreachable then; saying so for each would bury the one thing to fix.
    expect(codes(flow([bye], { StartAction: '' }))).toEqual(['START_ACTION_UNCONNECTED']);
  });

  it('lets a condition compare with an attribute, but only one in the flow data', () => {
    expect(errorCodes(flow([compare('NumberGreaterThan', '$.Attributes.limit'), bye]))).toEqual([]);
    expect(codes(flow([compare('NumberGreaterThan', '$.Nope.limit'), bye]))).toContain(
      'CONDITION_OPERAND_INVALID',
    );
    expect(codes(flow([compare('NumberGreaterThan', 'lots'), bye]))).toContain('CONDITION_OPERAND_INVALID');
  });

  it('rejects operators outside the flow language and ones the action does not allow', () => {
    expect(codes(flow([compare('NotEquals', 'x'), bye]))).toContain('CONDITION_OPERATOR_UNKNOWN');
    const menu: Action = {
      Parameters: { Text: 'Press 1', StoreInput: 'False', InputTimeLimitSeconds: '5' },
      Identifier: 'menu',
      Type: 'GetParticipantInput',
      Transitions: {
        NextAction: 'bye',
        Conditions: [{ NextAction: 'bye', Condition: { Operator: 'TextContains', Operands: ['1'] } }],
      },
    };
    expect(codes(flow([menu, bye]))).toContain('CONDITION_OPERATOR_NOT_ALLOWED');
  });

  it('knows what a block produces for its parameters (stored input has no conditions)', () => {
    const stored: Action = {
      Parameters: {
        Text: 'Your number?',
        StoreInput: 'True',
        InputTimeLimitSeconds: '5',
        InputValidation: { CustomValidation: { MaximumLength: '10' } },
      },
      Identifier: 'ask',
      Type: 'GetParticipantInput',
      Transitions: {
        NextAction: 'bye',
        Conditions: [{ NextAction: 'bye', Condition: { Operator: 'Equals', Operands: ['1'] } }],
        Errors: [{ NextAction: 'bye', ErrorType: 'InvalidPhoneNumber' }],
      },
    };
    const found = codes(flow([stored, bye]));
    expect(found).toContain('CONDITION_NOT_ALLOWED');
    expect(found).toContain('ERROR_TYPE_NOT_RAISED');
  });

  it('requires InputValidation when digits are stored, and an event hook when setting one', () => {
    const stored: Action = {
      Parameters: { Text: 'Number?', StoreInput: 'True' },
      Identifier: 'ask',
      Type: 'GetParticipantInput',
      Transitions: { NextAction: 'bye' },
    };
    expect(errorCodes(flow([stored, bye]))).toEqual(['PARAM_MISSING']);
    const hook: Action = {
      Parameters: {},
      Identifier: 'hook',
      Type: 'UpdateContactEventHooks',
      Transitions: { NextAction: 'bye' },
    };
    expect(errorCodes(flow([hook, bye]))).toEqual(['PARAM_ONE_OF_MISSING']);
  });

  it('checks JSONPath levels: static, whole path, path only', () => {
    const logging = (v: string): Action => ({
      Parameters: { FlowLoggingBehavior: v },
      Identifier: 'log',
      Type: 'UpdateFlowLoggingBehavior',
      Transitions: { NextAction: 'bye' },
    });
    expect(codes(flow([logging('$.Attributes.mode'), bye]))).toContain('PARAM_MUST_BE_STATIC');
    const queue = (v: string): Action => ({
      Parameters: { QueueId: v },
      Identifier: 'q',
      Type: 'UpdateContactTargetQueue',
      Transitions: { NextAction: 'bye' },
    });
    expect(errorCodes(flow([queue('$.Attributes.queue'), bye]))).toEqual([]);
    expect(codes(flow([queue('queue $.Attributes.queue'), bye]))).toContain('PARAM_JSONPATH_NOT_WHOLE');
    expect(codes(flow([queue('$.Attributes[?(@.x)]'), bye]))).toContain('JSONPATH_INVALID');
    expect(codes(flow([queue('$.BadValue'), bye]))).toContain('JSONPATH_UNKNOWN_NAMESPACE');
    const cb = (v: string): Action => ({
      Parameters: { CallbackNumber: v },
      Identifier: 'cb',
      Type: 'UpdateContactCallbackNumber',
      Transitions: { NextAction: 'bye' },
    });
    expect(codes(flow([cb('+15550100'), bye]))).toContain('PARAM_MUST_BE_JSONPATH');
    expect(errorCodes(flow([cb('$.StoredCustomerInput'), bye]))).toEqual([]);
  });

  it('treats template placeholders anywhere as one warning, not as type or range errors', () => {
    // Placeholders as CloudFormation's Fn::Sub leaves them.
    const loop: Action = {
      Parameters: { LoopCount: ['$', '{retries}'].join('') },
      Identifier: ['$', '{prefix}-loop'].join(''),
      Type: 'Loop',
      Transitions: {
        NextAction: 'bye',
        Conditions: ['ContinueLooping', 'DoneLooping'].map((v) => ({
          NextAction: 'bye',
          Condition: { Operator: 'Equals', Operands: [v] },
        })),
      },
    };
    const found = loadFlow({ json: flow([loop, bye]) }).diagnostics;
    expect(found.map((d) => [d.code, d.severity])).toEqual([
      ['REFERENCE_PLACEHOLDER', 'warning'],
      ['REFERENCE_PLACEHOLDER', 'warning'],
    ]);
  });

  it('warns about an action outside its flow types only when the flow type is known', () => {
    const loop: Action = {
      Parameters: { Messages: [{ Text: 'Please hold' }] },
      Identifier: 'music',
      Type: 'MessageParticipantIteratively',
      Transitions: {},
    };
    expect(codes(flow([loop]))).toEqual([]);
    expect(codes(flow([loop], { Metadata: { type: 'contactFlow' } }))).toEqual([
      'ACTION_NOT_ALLOWED_IN_FLOW_TYPE',
    ]);
    expect(codes(flow([loop]), { flowType: 'CUSTOMER_QUEUE' })).toEqual([]);
    expect(codes(flow([loop], { Metadata: { type: 'someday' } }))).toEqual(['FLOW_TYPE_UNKNOWN']);
  });

  it("warns past Connect's limits and refuses past Parley's", () => {
    const at = (n: number) => codes(generateFlow(n)).filter((c) => c.startsWith('DOC_')) as Code[];
    expect(at(250)).toEqual([]);
    expect(at(251)).toContain('DOC_OVER_CONNECT_ACTION_LIMIT');
    expect(at(5000)).not.toContain('DOC_TOO_MANY_ACTIONS');
    expect(at(5001)).toEqual(['DOC_TOO_MANY_ACTIONS']);
  });

  it('keeps an unknown action, warns, and still checks where it goes', () => {
    const odd: Action = {
      Parameters: {},
      Identifier: 'odd',
      Type: 'TeleportCaller',
      Transitions: { NextAction: 'gone' },
    };
    const found = loadFlow({ json: flow([odd]) });
    expect(found.diagnostics.map((d) => [d.code, d.severity])).toEqual([
      ['TRANSITION_TARGET_DANGLING', 'error'],
      ['ACTION_TYPE_UNKNOWN', 'warning'],
    ]);
    expect(found.roundTrip).toBe(true);
  });
});
