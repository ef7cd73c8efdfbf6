import type { XY } from '../system/index.js';
import type { Box } from './geometry.js';

/** Maps flow coordinates into the minimap: a minimap point is (flow - origin) × scale. */
export interface Frame {
  x: number;
  y: number;
  scale: number;
}

/** The frame that shows `bounds` whole and centred in a minimap of `size`, `margin` px inside. */
export function fitFrame(bounds: Box, size: { width: number; height: number }, margin = 8): Frame {
  const scale = Math.min(
    (size.width - 2 * margin) / Math.max(bounds.width, 1),
    (size.height - 2 * margin) / Math.max(bounds.height, 1),
  );
  return {
    scale,
    x: bounds.x - (size.width / scale - bounds.width) / 2,
    y: bounds.y - (size.height / scale - bounds.height) / 2,
  };
}

export const toMinimap = (f: Frame, b: Box): Box => ({
  x: (b.x - f.x) * f.scale,
  y: (b.y - f.y) * f.scale,
  width: b.width * f.scale,
  height: b.height * f.scale,
});

export const toFlow = (f: Frame, p: XY): XY => ({ x: p.x / f.scale + f.x, y: p.y / f.scale + f.y });
