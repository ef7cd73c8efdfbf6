import { type FlowModel, toModel } from '@parley/flow';
import { describe, expect, it } from 'vitest';
import { addBlock } from './edit.js';
import { createHistory } from './history.js';

const empty = toModel({ Version: '2019-10-30', Actions: [] }) as FlowModel;
const step = (m: FlowModel, i: number) => addBlock(m, 'Wait', { x: i, y: 0 }, `w${i}`);

describe('history', () => {
  it('undoes and redoes edits in order, and a new edit clears what could be redone', () => {
    const h = createHistory(empty);
    expect(h.canUndo()).toBe(false);
    const one = h.push(step(empty, 1));
    const two = h.push(step(one, 2));
    expect(h.undo()).toBe(one);
    expect(h.undo()).toBe(empty);
    expect(h.undo()).toBe(empty);
    expect(h.canRedo()).toBe(true);
    expect(h.redo()).toBe(one);
    const three = h.push(step(one, 3));
    expect(h.canRedo()).toBe(false);
    expect(h.redo()).toBe(three);
    expect(h.present).not.toBe(two);
  });

  it('keeps at most its limit of past models and ignores a push of the present one', () => {
    const h = createHistory(empty, 200);
    let m = empty;
    for (let i = 0; i < 250; i++) m = h.push(step(m, i));
    h.push(m);
    let undone = 0;
    while (h.canUndo()) {
      h.undo();
      undone++;
    }
    expect(undone).toBe(200);
    expect(h.present.actions).toHaveLength(50);
  });

  it('reset forgets past and future', () => {
    const h = createHistory(empty);
    h.push(step(empty, 1));
    h.reset(empty);
    expect([h.canUndo(), h.canRedo(), h.present]).toEqual([false, false, empty]);
  });

  it('replace amends the last edit: one undo step for the edit and its amendments, redo cleared', () => {
    const h = createHistory(empty);
    const one = h.push(step(empty, 1));
    h.replace(step(one, 2));
    const three = h.replace(step(one, 3));
    expect(h.present).toBe(three);
    expect(h.undo()).toBe(empty);
    expect(h.canUndo()).toBe(false);
    expect(h.redo()).toBe(three);
  });

  it('replace with nothing to undo records an edit', () => {
    const h = createHistory(empty);
    const one = h.replace(step(empty, 1));
    expect(h.canUndo()).toBe(true);
    expect(h.undo()).toBe(empty);
    expect(h.redo()).toBe(one);
  });
});
