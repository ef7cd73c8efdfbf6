import type { XY } from '../system/index.js';

/** A rectangle in flow coordinates (or in minimap pixels). */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The box around every block; an empty box at the origin when there is none. */
export function boundsOf(blocks: readonly { position: XY; width?: number; height?: number }[]): Box {
  if (blocks.length === 0) return { x: 0, y: 0, width: 0, height: 0 };
  let [x1, y1, x2, y2] = [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY, -Infinity, -Infinity];
  for (const b of blocks) {
    x1 = Math.min(x1, b.position.x);
    y1 = Math.min(y1, b.position.y);
    x2 = Math.max(x2, b.position.x + (b.width ?? 0));
    y2 = Math.max(y2, b.position.y + (b.height ?? 0));
  }
  return { x: x1, y: y1, width: x2 - x1, height: y2 - y1 };
}

/** The part of the flow the pane shows, from React Flow's transform [x, y, zoom] and pane size. */
export function viewBox(transform: readonly [number, number, number], width: number, height: number): Box {
  const [x, y, zoom] = transform;
  return { x: -x / zoom, y: -y / zoom, width: width / zoom, height: height / zoom };
}

export const sameBox = (a: Box, b: Box): boolean =>
  a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;
