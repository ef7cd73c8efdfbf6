import {
  type Diagnostic,
  END_OF_FLOW,
  type FlowModel,
  forEachTarget,
  getBlock,
  indexActions,
  type TransitionSet,
} from '@parley/flow';
import { branchesOf, conditionBranchId, errorBranchId } from './branches.js';
import { isFriendlyName, positionOf } from './metadata.js';
import type { Graph, GraphEdge, GraphNode, XY } from './types.js';

export interface ToGraphOptions {
  /** The validator's diagnostics; each lands on the node of its `actionId`. */
  diagnostics?: readonly Diagnostic[];
}

const GRID = { columns: 5, dx: 280, dy: 200, gap: 240 };

/**
 * Every action's position: Connect's from Metadata, else a grid below the positioned ones (a file
 * written by hand or generated has none). Identifiers repeat only in broken files; the first wins.
 */
export function layoutPositions(model: FlowModel): Map<string, XY> {
  const out = new Map<string, XY>();
  const missing: string[] = [];
  for (const id of indexActions(model).keys()) {
    const p = positionOf(model, id);
    if (p) out.set(id, p);
    else missing.push(id);
  }
  const placed = [...out.values()];
  const left = placed.length ? Math.min(...placed.map((p) => p.x)) : 0;
  const top = placed.length ? Math.max(...placed.map((p) => p.y)) + GRID.gap : 0;
  missing.forEach((id, i) => {
    out.set(id, { x: left + (i % GRID.columns) * GRID.dx, y: top + Math.floor(i / GRID.columns) * GRID.dy });
  });
  return out;
}

/** The canvas for a flow: one node per action, one edge per connected branch. */
export function toGraph(model: FlowModel, options: ToGraphOptions = {}): Graph {
  const byId = indexActions(model);
  const positions = layoutPositions(model);
  const diagnostics = new Map<string, Diagnostic[]>();
  for (const d of options.diagnostics ?? []) {
    if (d.actionId === undefined) continue;
    const list = diagnostics.get(d.actionId);
    if (list) list.push(d);
    else diagnostics.set(d.actionId, [d]);
  }

  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  for (const [id, action] of byId) {
    const block = getBlock(action.type);
    const friendly = isFriendlyName(model, id);
    const branches = branchesOf(action);
    nodes.push({
      id,
      type: 'block',
      position: positions.get(id) ?? { x: 0, y: 0 },
      data: {
        actionId: id,
        blockType: action.type,
        label: friendly ? id : (block?.ui.label ?? action.type),
        group: block?.ui.group ?? '',
        branches,
        diagnostics: diagnostics.get(id) ?? [],
        isStart: model.startAction === id,
        isFriendlyName: friendly,
      },
    });
    const t = action.transitions;
    if (!t) continue;
    const byBranch = new Map(branches.map((b) => [b.id, b]));
    forEachTarget(t, (target, kind, index) => {
      if (target === '' || target === END_OF_FLOW || !byId.has(target)) return;
      const handle = branchIdOf(t, kind, index);
      const branch = byBranch.get(handle);
      edges.push({
        id: `${id}->${handle}`,
        source: id,
        sourceHandle: handle,
        target,
        ...(branch?.hidden ? { hidden: true } : {}),
        data: { kind, label: branch?.label ?? handle },
      });
    });
  }
  return { nodes, edges };
}

function branchIdOf(t: TransitionSet, kind: 'next' | 'condition' | 'error', index: number): string {
  if (kind === 'next') return 'next';
  return kind === 'condition' ? conditionBranchId(index) : errorBranchId(t, index);
}
