import { type ActionNode, type BlockSpec, getBlock, type ResultSpec, type TransitionSet } from '@parley/flow';
import type { Branch } from './types.js';

const FALLBACK_LABELS: Readonly<Record<string, string>> = {
  NoMatchingError: 'Error',
  NoMatchingCondition: 'Default',
};

/** What a block produces for these parameters (the validator's contract, read from the catalog). */
export function contractOf(
  block: BlockSpec,
  parameters: Readonly<Record<string, unknown>> | undefined,
): { result: ResultSpec | undefined; errors: readonly string[] } {
  const variant = block.variant?.(parameters ?? {});
  return {
    result: variant?.result === null ? undefined : (variant?.result ?? block.result),
    errors: variant?.errors ?? block.errors,
  };
}

/** Whether the action's block branches on a result (then its NextAction mirrors NoMatchingCondition). */
export function hasResult(action: ActionNode): boolean {
  const block = getBlock(action.type);
  return block !== undefined && !block.terminal && contractOf(block, action.parameters).result !== undefined;
}

export const conditionBranchId = (index: number): string => `condition:${index}`;

/** `error:Type` for the first entry of a type, `error:Type#i` for a repeat, `error:#i` without a type. */
export function errorBranchId(t: TransitionSet, index: number): string {
  const type = t.errors?.[index]?.errorType;
  if (type === undefined) return `error:#${index}`;
  const first = (t.errors ?? []).findIndex((e) => e.errorType === type);
  return first === index ? `error:${type}` : `error:${type}#${index}`;
}

export type ParsedBranch =
  | { kind: 'next' }
  | { kind: 'condition'; index: number }
  | { kind: 'value'; value: string }
  | { kind: 'error'; errorType: string | undefined; index: number | undefined };

/** Reads a branch id back; undefined for an id no block could have. */
export function parseBranchId(id: string): ParsedBranch | undefined {
  if (id === 'next') return { kind: 'next' };
  const [kind, ...restParts] = id.split(':');
  const rest = restParts.join(':');
  if (kind === 'condition' && /^\d+$/.test(rest)) return { kind, index: Number(rest) };
  if (kind === 'value' && rest !== '') return { kind, value: rest };
  if (kind !== 'error' || rest === '') return undefined;
  const hash = rest.lastIndexOf('#');
  if (hash < 0) return { kind, errorType: rest, index: undefined };
  const index = rest.slice(hash + 1);
  if (!/^\d+$/.test(index)) return { kind, errorType: rest, index: undefined };
  return { kind, errorType: hash === 0 ? undefined : rest.slice(0, hash), index: Number(index) };
}

/** The target of the action's NoMatchingCondition entry, if it has one. */
export const noMatchTarget = (t: TransitionSet | undefined): string | undefined =>
  t?.errors?.find((e) => e.errorType === 'NoMatchingCondition')?.target;

/**
 * Every handle of the action: what its block can do (from the catalog), so an unconnected branch has
 * one too, and whatever its Transitions hold beyond that (so every edge has a handle).
 */
export function branchesOf(action: ActionNode): Branch[] {
  const block = getBlock(action.type);
  const t = action.transitions;
  const labels = { ...FALLBACK_LABELS, ...block?.ui.branchLabels };
  const contract = block && !block.terminal ? contractOf(block, action.parameters) : undefined;
  const result = contract?.result;
  const out: Branch[] = [];
  const seen = new Set<string>();
  const add = (b: Branch) => {
    if (seen.has(b.id)) return;
    seen.add(b.id);
    out.push(b);
  };

  const hasNext = !block?.terminal || t?.next !== undefined;
  if (hasNext && !result) add({ id: 'next', label: 'Success', kind: 'next' });

  const conditions = t?.conditions ?? [];
  for (const value of result?.values ?? []) {
    const i = conditions.findIndex(
      (c) => c.operator === 'Equals' && c.operands?.length === 1 && String(c.operands[0]) === value,
    );
    const label = labels[value] ?? value;
    add(i < 0 ? { id: `value:${value}`, label, kind: 'condition' } : conditionLabel(i, label));
  }
  conditions.forEach((c, i) => {
    const operand = c.operands?.length === 1 ? String(c.operands[0]) : undefined;
    const text =
      c.operator === undefined || operand === undefined
        ? `Condition ${i + 1}`
        : c.operator === 'Equals'
          ? (labels[operand] ?? `Equals ${operand}`)
          : `${c.operator} ${operand}`;
    add(conditionLabel(i, text));
  });

  const raised = contract?.errors ?? [];
  const declared = [
    ...raised.filter((e) => e !== 'NoMatchingError' && e !== 'NoMatchingCondition'),
    ...(result ? ['NoMatchingCondition'] : []),
    ...(raised.includes('NoMatchingError') ? ['NoMatchingError'] : []),
  ];
  for (const type of declared) add({ id: `error:${type}`, label: labels[type] ?? type, kind: 'error' });
  (t?.errors ?? []).forEach((e, i) => {
    const id = errorBranchId(t as TransitionSet, i);
    const base = e.errorType === undefined ? `Error ${i + 1}` : (labels[e.errorType] ?? e.errorType);
    add({ id, label: id.includes('#') ? `${base} (${i + 1})` : base, kind: 'error' });
  });

  if (hasNext && result) {
    const next = t?.next;
    const hidden = next === undefined || next === '' || next === noMatchTarget(t);
    add({ id: 'next', label: 'Next', kind: 'next', ...(hidden ? { hidden } : {}) });
  }
  return out;
}

const conditionLabel = (index: number, label: string): Branch => ({
  id: conditionBranchId(index),
  label,
  kind: 'condition',
});
