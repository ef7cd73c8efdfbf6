import type { Clipboard } from './clipboard.js';
import type { Editor } from './editor.js';
import { type Command, commandFor, isTextTarget, type KeyPress } from './keys.js';

/** Commands the canvas and the page around it answer (zoom, save, the shortcut sheet). */
export interface CommandHooks {
  save?: () => void;
  fit?: () => void;
  /** Lays out the flow, or the selected blocks when there are two or more. */
  layout?: () => void;
  addNote?: () => void;
  /** Opens the find bar (or focuses it when open). */
  find?: () => void;
  /** Closes the find bar if it is open; returns whether it was. */
  closeFind?: () => boolean;
  toggleShortcuts?: () => void;
  /** Closes the shortcut sheet if it is open; returns whether it was. */
  closeShortcuts?: () => boolean;
}

/** Runs a command; clipboard commands finish when the clipboard has answered. */
export async function runCommand(
  command: Command,
  editor: Editor,
  clipboard: Clipboard,
  hooks: CommandHooks = {},
): Promise<void> {
  switch (command) {
    case 'undo':
      return editor.undo();
    case 'redo':
      return editor.redo();
    case 'delete':
      return editor.deleteSelected();
    case 'selectAll':
      return editor.selectAll();
    case 'copy':
    case 'cut': {
      const text = editor.copy();
      if (text === undefined) return;
      if (command === 'cut') editor.deleteSelected();
      return clipboard.write(text);
    }
    case 'paste': {
      const text = await clipboard.read();
      if (text) editor.paste(text);
      return;
    }
    case 'save':
      return hooks.save?.();
    case 'fit':
      return hooks.fit?.();
    case 'layout':
      return hooks.layout?.();
    case 'note':
      return hooks.addNote?.();
    case 'find':
      return hooks.find?.();
    case 'shortcuts':
      return hooks.toggleShortcuts?.();
    case 'escape':
      if (!hooks.closeShortcuts?.() && !hooks.closeFind?.())
        editor.select({ nodes: new Set(), edges: new Set() });
      return;
  }
}

export interface KeyEvent extends KeyPress {
  target: EventTarget | null;
  defaultPrevented: boolean;
  preventDefault(): void;
}

/**
 * The document's keydown handler: maps the key to a command unless a text field has the focus (but
 * for save), or the user selected text on the page and copies it. Returns the command it ran.
 */
export function handleKey(
  event: KeyEvent,
  run: (command: Command) => void,
  options: { mac?: boolean; textSelected?: () => boolean } = {},
): Command | undefined {
  if (event.defaultPrevented) return undefined;
  const command = commandFor(event, options.mac);
  // Save works from the version message too; other keys there edit the text.
  if (!command || (command !== 'save' && isTextTarget(event.target))) return undefined;
  if ((command === 'copy' || command === 'cut') && options.textSelected?.()) return undefined;
  event.preventDefault();
  run(command);
  return command;
}
