import { describe, expect, it } from 'vitest';
import { pathOverlay } from './overlay.js';
import type { Graph } from './types.js';

const edge = (source: string, handle: string, target: string) => ({
  id: `${source}->${handle}`,
  source,
  sourceHandle: handle,
  target,
  data: { kind: 'next' as const, label: handle },
});
const graph: Graph = {
  nodes: [],
  edges: [
    edge('a', 'condition:0', 'b'),
    edge('a', 'next', 'b'),
    edge('b', 'next', 'c'),
    edge('c', 'next', 'a'),
  ],
};

describe('the overlay of a path', () => {
  it('marks the blocks run and the edges joining consecutive ones, the last block running while live', () => {
    const o = pathOverlay(graph, ['a', 'b', 'c'], { label: 'Test call', live: true });
    expect([...o.blocks]).toEqual([
      ['a', 'visited'],
      ['b', 'visited'],
      ['c', 'running'],
    ]);
    expect([...o.edges]).toEqual([
      ['a->condition:0', 'taken'],
      ['b->next', 'taken'],
    ]);
  });

  it('keeps a block visited when the path comes back to it, and leaves nothing running once the call ended', () => {
    const o = pathOverlay(graph, ['a', 'b', 'c', 'a'], { label: 'Replay' });
    expect(o.blocks.get('a')).toBe('visited');
    expect(o.edges.get('c->next')).toBe('taken');
    expect([...o.blocks.values()]).not.toContain('running');
  });

  it('marks no edge between blocks that no edge joins (a jump the flow logs show but the draft lost)', () => {
    expect(pathOverlay(graph, ['c', 'b'], { label: 'x' }).edges.size).toBe(0);
  });
});
