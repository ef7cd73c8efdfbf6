/** What a keyboard shortcut asks the editor to do. */
export type Command =
  | 'undo'
  | 'redo'
  | 'delete'
  | 'copy'
  | 'cut'
  | 'paste'
  | 'selectAll'
  | 'save'
  | 'fit'
  | 'layout'
  | 'note'
  | 'find'
  | 'shortcuts'
  | 'escape';

/** The part of a KeyboardEvent the map reads (so tests need no DOM). */
export interface KeyPress {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  shiftKey?: boolean;
  altKey?: boolean;
}

interface Shortcut {
  command: Command;
  /** As shown in the shortcut sheet; `Mod` is Ctrl, or ⌘ on a Mac. */
  keys: string[];
  help: string;
  match: (k: KeyPress, mod: boolean) => boolean;
}

const letter = (k: KeyPress, l: string) => k.key.toLowerCase() === l;

/** Every shortcut, in the order the sheet lists them; the first match wins (Shift tells redo from undo). */
export const SHORTCUTS: readonly Shortcut[] = [
  { command: 'undo', keys: ['Mod+Z'], help: 'Undo', match: (k, mod) => mod && !k.shiftKey && letter(k, 'z') },
  {
    command: 'redo',
    keys: ['Mod+Shift+Z', 'Mod+Y'],
    help: 'Redo',
    match: (k, mod) => mod && ((k.shiftKey === true && letter(k, 'z')) || (!k.shiftKey && letter(k, 'y'))),
  },
  {
    command: 'delete',
    keys: ['Delete', 'Backspace'],
    help: 'Delete the selected blocks and connections',
    match: (k, mod) => !mod && (k.key === 'Delete' || k.key === 'Backspace'),
  },
  {
    command: 'copy',
    keys: ['Mod+C'],
    help: 'Copy the selected blocks',
    match: (k, mod) => mod && letter(k, 'c'),
  },
  {
    command: 'cut',
    keys: ['Mod+X'],
    help: 'Cut the selected blocks',
    match: (k, mod) => mod && letter(k, 'x'),
  },
  {
    command: 'paste',
    keys: ['Mod+V'],
    help: 'Paste blocks (flow JSON)',
    match: (k, mod) => mod && letter(k, 'v'),
  },
  {
    command: 'selectAll',
    keys: ['Mod+A'],
    help: 'Select every block',
    match: (k, mod) => mod && letter(k, 'a'),
  },
  { command: 'save', keys: ['Mod+S'], help: 'Save a new version', match: (k, mod) => mod && letter(k, 's') },
  {
    command: 'fit',
    keys: ['Shift+1'],
    help: 'Zoom to fit',
    match: (k, mod) => !mod && k.shiftKey === true && (k.key === '!' || k.key === '1'),
  },
  {
    command: 'layout',
    keys: ['Shift+L'],
    help: 'Lay out the flow (or the selected blocks) left to right',
    match: (k, mod) => !mod && k.shiftKey === true && letter(k, 'l'),
  },
  {
    command: 'note',
    keys: ['Shift+N'],
    help: 'Add a note',
    match: (k, mod) => !mod && k.shiftKey === true && letter(k, 'n'),
  },
  { command: 'find', keys: ['Mod+F'], help: 'Find blocks', match: (k, mod) => mod && letter(k, 'f') },
  {
    command: 'shortcuts',
    keys: ['?'],
    help: 'Show or hide this sheet',
    match: (k, mod) => !mod && k.key === '?',
  },
  {
    command: 'escape',
    keys: ['Escape'],
    help: 'Clear the selection, close the sheet',
    match: (k) => k.key === 'Escape',
  },
];

/** The command a key press means; Cmd stands for Ctrl on a Mac. Alt-combinations mean nothing here. */
export function commandFor(k: KeyPress, mac = false): Command | undefined {
  if (k.altKey) return undefined;
  const mod = mac ? k.metaKey === true : k.ctrlKey === true;
  return SHORTCUTS.find((s) => s.match(k, mod))?.command;
}

/** Whether a key press belongs to a text field, which keeps its own undo, copy and delete. */
export function isTextTarget(target: EventTarget | null): boolean {
  const el = target as { tagName?: string; isContentEditable?: boolean } | null;
  if (!el?.tagName) return false;
  return el.isContentEditable === true || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName);
}

export const isMac = (): boolean =>
  typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
