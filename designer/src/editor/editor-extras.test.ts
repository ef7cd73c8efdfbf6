import { serialize } from '@parley/flow';
import ELK from 'elkjs/lib/elk.bundled.js';
import { describe, expect, it } from 'vitest';
import { blockLayout } from '../nodes/layout.js';
import { addNote, notesOf, updateNote } from '../system/annotations.js';
import { toGraph } from '../system/index.js';
import { autoLayout } from '../system/layout.js';
import { fixture } from '../system/test-flows.js';
import { createClipboard } from './clipboard.js';
import { runCommand } from './commands.js';
import { createEditor } from './editor.js';

describe('editor extras', () => {
  it('hand layout, adding a note and find to the page', async () => {
    const editor = createEditor(fixture('inbound-main-ivr.json'));
    const heard: string[] = [];
    const hooks = {
      layout: () => heard.push('layout'),
      addNote: () => heard.push('note'),
      find: () => heard.push('find'),
    };
    for (const c of ['layout', 'note', 'find'] as const)
      await runCommand(c, editor, createClipboard(undefined), hooks);
    expect(heard).toEqual(['layout', 'note', 'find']);
  });

  it('close the find bar on Escape before clearing the selection', async () => {
    const editor = createEditor(fixture('inbound-main-ivr.json'));
    editor.select({ nodes: new Set(['x']) });
    let open = true;
    const hooks = {
      closeFind: () => {
        const was = open;
        open = false;
        return was;
      },
    };
    await runCommand('escape', editor, createClipboard(undefined), hooks);
    expect(open).toBe(false);
    expect(editor.getState().selection.nodes.size).toBe(1);
    await runCommand('escape', editor, createClipboard(undefined), hooks);
    expect(editor.getState().selection.nodes.size).toBe(0);
  });

  it('make a whole auto-layout one edit: one Undo puts every block back', async () => {
    const model = fixture('inbound-main-ivr.json');
    const editor = createEditor(model);
    const scope = { measure: blockLayout, startAction: model.startAction };
    editor.move(await autoLayout(new ELK(), toGraph(model), scope));
    expect(serialize(editor.getState().model)).not.toBe(serialize(model));
    editor.undo();
    expect(serialize(editor.getState().model)).toBe(serialize(model));
    expect(editor.getState().canUndo).toBe(false);
  });

  it('record note edits as undo steps, typing of one group amending one step', () => {
    const model = fixture('inbound-main-ivr.json');
    const editor = createEditor(model);
    editor.update((m) => addNote(m, { x: 0, y: 0 }, { id: 'n1' }));
    editor.update((m) => updateNote(m, 'n1', { content: 'H' }), 'typing');
    editor.update((m) => updateNote(m, 'n1', { content: 'Hi' }), 'typing');
    expect(notesOf(editor.getState().model)[0]?.content).toBe('Hi');
    editor.undo();
    expect(notesOf(editor.getState().model)[0]?.content).toBe('');
    editor.undo();
    expect(notesOf(editor.getState().model)).toEqual([]);
    expect(serialize(editor.getState().model)).toBe(serialize(model));
  });

  it('record nothing for an update that changes nothing', () => {
    const editor = createEditor(fixture('inbound-main-ivr.json'));
    editor.update((m) => updateNote(m, 'nobody', { content: 'x' }));
    expect(editor.getState().canUndo).toBe(false);
  });
});
