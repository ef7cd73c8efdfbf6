import type { ActionNode, ConditionEdge, ErrorEdge, TransitionSet } from '@parley/flow';
import { hasResult, noMatchTarget, type ParsedBranch, parseBranchId } from './branches.js';

const EMPTY: TransitionSet = { next: undefined, errors: undefined, conditions: undefined, rest: {} };

/*
 * "Unconnected" is written the way each part can hold it: NextAction is left out, an error entry is
 * dropped (the block's catalog entry still gives it a handle), and a condition keeps its test with an
 * empty NextAction, as Connect saves a branch not yet connected, so the menu option is not lost.
 */

function errorIndex(t: TransitionSet, p: Extract<ParsedBranch, { kind: 'error' }>): number {
  const errors = t.errors ?? [];
  if (p.index === undefined) return errors.findIndex((e) => e.errorType === p.errorType && !('raw' in e));
  const e = errors[p.index];
  return e && e.errorType === p.errorType && !('raw' in e) ? p.index : -1;
}

const replaceAt = <T>(list: readonly T[], index: number, item: T): T[] =>
  list.map((x, i) => (i === index ? item : x));

/** The transitions with one branch pointing at `target`; undefined when there is no such branch. */
export function link(action: ActionNode, branchId: string, target: string): TransitionSet | undefined {
  const p = parseBranchId(branchId);
  const t = action.transitions ?? EMPTY;
  if (!p) return undefined;
  switch (p.kind) {
    case 'next':
      return { ...t, next: target };
    case 'condition': {
      const c = t.conditions?.[p.index];
      if (!c || 'raw' in c) return undefined;
      return { ...t, conditions: replaceAt(t.conditions ?? [], p.index, { ...c, target }) };
    }
    case 'value': {
      const c: ConditionEdge = {
        operator: 'Equals',
        operands: [p.value],
        target,
        rest: {},
        conditionRest: {},
      };
      return { ...t, conditions: [...(t.conditions ?? []), c] };
    }
    case 'error': {
      const i = errorIndex(t, p);
      const old = t.errors?.[i];
      let errors: ErrorEdge[];
      if (old) errors = replaceAt(t.errors ?? [], i, { ...old, target });
      else if (p.errorType !== undefined && p.index === undefined)
        errors = [...(t.errors ?? []), { target, errorType: p.errorType, rest: {} }];
      else return undefined;
      return { ...t, errors, next: mirroredNext(action, t, p, old?.target, target) };
    }
  }
}

/** The transitions with one branch unconnected; undefined when there is no such branch. */
export function unlink(action: ActionNode, branchId: string): TransitionSet | undefined {
  const p = parseBranchId(branchId);
  const t = action.transitions;
  if (!p || !t || p.kind === 'value') return undefined;
  if (p.kind === 'next') return t.next === undefined ? undefined : { ...t, next: undefined };
  if (p.kind === 'condition') {
    const c = t.conditions?.[p.index];
    if (!c || 'raw' in c) return undefined;
    return { ...t, conditions: replaceAt(t.conditions ?? [], p.index, { ...c, target: '' }) };
  }
  const i = errorIndex(t, p);
  const old = t.errors?.[i];
  if (!old) return undefined;
  return {
    ...t,
    errors: (t.errors ?? []).filter((_, j) => j !== i),
    next: mirroredNext(action, t, p, old.target, undefined),
  };
}

/**
 * Connect writes a branching block's NextAction as the target of its NoMatchingCondition ("Default")
 * branch; keep that so the block routes the same wherever NextAction is read.
 */
function mirroredNext(
  action: ActionNode,
  t: TransitionSet,
  p: Extract<ParsedBranch, { kind: 'error' }>,
  before: string | undefined,
  after: string | undefined,
): string | undefined {
  if (p.errorType !== 'NoMatchingCondition' || !hasResult(action)) return t.next;
  if (before !== undefined && noMatchTarget(t) !== before) return t.next; // a repeat entry, not the branch
  const mirrors = t.next === undefined || t.next === '' || (before !== undefined && t.next === before);
  return mirrors ? after : t.next;
}

/** Unconnects every branch whose target is `gone`; the same object when none is. */
export function unlinkTargets(t: TransitionSet, gone: (target: string) => boolean): TransitionSet {
  const next = t.next !== undefined && gone(t.next) ? undefined : t.next;
  const conditions = t.conditions?.map((c) =>
    c.target !== undefined && !('raw' in c) && gone(c.target) ? { ...c, target: '' } : c,
  );
  const errors = t.errors?.filter((e) => e.target === undefined || 'raw' in e || !gone(e.target));
  const changed =
    next !== t.next ||
    conditions?.some((c, i) => c !== t.conditions?.[i]) ||
    errors?.length !== t.errors?.length;
  return changed ? { ...t, next, conditions, errors } : t;
}

/** Points every branch whose target is in `map` at its new name, and unconnects those `drop` says. */
export function retarget(
  t: TransitionSet,
  map: ReadonlyMap<string, string>,
  drop: (target: string) => boolean = () => false,
): TransitionSet {
  const to = (target: string | undefined) => (target === undefined ? undefined : (map.get(target) ?? target));
  const kept = unlinkTargets(t, (target) => !map.has(target) && drop(target));
  return {
    ...kept,
    next: to(kept.next),
    conditions: kept.conditions?.map((c) => ('raw' in c ? c : { ...c, target: to(c.target) })),
    errors: kept.errors?.map((e) => ('raw' in e ? e : { ...e, target: to(e.target) })),
  };
}
