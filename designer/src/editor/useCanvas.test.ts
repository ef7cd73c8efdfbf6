import { describe, expect, it } from 'vitest';
import { centredOn, freeSpot } from './useCanvas.js';

describe('placing blocks', () => {
  it('centres a block on the point and nudges it off a block already there', () => {
    expect(centredOn({ x: 500, y: 300 })).toEqual({ x: 390, y: 260 });
    expect(freeSpot({ x: 0, y: 0 }, [])).toEqual({ x: 0, y: 0 });
    expect(
      freeSpot({ x: 0, y: 0 }, [
        { x: 0, y: 0 },
        { x: 30, y: 30 },
      ]),
    ).toEqual({ x: 60, y: 60 });
  });
});
