import { describe, expect, it } from 'vitest';
import { fixture } from '../system/test-flows.js';
import { createClipboard } from './clipboard.js';
import { handleKey, type KeyEvent, runCommand } from './commands.js';
import { createEditor } from './editor.js';
import { type Command, commandFor, type KeyPress, SHORTCUTS } from './keys.js';

const ctrl = (key: string, more: Partial<KeyPress> = {}): KeyPress => ({ key, ctrlKey: true, ...more });

describe('keyboard shortcuts', () => {
  it('map keys to commands, with Ctrl on Windows and Linux', () => {
    const cases: [KeyPress, Command | undefined][] = [
      [ctrl('z'), 'undo'],
      [ctrl('Z', { shiftKey: true }), 'redo'],
      [ctrl('y'), 'redo'],
      [{ key: 'Delete' }, 'delete'],
      [{ key: 'Backspace' }, 'delete'],
      [ctrl('c'), 'copy'],
      [ctrl('x'), 'cut'],
      [ctrl('v'), 'paste'],
      [ctrl('a'), 'selectAll'],
      [ctrl('s'), 'save'],
      [{ key: '!', shiftKey: true }, 'fit'],
      [{ key: '?', shiftKey: true }, 'shortcuts'],
      [{ key: 'L', shiftKey: true }, 'layout'],
      [{ key: 'N', shiftKey: true }, 'note'],
      [ctrl('f'), 'find'],
      [{ key: 'l' }, undefined],
      [{ key: 'Escape' }, 'escape'],
      [{ key: 'z' }, undefined],
      [ctrl('Backspace'), undefined],
      [ctrl('z', { altKey: true }), undefined],
      [{ key: 'z', metaKey: true }, undefined],
    ];
    for (const [press, command] of cases) expect(commandFor(press), JSON.stringify(press)).toBe(command);
  });

  it('use ⌘ instead of Ctrl on a Mac', () => {
    expect(commandFor({ key: 'z', metaKey: true }, true)).toBe('undo');
    expect(commandFor({ key: 'z', metaKey: true, shiftKey: true }, true)).toBe('redo');
    expect(commandFor(ctrl('z'), true)).toBeUndefined();
  });

  it('list every command once in the sheet', () => {
    const commands = SHORTCUTS.map((s) => s.command);
    expect(new Set(commands).size).toBe(commands.length);
  });

  it('leave keys typed in a text field, or copying selected page text, to the browser', () => {
    const ran: Command[] = [];
    const event = (press: KeyPress, tagName?: string): KeyEvent & { prevented: boolean } => {
      const e = {
        ...press,
        target: tagName ? ({ tagName } as unknown as EventTarget) : null,
        defaultPrevented: false,
        prevented: false,
        preventDefault: () => {
          e.prevented = true;
        },
      };
      return e;
    };
    const run = (c: Command) => ran.push(c);
    const backspace = event({ key: 'Backspace' }, 'INPUT');
    expect(handleKey(backspace, run)).toBeUndefined();
    expect(backspace.prevented).toBe(false);
    expect(handleKey(event(ctrl('c')), run, { textSelected: () => true })).toBeUndefined();
    expect(handleKey(event(ctrl('s'), 'INPUT'), run)).toBe('save');
    const undo = event(ctrl('z'), 'DIV');
    expect(handleKey(undo, run)).toBe('undo');
    expect(undo.prevented).toBe(true);
    expect(ran).toEqual(['save', 'undo']);
  });
});

describe('commands', () => {
  it('copy then paste through the clipboard adds the selected blocks again, and undo takes them away', async () => {
    const model = fixture('inbound-main-ivr.json');
    const editor = createEditor(model);
    const clipboard = createClipboard(undefined);
    await runCommand('selectAll', editor, clipboard);
    const all = editor.getState().selection.nodes.size;
    await runCommand('copy', editor, clipboard);
    await runCommand('paste', editor, clipboard);
    expect(editor.getState().selection.nodes.size).toBe(all);
    expect(editor.getState().model.actions).toHaveLength(model.actions.length * 2);
    await runCommand('undo', editor, clipboard);
    expect(editor.getState().model).toBe(model);
    await runCommand('redo', editor, clipboard);
    expect(editor.getState().model.actions).toHaveLength(model.actions.length * 2);
  });

  it('cut copies and deletes; escape closes the sheet before it clears the selection', async () => {
    const model = fixture('inbound-main-ivr.json');
    const editor = createEditor(model);
    const clipboard = createClipboard(undefined);
    const first = model.actions[0];
    if (!first || 'raw' in first) throw new Error('fixture has no first action');
    editor.select({ nodes: new Set([first.id]) });
    await runCommand('cut', editor, clipboard);
    expect(editor.getState().model.actions).toHaveLength(model.actions.length - 1);
    expect(JSON.parse((await clipboard.read()) ?? '{}').Actions[0].Identifier).toBe(first.id);

    editor.select({ nodes: new Set(['x']) });
    let open = true;
    const hooks = {
      closeShortcuts: () => {
        const was = open;
        open = false;
        return was;
      },
    };
    await runCommand('escape', editor, clipboard, hooks);
    expect(open).toBe(false);
    expect(editor.getState().selection.nodes.size).toBe(1);
    await runCommand('escape', editor, clipboard, hooks);
    expect(editor.getState().selection.nodes.size).toBe(0);
  });

  it('hand save, zoom to fit and the sheet to the page', async () => {
    const editor = createEditor(fixture('inbound-main-ivr.json'));
    const heard: string[] = [];
    const hooks = {
      save: () => heard.push('save'),
      fit: () => heard.push('fit'),
      toggleShortcuts: () => heard.push('sheet'),
    };
    for (const c of ['save', 'fit', 'shortcuts'] as const)
      await runCommand(c, editor, createClipboard(undefined), hooks);
    expect(heard).toEqual(['save', 'fit', 'sheet']);
  });
});
