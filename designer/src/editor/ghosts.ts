import { useMemo } from 'react';
import { blockLayout } from '../nodes/layout.js';
import type { CanvasOverlay } from '../system/index.js';
import { markEdges } from './overlay.js';
import type { BlockFlowEdge, BlockFlowNode } from './view.js';

/**
 * React Flow's nodes and edges for an overlay's ghosts (a diff's removed blocks): sized up front
 * like every block, marked, and inert: they are not part of the flow, so nothing may select, drag,
 * connect or delete them.
 */
export function ghostElements(overlay: CanvasOverlay | undefined): {
  nodes: BlockFlowNode[];
  edges: BlockFlowEdge[];
} {
  const ghosts = overlay?.ghosts;
  if (!ghosts) return { nodes: [], edges: [] };
  const inert = {
    selectable: false,
    draggable: false,
    connectable: false,
    deletable: false,
    focusable: false,
  };
  const nodes = ghosts.nodes.map((n): BlockFlowNode => {
    const { width, height, handles } = blockLayout(n.data);
    return { ...n, ...inert, className: 'ghost', width, height, handles, measured: { width, height } };
  });
  const edges = ghosts.edges.map(
    (e): BlockFlowEdge => ({
      ...e,
      selectable: false,
      focusable: false,
      deletable: false,
      reconnectable: false,
      className: `edge-${overlay.edges.get(e.id) ?? 'removed'}`,
    }),
  );
  return { nodes, edges };
}

/** The editor's nodes and edges as the overlay shows them: edges marked, ghosts added after. */
export function useOverlaid(
  nodes: BlockFlowNode[],
  edges: BlockFlowEdge[],
  overlay: CanvasOverlay | undefined,
): { nodes: BlockFlowNode[]; edges: BlockFlowEdge[] } {
  const ghosts = useMemo(() => ghostElements(overlay), [overlay]);
  const shownNodes = useMemo(
    () => (ghosts.nodes.length > 0 ? [...nodes, ...ghosts.nodes] : nodes),
    [nodes, ghosts],
  );
  const shownEdges = useMemo(() => {
    const marked = markEdges(edges, overlay);
    return ghosts.edges.length > 0 ? [...marked, ...ghosts.edges] : marked;
  }, [edges, overlay, ghosts]);
  return { nodes: shownNodes, edges: shownEdges };
}
