import {
  END_OF_FLOW,
  type FlowModel,
  forEachTarget,
  indexActions,
  toDocument,
  toModel,
  validateDocument,
} from '@parley/flow';
import { describe, expect, it } from 'vitest';
import { toGraph } from './graph.js';
import { allFlows, fixture, hasCorpus } from './test-flows.js';

const connectedTransitions = (model: FlowModel): number => {
  const ids = indexActions(model);
  let n = 0;
  for (const a of ids.values()) {
    if (!a.transitions) continue;
    forEachTarget(a.transitions, (target) => {
      if (target !== '' && target !== END_OF_FLOW && ids.has(target)) n++;
    });
  }
  return n;
};

const flow = (actions: unknown[], metadata?: unknown) =>
  toModel({ Version: '2019-10-30', StartAction: 'a', Metadata: metadata, Actions: actions }) as FlowModel;

describe('toGraph', () => {
  it('reads at least the 16 fixtures and, with the corpus, over 150 real exports', () => {
    expect(allFlows().filter((f) => f.name.startsWith('fixtures/')).length).toBe(16);
    if (hasCorpus) expect(allFlows().length).toBeGreaterThan(150);
  });

  it('gives every fixture and real export one node per action and an edge per connected transition', () => {
    for (const { name, model } of allFlows()) {
      const { nodes, edges } = toGraph(model);
      const ids = [...indexActions(model).keys()];
      expect(
        nodes.map((n) => n.id),
        name,
      ).toEqual(ids);
      expect(edges.length, name).toBe(connectedTransitions(model));
      expect(new Set(edges.map((e) => e.id)).size, name).toBe(edges.length);
    }
  });

  it('gives every edge a source handle that is one of its node’s branch ids', () => {
    for (const { name, model } of allFlows()) {
      const { nodes, edges } = toGraph(model);
      const branches = new Map(nodes.map((n) => [n.id, new Set(n.data.branches.map((b) => b.id))]));
      for (const e of edges)
        expect(branches.get(e.source)?.has(e.sourceHandle), `${name} ${e.id}`).toBe(true);
      for (const n of nodes) {
        expect(new Set(n.data.branches.map((b) => b.id)).size, `${name} ${n.id}`).toBe(
          n.data.branches.length,
        );
      }
    }
  });

  it('places every node at a finite position, Connect’s where Metadata has one', () => {
    for (const { name, model } of allFlows()) {
      for (const n of toGraph(model).nodes) {
        expect(Number.isFinite(n.position.x) && Number.isFinite(n.position.y), name).toBe(true);
      }
    }
    const ivr = fixture('inbound-main-ivr.json');
    const first = toGraph(ivr).nodes.find((n) => n.id === '913d00b7-495a-5a18-97fe-9d4b0d4ae503');
    expect(first?.position).toEqual({ x: 524.8, y: 52.8 });
  });

  it('puts actions without a position on a grid below the positioned ones, none on top of another', () => {
    const actions = ['a', 'b', 'c', 'd'].map((id) => ({
      Identifier: id,
      Type: 'DisconnectParticipant',
      Parameters: {},
      Transitions: {},
    }));
    const { nodes } = toGraph(flow(actions, { ActionMetadata: { b: { position: { x: 100, y: 300 } } } }));
    expect(nodes.find((n) => n.id === 'b')?.position).toEqual({ x: 100, y: 300 });
    const others = nodes.filter((n) => n.id !== 'b');
    for (const n of others) expect(n.position.y).toBeGreaterThan(300);
    expect(new Set(others.map((n) => `${n.position.x},${n.position.y}`)).size).toBe(3);
  });

  it('labels a block by its friendly name, else by its catalog label, and marks the start', () => {
    const model = flow(
      [
        {
          Identifier: 'a',
          Type: 'MessageParticipant',
          Parameters: { Text: 'Hi' },
          Transitions: { NextAction: 'Bye' },
        },
        { Identifier: 'Bye', Type: 'DisconnectParticipant', Parameters: {}, Transitions: {} },
      ],
      { ActionMetadata: { Bye: { position: { x: 0, y: 0 }, isFriendlyName: true } } },
    );
    const [play, bye] = toGraph(model).nodes;
    expect(play?.data).toMatchObject({ label: 'Play prompt', group: 'Interact', isStart: true });
    expect(bye?.data).toMatchObject({ label: 'Bye', isFriendlyName: true, isStart: false, branches: [] });
  });

  it('gives a block a handle for every branch it can take, connected or not', () => {
    const model = flow([
      {
        Identifier: 'a',
        Type: 'GetParticipantInput',
        Parameters: { Text: 'Press 1', InputTimeLimitSeconds: '5' },
        Transitions: {
          NextAction: 'z',
          Conditions: [{ NextAction: 'z', Condition: { Operator: 'Equals', Operands: ['1'] } }],
          Errors: [{ NextAction: 'z', ErrorType: 'NoMatchingCondition' }],
        },
      },
      { Identifier: 'h', Type: 'CheckHoursOfOperation', Parameters: {}, Transitions: {} },
      { Identifier: 'z', Type: 'DisconnectParticipant', Parameters: {}, Transitions: {} },
    ]);
    const [input, hours] = toGraph(model).nodes;
    expect(input?.data.branches).toEqual([
      { id: 'condition:0', label: 'Equals 1', kind: 'condition' },
      { id: 'error:InputTimeLimitExceeded', label: 'Timeout', kind: 'error' },
      { id: 'error:NoMatchingCondition', label: 'Default', kind: 'error' },
      { id: 'error:NoMatchingError', label: 'Error', kind: 'error' },
      { id: 'next', label: 'Next', kind: 'next', hidden: true },
    ]);
    expect(hours?.data.branches.map((b) => [b.id, b.label])).toEqual([
      ['value:True', 'In hours'],
      ['value:False', 'Out of hours'],
      ['error:NoMatchingCondition', 'Default'],
      ['error:NoMatchingError', 'Error'],
      ['next', 'Next'],
    ]);
  });

  it('hides the NextAction edge of a branching block when it mirrors its Default branch', () => {
    const model = fixture('inbound-main-ivr.json');
    const { edges } = toGraph(model);
    const hidden = edges.filter((e) => e.hidden);
    expect(hidden.length).toBeGreaterThan(0);
    for (const e of hidden) {
      expect(e.sourceHandle).toBe('next');
      const twin = edges.find((d) => d.source === e.source && d.sourceHandle === 'error:NoMatchingCondition');
      expect(twin?.target).toBe(e.target);
    }
  });

  it('gives handles to branches the catalog does not expect, so no edge is lost', () => {
    const model = flow([
      {
        Identifier: 'a',
        Type: 'DisconnectParticipant',
        Parameters: {},
        Transitions: {
          NextAction: 'b',
          Errors: [
            { NextAction: 'b', ErrorType: 'Odd' },
            { NextAction: 'b', ErrorType: 'Odd' },
            { NextAction: 'b' },
          ],
        },
      },
      { Identifier: 'b', Type: 'NotAType', Transitions: { NextAction: 'nowhere' } },
    ]);
    const { nodes, edges } = toGraph(model);
    expect(edges.map((e) => e.sourceHandle)).toEqual(['next', 'error:Odd', 'error:Odd#1', 'error:#2']);
    expect(nodes[1]?.data).toMatchObject({ label: 'NotAType', group: '', branches: [{ id: 'next' }] });
  });

  it('puts each of the validator’s diagnostics on the node it is about', () => {
    const model = flow([
      { Identifier: 'a', Type: 'MessageParticipant', Parameters: {}, Transitions: { NextAction: '' } },
      { Identifier: 'b', Type: 'DisconnectParticipant', Parameters: {}, Transitions: {} },
    ]);
    const { diagnostics } = validateDocument(toDocument(model));
    const { nodes } = toGraph(model, { diagnostics });
    const [a, b] = nodes;
    expect(a?.data.diagnostics.map((d) => d.code)).toEqual(
      expect.arrayContaining(['TRANSITION_UNCONNECTED', 'PARAM_ONE_OF_MISSING']),
    );
    expect(b?.data.diagnostics.map((d) => d.code)).toEqual(['ACTION_UNREACHABLE']);
    expect(nodes.flatMap((n) => n.data.diagnostics).length).toBe(
      diagnostics.filter((d) => d.actionId !== undefined).length,
    );
  });
});
