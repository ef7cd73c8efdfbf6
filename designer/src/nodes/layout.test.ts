import { describe, expect, it } from 'vitest';
import type { Branch } from '../system/index.js';
import { BLOCK, blockLayout } from './layout.js';

const branch = (id: string, hidden = false): Branch => ({
  id,
  label: id,
  kind: 'condition',
  ...(hidden ? { hidden } : {}),
});

describe('a block’s layout', () => {
  it('is as wide as every block and as tall as its header, type and visible branches', () => {
    const bare = blockLayout({ branches: [] });
    expect(bare).toMatchObject({ width: BLOCK.width, height: 48 });
    expect(blockLayout({ branches: [branch('a'), branch('b')] }).height).toBe(48 + 1 + 2 * BLOCK.branch);
    expect(blockLayout({ branches: [branch('a'), branch('next', true)] }).height).toBe(48 + 1 + BLOCK.branch);
  });

  it('puts the target handle mid-left and each branch handle on the right edge of its row', () => {
    const { handles, height } = blockLayout({ branches: [branch('next', true), branch('a'), branch('b')] });
    const centre = (id: string | null) => {
      const h = handles.find((x) => x.id === id);
      return h && { x: h.x + (h.width ?? 0) / 2, y: h.y + (h.height ?? 0) / 2, type: h.type };
    };
    expect(centre(null)).toEqual({ x: 0, y: height / 2, type: 'target' });
    expect(centre('a')).toEqual({ x: BLOCK.width - 1, y: 48 + 11, type: 'source' });
    expect(centre('b')).toEqual({ x: BLOCK.width - 1, y: 48 + 22 + 11, type: 'source' });
    expect(handles.map((h) => h.id)).toEqual([null, 'next', 'a', 'b']);
  });
});
