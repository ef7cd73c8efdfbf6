import type { TransitionSet } from '@parley/flow';
import { describe, expect, it } from 'vitest';
import { handleOf } from './diff-branches.js';
import { detectRenames, sameJson } from './diff-renames.js';

const condition = (target: string, operand: string) => ({
  target,
  operator: 'Equals',
  operands: [operand],
  rest: {},
  conditionRest: {},
});
const t = {
  next: 'a',
  conditions: [condition('b', '1'), condition('c', '2'), condition('d', '1')],
  errors: [{ target: 'e', errorType: 'NoMatchingError', rest: {} }],
  rest: {},
} as TransitionSet;

describe("finding a diff's branch on the canvas", () => {
  it('finds a condition by what it tests, whatever its place', () => {
    expect(handleOf(t, { kind: 'condition', operator: 'Equals', operands: ['2'], label: 'x' })).toBe(
      'condition:1',
    );
  });

  it('finds the second of two equal conditions by the #2 of its label', () => {
    const branch = { kind: 'condition' as const, operator: 'Equals', operands: ['1'] };
    expect(handleOf(t, { ...branch, label: 'condition Equals "1"' })).toBe('condition:0');
    expect(handleOf(t, { ...branch, label: 'condition Equals "1" #2' })).toBe('condition:2');
  });

  it('finds next and errors, and nothing for a branch the block does not have', () => {
    expect(handleOf(t, { kind: 'next', label: 'next' })).toBe('next');
    expect(handleOf(t, { kind: 'error', errorType: 'NoMatchingError', label: 'error NoMatchingError' })).toBe(
      'error:NoMatchingError',
    );
    expect(handleOf(t, { kind: 'error', errorType: 'QueueAtCapacity', label: 'error QueueAtCapacity' })).toBe(
      undefined,
    );
    expect(handleOf(undefined, { kind: 'next', label: 'next' })).toBe(undefined);
  });
});

describe('renames', () => {
  it('compares JSON whatever the key order', () => {
    expect(sameJson({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 })).toBe(true);
    expect(sameJson({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(sameJson([1], { 0: 1 })).toBe(false);
  });

  it('leaves two look-alike additions for one removal as they are', () => {
    const block = (id: string) => ({ id, type: 'MessageParticipant', parameters: { Text: 'Hi' }, rest: {} });
    const model = (ids: string[]) => ({ actions: ids.map(block), rest: {} }) as never;
    expect(detectRenames(model(['a']), model(['b']))).toEqual(new Map([['a', 'b']]));
    expect(detectRenames(model(['a']), model(['b', 'c']))).toEqual(new Map());
  });
});
