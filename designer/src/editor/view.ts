import type { Diagnostic } from '@parley/flow';
import type { Edge, Node } from '@xyflow/react';
import { blockLayout } from '../nodes/layout.js';
import type { BlockNodeData, Branch, Graph, GraphEdge, XY } from '../system/index.js';

export type BlockFlowNode = Node<BlockNodeData, 'block'>;
export type BlockFlowEdge = Edge<GraphEdge['data']>;

/** What only the canvas knows: the selection and nodes being dragged. */
export interface ViewState {
  selectedNodes: ReadonlySet<string>;
  selectedEdges: ReadonlySet<string>;
  dragging: ReadonlyMap<string, XY>;
}

const sameBranches = (a: readonly Branch[], b: readonly Branch[]) =>
  a.length === b.length &&
  a.every((x, i) => {
    const y = b[i];
    return (
      y !== undefined && x.id === y.id && x.label === y.label && x.kind === y.kind && x.hidden === y.hidden
    );
  });

const sameDiagnostics = (a: readonly Diagnostic[], b: readonly Diagnostic[]) =>
  a.length === b.length &&
  a.every((x, i) => {
    const y = b[i];
    return y !== undefined && x.code === y.code && x.severity === y.severity && x.message === y.message;
  });

export function sameData(a: BlockNodeData, b: BlockNodeData): boolean {
  return (
    a.actionId === b.actionId &&
    a.blockType === b.blockType &&
    a.label === b.label &&
    a.group === b.group &&
    a.isStart === b.isStart &&
    a.isFriendlyName === b.isFriendlyName &&
    sameBranches(a.branches, b.branches) &&
    sameDiagnostics(a.diagnostics, b.diagnostics)
  );
}

/**
 * `next` with the data objects of `previous` wherever they are equal, so an edit to one block of a
 * 2,000-block flow re-renders one node: React Flow and the memoized BlockNode compare by identity.
 */
export function stableGraph(previous: Graph | undefined, next: Graph): Graph {
  if (!previous) return next;
  const data = new Map(previous.nodes.map((n) => [n.id, n.data]));
  return {
    nodes: next.nodes.map((n) => {
      const old = data.get(n.id);
      return old && old !== n.data && sameData(old, n.data) ? { ...n, data: old } : n;
    }),
    edges: next.edges,
  };
}

/**
 * React Flow's nodes for a graph and the view state, reusing a previous node object when nothing of
 * it changed (React Flow skips those). A node being dragged shows where the pointer put it. Each
 * node comes with its size and handles (blockLayout), so React Flow never has to render a block to
 * measure it, and the sizes it measures need not come back through the editor.
 */
export function toFlowNodes(
  previous: ReadonlyMap<string, BlockFlowNode>,
  graph: Graph,
  view: ViewState,
): BlockFlowNode[] {
  return graph.nodes.map((n) => {
    const old = previous.get(n.id);
    const drag = view.dragging.get(n.id);
    const position = drag ?? n.position;
    const selected = view.selectedNodes.has(n.id);
    if (
      old &&
      old.data === n.data &&
      old.position.x === position.x &&
      old.position.y === position.y &&
      (old.selected ?? false) === selected &&
      (old.dragging ?? false) === (drag !== undefined)
    )
      return old;
    const { width, height, handles } = blockLayout(n.data);
    return {
      id: n.id,
      type: 'block',
      position,
      data: n.data,
      selected,
      ...(drag ? { dragging: true } : {}),
      width,
      height,
      handles,
      // As React Flow would measure it: the node counts as initialized (fitView takes it) and
      // the ResizeObserver finds nothing to update when it scrolls into view.
      measured: { width, height },
    };
  });
}

export function toFlowEdges(
  previous: ReadonlyMap<string, BlockFlowEdge>,
  graph: Graph,
  selected: ReadonlySet<string>,
): BlockFlowEdge[] {
  return graph.edges.map((e) => {
    const old = previous.get(e.id);
    const isSelected = selected.has(e.id);
    if (
      old &&
      old.source === e.source &&
      old.sourceHandle === e.sourceHandle &&
      old.target === e.target &&
      (old.hidden ?? false) === (e.hidden ?? false) &&
      old.data?.label === e.data.label &&
      (old.selected ?? false) === isSelected
    )
      return old;
    return { ...e, selected: isSelected };
  });
}

export const byId = <T extends { id: string }>(items: readonly T[]): Map<string, T> =>
  new Map(items.map((i) => [i.id, i]));
