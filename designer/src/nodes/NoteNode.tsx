import { type Node, type NodeProps, NodeResizer } from '@xyflow/react';
import { memo, useEffect, useRef, useState } from 'react';
import type { Note } from '../system/annotations.js';
import './NoteNode.css';

/** What a note can ask of the editing session; every call is one undoable edit. */
export interface NoteEdits {
  /** Edits of one `group` in a row are one undo step: one per time the text is edited. */
  setContent(id: string, content: string, group: string): void;
  setFolded(id: string, folded: boolean): void;
  remove(id: string): void;
}

export interface NoteNodeData {
  [key: string]: unknown;
  note: Note;
  edits: NoteEdits;
}

export type NoteFlowNode = Node<NoteNodeData, 'note'>;

/** A folded note is drawn as its title bar alone. */
export const FOLDED = { width: 200, height: 32 } as const;
/** The smallest a note can be resized to. */
export const NOTE_MIN = { width: 140, height: 80 } as const;

let editCount = 0;

/**
 * A sticky note (Connect's annotation) on the canvas: double-click to write in it, fold it to its
 * title bar, resize it from its edges when selected. Its first line is its title.
 */
function NoteNodeView({ data, selected }: NodeProps<NoteFlowNode>) {
  const { note, edits } = data;
  const [group, setGroup] = useState<string>();
  const box = useRef<HTMLDivElement>(null);
  const startEditing = useRef(() => {});
  startEditing.current = () => {
    if (!note.isFolded) setGroup(`note-text:${note.id}:${++editCount}`);
  };
  // React Flow zooms on a double-click its pane sees (a native listener, before React's): the
  // note's double-click means "write in it" and stops here.
  useEffect(() => {
    const el = box.current;
    const onDoubleClick = (e: Event) => {
      e.stopPropagation();
      startEditing.current();
    };
    el?.addEventListener('dblclick', onDoubleClick);
    return () => el?.removeEventListener('dblclick', onDoubleClick);
  }, []);
  const title = note.content.split('\n', 1)[0]?.trim() || 'Note';
  const editing = group !== undefined && !note.isFolded;

  return (
    <div
      ref={box}
      className={note.isFolded ? 'note-node folded' : 'note-node'}
      data-testid="note-node"
      data-note-id={note.id}
    >
      <NodeResizer
        isVisible={selected && !note.isFolded}
        minWidth={NOTE_MIN.width}
        minHeight={NOTE_MIN.height}
      />
      <header className="note-header">
        <button
          type="button"
          className="nodrag"
          aria-label={note.isFolded ? 'Unfold note' : 'Fold note'}
          aria-expanded={!note.isFolded}
          onClick={() => edits.setFolded(note.id, !note.isFolded)}
        >
          {note.isFolded ? '▸' : '▾'}
        </button>
        <span className="note-title" title={note.content}>
          {title}
        </span>
        <button
          type="button"
          className="nodrag"
          aria-label="Delete note"
          onClick={() => edits.remove(note.id)}
        >
          ×
        </button>
      </header>
      {!note.isFolded &&
        (editing ? (
          <textarea
            className="note-text nodrag nowheel"
            aria-label="Note text"
            // biome-ignore lint/a11y/noAutofocus: the user double-clicked the note to write in it
            autoFocus
            value={note.content}
            onChange={(e) => edits.setContent(note.id, e.target.value, group)}
            onBlur={() => setGroup(undefined)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') e.currentTarget.blur();
            }}
          />
        ) : (
          <p className={note.content ? 'note-content' : 'note-content empty'}>
            {note.content || 'Double-click to write'}
          </p>
        ))}
    </div>
  );
}

export const NoteNode = memo(NoteNodeView);
