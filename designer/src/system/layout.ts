import type { ELK, ElkExtendedEdge, ElkNode, ElkPort, LayoutOptions } from 'elkjs/lib/elk-api.js';
import type { BlockNodeData, Graph, XY } from './types.js';

/*
 * Auto-layout with ELK's layered algorithm, left to right. This half is framework-free: the flow's
 * graph becomes an ELK graph and ELK's answer becomes Metadata positions. Which ELK runs it (the
 * bundled one in a test, a Web Worker in the page) is the caller's choice.
 */

/** The ELK options for a flow: layers left to right, branches leaving in the order they are listed. */
export const LAYOUT_OPTIONS: LayoutOptions = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.spacing.nodeNode': '40',
  'elk.layered.spacing.nodeNodeBetweenLayers': '90',
  'elk.spacing.edgeNode': '20',
  'elk.layered.spacing.edgeNodeBetweenLayers': '20',
  'elk.edgeRouting': 'ORTHOGONAL',
  // Back edges (a menu's "repeat" going back) follow the flow's reading order from the entry.
  'elk.layered.cycleBreaking.strategy': 'DEPTH_FIRST',
  // One layered graph, so the entry's first layer is the leftmost of all (components would be
  // packed side by side, an unreachable one possibly left of the entry).
  'elk.separateConnectedComponents': 'false',
  'elk.randomSeed': '1',
};

/** A block's drawn box and handles (nodes/layout.ts `blockLayout`; y from the block's top). */
export interface BlockBox {
  width: number;
  height: number;
  handles: readonly { id?: string | null; type: 'source' | 'target'; y: number; height?: number }[];
}

/**
 * Above this many blocks ELK's crossing minimization sweeps once, without the greedy switch: a
 * 2,000-block flow then lays out in seconds instead of minutes.
 */
export const BIG_LAYOUT = 300;

/**
 * A block with no way out reached from more places than this (the Disconnect every error goes to)
 * is put in a layer of its own at the right, and its incoming edges are left out of the layout.
 * Drawn from each of its callers, such edges would run through every layer in between, and those
 * long edges (one dummy node per layer crossed) are what makes a layered layout slow and cramped.
 */
export const HUB_SINK = 6;

/** What was sent to ELK, and how to read its answer back. */
export interface LayoutRequest {
  graph: ElkNode;
  /** Action Identifiers by ELK node id (ELK ids are `n<index>`: Identifiers may hold any text). */
  ids: ReadonlyMap<string, string>;
  /** Where the laid-out blocks' bounding box starts: the top-left of where they were. */
  origin: XY;
}

export interface LayoutScope {
  /** Each block's size and handles, as the canvas draws it. */
  measure: (data: BlockNodeData) => BlockBox;
  /** The entry block, placed in the first layer when it is laid out. */
  startAction?: string;
  /** Lay out only these blocks (and the edges between them); all of them when undefined. */
  only?: ReadonlySet<string>;
}

/** The ELK graph for a flow's blocks: each at its drawn size, with its handles as fixed ports. */
export function toElkGraph(graph: Graph, scope: LayoutScope): LayoutRequest | undefined {
  const nodes = graph.nodes.filter((n) => !scope.only || scope.only.has(n.id));
  if (nodes.length === 0) return undefined;
  // The entry first in model order too, so the depth-first cycle breaking starts from it.
  const start = nodes.findIndex((n) => n.id === scope.startAction);
  if (start > 0) nodes.unshift(...nodes.splice(start, 1));

  const elkIds = new Map<string, string>();
  const ids = new Map<string, string>();
  nodes.forEach((n, i) => {
    elkIds.set(n.id, `n${i}`);
    ids.set(`n${i}`, n.id);
  });
  const ports = new Map<string, string>();
  const children: ElkNode[] = nodes.map((n) => {
    const elkId = elkIds.get(n.id) ?? '';
    const { width, height, handles } = scope.measure(n.data);
    const elkPorts: ElkPort[] = [];
    for (const h of handles) {
      const hidden = h.type === 'source' && n.data.branches.find((b) => b.id === h.id)?.hidden;
      if (hidden) continue;
      const id = h.type === 'target' ? `${elkId}.in` : `${elkId}.p${elkPorts.length}`;
      if (h.type === 'source') ports.set(`${n.id}\u0000${h.id}`, id);
      elkPorts.push({
        id,
        // The handle's centre on the block's edge.
        x: h.type === 'target' ? 0 : width,
        y: h.y + (h.height ?? 0) / 2,
        width: 0,
        height: 0,
        layoutOptions: { 'elk.port.side': h.type === 'target' ? 'WEST' : 'EAST' },
      });
    }
    return {
      id: elkId,
      width,
      height,
      ports: elkPorts,
      layoutOptions: {
        'elk.portConstraints': 'FIXED_POS',
        ...(n.id === scope.startAction ? { 'elk.layered.layering.layerConstraint': 'FIRST' } : {}),
      },
    };
  });

  const laid = graph.edges.flatMap((e) => {
    const source = ports.get(`${e.source}\u0000${e.sourceHandle}`);
    const target = elkIds.get(e.target);
    // A hidden edge doubles a drawn one; a loop onto its own block places nothing.
    if (e.hidden || !source || !target || e.source === e.target) return [];
    return [{ from: e.source, to: e.target, source, target: `${target}.in` }];
  });
  const hubs = hubSinks(laid);
  const edges: ElkExtendedEdge[] = laid
    .filter((e) => !hubs.has(e.to))
    .map((e, i) => ({ id: `e${i}`, sources: [e.source], targets: [e.target] }));
  for (const child of children) {
    const id = ids.get(child.id);
    if (id !== undefined && hubs.has(id) && id !== scope.startAction)
      child.layoutOptions = {
        ...child.layoutOptions,
        'elk.layered.layering.layerConstraint': 'LAST_SEPARATE',
      };
  }
  const effort: LayoutOptions =
    nodes.length > BIG_LAYOUT
      ? { 'elk.layered.thoroughness': '1', 'elk.layered.crossingMinimization.greedySwitch.type': 'OFF' }
      : {};

  const placed = nodes.map((n) => n.position);
  const origin = { x: Math.min(...placed.map((p) => p.x)), y: Math.min(...placed.map((p) => p.y)) };
  const layoutOptions = { ...LAYOUT_OPTIONS, ...effort };
  return { graph: { id: 'root', layoutOptions, children, edges }, ids, origin };
}

/** Blocks with no edge out and more than HUB_SINK edges in. */
function hubSinks(edges: readonly { from: string; to: string }[]): Set<string> {
  const incoming = new Map<string, number>();
  const sources = new Set<string>();
  for (const e of edges) {
    incoming.set(e.to, (incoming.get(e.to) ?? 0) + 1);
    sources.add(e.from);
  }
  return new Set([...incoming].filter(([id, n]) => n > HUB_SINK && !sources.has(id)).map(([id]) => id));
}

/** ELK's answer as block positions, its bounding box moved to the request's origin, in whole px. */
export function positionsFromElk(request: LayoutRequest, result: ElkNode): Record<string, XY> {
  const laid = (result.children ?? []).filter((c) => request.ids.has(c.id));
  if (laid.length === 0) return {};
  const left = Math.min(...laid.map((c) => c.x ?? 0));
  const top = Math.min(...laid.map((c) => c.y ?? 0));
  const out: Record<string, XY> = {};
  for (const c of laid) {
    const id = request.ids.get(c.id);
    if (id === undefined) continue;
    out[id] = {
      x: Math.round(request.origin.x + (c.x ?? 0) - left),
      y: Math.round(request.origin.y + (c.y ?? 0) - top),
    };
  }
  return out;
}

/** Lays out a flow's blocks (or `scope.only`) with `elk`; the new positions, for moveBlocks. */
export async function autoLayout(
  elk: Pick<ELK, 'layout'>,
  graph: Graph,
  scope: LayoutScope,
): Promise<Record<string, XY>> {
  const request = toElkGraph(graph, scope);
  if (!request) return {};
  return positionsFromElk(request, await elk.layout(request.graph));
}
