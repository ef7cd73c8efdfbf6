import type { DiffBranch, TransitionSet } from '@parley/flow';
import { conditionBranchId, errorBranchId } from './branches.js';
import { sameJson } from './diff-renames.js';

/**
 * The structural diff names a branch by what it tests (`condition Equals "1"`, with ` #2` on a
 * repeat) so that a condition inserted first does not look like every later one retargeted; the
 * canvas names it by place (`condition:0`). Which occurrence of that test a label means.
 */
function occurrence(label: string): number {
  const repeat = / #(\d+)$/.exec(label);
  return repeat ? Number(repeat[1]) : 1;
}

/** The canvas handle id (as toGraph names it) of a diff's branch in this transition set. */
export function handleOf(t: TransitionSet | undefined, branch: DiffBranch): string | undefined {
  if (branch.kind === 'next') return t?.next === undefined ? undefined : 'next';
  let wanted = occurrence(branch.label);
  if (branch.kind === 'error') {
    const errors = t?.errors ?? [];
    for (let i = 0; i < errors.length; i++) {
      if (errors[i]?.target === undefined || errors[i]?.errorType !== branch.errorType) continue;
      if (--wanted === 0) return errorBranchId(t as TransitionSet, i);
    }
    return undefined;
  }
  const conditions = t?.conditions ?? [];
  for (let i = 0; i < conditions.length; i++) {
    const c = conditions[i];
    if (c?.target === undefined || c.operator !== branch.operator) continue;
    if (!sameJson(c.operands === undefined ? undefined : [...c.operands], branch.operands)) continue;
    if (--wanted === 0) return conditionBranchId(i);
  }
  return undefined;
}
