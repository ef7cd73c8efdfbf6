import { describe, expect, it } from 'vitest';
import { deepFreeze } from '../system/test-flows.js';
import type { Field } from './fields.js';
import {
  displayText,
  fromJsonText,
  fromNumberText,
  fromText,
  getAt,
  hasDynamicToggle,
  numberProblem,
  readBoolean,
  setAt,
  setField,
  writeBoolean,
} from './values.js';

const f = (over: Partial<Field>): Field => ({
  key: 'K',
  path: ['K'],
  kind: 'text',
  label: 'K',
  help: undefined,
  required: false,
  dynamic: 'static',
  ...over,
});

describe('field values', () => {
  it('reads and writes at a path without touching the rest, and never mutates', () => {
    const p = deepFreeze({ Text: 'Hi', DTMFConfiguration: { DisableCancelKey: 'True' } });
    expect(getAt(p, ['DTMFConfiguration', 'DisableCancelKey'])).toBe('True');
    expect(getAt(p, ['Text', 'length'])).toBeUndefined();
    expect(setAt(p, ['DTMFConfiguration', 'InterdigitTimeLimitSeconds'], '5')).toEqual({
      Text: 'Hi',
      DTMFConfiguration: { DisableCancelKey: 'True', InterdigitTimeLimitSeconds: '5' },
    });
    expect(setAt(p, ['Text'], 'Hi')).toBe(p);
    expect(setAt(p, ['Nope', 'Deeper'], undefined)).toBe(p);
    expect(setAt(undefined, ['A', 'B'], 1)).toEqual({ A: { B: 1 } });
  });

  it('clearing a value removes its key, and the objects it leaves empty', () => {
    const p = deepFreeze({ Text: 'Hi', InputValidation: { CustomValidation: { MaximumLength: '4' } } });
    expect(setAt(p, ['InputValidation', 'CustomValidation', 'MaximumLength'], undefined)).toEqual({
      Text: 'Hi',
    });
    expect(setAt(p, ['Text'], undefined)).toEqual({ InputValidation: p.InputValidation });
    expect(setAt({ A: 'x' }, ['A'], undefined)).toEqual({});
    // A string in the way is kept when removing below it.
    expect(setAt({ A: 'x' }, ['A', 'B'], undefined)).toEqual({ A: 'x' });
  });

  it('setting one of exclusive parameters removes the others; clearing it removes none', () => {
    const text = f({ key: 'Text', path: ['Text'], exclusive: ['SSML', 'PromptId'] });
    expect(setField({ PromptId: 'arn:p', Other: 1 }, text, 'Hello')).toEqual({ Text: 'Hello', Other: 1 });
    expect(setField({ Text: 'Hello', SSML: '<speak/>' }, text, undefined)).toEqual({ SSML: '<speak/>' });
  });

  it('writes numbers as Connect does (strings) unless the flow holds JSON numbers, and checks x-range', () => {
    expect(fromNumberText(' 8 ', '5')).toBe('8');
    expect(fromNumberText('8', undefined)).toBe('8');
    expect(fromNumberText('8', 5)).toBe(8);
    expect(fromNumberText('$.Attributes.n', 5)).toBe('$.Attributes.n');
    expect(fromNumberText('', '5')).toBeUndefined();
    const field = { range: [1, 20] as const };
    expect(numberProblem('5', field)).toBeUndefined();
    expect(numberProblem('0', field)).toBe('Must be from 1 to 20');
    expect(numberProblem('2.5', field)).toBe('Not a whole number');
    expect(numberProblem('2.5', { range: [1, 5], decimal: true })).toBeUndefined();
    expect(numberProblem('abc', field)).toBe('Not a whole number');
    expect(numberProblem('$.Attributes.n', field)).toBeUndefined();
  });

  it('reads booleans in every spelling and writes the spelling the flow uses', () => {
    expect(['True', 'true', 'TRUE', true].map(readBoolean)).toEqual([true, true, true, true]);
    expect(['False', false, 'no', undefined].map(readBoolean)).toEqual([false, false, undefined, undefined]);
    expect(writeBoolean(true, undefined)).toBe('True');
    expect(writeBoolean(false, 'true')).toBe('false');
    expect(writeBoolean(true, 'FALSE')).toBe('TRUE');
    expect(writeBoolean(true, false)).toBe(true);
  });

  it('offers the static/dynamic toggle where the catalog allows a whole JSONPath', () => {
    expect(hasDynamicToggle(f({ kind: 'number', dynamic: 'path' }))).toBe(true);
    expect(hasDynamicToggle(f({ kind: 'resource', dynamic: 'text' }))).toBe(true);
    expect(hasDynamicToggle(f({ kind: 'text', dynamic: 'text' }))).toBe(false);
    expect(hasDynamicToggle(f({ kind: 'number', dynamic: 'static' }))).toBe(false);
    expect(hasDynamicToggle(f({ kind: 'text', dynamic: 'pathOnly' }))).toBe(false);
  });

  it('shows values as text and reads text and JSON back', () => {
    expect([undefined, 'a', 3, true, { a: 1 }].map(displayText)).toEqual(['', 'a', '3', 'true', '{"a":1}']);
    expect(fromText('')).toBeUndefined();
    expect(fromJsonText(' ')).toEqual({ value: undefined });
    expect(fromJsonText('[1]')).toEqual({ value: [1] });
    expect(fromJsonText('{')).toHaveProperty('error');
  });
});
