import { type FlowModel, loadFlow } from '@parley/flow';
import ELK from 'elkjs/lib/elk.bundled.js';
import { describe, expect, it } from 'vitest';
import { generateFlow } from '../../../packages/flow/bench/generate.js';
import { blockLayout } from '../nodes/layout.js';
import { moveBlocks } from './edit.js';
import { toGraph } from './graph.js';
import { autoLayout, BIG_LAYOUT, type LayoutScope, toElkGraph } from './layout.js';
import { allFlows, fixture } from './test-flows.js';
import type { Graph, XY } from './types.js';

// The bundled ELK runs in this thread; the page runs the same code in a Web Worker.
const elk = new ELK();

const scopeOf = (model: FlowModel, only?: ReadonlySet<string>): LayoutScope => ({
  measure: blockLayout,
  startAction: model.startAction,
  ...(only ? { only } : {}),
});

async function laidOut(model: FlowModel, only?: ReadonlySet<string>) {
  const positions = await autoLayout(elk, toGraph(model), scopeOf(model, only));
  const moved = moveBlocks(model, positions);
  return { positions, moved, graph: toGraph(moved) };
}

/** Fixtures of every kind and the biggest real exports. */
function sampleFlows() {
  const corpus = allFlows()
    .filter((f) => f.name.startsWith('corpus/'))
    .sort((a, b) => b.model.actions.length - a.model.actions.length)
    .slice(0, 4);
  return [...allFlows().filter((f) => f.name.startsWith('fixtures/')), ...corpus];
}

type Laid = Awaited<ReturnType<typeof laidOut>>;
let sampled: Promise<{ name: string; model: FlowModel; laid: Laid }[]> | undefined;

/** The sample flows laid out once, shared by the tests that check properties of the result. */
function laidSamples() {
  sampled ??= (async () => {
    const out = [];
    for (const f of sampleFlows()) out.push({ ...f, laid: await laidOut(f.model) });
    return out;
  })();
  return sampled;
}

function boxes(graph: Graph) {
  return graph.nodes.map((n) => ({ id: n.id, ...n.position, ...blockLayout(n.data) }));
}

/** Whether `to` can be reached from `from` along drawn edges (so an edge into `from` closes a loop). */
function reaches(graph: Graph, from: string, to: string): boolean {
  const next = new Map<string, string[]>();
  for (const e of graph.edges) if (!e.hidden) next.set(e.source, [...(next.get(e.source) ?? []), e.target]);
  const seen = new Set([from]);
  const stack = [from];
  for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
    if (id === to) return true;
    for (const t of next.get(id) ?? []) if (!seen.has(t) && seen.add(t)) stack.push(t);
  }
  return false;
}

function expectNoOverlap(name: string, graph: Graph) {
  const all = boxes(graph);
  for (const [i, a] of all.entries())
    for (const b of all.slice(i + 1)) {
      const apart =
        a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
      expect(apart, `${name}: ${a.id} overlaps ${b.id}`).toBe(true);
    }
}

function expectLeftToRight(name: string, graph: Graph) {
  const at = new Map(boxes(graph).map((b) => [b.id, b]));
  for (const e of graph.edges) {
    const from = at.get(e.source);
    const to = at.get(e.target);
    if (e.hidden || !from || !to || e.source === e.target) continue;
    if (from.x + from.width <= to.x) continue;
    expect(reaches(graph, e.target, e.source), `${name}: ${e.id} goes right to left outside a loop`).toBe(
      true,
    );
  }
}

// ELK is fast, but a shared two-core machine running the whole suite is not: no timing is asserted.
describe('auto-layout', { timeout: 120_000 }, () => {
  it('places every block with no two overlapping, on fixtures and real exports', async () => {
    for (const { name, laid } of await laidSamples()) {
      const { positions, graph } = laid;
      expect(Object.keys(positions).sort(), name).toEqual(graph.nodes.map((n) => n.id).sort());
      expectNoOverlap(name, graph);
    }
  });

  it('sends every edge left to right, but for those that close a loop', async () => {
    for (const { name, laid } of await laidSamples()) expectLeftToRight(name, laid.graph);
  });

  it('puts the entry block leftmost', async () => {
    for (const { name, model, laid } of await laidSamples()) {
      const { positions } = laid;
      const entry = model.startAction && positions[model.startAction];
      if (!entry) continue;
      const lefts = Object.values(positions).map((p) => p.x);
      expect(entry.x, name).toBe(Math.min(...lefts));
    }
  });

  it('gives the same positions when run again on its own result', async () => {
    for (const { name, laid: first } of (await laidSamples()).slice(0, 8)) {
      const again = await laidOut(first.moved);
      expect(again.positions, name).toEqual(first.positions);
    }
  });

  it("fans a block's branches out top to bottom in the order they are listed", async () => {
    const doc = {
      Version: '2019-10-30',
      StartAction: 'menu',
      Metadata: {},
      Actions: [
        ...['one', 'two', 'three', 'oops'].map((id) => ({
          Identifier: id,
          Type: 'DisconnectParticipant',
          Parameters: {},
          Transitions: {},
        })),
        {
          Identifier: 'menu',
          Type: 'GetParticipantInput',
          Parameters: { Text: 'Press 1, 2 or 3', StoreInput: 'False', InputTimeLimitSeconds: '5' },
          Transitions: {
            NextAction: 'oops',
            Conditions: ['three', 'two', 'one'].map((to, i) => ({
              NextAction: to,
              Condition: { Operator: 'Equals', Operands: [String(i + 1)] },
            })),
            Errors: [{ NextAction: 'oops', ErrorType: 'NoMatchingCondition' }],
          },
        },
      ],
    };
    const model = loadFlow(JSON.stringify(doc)).model;
    if (!model) throw new Error('the flow should load');
    const { positions } = await laidOut(model);
    const ys = ['three', 'two', 'one', 'oops'].map((id) => positions[id]?.y ?? Number.NaN);
    expect(ys).toEqual([...ys].sort((a, b) => a - b));
    expect(new Set(ys).size).toBe(4);
  });

  it('lays out only the selected blocks, from where they were, leaving the others', async () => {
    const model = fixture('inbound-main-ivr.json');
    const graph = toGraph(model);
    const only = new Set(graph.nodes.slice(0, 6).map((n) => n.id));
    const { positions, graph: after } = await laidOut(model, only);
    expect(Object.keys(positions).sort()).toEqual([...only].sort());
    const before = new Map(graph.nodes.map((n) => [n.id, n.position]));
    for (const n of after.nodes) if (!only.has(n.id)) expect(n.position).toEqual(before.get(n.id));
    const topLeft = (ps: XY[]) => ({
      x: Math.min(...ps.map((p) => p.x)),
      y: Math.min(...ps.map((p) => p.y)),
    });
    const was = topLeft(graph.nodes.filter((n) => only.has(n.id)).map((n) => n.position));
    expect(topLeft(Object.values(positions))).toEqual(was);
  });

  it('describes each block to ELK at its drawn size, its branches as ports in order', () => {
    const model = fixture('inbound-main-ivr.json');
    const graph = toGraph(model);
    const request = toElkGraph(graph, scopeOf(model));
    const node = graph.nodes.find((n) => n.data.branches.filter((b) => !b.hidden).length > 2);
    if (!request || !node) throw new Error('the fixture should have a menu');
    const elkNode = request.graph.children?.find((c) => request.ids.get(c.id) === node.id);
    const { width, height } = blockLayout(node.data);
    expect({ width: elkNode?.width, height: elkNode?.height }).toEqual({ width, height });
    const east = (elkNode?.ports ?? []).filter((p) => p.layoutOptions?.['elk.port.side'] === 'EAST');
    expect(east).toHaveLength(node.data.branches.filter((b) => !b.hidden).length);
    const ys = east.map((p) => p.y ?? 0);
    expect(ys).toEqual([...ys].sort((a, b) => a - b));
    expect(request.graph.children?.[0] && request.ids.get(request.graph.children[0].id)).toBe(
      model.startAction,
    );
  });

  it('lays out a generated flow bigger than BIG_LAYOUT with the same guarantees', async () => {
    const model = loadFlow(JSON.stringify(generateFlow(BIG_LAYOUT + 50))).model;
    if (!model) throw new Error('the flow should load');
    const { graph } = await laidOut(model);
    expectNoOverlap('generated', graph);
    expectLeftToRight('generated', graph);
  });
});
