import { forEachTarget, type TargetKind } from '../model/model.js';
import type { TransitionSet } from '../model/types.js';
import type { BlockRewiring, DiffBranch, EdgeChange } from './types.js';

interface Wire {
  branch: DiffBranch;
  target: string;
}

/**
 * The branches of a transition set by label. Positions in Transitions are not identities: a
 * condition inserted first must not look like every later condition retargeted.
 */
function wiresOf(t: TransitionSet | undefined): Map<string, Wire> {
  const wires = new Map<string, Wire>();
  if (!t) return wires;
  forEachTarget(t, (target, kind, index) => {
    const branch = branchOf(t, kind, index);
    // A repeated branch (the validator warns of it) still needs a label of its own to be matched by.
    let n = 1;
    const base = branch.label;
    while (wires.has(branch.label)) branch.label = `${base} #${++n}`;
    wires.set(branch.label, { branch, target });
  });
  return wires;
}

function branchOf(t: TransitionSet, kind: TargetKind, index: number): DiffBranch {
  if (kind === 'next') return { kind, label: 'next' };
  if (kind === 'error') {
    const errorType = t.errors?.[index]?.errorType;
    return {
      kind,
      ...(errorType === undefined ? {} : { errorType }),
      label: `error ${errorType ?? '(no type)'}`,
    };
  }
  const c = t.conditions?.[index];
  const operands = c?.operands === undefined ? undefined : [...c.operands];
  return {
    kind,
    ...(c?.operator === undefined ? {} : { operator: c.operator }),
    ...(operands === undefined ? {} : { operands }),
    label: conditionLabel(c?.operator, operands),
  };
}

const conditionLabel = (operator: string | undefined, operands: unknown[] | undefined): string =>
  ['condition', operator ?? '(no operator)', ...(operands ?? []).map((o) => JSON.stringify(o))].join(' ');

/** How a block's branches changed between two versions; undefined when they did not. */
export function diffTransitions(
  block: Omit<BlockRewiring, 'edges' | 'conditionOrder'>,
  before: TransitionSet | undefined,
  after: TransitionSet | undefined,
): BlockRewiring | undefined {
  const was = wiresOf(before);
  const is = wiresOf(after);
  const edges: EdgeChange[] = [];
  for (const [label, w] of was) {
    const now = is.get(label);
    if (!now) edges.push({ branch: w.branch, change: 'removed', before: w.target });
    else if (now.target !== w.target)
      edges.push({ branch: now.branch, change: 'retargeted', before: w.target, after: now.target });
  }
  for (const [label, w] of is)
    if (!was.has(label)) edges.push({ branch: w.branch, change: 'added', after: w.target });

  const order = (from: Map<string, Wire>, other: Map<string, Wire>) =>
    [...from.values()]
      .filter((w) => w.branch.kind === 'condition' && other.has(w.branch.label))
      .map((w) => w.branch.label);
  const orderBefore = order(was, is);
  const orderAfter = order(is, was);
  const reordered = orderBefore.some((label, i) => orderAfter[i] !== label);

  if (edges.length === 0 && !reordered) return undefined;
  return {
    ...block,
    edges,
    ...(reordered ? { conditionOrder: { before: orderBefore, after: orderAfter } } : {}),
  };
}
