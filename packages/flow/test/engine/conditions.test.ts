import { describe, expect, it } from 'vitest';
import { matchCondition, OPERATORS, toNumber } from '../../src/index.js';

describe('matchCondition covers every operator of the catalog', () => {
  // One row per operator: [value, operand, holds]; the test below checks none is left out.
  const cases: Record<string, [unknown, string, boolean][]> = {
    Equals: [
      ['1', '1', true],
      ['1', '2', false],
      ['CHAT', 'CHAT', true],
      ['chat', 'CHAT', false],
      ['', '', true],
      [' 1', '1', false],
      [5, '5', true],
      [5, '5.0', true],
      [5, '6', false],
      ['5.0', '5', false],
    ],
    TextStartsWith: [
      ['+44 20 7946', '+44', true],
      ['+1555', '+44', false],
      [1234, '12', true],
    ],
    TextEndsWith: [
      ['support@example.com', '@example.com', true],
      ['support@example.org', '@example.com', false],
    ],
    TextContains: [
      ['I want to pay my bill', 'pay', true],
      ['I want to pay my bill', 'refund', false],
      ['abc', '', true],
    ],
    NumberGreaterThan: [
      ['10', '9', true],
      ['9', '10', false],
      ['10', '10', false],
      ['0.7', '0.5', true],
      [-1, '-2', true],
      ['ten', '9', false],
      ['10', 'nine', false],
      ['', '0', false],
    ],
    NumberGreaterOrEqualTo: [
      ['10', '10', true],
      ['9.99', '10', false],
      [' 10 ', '10', true],
    ],
    NumberLessThan: [
      ['20', '21', true],
      ['21', '21', false],
      ['.5', '1', true],
      ['1e3', '2000', false],
      [true, '2', false],
    ],
    NumberLessOrEqualTo: [
      ['21', '21', true],
      ['22', '21', false],
      ['+3', '3', true],
    ],
  };

  it('has a case for each operator', () => {
    expect(Object.keys(cases).sort()).toEqual([...OPERATORS].sort());
  });

  for (const [operator, rows] of Object.entries(cases)) {
    it.each(rows)(`${operator}: %j against %j is %s`, (value, operand, holds) => {
      expect(matchCondition(operator, [operand], value as never)).toBe(holds);
    });
  }
});

describe('matchCondition edge cases', () => {
  it('a result that names nothing matches no condition', () => {
    for (const op of OPERATORS) {
      expect(matchCondition(op, [''], undefined)).toBe(false);
      expect(matchCondition(op, ['0'], null)).toBe(false);
    }
  });

  it('an unknown operator never matches', () => {
    for (const op of ['NumberEquals', 'NotEquals', 'NumericLessThan', 'equals', '']) {
      expect(matchCondition(op, ['1'], '1')).toBe(false);
    }
  });

  it('holds when any of several operands holds, and never with none', () => {
    expect(matchCondition('Equals', ['1', '2'], '2')).toBe(true);
    expect(matchCondition('Equals', ['1', '2'], '3')).toBe(false);
    expect(matchCondition('Equals', [], '1')).toBe(false);
  });

  it('ignores nested condition operands, which flow operators do not take', () => {
    expect(matchCondition('Equals', [{ Operator: 'Equals', Operands: ['1'] }], '1')).toBe(false);
  });

  it('compares text case-sensitively unless told otherwise', () => {
    expect(matchCondition('Equals', ['CHAT'], 'chat')).toBe(false);
    expect(matchCondition('Equals', ['CHAT'], 'chat', { caseSensitive: false })).toBe(true);
    expect(matchCondition('TextContains', ['PAY'], 'to pay', { caseSensitive: false })).toBe(true);
  });

  it('compares objects (a JSON Lambda result) as their JSON text', () => {
    expect(matchCondition('TextContains', ['"a":1'], { a: 1 })).toBe(true);
  });

  it('reads decimals, signs and blanks as numbers but nothing exotic', () => {
    expect(toNumber('0.7')).toBe(0.7);
    expect(toNumber(' -3 ')).toBe(-3);
    expect(toNumber('5.')).toBe(5);
    for (const s of ['', ' ', '0x10', '1e3', 'Infinity', 'NaN', '1,000', '--1'])
      expect(toNumber(s)).toBeUndefined();
    expect(toNumber(Number.NaN)).toBeUndefined();
    expect(toNumber(true)).toBeUndefined();
  });
});
