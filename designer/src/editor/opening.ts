import { type FitViewOptions, getViewportForBounds, type Viewport } from '@xyflow/react';
import { type RefObject, useLayoutEffect, useRef, useState } from 'react';
import type { XY } from '../system/index.js';
import { boundsOf } from './geometry.js';

/** A flow of one or two blocks is not blown up to fill the screen. */
export const FIT: FitViewOptions = { maxZoom: 1 };
/** Far enough out to see a couple of thousand blocks whole. */
export const MIN_ZOOM = 0.05;
/** React Flow's fitView default. */
const PADDING = 0.1;

/**
 * Above this many blocks a flow opens on its entry block instead of fitted whole. Fitting 2,000
 * blocks zooms out to about 5%, where nothing can be read and the browser draws every block and
 * edge on each frame of a pan (about 3 fps); zoom to fit still shows the whole flow on demand.
 */
export const BIG_FLOW = 300;

/** Where the entry block's corner lands in the pane, clear of the status line. */
const MARGIN = 60;

export interface Opening {
  big: boolean;
  viewport: Viewport;
}

interface Placed {
  id: string;
  position: XY;
  width?: number;
  height?: number;
}

/**
 * How the canvas first shows a flow in a pane of `pane` px: fitted when small enough to read that
 * way, else at zoom 1 (what a fit never exceeds) with the entry block (or the first block) near
 * the top-left corner, where the flow starts reading. Computed here rather than by React Flow's
 * fitView, whose first fit is dropped when every node has its size before the pane is ready
 * (xyflow/xyflow#5834).
 */
export function openingView(
  blocks: readonly Placed[],
  startAction: string | undefined,
  pane: { width: number; height: number },
): Opening {
  if (blocks.length > BIG_FLOW) {
    const at = (blocks.find((b) => b.id === startAction) ?? blocks[0])?.position ?? { x: 0, y: 0 };
    return { big: true, viewport: { x: MARGIN - at.x, y: MARGIN - at.y, zoom: 1 } };
  }
  if (blocks.length === 0 || pane.width <= 0 || pane.height <= 0)
    return { big: false, viewport: { x: 0, y: 0, zoom: 1 } };
  const bounds = boundsOf(blocks);
  const viewport = getViewportForBounds(bounds, pane.width, pane.height, MIN_ZOOM, FIT.maxZoom ?? 1, PADDING);
  return { big: false, viewport };
}

/**
 * The opening of the flow in `pane`, once the pane has a size: measured before the first paint,
 * so the canvas (rendered only then) never shows an unfitted frame. Later edits do not move it.
 */
export function useOpening(
  pane: RefObject<HTMLElement | null>,
  blocks: readonly Placed[],
  startAction: string | undefined,
): Opening | undefined {
  const first = useRef({ blocks, startAction });
  const [opening, setOpening] = useState<Opening>();
  useLayoutEffect(() => {
    const rect = pane.current?.getBoundingClientRect() ?? { width: 0, height: 0 };
    setOpening(openingView(first.current.blocks, first.current.startAction, rect));
  }, [pane]);
  return opening;
}
