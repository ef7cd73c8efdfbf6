import type { ActionNode, BlockSpec, ResultSpec } from '@parley/flow';
import { branchesOf, conditionBranchId, contractOf } from '../system/branches.js';

/*
 * The condition list of a block whose result is open (Compare's value, a menu's key, a Lex intent, a
 * module's return branch…): one row per condition, each the branch handle `condition:<i>` on the
 * node. Blocks with a closed set of results (In hours / Out of hours…) branch on those instead.
 */

export const OPERATOR_LABELS: Readonly<Record<string, string>> = {
  Equals: 'equals',
  TextStartsWith: 'starts with',
  TextEndsWith: 'ends with',
  TextContains: 'contains',
  NumberGreaterThan: '>',
  NumberGreaterOrEqualTo: '≥',
  NumberLessThan: '<',
  NumberLessOrEqualTo: '≤',
};

export interface ConditionRow {
  index: number;
  /** The handle's id on the node. */
  branchId: string;
  /** The handle's label on the node. */
  label: string;
  operator: string;
  value: string;
  /** False for an entry the list cannot edit (not an object, not one operand): kept as it is. */
  editable: boolean;
  /** The block it leads to; undefined when unconnected. */
  target: string | undefined;
}

/** The result conditions test, when the block takes a list of them. */
export function openResult(block: BlockSpec | undefined, action: ActionNode): ResultSpec | undefined {
  if (!block || block.terminal) return undefined;
  const result = contractOf(block, action.parameters).result;
  return result && !result.values ? result : undefined;
}

export function conditionRows(action: ActionNode): ConditionRow[] {
  const labels = new Map(branchesOf(action).map((b) => [b.id, b.label]));
  return (action.transitions?.conditions ?? []).map((c, index) => {
    const branchId = conditionBranchId(index);
    const one = !('raw' in c) && c.operands?.length === 1 && typeof c.operator === 'string';
    const operand = c.operands?.[0];
    return {
      index,
      branchId,
      label: labels.get(branchId) ?? branchId,
      operator: c.operator ?? '',
      value: typeof operand === 'string' || typeof operand === 'number' ? String(operand) : '',
      editable: one && (typeof operand === 'string' || typeof operand === 'number'),
      target: c.target === undefined || c.target === '' ? undefined : c.target,
    };
  });
}

const CANDIDATES = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0', '*', '#'];

/** A value a new condition starts with: the first key (digit) the result takes that no condition tests. */
export function nextOperand(result: ResultSpec, rows: readonly ConditionRow[]): string {
  if (!result.operandPattern) return '';
  const pattern = new RegExp(result.operandPattern);
  const used = new Set(rows.map((r) => r.value));
  return CANDIDATES.find((c) => pattern.test(c) && !used.has(c)) ?? '';
}

/** Why an operand is not one the result can equal; undefined when it can. */
export function operandProblem(result: ResultSpec, value: string): string | undefined {
  if (value === '') return 'A value is needed';
  if (result.operandPattern && !new RegExp(result.operandPattern).test(value))
    return `Does not match ${result.operandPattern}`;
  return undefined;
}
