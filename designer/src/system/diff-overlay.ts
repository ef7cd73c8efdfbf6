import { diffFlows, END_OF_FLOW, type FlowModel, indexActions, type ValueChange } from '@parley/flow';
import { handleOf } from './diff-branches.js';
import { detectRenames } from './diff-renames.js';
import { toGraph } from './graph.js';
import type { BlockMark, CanvasOverlay, EdgeMark } from './overlay.js';
import { replaceIdentifier } from './rename.js';
import type { Graph, GraphEdge, GraphNode, XY } from './types.js';

export type DiffEntryKind = 'added' | 'removed' | 'changed' | 'renamed' | 'rewired' | 'flow';

/** One line of the change list beside the canvas. */
export interface DiffEntry {
  kind: DiffEntryKind;
  /** The block on the canvas (a ghost, for a removed one); absent for flow-level changes. */
  blockId?: string;
  /** The block as the list names it. */
  block?: string;
  /** What changed, one line each. */
  details: string[];
}

/** Two versions compared: marks over the newer one's canvas and the list of changes. */
export interface FlowComparison {
  /** Marks over `after`'s canvas, with `before`'s removed blocks as ghosts. */
  overlay: CanvasOverlay;
  entries: DiffEntry[];
  /** Nothing but layout differs. */
  identical: boolean;
}

/**
 * Compares two versions for the canvas: `after` is drawn, its blocks marked added or changed, its
 * branches added or rewired; `before`'s removed blocks come back as ghosts at their old places with
 * their edges, and a rewired branch keeps a ghost of its old edge. Built on the structural diff
 * (layout is not a change), with renames recognised first: Connect renames a block by changing its
 * Identifier, which the document alone cannot tell from a removal and an addition.
 */
export function compareFlows(before: FlowModel, after: FlowModel, label: string): FlowComparison {
  const renames = detectRenames(before, after);
  let was = before;
  for (const [from, to] of renames) was = replaceIdentifier(was, from, to);
  const diff = diffFlows(was, after);
  const now = toGraph(after);
  const then = toGraph(was);
  const nowNodes = new Map(now.nodes.map((n) => [n.id, n]));
  const thenNodes = new Map(then.nodes.map((n) => [n.id, n]));
  const nowEdges = new Set(now.edges.map((e) => e.id));
  const thenEdges = new Map(then.edges.map((e) => [e.id, e]));
  const nodeOf = (id: string) => nowNodes.get(id) ?? thenNodes.get(id);
  const name = (id: string | undefined) => targetName(id, nodeOf(id ?? ''));

  const blocks = new Map<string, BlockMark>();
  const edges = new Map<string, EdgeMark>();
  const entries: DiffEntry[] = [];
  const entry = (kind: DiffEntryKind, id: string, details: string[]) =>
    entries.push({ kind, blockId: id, block: name(id), details });

  for (const b of diff.added) {
    blocks.set(b.id, 'added');
    for (const e of now.edges) if (e.source === b.id) edges.set(e.id, 'added');
    entry('added', b.id, [b.type]);
  }

  const removed = new Set(diff.removed.map((b) => b.id));
  const ghostNodes = placeGhosts(
    then.nodes.filter((n) => removed.has(n.id)),
    now.nodes.map((n) => n.position),
  );
  const drawn = (target: string) => nowNodes.has(target) || removed.has(target);
  const ghostEdges: GraphEdge[] = then.edges.filter(
    (e) => removed.has(e.source) && !e.hidden && drawn(e.target),
  );
  for (const b of diff.removed) {
    blocks.set(b.id, 'removed');
    entry('removed', b.id, [b.type]);
  }

  const changed = new Map(diff.changed.map((c) => [c.id, c]));
  const renamed = new Set(renames.values());
  for (const [from, to] of renames) {
    blocks.set(to, 'changed');
    const c = changed.get(to);
    entry('renamed', to, [
      `Renamed from ${from}`,
      ...(c ? changeLines(c.changes, c.previousType, c.type) : []),
    ]);
  }
  for (const c of diff.changed) {
    if (renamed.has(c.id)) continue;
    blocks.set(c.id, 'changed');
    entry('changed', c.id, changeLines(c.changes, c.previousType, c.type));
  }

  const wasActions = indexActions(was);
  const isActions = indexActions(after);
  for (const r of diff.rewired) {
    const lines: string[] = [];
    for (const e of r.edges) {
      const handle = handleOf(isActions.get(r.id)?.transitions, e.branch);
      const oldHandle = handleOf(wasActions.get(r.id)?.transitions, e.branch);
      const branch =
        branchLabel(nowNodes.get(r.id), handle) ??
        branchLabel(thenNodes.get(r.id), oldHandle) ??
        e.branch.label;
      lines.push(`${branch}: ${name(e.before)} → ${name(e.after)}`);
      const id = handle && `${r.id}->${handle}`;
      if (id && nowEdges.has(id)) edges.set(id, e.change === 'added' ? 'added' : 'rewired');
      const old = oldHandle && thenEdges.get(`${r.id}->${oldHandle}`);
      // The old edge stays visible as a ghost while the branch is still there to draw it from.
      if (e.change === 'retargeted' && handle && old && !old.hidden && drawn(old.target)) {
        const ghost = { ...old, id: `${old.id}@before`, sourceHandle: handle };
        ghostEdges.push(ghost);
      }
    }
    if (r.conditionOrder) lines.push(`Conditions reordered: ${r.conditionOrder.after.join(', ')}`);
    entries.push({ kind: 'rewired', blockId: r.id, block: name(r.id), details: lines });
  }
  for (const e of ghostEdges) edges.set(e.id, 'removed');

  const flowLines = [
    ...(diff.startAction
      ? [`Entry: ${name(diff.startAction.before)} → ${name(diff.startAction.after)}`]
      : []),
    ...changeLines(diff.flow),
  ];
  if (flowLines.length > 0) entries.push({ kind: 'flow', details: flowLines });

  const ghosts: Graph | undefined =
    ghostNodes.length + ghostEdges.length > 0 ? { nodes: ghostNodes, edges: ghostEdges } : undefined;
  return {
    overlay: { label, blocks, edges, ...(ghosts ? { ghosts } : {}) },
    entries,
    identical: diff.identical && renames.size === 0,
  };
}

/** How the list names a block: its label, with the Identifier when that says more and is short. */
function targetName(id: string | undefined, node: GraphNode | undefined): string {
  if (id === undefined) return '(none)';
  if (id === '') return '(unconnected)';
  if (id === END_OF_FLOW) return '(end of flow)';
  if (!node || node.data.isFriendlyName || id.length > 24) return node?.data.label ?? id;
  return `${node.data.label} (${id})`;
}

const branchLabel = (node: GraphNode | undefined, handle: string | undefined) =>
  handle === undefined ? undefined : node?.data.branches.find((b) => b.id === handle)?.label;

const MAX_VALUE = 60;

function short(v: unknown): string {
  const text = JSON.stringify(v) ?? String(v);
  return text.length <= MAX_VALUE ? text : `${text.slice(0, MAX_VALUE - 1)}…`;
}

function changeLines(changes: readonly ValueChange[], previousType?: string, type?: string): string[] {
  return [
    ...(previousType === undefined ? [] : [`Type: ${previousType} → ${type ?? '?'}`]),
    ...changes.map((c) => {
      const from = c.change === 'added' ? '(none)' : short(c.before);
      const to = c.change === 'removed' ? '(none)' : short(c.after);
      return `${c.path.slice(1)}: ${from} → ${to}`;
    }),
  ];
}

/** Near enough to a drawn block to cover it (flow px between corners: a block is 220 wide). */
const COVER = { x: 220, y: 120 };

/**
 * Ghosts at their old places, moved down past any block now drawn there: in a flow without saved
 * positions the grid closes up over a removed block, and a ghost must not hide its successor.
 */
function placeGhosts(nodes: readonly GraphNode[], taken: readonly XY[]): GraphNode[] {
  const occupied = [...taken];
  return nodes.map((n) => {
    let p = n.position;
    for (let i = 0; i < 50 && occupied.some((q) => near(p, q)); i++) p = { x: p.x, y: p.y + COVER.y * 2 };
    occupied.push(p);
    return { ...n, position: p, data: { ...n.data, diagnostics: [], isStart: false } };
  });
}

const near = (p: XY, q: XY) => Math.abs(p.x - q.x) < COVER.x && Math.abs(p.y - q.y) < COVER.y;
