import { describe, expect, it } from 'vitest';
import { flowControlBlocks } from '../src/catalog/blocks/flowControl.js';
import { interactionBlocks } from '../src/catalog/blocks/interaction.js';
import type { BlockSpec, ResultSpec } from '../src/catalog/types.js';
import type { JsonObject } from '../src/model/types.js';
import { corpusActions, parameterErrors } from './support/catalog.js';
import { hasCorpus } from './support/paths.js';

const FLOW_CONTROL_TYPES = [
  'CheckHoursOfOperation',
  'CheckMetricData',
  'CheckOutboundCallStatus',
  'CheckVoiceId',
  'Compare',
  'DistributeByPercentage',
  'EndFlowExecution',
  'GetMetricData',
  'Loop',
  'StartVoiceIdStream',
  'TransferToFlow',
  'UpdateFlowAttributes',
  'UpdateFlowLoggingBehavior',
  'UpdateRoutingCriteria',
  'Wait',
];
const INTERACTION_TYPES = [
  'AssociateContactToCustomerProfile',
  'CreateCallbackContact',
  'CreateCustomerProfile',
  'GetCalculatedAttributesForCustomerProfile',
  'GetCustomerProfile',
  'GetCustomerProfileObject',
  'InvokeLambdaFunction',
  'UpdateCustomerProfile',
];

const SPECS = new Map<string, BlockSpec>(
  [...flowControlBlocks, ...interactionBlocks].map((b) => [b.type, b]),
);

function spec(type: string): BlockSpec {
  const found = SPECS.get(type);
  if (!found) throw new Error(`no catalog entry for ${type}`);
  return found;
}

/** Result and errors of a block for given parameters, after its variant. */
function contract(
  block: BlockSpec,
  params: Record<string, unknown>,
): { result?: ResultSpec; errors: readonly string[] } {
  const v = block.variant?.(params) ?? {};
  const result = v.result === undefined ? block.result : (v.result ?? undefined);
  return { ...(result ? { result } : {}), errors: v.errors ?? block.errors };
}

// Parameters are checked by the real validator (support/catalog.ts), annotations included.
const validate = (type: string, params: JsonObject) => parameterErrors(type, params);
const corpus = corpusActions(new Set(SPECS.keys())).map(({ file, hasUiMetadata, action }) => ({
  file,
  connectSaved: hasUiMetadata,
  action,
}));

/**
 * Real actions whose parameters do not validate, keyed `file#Identifier`. Each is hand-written (no
 * designer metadata, or metadata laid out by a generator) and wrong for Connect, not a gap in the catalog.
 */
const PARAMETER_FAILURES_ALLOWED: Readonly<Record<string, string>> = {
  'modern/636137__treasury-connect-cxai__infra__contact_flows__treasury-main-flow.json#route-bureau':
    'Compare on $.CustomerInput, which is not part of the flow data (see corpus-expectations.json).',
  'embedded/636137__treasury-connect-cxai__infra__scripts__setup-connect-integration.sh@@3205.json#check-input':
    'Hand-written in a shell script (no metadata): Compare on the literal "1" instead of a JSONPath, so it can only ever compare "1".',
};

/**
 * Connect-saved actions whose transitions use an ErrorType or condition the catalog does not allow,
 * keyed `file#Identifier`, with the reason they are not a gap in the catalog.
 */
const TRANSITION_FAILURES_ALLOWED: Readonly<Record<string, string>> = {
  'modern/jpoxcz__vanity-numbers__connect-flows__vanity-inbound.json#invoke-vanity-lambda':
    'Hand-written (metadata copied from the documentation example): a condition with two operands on InvokeLambdaFunction, which has no result.',
  'modern/machine88__vanity-numbers__connect__vanity-contact-flow.json#invoke-vanity':
    'Hand-written (generated grid layout, friendly names): invented Lambda error types; Connect only raises NoMatchingError.',
};

describe('flow-control and interaction block catalog', () => {
  it('has exactly one entry for every flow-control action and interaction', () => {
    expect(flowControlBlocks.map((b) => b.type).sort()).toEqual([...FLOW_CONTROL_TYPES].sort());
    expect(interactionBlocks.map((b) => b.type).sort()).toEqual([...INTERACTION_TYPES].sort());
    for (const b of flowControlBlocks) expect(b.kind).toBe('flowControl');
    for (const b of interactionBlocks) expect(b.kind).toBe('interaction');
  });

  it('marks every entry documented, with flow types, channels, a log name and a label', () => {
    for (const b of SPECS.values()) {
      expect(b.status, b.type).toBe('documented');
      expect(b.flowTypes.length, b.type).toBeGreaterThan(0);
      expect(b.channels.length, b.type).toBeGreaterThan(0);
      expect(b.logModuleType, b.type).not.toBe('');
      expect(b.ui.label, b.type).not.toBe('');
      expect(b.ui.help.endsWith('.'), b.type).toBe(true);
    }
  });

  it('never lists NoMatchingCondition as an error: it follows from having a result', () => {
    for (const b of SPECS.values()) {
      expect(b.errors, b.type).not.toContain('NoMatchingCondition');
      for (const params of [
        {},
        { MetricType: 'NumberOfContactsInQueue' },
        { Events: ['CustomerReturned'] },
      ]) {
        expect(contract(b, params).errors, b.type).not.toContain('NoMatchingCondition');
      }
    }
  });

  it('makes EndFlowExecution the only terminal action', () => {
    expect([...SPECS.values()].filter((b) => b.terminal).map((b) => b.type)).toEqual(['EndFlowExecution']);
  });

  it('gives closed result sets where Connect fixes them', () => {
    expect(spec('CheckHoursOfOperation').result).toMatchObject({
      operators: ['Equals'],
      values: ['True', 'False'],
    });
    expect(spec('Loop').result).toMatchObject({
      operators: ['Equals'],
      values: ['ContinueLooping', 'DoneLooping'],
    });
    expect(spec('CheckOutboundCallStatus').result?.values).toEqual([
      'CallAnswered',
      'VoicemailBeep',
      'VoicemailNoBeep',
      'NotDetected',
    ]);
    expect(spec('Compare').result?.operators).toHaveLength(8);
    expect(spec('Compare').result?.values).toBeUndefined();
    expect(spec('DistributeByPercentage').result?.operators).toEqual(['NumberLessThan']);
    for (const t of [
      'GetCustomerProfile',
      'GetCustomerProfileObject',
      'GetCalculatedAttributesForCustomerProfile',
    ]) {
      expect(spec(t).result, t).toBeUndefined();
    }
  });

  it('accepts the Wait timeout under both names, but not both at once', () => {
    const wait = spec('Wait');
    expect(validate('Wait', { TimeLimitSeconds: '900', Events: ['CustomerReturned'] })).toEqual([]);
    expect(validate('Wait', { TimeoutSeconds: 604800 })).toEqual([]);
    expect(validate('Wait', { TimeLimitSeconds: '$.Attributes.wait' })).toEqual([]);
    expect(validate('Wait', { TimeLimitSeconds: '604801' })).not.toEqual([]);
    expect(validate('Wait', { TimeLimitSeconds: 'wait $.Attributes.x' })).not.toEqual([]);
    expect(wait.atMostOneOf).toContainEqual(['TimeoutSeconds', 'TimeLimitSeconds']);
  });

  it('bounds Loop counts and Lambda timeouts', () => {
    expect(validate('Loop', { LoopCount: '100' })).toEqual([]);
    expect(validate('Loop', { LoopCount: '$.Attributes.tries' })).toEqual([]);
    expect(validate('Loop', { LoopCount: '101' })).not.toEqual([]);
    expect(
      validate('InvokeLambdaFunction', { LambdaFunctionARN: 'arn', InvocationTimeLimitSeconds: '8' }),
    ).toEqual([]);
    expect(
      validate('InvokeLambdaFunction', { LambdaFunctionARN: 'arn', InvocationTimeLimitSeconds: '61' }),
    ).not.toEqual([]);
    expect(
      validate('InvokeLambdaFunction', {
        LambdaFunctionARN: 'arn',
        InvocationTimeLimitSeconds: '$.Attributes.t',
      }),
    ).not.toEqual([]);
  });

  it('requires Compare to compare one whole JSONPath', () => {
    expect(validate('Compare', { ComparisonValue: '$.Attributes.lang' })).toEqual([]);
    expect(validate('Compare', { ComparisonValue: 'lang' })).not.toEqual([]);
    expect(validate('Compare', {})).not.toEqual([]);
  });
});

describe('parameter-dependent contracts (variant)', () => {
  it('lets Check staffing compare only NumberGreaterThan 0', () => {
    const block = spec('CheckMetricData');
    for (const metric of ['NumberOfAgentsAvailable', 'NumberOfAgentsStaffed', 'NumberOfAgentsOnline']) {
      const { result, errors } = contract(block, { MetricType: metric });
      expect(result?.operators, metric).toEqual(['NumberGreaterThan']);
      expect(new RegExp(result?.operandPattern ?? '').test('0'), metric).toBe(true);
      expect(new RegExp(result?.operandPattern ?? '').test('1'), metric).toBe(false);
      expect(errors).toEqual(['NoMatchingError']);
    }
  });

  it('lets Check queue status use Equals and every Number operator', () => {
    const block = spec('CheckMetricData');
    for (const metric of ['OldestContactInQueueAgeSeconds', 'NumberOfContactsInQueue']) {
      const { result } = contract(block, { MetricType: metric });
      expect(result?.operators, metric).toEqual([
        'Equals',
        'NumberGreaterThan',
        'NumberGreaterOrEqualTo',
        'NumberLessThan',
        'NumberLessOrEqualTo',
      ]);
      expect(result?.values).toBeUndefined();
      expect(new RegExp(result?.operandPattern ?? '').test('300'), metric).toBe(true);
    }
    expect(contract(block, {}).result).toBe(block.result);
  });

  it('makes Wait branch on WaitCompleted plus exactly the events it listens for', () => {
    const block = spec('Wait');
    expect(contract(block, { TimeLimitSeconds: '30' })).toEqual({
      result: expect.objectContaining({ values: ['WaitCompleted'] }),
      errors: ['NoMatchingError'],
    });
    expect(contract(block, { Events: ['CustomerReturned'] }).result?.values).toEqual([
      'WaitCompleted',
      'CustomerReturned',
    ]);
    const bot = contract(block, { Events: ['BotParticipantDisconnected'] });
    expect(bot.result?.values).toEqual(['WaitCompleted', 'BotParticipantDisconnected']);
    expect(bot.errors).toEqual(['NoMatchingError', 'ParticipantNotFound']);
  });

  it('gives Check Voice ID the results of the chosen check', () => {
    const block = spec('CheckVoiceId');
    expect(contract(block, { CheckVoiceIdOption: 'enrollmentStatus' }).result?.values).toEqual([
      'Enrolled',
      'NotEnrolled',
      'OptedOut',
    ]);
    expect(contract(block, { CheckVoiceIdOption: 'voiceAuthentication' }).result?.values).toEqual([
      'Authenticated',
      'NotAuthenticated',
      'Inconclusive',
      'NotEnrolled',
      'OptedOut',
    ]);
    expect(contract(block, { CheckVoiceIdOption: 'fraudDetection' }).result?.values).toEqual([
      'HighRisk',
      'LowRisk',
      'Inconclusive',
    ]);
    expect(contract(block, { CheckVoiceIdOption: 'somethingElse' }).result).toBe(block.result);
    for (const option of ['enrollmentStatus', 'voiceAuthentication', 'fraudDetection']) {
      expect(contract(block, { CheckVoiceIdOption: option }).result?.operators).toEqual(['Equals']);
    }
  });
});

describe.skipIf(!hasCorpus)('real exports in the corpus', () => {
  it('finds actions of every frequently exported type', () => {
    const types = new Set(corpus.map((c) => c.action.Type));
    for (const t of [
      'Compare',
      'InvokeLambdaFunction',
      'Loop',
      'TransferToFlow',
      'EndFlowExecution',
      'Wait',
    ]) {
      expect(types, t).toContain(t);
    }
    expect(corpus.length).toBeGreaterThan(500);
  });

  it('validates the parameters of every action against its schema', () => {
    const failures: Record<string, string[]> = {};
    for (const { file, action } of corpus) {
      const errors = validate(action.Type, action.Parameters ?? {});
      if (errors.length > 0) failures[`${file}#${action.Identifier}`] = errors;
    }
    expect(Object.keys(failures).sort(), JSON.stringify(failures, null, 1)).toEqual(
      Object.keys(PARAMETER_FAILURES_ALLOWED).sort(),
    );
  });

  it('routes Connect-saved actions only on error types and conditions the catalog allows', () => {
    const failures: Record<string, string[]> = {};
    for (const { file, connectSaved, action } of corpus) {
      if (!connectSaved) continue;
      const { result, errors } = contract(spec(action.Type), action.Parameters ?? {});
      const allowed = new Set([...errors, ...(result ? ['NoMatchingCondition'] : [])]);
      const problems: string[] = [];
      for (const e of action.Transitions?.Errors ?? []) {
        if (!allowed.has(e.ErrorType ?? '')) problems.push(`error ${e.ErrorType}`);
      }
      for (const c of action.Transitions?.Conditions ?? []) {
        const op = c.Condition?.Operator ?? '';
        const operand = String(c.Condition?.Operands?.[0] ?? '');
        if (!result) problems.push(`condition on an action without result: ${op} ${operand}`);
        else if (!result.operators.includes(op as never)) problems.push(`operator ${op}`);
        else if (result.values && !result.values.includes(operand)) problems.push(`operand ${operand}`);
        else if (result.operandPattern && !new RegExp(result.operandPattern).test(operand))
          problems.push(`operand ${operand}`);
      }
      if (problems.length > 0) failures[`${file}#${action.Identifier}`] = problems;
    }
    expect(Object.keys(failures).sort(), JSON.stringify(failures, null, 1)).toEqual(
      Object.keys(TRANSITION_FAILURES_ALLOWED).sort(),
    );
  });
});
