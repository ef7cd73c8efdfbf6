import type { Node } from '@xyflow/react';
import { describe, expect, it } from 'vitest';
import { CURRENT_CLASS, highlighted, MATCH_CLASS } from './useFind.js';

const node = (id: string, className?: string): Node => ({
  id,
  position: { x: 0, y: 0 },
  data: {},
  ...(className ? { className } : {}),
});

describe('search highlights', () => {
  it('mark the matching nodes, the current one twice, and keep every other node object', () => {
    const nodes = [node('a'), node('b'), node('c', 'ghost')];
    const out = highlighted(nodes, new Set(['b', 'c']), 'c');
    expect(out[0]).toBe(nodes[0]);
    expect(out[1]?.className).toBe(MATCH_CLASS);
    expect(out[2]?.className).toBe(`ghost ${MATCH_CLASS} ${CURRENT_CLASS}`);
  });

  it('give back the very array when nothing matches', () => {
    const nodes = [node('a')];
    expect(highlighted(nodes, new Set(), undefined)).toBe(nodes);
  });
});
