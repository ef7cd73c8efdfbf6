import { describe, expect, it } from 'vitest';
import { markEdges } from './overlay.js';
import type { BlockFlowEdge } from './view.js';

const edges: BlockFlowEdge[] = [
  { id: 'a->next', source: 'a', target: 'b', sourceHandle: 'next' },
  { id: 'b->next', source: 'b', target: 'c', sourceHandle: 'next' },
];

describe('marking edges', () => {
  it('gives marked edges a class (a taken edge animated) and keeps the others as they were', () => {
    const marked = markEdges(edges, {
      label: 'x',
      blocks: new Map(),
      edges: new Map([['b->next', 'taken']]),
    });
    expect(marked[0]).toBe(edges[0]);
    expect(marked[1]).toMatchObject({ className: 'edge-taken', animated: true });
  });

  it('returns the same array when there is nothing to mark', () => {
    expect(markEdges(edges, undefined)).toBe(edges);
  });
});
