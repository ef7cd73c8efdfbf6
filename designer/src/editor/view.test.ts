import type { NodeChange } from '@xyflow/react';
import { describe, expect, it } from 'vitest';
import { blockLayout } from '../nodes/layout.js';
import { toGraph } from '../system/index.js';
import { fixture } from '../system/test-flows.js';
import { flip, merged, readEdgeSelection, readNodeChanges } from './changes.js';
import { validateModel } from './useDiagnostics.js';
import { type BlockFlowNode, byId, stableGraph, toFlowEdges, toFlowNodes, type ViewState } from './view.js';

const view = (over: Partial<ViewState> = {}): ViewState => ({
  selectedNodes: new Set(),
  selectedEdges: new Set(),
  dragging: new Map(),
  ...over,
});

describe('the canvas view', () => {
  const model = fixture('inbound-main-ivr.json');
  const graph = toGraph(model, { diagnostics: validateModel(model, 'CONTACT_FLOW') });

  it('keeps every node and edge object that did not change, so React Flow skips them', () => {
    const nodes = toFlowNodes(new Map(), graph, view());
    const again = toGraph(model, { diagnostics: validateModel(model, 'CONTACT_FLOW') });
    const stable = stableGraph(graph, again);
    expect(stable.nodes.every((n, i) => n.data === graph.nodes[i]?.data)).toBe(true);
    const [a, b] = nodes;
    if (!a || !b) throw new Error('fixture too small');
    const next = toFlowNodes(byId(nodes), stable, view({ selectedNodes: new Set([a.id]) }));
    expect(next[0]).not.toBe(a);
    expect(next[0]?.selected).toBe(true);
    expect(next.slice(1).every((n, i) => n === nodes[i + 1])).toBe(true);
    const edges = toFlowEdges(new Map(), graph, new Set());
    expect(toFlowEdges(byId(edges), stable, new Set()).every((e, i) => e === edges[i])).toBe(true);
  });

  it('shows a dragged node where the pointer is', () => {
    const id = graph.nodes[0]?.id ?? '';
    const nodes = toFlowNodes(new Map(), graph, view({ dragging: new Map([[id, { x: 5, y: 6 }]]) }));
    expect(nodes[0]).toMatchObject({ position: { x: 5, y: 6 }, dragging: true });
    expect(nodes[1]?.position).toEqual(graph.nodes[1]?.position);
  });

  it('gives every node its size and handles, so React Flow need not render it to measure it', () => {
    const nodes = toFlowNodes(new Map(), graph, view());
    for (const [i, node] of nodes.entries()) {
      const branches = graph.nodes[i]?.data.branches ?? [];
      expect(node).toMatchObject(blockLayout({ branches }));
      expect(node.handles?.filter((h) => h.type === 'source').map((h) => h.id)).toEqual(
        branches.map((b) => b.id),
      );
    }
  });

  it('gives a block new data when its diagnostics change', () => {
    const id = graph.nodes[0]?.id ?? '';
    const error = { code: 'DOC_SCHEMA' as const, severity: 'error' as const, message: 'x', actionId: id };
    const next = stableGraph(graph, toGraph(model, { diagnostics: [error] }));
    expect(next.nodes[0]?.data).not.toBe(graph.nodes[0]?.data);
    expect(next.nodes[0]?.data.diagnostics).toEqual([error]);
  });
});

describe('React Flow changes', () => {
  it('are sorted into selection, drag frames and drops; sizes are known and removals left to the editor', () => {
    const changes: NodeChange<BlockFlowNode>[] = [
      { type: 'select', id: 'a', selected: true },
      { type: 'position', id: 'a', position: { x: 1, y: 2 }, dragging: true },
      { type: 'position', id: 'b', position: { x: 3, y: 4 }, dragging: false },
      { type: 'dimensions', id: 'c', dimensions: { width: 10, height: 20 } },
      { type: 'remove', id: 'd' },
    ];
    const c = readNodeChanges(changes);
    expect([...c.select]).toEqual([['a', true]]);
    expect([...c.drag]).toEqual([['a', { x: 1, y: 2 }]]);
    expect(c.drop).toEqual({ b: { x: 3, y: 4 } });
    expect(Object.keys(c)).toEqual(['select', 'drag', 'drop']);
    expect([
      ...readEdgeSelection([
        { type: 'select', id: 'e', selected: false },
        { type: 'remove', id: 'f' },
      ]),
    ]).toEqual([['e', false]]);
  });

  it('flip and merge give back the same object when nothing changes', () => {
    const set = new Set(['a']);
    expect(flip(set, new Map([['a', true]]))).toBe(set);
    expect([
      ...flip(
        set,
        new Map([
          ['a', false],
          ['b', true],
        ]),
      ),
    ]).toEqual(['b']);
    const map = new Map([['a', 1]]);
    expect(merged(map, new Map(), ['z'])).toBe(map);
    expect([...merged(map, new Map([['b', 2]]), ['a'])]).toEqual([['b', 2]]);
  });
});
