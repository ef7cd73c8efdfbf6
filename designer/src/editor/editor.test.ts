import { type FlowModel, serialize, toDocument, validateDocument } from '@parley/flow';
import { describe, expect, it } from 'vitest';
import { addBlock, connect, toGraph } from '../system/index.js';
import { positionOf } from '../system/metadata.js';
import { fixture } from '../system/test-flows.js';
import { createEditor, edgeEnds, PASTE_STEP } from './editor.js';

const counter = (prefix = 'new') => {
  let n = 0;
  return () => `${prefix}-${++n}`;
};

const IVR = 'inbound-main-ivr.json';
const LOGGING = '85021eab-20e1-5369-8551-d61b049245da';
const DISCONNECT = '11b46eea-4155-53ea-9057-9e9f52ba84e5';

const targetOf = (model: FlowModel, id: string, handle: string) =>
  toGraph(model).edges.find((e) => e.source === id && e.sourceHandle === handle)?.target;

describe('the editor', () => {
  it('add → connect → undo → redo gives the models the pure edits give, on a fixture flow', () => {
    const model = fixture(IVR);
    const editor = createEditor(model, counter());
    const id = editor.add('MessageParticipant', { x: -300, y: 40 });
    expect(id).toBe('new-1');
    const added = addBlock(model, 'MessageParticipant', { x: -300, y: 40 }, 'new-1');
    expect(serialize(editor.getState().model)).toBe(serialize(added));
    expect([...editor.getState().selection.nodes]).toEqual(['new-1']);

    editor.connect('new-1', 'next', DISCONNECT);
    const connected = connect(added, 'new-1', 'next', DISCONNECT);
    expect(serialize(editor.getState().model)).toBe(serialize(connected));
    expect(targetOf(editor.getState().model, 'new-1', 'next')).toBe(DISCONNECT);

    editor.undo();
    expect(serialize(editor.getState().model)).toBe(serialize(added));
    editor.undo();
    expect(editor.getState().model).toBe(model);
    expect(editor.getState()).toMatchObject({ canUndo: false, canRedo: true });
    expect(editor.getState().selection.nodes.size).toBe(0); // the added block is gone
    editor.redo();
    editor.redo();
    expect(serialize(editor.getState().model)).toBe(serialize(connected));
    expect(editor.getState()).toMatchObject({ canUndo: true, canRedo: false });
  });

  it('deletes the selected blocks and connections as one edit, which one undo restores exactly', () => {
    const model = fixture(IVR);
    const editor = createEditor(model);
    const edge = toGraph(model).edges.find((e) => e.source !== LOGGING && e.target !== LOGGING);
    if (!edge) throw new Error('fixture has no edge');
    editor.select({ nodes: new Set([LOGGING, DISCONNECT]), edges: new Set([edge.id]) });
    editor.deleteSelected();
    const after = editor.getState().model;
    const ids = toGraph(after).nodes.map((n) => n.id);
    expect(ids).not.toContain(LOGGING);
    expect(ids).not.toContain(DISCONNECT);
    expect(after.startAction).toBe('');
    expect(targetOf(after, edge.source, edge.sourceHandle)).toBeUndefined();
    expect(editor.getState().selection.nodes.size).toBe(0);
    editor.undo();
    expect(serialize(editor.getState().model)).toBe(serialize(model));
    expect(editor.getState().canUndo).toBe(false);
  });

  it('deleting with nothing selected is no edit', () => {
    const editor = createEditor(fixture(IVR));
    editor.deleteSelected();
    expect(editor.getState().canUndo).toBe(false);
  });

  it('pastes copied blocks under new Identifiers, offset further at each paste, and selects them', () => {
    const model = fixture(IVR);
    const editor = createEditor(model, counter('copy'));
    const copied = toGraph(model)
      .nodes.slice(0, 3)
      .map((n) => n.id);
    editor.select({ nodes: new Set(copied) });
    const text = editor.copy();
    expect(text && JSON.parse(text).Actions).toHaveLength(3);
    const first = editor.paste(text ?? '');
    expect(first).toEqual(['copy-1', 'copy-2', 'copy-3']);
    for (const id of first) expect(copied).not.toContain(id);
    expect([...editor.getState().selection.nodes]).toEqual(first);
    const second = editor.paste(text ?? '');
    expect(second).toEqual(['copy-4', 'copy-5', 'copy-6']);
    const m = editor.getState().model;
    const origin = positionOf(model, copied[0] ?? '');
    expect(positionOf(m, 'copy-1')).toEqual({
      x: (origin?.x ?? 0) + PASTE_STEP,
      y: (origin?.y ?? 0) + PASTE_STEP,
    });
    expect(positionOf(m, 'copy-4')).toEqual({
      x: (origin?.x ?? 0) + 2 * PASTE_STEP,
      y: (origin?.y ?? 0) + 2 * PASTE_STEP,
    });
    // The copies are wired among themselves as the originals were, and the flow still reads.
    expect(targetOf(m, 'copy-1', 'next')).toBe('copy-2');
    expect(validateDocument(toDocument(m)).model).toBeDefined();
    editor.undo();
    editor.undo();
    expect(editor.getState().model).toBe(model);
  });

  it('copies nothing without a selection and pastes nothing from text that is not a flow', () => {
    const editor = createEditor(fixture(IVR));
    expect(editor.copy()).toBeUndefined();
    expect(editor.paste('hello')).toEqual([]);
    expect(editor.getState().canUndo).toBe(false);
  });

  it('commits a move as one edit and a reconnect as one edit', () => {
    const model = fixture(IVR);
    const editor = createEditor(model);
    editor.move({ [LOGGING]: { x: 10, y: 20 }, [DISCONNECT]: { x: 30, y: 40 } });
    expect(positionOf(editor.getState().model, LOGGING)).toEqual({ x: 10, y: 20 });
    expect(positionOf(editor.getState().model, DISCONNECT)).toEqual({ x: 30, y: 40 });
    editor.undo();
    expect(editor.getState().model).toBe(model);

    const edge = toGraph(model).edges.find((e) => e.source === LOGGING);
    if (!edge) throw new Error('no edge from the logging block');
    editor.reconnect(edge, { source: LOGGING, sourceHandle: 'next', target: DISCONNECT });
    expect(targetOf(editor.getState().model, LOGGING, 'next')).toBe(DISCONNECT);
    editor.undo();
    expect(editor.getState().model).toBe(model);
  });

  it('a refused reconnect leaves the edge where it was', () => {
    const model = fixture(IVR);
    const editor = createEditor(model);
    const edge = toGraph(model).edges.find((e) => e.source === LOGGING);
    if (!edge) throw new Error('no edge from the logging block');
    editor.reconnect(edge, { source: DISCONNECT, sourceHandle: 'condition:7', target: LOGGING });
    expect(editor.getState().model).toBe(model);
  });

  it('selects all, sets the entry, and tells subscribers of each change', () => {
    const model = fixture(IVR);
    const editor = createEditor(model);
    let heard = 0;
    const stop = editor.subscribe(() => heard++);
    editor.selectAll();
    expect(editor.getState().selection.nodes.size).toBe(toGraph(model).nodes.length);
    editor.setStart(DISCONNECT);
    expect(editor.getState().model.startAction).toBe(DISCONNECT);
    editor.setStart(DISCONNECT); // the same entry again: no edit
    expect(heard).toBe(2);
    stop();
    editor.undo();
    expect(heard).toBe(2);
    expect(editor.getState().model.startAction).toBe(model.startAction);
  });

  it('reset starts over with no history', () => {
    const editor = createEditor(fixture(IVR));
    editor.add('Wait', { x: 0, y: 0 });
    const other = fixture('customer-queue.json');
    editor.reset(other);
    expect(editor.getState()).toMatchObject({ model: other, canUndo: false, canRedo: false });
  });

  it('reads an edge id back into its block and branch, even when the Identifier holds ->', () => {
    expect(edgeEnds('a->b->error:NoMatchingError')).toEqual({
      source: 'a->b',
      sourceHandle: 'error:NoMatchingError',
    });
    expect(edgeEnds('no arrow')).toBeUndefined();
  });
});
