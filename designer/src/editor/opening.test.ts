import { describe, expect, it } from 'vitest';
import { BIG_FLOW, openingView } from './opening.js';

const grid = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    id: `a${i}`,
    position: { x: (i % 20) * 240, y: Math.floor(i / 20) * 180 },
    width: 220,
    height: 93,
  }));
const pane = { width: 1000, height: 800 };

describe('the opening view', () => {
  it('fits a small flow whole, never above zoom 1', () => {
    const small = openingView(grid(9), 'a0', pane);
    expect(small.big).toBe(false);
    expect(small.viewport.zoom).toBeLessThanOrEqual(1);
    const [first, last] = [grid(9)[0], grid(9)[8]];
    if (!first || !last) throw new Error('grid too small');
    const { x, y, zoom } = small.viewport;
    // Every block inside the pane.
    expect(first.position.x * zoom + x).toBeGreaterThanOrEqual(0);
    expect((last.position.x + last.width) * zoom + x).toBeLessThanOrEqual(pane.width);
    expect(first.position.y * zoom + y).toBeGreaterThanOrEqual(0);
    expect((last.position.y + last.height) * zoom + y).toBeLessThanOrEqual(pane.height);
    expect(openingView(grid(BIG_FLOW), 'a0', pane).big).toBe(false);
  });

  it('opens a big flow at zoom 1 with its entry block near the top-left corner', () => {
    const blocks = grid(BIG_FLOW + 1);
    const entry = blocks[45];
    if (!entry) throw new Error('grid too small');
    const { big, viewport } = openingView(blocks, entry.id, pane);
    expect(big).toBe(true);
    expect(viewport.zoom).toBe(1);
    const at = { x: entry.position.x + viewport.x, y: entry.position.y + viewport.y };
    expect(at.x).toBeGreaterThan(0);
    expect(at.x).toBeLessThan(100);
    expect(at.y).toBeGreaterThan(0);
    expect(at.y).toBeLessThan(100);
    // Without an entry, the first block.
    expect(openingView(blocks, undefined, pane).viewport).toMatchObject({ x: 60, y: 60 });
  });

  it('leaves an empty flow, or a pane without a size, at the origin', () => {
    expect(openingView([], undefined, pane).viewport).toEqual({ x: 0, y: 0, zoom: 1 });
    expect(openingView(grid(3), 'a0', { width: 0, height: 0 }).viewport).toEqual({ x: 0, y: 0, zoom: 1 });
  });
});
