import {
  type FlowModel,
  forEachTarget,
  serialize,
  toDocument,
  toModel,
  validateDocument,
} from '@parley/flow';
import { describe, expect, it } from 'vitest';
import { notesOf, updateNotes } from './annotations.js';
import {
  addBlock,
  connect,
  disconnect,
  moveBlocks,
  moveEntryPoint,
  removeBlocks,
  setParameters,
  setStart,
} from './edit.js';
import { toGraph } from './graph.js';
import { createHistory } from './history.js';
import { positionOf } from './metadata.js';
import { allFlows, deepFreeze, fixture } from './test-flows.js';

const errorKeys = (model: FlowModel): string[] =>
  validateDocument(toDocument(model))
    .diagnostics.filter((d) => d.severity === 'error')
    .map((d) => `${d.code} ${d.actionId ?? ''}`)
    .sort();

/** The keys of `after` that `before` does not have as many times. */
const added = (before: string[], after: string[]): string[] => {
  const left = [...before];
  return after.filter((k) => {
    const i = left.indexOf(k);
    if (i < 0) return true;
    left.splice(i, 1);
    return false;
  });
};

const targetsOf = (model: FlowModel): string[] =>
  model.actions.flatMap((a) => {
    const out: string[] = [];
    if (a.transitions) forEachTarget(a.transitions, (t) => out.push(t));
    return out;
  });

const first = (model: FlowModel): unknown => (toDocument(model).Actions as unknown[])[0];

const PROMPT = 'parley-test-prompt';
const END = 'parley-test-end';

describe('edits', () => {
  it('add, connect, move and set parameters give a document with no new errors, on every flow', () => {
    for (const { name, model } of allFlows()) {
      const start = model.startAction;
      let m = addBlock(model, 'MessageParticipant', { x: -300, y: 0 }, PROMPT);
      m = setParameters(m, PROMPT, { Text: 'Welcome to Parley' });
      m = addBlock(m, 'DisconnectParticipant', { x: -300, y: 200 }, END);
      m = connect(m, PROMPT, 'error:NoMatchingError', END);
      m = connect(m, PROMPT, 'next', start && toGraph(model).nodes.some((n) => n.id === start) ? start : END);
      m = setStart(m, PROMPT);
      m = moveBlocks(m, { [PROMPT]: { x: -320.04, y: 10.16 } });
      expect(added(errorKeys(model), errorKeys(m)), name).toEqual([]);
      expect(positionOf(m, PROMPT), name).toEqual({ x: -320, y: 10.2 });
      expect(toGraph(m).edges.filter((e) => e.source === PROMPT).length, name).toBe(2);
    }
  });

  it('with no real change (same positions, targets, parameters, start), serializes byte for byte as read', () => {
    for (const { name, model } of allFlows()) {
      const { nodes, edges } = toGraph(model);
      let m = model;
      const same = Object.fromEntries(
        nodes.filter((n) => positionOf(model, n.id)).map((n) => [n.id, n.position] as const),
      );
      m = moveBlocks(m, same);
      for (const e of edges) m = connect(m, e.source, e.sourceHandle, e.target);
      for (const a of m.actions) if (!('raw' in a)) m = setParameters(m, a.id, a.parameters);
      if (model.startAction) m = setStart(m, model.startAction);
      // Notes too (Metadata.Annotations of real exports): each set to what it is.
      m = updateNotes(m, Object.fromEntries(notesOf(model).map((n) => [n.id, n])));
      const history = createHistory(model);
      history.push(m);
      history.undo();
      history.redo();
      expect(serialize(history.present), name).toBe(serialize(model));
    }
  });

  it('never change the model they are given', () => {
    const model = deepFreeze(fixture('inbound-main-ivr.json'));
    const before = serialize(model);
    const { nodes, edges } = toGraph(model);
    const [a, b] = nodes;
    const e = edges[0];
    if (!a || !b || !e) throw new Error('fixture too small');
    addBlock(model, 'Wait', { x: 1, y: 2 });
    removeBlocks(model, [a.id]);
    connect(model, a.id, 'next', b.id);
    disconnect(model, e.source, e.sourceHandle);
    moveBlocks(model, { [a.id]: { x: 5, y: 5 } });
    moveEntryPoint(model, { x: 5, y: 5 });
    setParameters(model, a.id, { Text: 'x' });
    setStart(model, b.id);
    expect(serialize(model)).toBe(before);
  });

  it('moveBlocks writes Connect positions into Metadata, which toDocument keeps', () => {
    const model = fixture('inbound-main-ivr.json');
    const id = '85021eab-20e1-5369-8551-d61b049245da';
    const moved = moveBlocks(model, { [id]: { x: 1.26, y: -3.04 }, unknown: { x: 0, y: 0 } });
    const doc = toDocument(moved) as { Metadata: { ActionMetadata: Record<string, unknown> } };
    expect(doc.Metadata.ActionMetadata[id]).toEqual({ position: { x: 1.3, y: -3 } });
    expect(doc.Metadata.ActionMetadata.unknown).toBeUndefined();
    const hooks = 'd4dd7050-73a2-564b-ae3b-9fd7aa419191';
    const entry = (toDocument(moveBlocks(model, { [hooks]: { x: 0, y: 0 } })) as typeof doc).Metadata
      .ActionMetadata[hooks];
    expect(entry).toEqual({
      position: { x: 0, y: 0 },
      parameters: { EventHooks: { CustomerQueue: { displayName: 'Acme customer queue' } } },
    });
    const bare = toModel({
      Version: '2019-10-30',
      StartAction: 'a',
      Actions: [{ Identifier: 'a', Type: 'Wait' }],
    });
    const placed = toDocument(
      moveEntryPoint(moveBlocks(bare as FlowModel, { a: { x: 4, y: 8 } }), { x: 1, y: 1 }),
    );
    expect(placed.Metadata).toEqual({
      ActionMetadata: { a: { position: { x: 4, y: 8 } } },
      entryPointPosition: { x: 1, y: 1 },
    });
  });

  it('removeBlocks unconnects every branch and the entry point that led to a removed block', () => {
    const model = fixture('inbound-main-ivr.json');
    const start = model.startAction as string;
    const removed = removeBlocks(model, [start]);
    expect(removed.actions.some((a) => a.id === start)).toBe(false);
    expect(targetsOf(removed)).not.toContain(start);
    expect(removed.startAction).toBe('');
    expect(Object.keys(removed.metadata?.ActionMetadata as object)).not.toContain(start);
    const codes = validateDocument(toDocument(removed)).diagnostics.map((d) => d.code);
    expect(codes).not.toContain('TRANSITION_TARGET_DANGLING');
    expect(codes).not.toContain('METADATA_ORPHAN');
    expect(removeBlocks(model, ['not-there'])).toBe(model);
  });

  it('removeBlocks then undo restores the flow exactly, and redo removes again', () => {
    for (const name of ['inbound-main-ivr.json', 'customer-queue.json', 'module-authenticate-caller.json']) {
      const model = fixture(name);
      const history = createHistory(model);
      const ids = toGraph(model)
        .nodes.slice(0, 3)
        .map((n) => n.id);
      const removed = history.push(removeBlocks(model, ids));
      expect(serialize(history.undo())).toBe(serialize(model));
      expect(history.redo()).toBe(removed);
    }
  });

  it('connecting a branching block’s Default branch sets its NextAction too, as Connect writes it', () => {
    let m = toModel({
      Version: '2019-10-30',
      StartAction: 'c',
      Actions: [
        { Identifier: 'c', Type: 'Compare', Parameters: { ComparisonValue: '$.Channel' }, Transitions: {} },
        { Identifier: 'x', Type: 'DisconnectParticipant', Parameters: {}, Transitions: {} },
        { Identifier: 'y', Type: 'DisconnectParticipant', Parameters: {}, Transitions: {} },
      ],
    }) as FlowModel;
    m = connect(m, 'c', 'error:NoMatchingCondition', 'x');
    expect(first(m)).toMatchObject({
      Transitions: { NextAction: 'x', Errors: [{ NextAction: 'x', ErrorType: 'NoMatchingCondition' }] },
    });
    m = connect(m, 'c', 'error:NoMatchingCondition', 'y');
    expect(m.actions[0]?.transitions?.next).toBe('y');
    expect(toGraph(m).edges.map((e) => [e.sourceHandle, e.target, e.hidden ?? false])).toEqual([
      ['next', 'y', true],
      ['error:NoMatchingCondition', 'y', false],
    ]);
    m = disconnect(m, 'c', 'error:NoMatchingCondition');
    expect(first(m)).toEqual(expect.objectContaining({ Transitions: { Errors: [] } }));
    expect(m.actions[0]?.transitions?.next).toBeUndefined();
  });

  it('disconnect keeps a condition’s test with an empty target and drops an error entry', () => {
    let m = toModel({
      Version: '2019-10-30',
      StartAction: 'g',
      Actions: [
        {
          Identifier: 'g',
          Type: 'GetParticipantInput',
          Parameters: { Text: 'Press 1' },
          Transitions: {
            Conditions: [{ NextAction: 'z', Condition: { Operator: 'Equals', Operands: ['1'] } }],
            Errors: [{ NextAction: 'z', ErrorType: 'InputTimeLimitExceeded' }],
          },
        },
        { Identifier: 'z', Type: 'DisconnectParticipant', Parameters: {}, Transitions: {} },
      ],
    }) as FlowModel;
    m = disconnect(m, 'g', 'condition:0');
    m = disconnect(m, 'g', 'error:InputTimeLimitExceeded');
    expect(first(m)).toMatchObject({
      Transitions: {
        Conditions: [{ NextAction: '', Condition: { Operator: 'Equals', Operands: ['1'] } }],
        Errors: [],
      },
    });
    expect(toGraph(m).nodes[0]?.data.branches.map((b) => b.id)).toContain('error:InputTimeLimitExceeded');
    m = connect(m, 'g', 'value:anything', 'z');
    expect(m.actions[0]?.transitions?.conditions).toHaveLength(1);
  });

  it('leave the model as it was for an unknown block, branch or target, or a taken Identifier', () => {
    const model = fixture('inbound-main-ivr.json');
    const [a, b] = toGraph(model).nodes;
    if (!a || !b) throw new Error('fixture too small');
    expect(connect(model, a.id, 'next', 'nowhere')).toBe(model);
    expect(connect(model, 'nobody', 'next', b.id)).toBe(model);
    expect(connect(model, a.id, 'sideways', b.id)).toBe(model);
    expect(connect(model, a.id, 'condition:99', b.id)).toBe(model);
    expect(disconnect(model, a.id, 'error:Nothing')).toBe(model);
    expect(addBlock(model, 'Wait', { x: 0, y: 0 }, a.id)).toBe(model);
    expect(setStart(model, 'nowhere')).toBe(model);
  });

  it('addBlock gives a new block a fresh Identifier, a position and empty transitions', () => {
    const model = fixture('chat-inbound.json');
    const m = addBlock(model, 'UpdateContactAttributes', { x: 10, y: 20 });
    const block = m.actions.at(-1);
    expect(block?.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(toDocument(m).Actions).toContainEqual({
      Parameters: {},
      Identifier: block?.id,
      Type: 'UpdateContactAttributes',
      Transitions: {},
    });
    expect(positionOf(m, block?.id ?? '')).toEqual({ x: 10, y: 20 });
  });
});
