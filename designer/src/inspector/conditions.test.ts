import { getBlock, indexActions } from '@parley/flow';
import { describe, expect, it } from 'vitest';
import { addCondition } from '../system/index.js';
import { fixture } from '../system/test-flows.js';
import { conditionRows, nextOperand, openResult, operandProblem } from './conditions.js';

const model = fixture('inbound-main-ivr.json');
const COMPARE = '2d7d26e6-32a2-5c13-95a2-ead729bf8283';
const MENU = 'c2c6c457-efa1-55e5-905c-0a29cec3d8b8';
const HOURS = '203f78e3-410f-58ba-8e08-c90f1e827c26';
const action = (id: string, m = model) => {
  const a = indexActions(m).get(id);
  if (!a) throw new Error(`no action ${id}`);
  return a;
};

describe('condition lists', () => {
  it('are for blocks whose result is open, not those branching on a closed set of values', () => {
    expect(openResult(getBlock('Compare'), action(COMPARE))?.operators).toHaveLength(8);
    expect(openResult(getBlock('GetParticipantInput'), action(MENU))?.operators).toEqual(['Equals']);
    expect(openResult(getBlock('CheckHoursOfOperation'), action(HOURS))).toBeUndefined();
    expect(openResult(undefined, action(MENU))).toBeUndefined();
  });

  it("list each condition as the node's branch handle, with its label and target", () => {
    const rows = conditionRows(action(MENU));
    expect(rows).toHaveLength(5);
    expect(rows[0]).toMatchObject({ index: 0, branchId: 'condition:0', operator: 'Equals', editable: true });
    expect(rows[0]?.label).not.toBe('');
    expect(rows.every((r) => r.target !== undefined)).toBe(true);
    const added = addCondition(model, COMPARE, 'TextStartsWith', 'Pl');
    expect(conditionRows(action(COMPARE, added)).at(-1)).toMatchObject({
      label: 'TextStartsWith Pl',
      target: undefined,
      value: 'Pl',
    });
  });

  it('start a new menu condition at a key no condition tests yet, and check operands', () => {
    const result = openResult(getBlock('GetParticipantInput'), action(MENU));
    if (!result) throw new Error('menus have conditions');
    const used = conditionRows(action(MENU)).map((r) => r.value);
    const next = nextOperand(result, conditionRows(action(MENU)));
    expect(next).toMatch(/^[0-9*#]$/);
    expect(used).not.toContain(next);
    expect(operandProblem(result, '12')).toBe('Does not match ^[0-9*#]$');
    expect(operandProblem(result, '')).toBe('A value is needed');
    expect(operandProblem(result, '5')).toBeUndefined();
  });
});
