import { describe, expect, it } from 'vitest';
import { type Outcome, selectTransition } from '../../src/index.js';
import { action, contact } from './support.js';

const menu = action({
  Type: 'GetParticipantInput',
  Transitions: {
    NextAction: 'default',
    Conditions: [
      { NextAction: 'one', Condition: { Operator: 'Equals', Operands: ['1'] } },
      { NextAction: 'one-again', Condition: { Operator: 'Equals', Operands: ['1'] } },
      { NextAction: 'two', Condition: { Operator: 'Equals', Operands: ['2'] } },
      { NextAction: 'tier', Condition: { Operator: 'Equals', Operands: ['$.Attributes.tier'] } },
    ],
    Errors: [
      { NextAction: 'timeout', ErrorType: 'InputTimeLimitExceeded' },
      { NextAction: 'no-match', ErrorType: 'NoMatchingCondition' },
      { NextAction: 'error', ErrorType: 'NoMatchingError' },
    ],
  },
});

const go = (outcome: Outcome, a = menu, c = contact()) => selectTransition(a.transitions, outcome, c).target;

describe('the transition rule of reference §2.4', () => {
  it('takes the first condition that holds', () => {
    expect(go({ kind: 'condition', value: '1' })).toBe('one');
    expect(go({ kind: 'condition', value: '2' })).toBe('two');
    expect(selectTransition(menu.transitions, { kind: 'condition', value: '1' }, contact()).branch).toEqual({
      kind: 'condition',
      index: 0,
    });
  });

  it('compares with an attribute when the operand is a JSONPath', () => {
    expect(go({ kind: 'condition', value: 'gold' }, menu, contact({ Attributes: { tier: 'gold' } }))).toBe(
      'tier',
    );
    expect(go({ kind: 'condition', value: 'gold' })).toBe('no-match');
  });

  it('takes NoMatchingCondition when no condition holds', () => {
    expect(go({ kind: 'condition', value: '7' })).toBe('no-match');
    expect(go({ kind: 'condition', value: undefined })).toBe('no-match');
  });

  it('falls back to NextAction when there is no NoMatchingCondition branch', () => {
    const a = action({
      Type: 'Compare',
      Transitions: {
        NextAction: 'default',
        Conditions: [{ NextAction: 'x', Condition: { Operator: 'Equals', Operands: ['x'] } }],
      },
    });
    expect(go({ kind: 'condition', value: 'y' }, a)).toBe('default');
  });

  it('takes the error branch of the error type', () => {
    expect(go({ kind: 'error', errorType: 'InputTimeLimitExceeded' })).toBe('timeout');
  });

  it('takes NoMatchingError for an error type without a branch', () => {
    expect(go({ kind: 'error', errorType: 'QueueAtCapacity' })).toBe('error');
    expect(
      selectTransition(menu.transitions, { kind: 'error', errorType: 'Timeout' }, contact()).branch,
    ).toEqual({
      kind: 'error',
      index: 2,
      errorType: 'NoMatchingError',
    });
  });

  it('ends the flow for an error with neither its branch nor NoMatchingError', () => {
    const a = action({ Type: 'MessageParticipant', Transitions: { NextAction: 'next' } });
    expect(go({ kind: 'error', errorType: 'NoMatchingError' }, a)).toBeUndefined();
  });

  it('follows NextAction on plain success, and ends without one', () => {
    expect(go({ kind: 'next' })).toBe('default');
    expect(
      go({ kind: 'next' }, action({ Type: 'MessageParticipant', Transitions: { Errors: [] } })),
    ).toBeUndefined();
  });

  it('ends the flow for an end outcome, an empty Transitions and a missing one', () => {
    expect(go({ kind: 'end', reason: 'disconnect' })).toBeUndefined();
    expect(go({ kind: 'next' }, action({ Type: 'DisconnectParticipant', Transitions: {} }))).toBeUndefined();
    expect(selectTransition(undefined, { kind: 'next' }, contact())).toEqual({
      branch: { kind: 'none' },
      target: undefined,
    });
  });

  it('reads an unconnected branch and $end as the end of the flow', () => {
    const a = action({
      Type: 'Compare',
      Transitions: {
        NextAction: '$end',
        Conditions: [{ NextAction: '', Condition: { Operator: 'Equals', Operands: ['x'] } }],
      },
    });
    expect(go({ kind: 'condition', value: 'x' }, a)).toBeUndefined();
    expect(go({ kind: 'next' }, a)).toBeUndefined();
  });

  it('skips malformed conditions instead of failing on them', () => {
    const a = action({
      Type: 'Compare',
      Transitions: {
        NextAction: 'default',
        Conditions: [
          'junk',
          { NextAction: 'x' },
          { NextAction: 'y', Condition: { Operator: 'Equals', Operands: ['v'] } },
        ],
      },
    });
    expect(go({ kind: 'condition', value: 'v' }, a)).toBe('y');
  });
});
