import { useReactFlow } from '@xyflow/react';
import { type DragEvent, type RefObject, useCallback, useMemo } from 'react';
import { BLOCK } from '../nodes/layout.js';
import type { XY } from '../system/index.js';
import type { Editor } from './editor.js';
import { FIT } from './opening.js';

/** The drag type a palette entry carries; its data is the block type. */
export const BLOCK_DRAG_TYPE = 'application/x-parley-block';

/** Roughly half a block, so a block lands centred where it is dropped. */
const HALF_BLOCK: XY = { x: BLOCK.width / 2, y: 40 };
const NUDGE = 30;

/** `at`, moved down-right until it is on no block's exact position (clicking "add" twice). */
export function freeSpot(at: XY, taken: readonly XY[]): XY {
  let spot = at;
  while (taken.some((p) => Math.abs(p.x - spot.x) < 1 && Math.abs(p.y - spot.y) < 1))
    spot = { x: spot.x + NUDGE, y: spot.y + NUDGE };
  return spot;
}

export const centredOn = (p: XY): XY => ({
  x: Math.round(p.x - HALF_BLOCK.x),
  y: Math.round(p.y - HALF_BLOCK.y),
});

/**
 * Placing blocks on the canvas (inside a ReactFlowProvider): dropping a palette entry where the
 * pointer is, adding one at the centre of the view, and bringing a block into view.
 */
export function useCanvas(editor: Editor, pane: RefObject<HTMLElement | null>) {
  const flow = useReactFlow();

  const addAtCentre = useCallback(
    (type: string) => {
      const rect = pane.current?.getBoundingClientRect();
      const centre = rect
        ? flow.screenToFlowPosition({ x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 })
        : { x: 0, y: 0 };
      const taken = flow.getNodes().map((n) => n.position);
      editor.add(type, freeSpot(centredOn(centre), taken));
    },
    [editor, flow, pane],
  );

  const dropHandlers = useMemo(
    () => ({
      onDragOver(e: DragEvent) {
        if (!e.dataTransfer.types.includes(BLOCK_DRAG_TYPE)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
      },
      onDrop(e: DragEvent) {
        const type = e.dataTransfer.getData(BLOCK_DRAG_TYPE);
        if (!type) return;
        e.preventDefault();
        editor.add(type, centredOn(flow.screenToFlowPosition({ x: e.clientX, y: e.clientY })));
      },
    }),
    [editor, flow],
  );

  /** Selects a block and centres the view on it (from the problems list). */
  const focusBlock = useCallback(
    (id: string) => {
      const node = flow.getInternalNode(id);
      if (!node) return;
      editor.select({ nodes: new Set([id]), edges: new Set() });
      const { x, y } = node.internals.positionAbsolute;
      const w = node.measured.width ?? node.width ?? HALF_BLOCK.x * 2;
      const h = node.measured.height ?? node.height ?? HALF_BLOCK.y * 2;
      void flow.setCenter(x + w / 2, y + h / 2, { zoom: Math.max(flow.getZoom(), 0.8), duration: 300 });
    },
    [editor, flow],
  );

  const fit = useCallback(() => void flow.fitView({ ...FIT, duration: 300 }), [flow]);

  return { addAtCentre, dropHandlers, focusBlock, fit };
}
