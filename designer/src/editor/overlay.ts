import { createContext, useContext } from 'react';
import type { BlockMark, CanvasOverlay } from '../system/index.js';
import type { BlockFlowEdge } from './view.js';

/**
 * The overlay reaches blocks through context rather than node data, so laying one over a big flow
 * does not rebuild every React Flow node: only the blocks in view re-render to read their mark.
 */
export const OverlayContext = createContext<CanvasOverlay | undefined>(undefined);

export function useBlockMark(id: string): BlockMark | undefined {
  return useContext(OverlayContext)?.blocks.get(id);
}

/** The edges with their overlay mark as a class (`edge-taken`, `edge-added`…); unmarked ones as they were. */
export function markEdges(edges: BlockFlowEdge[], overlay: CanvasOverlay | undefined): BlockFlowEdge[] {
  if (!overlay || overlay.edges.size === 0) return edges;
  return edges.map((e) => {
    const mark = overlay.edges.get(e.id);
    return mark ? { ...e, className: `edge-${mark}`, animated: mark === 'taken' } : e;
  });
}
