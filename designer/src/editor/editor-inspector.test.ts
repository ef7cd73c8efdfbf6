import { indexActions } from '@parley/flow';
import { describe, expect, it } from 'vitest';
import { fixture } from '../system/test-flows.js';
import { createEditor } from './editor.js';

const IVR = 'inbound-main-ivr.json';
const GOODBYE = '486338f6-9caa-5f3c-93f9-ce9b2c50834e';
const COMPARE = '2d7d26e6-32a2-5c13-95a2-ead729bf8283';

const action = (editor: ReturnType<typeof createEditor>, id: string) =>
  indexActions(editor.getState().model).get(id);

describe('the editor: the inspector edits', () => {
  it('edits of one group in a row are one undo step; another group, or an undo, starts another', () => {
    const model = fixture(IVR);
    const editor = createEditor(model);
    for (const text of ['B', 'By', 'Bye'])
      editor.editParameters(GOODBYE, (p) => ({ ...p, Text: text }), 'focus-1');
    expect(action(editor, GOODBYE)?.parameters).toEqual({ Text: 'Bye' });
    editor.editParameters(GOODBYE, (p) => ({ ...p, Text: 'Bye!' }), 'focus-2');
    editor.undo();
    expect(action(editor, GOODBYE)?.parameters).toEqual({ Text: 'Bye' });
    editor.undo();
    expect(editor.getState().model).toBe(model);
    expect(editor.getState().canUndo).toBe(false);

    // After an undo (or redo), the same group starts a new step.
    editor.redo();
    editor.editParameters(GOODBYE, (p) => ({ ...p, Text: 'Later' }), 'focus-1');
    editor.undo();
    expect(action(editor, GOODBYE)?.parameters).toEqual({ Text: 'Bye' });
  });

  it('an edit without a group is always its own step, and one that changes nothing is none', () => {
    const editor = createEditor(fixture(IVR));
    editor.editParameters(GOODBYE, (p) => p);
    expect(editor.getState().canUndo).toBe(false);
    editor.editParameters(GOODBYE, () => ({ Text: 'a' }));
    editor.editParameters(GOODBYE, () => ({ Text: 'b' }));
    editor.undo();
    expect(action(editor, GOODBYE)?.parameters).toEqual({ Text: 'a' });
  });

  it('renames a block, the selection following it; a refused name changes nothing', () => {
    const model = fixture(IVR);
    const editor = createEditor(model);
    editor.select({ nodes: new Set([GOODBYE]) });
    expect(editor.rename(GOODBYE, 'Goodbye')).toBe('Goodbye');
    expect([...editor.getState().selection.nodes]).toEqual(['Goodbye']);
    expect(action(editor, 'Goodbye')?.type).toBe('MessageParticipant');
    expect(editor.rename('Goodbye', 'Goodbye')).toBe('Goodbye');
    expect(editor.rename('Goodbye', COMPARE)).toBeUndefined();
    const unnamed = editor.rename('Goodbye', '');
    expect(unnamed).toMatch(/^[0-9a-f-]{36}$/);
    expect([...editor.getState().selection.nodes]).toEqual([unnamed]);
    editor.undo();
    editor.undo();
    expect(editor.getState().model).toBe(model);
  });

  it('adds, updates (grouped like typing) and removes conditions, one undo step each', () => {
    const model = fixture(IVR);
    const editor = createEditor(model);
    const conditions = () => action(editor, COMPARE)?.transitions?.conditions ?? [];
    const before = conditions().length;
    editor.addCondition(COMPARE, 'Equals', 'Gold');
    expect(conditions()).toHaveLength(before + 1);
    editor.updateCondition(COMPARE, before, 'Equals', 'S', 'c');
    editor.updateCondition(COMPARE, before, 'TextStartsWith', 'Si', 'c');
    expect(conditions()[before]).toMatchObject({ operator: 'TextStartsWith', operands: ['Si'] });
    editor.undo();
    expect(conditions()[before]).toMatchObject({ operator: 'Equals', operands: ['Gold'] });
    editor.removeCondition(COMPARE, before);
    expect(conditions()).toHaveLength(before);
    editor.undo();
    editor.undo();
    expect(editor.getState().model).toBe(model);
  });
});
