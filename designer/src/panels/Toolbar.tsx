import type { Command } from '../editor/keys.js';
import './panels.css';

/** The canvas's buttons, for what the keyboard shortcuts also do. */
export function Toolbar(props: {
  canUndo: boolean;
  canRedo: boolean;
  /** The selected blocks' Identifiers. */
  selected: readonly string[];
  /** Whether anything (blocks or connections) is selected. */
  canDelete: boolean;
  startAction: string | undefined;
  onCommand: (command: Command) => void;
  onSetStart: (id: string) => void;
  /** Whether an auto-layout is running. */
  layingOut?: boolean;
}) {
  const only = props.selected.length === 1 ? props.selected[0] : undefined;
  const isStart = only !== undefined && only === props.startAction;
  return (
    <div className="toolbar" role="toolbar" aria-label="Edit">
      <button type="button" disabled={!props.canUndo} onClick={() => props.onCommand('undo')}>
        Undo
      </button>
      <button type="button" disabled={!props.canRedo} onClick={() => props.onCommand('redo')}>
        Redo
      </button>
      <button type="button" disabled={!props.canDelete} onClick={() => props.onCommand('delete')}>
        Delete
      </button>
      <button
        type="button"
        disabled={only === undefined || isStart}
        title={only === undefined ? 'Select one block to make it the entry' : undefined}
        onClick={() => only !== undefined && props.onSetStart(only)}
      >
        Set as entry
      </button>
      <button
        type="button"
        disabled={props.layingOut}
        title="Lay out left to right: the selected blocks, or the whole flow"
        onClick={() => props.onCommand('layout')}
      >
        {props.layingOut ? 'Laying out…' : props.selected.length >= 2 ? 'Lay out selection' : 'Lay out'}
      </button>
      <button type="button" onClick={() => props.onCommand('note')}>
        Add note
      </button>
      <button type="button" aria-label="Keyboard shortcuts" onClick={() => props.onCommand('shortcuts')}>
        ?
      </button>
    </div>
  );
}
