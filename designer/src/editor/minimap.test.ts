import { describe, expect, it } from 'vitest';
import { boundsOf, viewBox } from './geometry.js';
import { fitFrame, toFlow, toMinimap } from './minimap.js';

describe('the minimap of a big flow', () => {
  const blocks = [
    { position: { x: -100, y: 0 }, width: 220, height: 48 },
    { position: { x: 900, y: 500 }, width: 220, height: 93 },
  ];

  it('shows every block whole, centred, inside its margin', () => {
    const bounds = boundsOf(blocks);
    expect(bounds).toEqual({ x: -100, y: 0, width: 1220, height: 593 });
    const frame = fitFrame(bounds, { width: 200, height: 150 }, 8);
    const drawn = toMinimap(frame, bounds);
    expect(drawn.x).toBeCloseTo(8);
    expect(drawn.x + drawn.width).toBeCloseTo(192);
    expect(drawn.y).toBeGreaterThanOrEqual(8);
    expect(drawn.y + drawn.height).toBeLessThanOrEqual(142);
    expect(drawn.y + drawn.height / 2).toBeCloseTo(75);
  });

  it('maps a minimap point back to the flow point drawn there', () => {
    const frame = fitFrame(boundsOf(blocks), { width: 200, height: 150 });
    const p = toFlow(frame, { x: 50, y: 60 });
    const back = toMinimap(frame, { ...p, width: 0, height: 0 });
    expect(back.x).toBeCloseTo(50);
    expect(back.y).toBeCloseTo(60);
  });

  it('outlines the view from React Flow’s transform and the pane size', () => {
    expect(viewBox([-200, 100, 2], 1000, 800)).toEqual({ x: 100, y: -50, width: 500, height: 400 });
  });
});
