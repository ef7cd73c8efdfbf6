import type { FlowModel } from '@parley/flow';
import type { NodeChange } from '@xyflow/react';
import { useCallback, useMemo, useRef, useState } from 'react';
import { FOLDED, type NoteEdits, type NoteFlowNode } from '../nodes/NoteNode.js';
import {
  addNote,
  type Note,
  type NotePatch,
  notesOf,
  removeNotes,
  type Size,
  updateNote,
  updateNotes,
} from '../system/annotations.js';
import type { XY } from '../system/index.js';
import type { Editor } from './editor.js';

/**
 * Notes share the canvas with blocks: their React Flow ids carry this prefix, so a note can never
 * take an action Identifier's id (Connect's note ids are UUIDs, as block Identifiers may be).
 */
export const NOTE_PREFIX = 'note:';
export const noteNodeId = (id: string) => `${NOTE_PREFIX}${id}`;
export const isNoteNode = (nodeId: string) => nodeId.startsWith(NOTE_PREFIX);

/** A note being dragged or resized: shown where the pointer puts it, an edit once released. */
interface Live {
  position?: XY;
  size?: Size;
  resizing?: boolean;
}

/** React Flow's node for a note, at its live position and size while dragged or resized. */
export function toNoteNode(note: Note, edits: NoteEdits, selected: boolean, live?: Live): NoteFlowNode {
  const { width, height } = note.isFolded ? FOLDED : (live?.size ?? note.size);
  return {
    id: noteNodeId(note.id),
    type: 'note',
    position: live?.position ?? note.position,
    data: { note, edits },
    selected,
    width,
    height,
    measured: { width, height },
    ...(live?.position && !live.resizing ? { dragging: true } : {}),
  };
}

/**
 * Splits React Flow's changes of note nodes into the live view and the edits they end in: a drag
 * or a resize is one edit when released. Returns the other changes (blocks') untouched.
 */
export function readNoteChanges(
  changes: readonly NodeChange[],
  live: ReadonlyMap<string, Live>,
): {
  rest: NodeChange[];
  live: Map<string, Live>;
  commit: Record<string, NotePatch>;
  select: Map<string, boolean>;
} {
  const next = new Map(live);
  const commit: Record<string, NotePatch> = {};
  const select = new Map<string, boolean>();
  const rest: NodeChange[] = [];
  // A resize from the top or left moves the note too: React Flow sends the move first.
  const resizing = new Set(changes.flatMap((c) => (c.type === 'dimensions' && c.resizing ? [c.id] : [])));
  for (const c of changes) {
    if (!('id' in c) || !isNoteNode(c.id)) {
      rest.push(c);
      continue;
    }
    const id = c.id.slice(NOTE_PREFIX.length);
    const now = next.get(id) ?? {};
    if (c.type === 'select') select.set(id, c.selected);
    else if (c.type === 'position' && c.position) {
      if (c.dragging || now.resizing || resizing.has(c.id)) next.set(id, { ...now, position: c.position });
      else {
        commit[id] = { ...commit[id], position: c.position };
        next.delete(id);
      }
    } else if (c.type === 'dimensions' && c.dimensions && c.resizing !== undefined) {
      // Without `resizing` it is React Flow measuring the node, which is given its size.
      if (c.resizing) next.set(id, { ...now, size: c.dimensions, resizing: true });
      else {
        commit[id] = {
          ...commit[id],
          size: c.dimensions,
          ...(now.position ? { position: now.position } : {}),
        };
        next.delete(id);
      }
    }
  }
  return { rest, live: next, commit, select };
}

/**
 * The flow's notes on the canvas (Metadata.Annotations): their React Flow nodes, their changes,
 * and adding one. Every change is one edit of the editing session, so Undo takes it back.
 */
export function useNotes(editor: Editor, model: FlowModel) {
  const [live, setLive] = useState<ReadonlyMap<string, Live>>(new Map());
  // Several batches of changes can come before the next render: each reads the one before.
  const liveNow = useRef(live);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const notes = useMemo(() => notesOf(model), [model]);

  const edits = useMemo<NoteEdits>(
    () => ({
      setContent: (id, content, group) => editor.update((m) => updateNote(m, id, { content }), group),
      setFolded: (id, isFolded) => editor.update((m) => updateNote(m, id, { isFolded })),
      remove: (id) => editor.update((m) => removeNotes(m, [id])),
    }),
    [editor],
  );

  const nodes = useMemo(
    () => notes.map((n) => toNoteNode(n, edits, selected.has(n.id), live.get(n.id))),
    [notes, edits, selected, live],
  );

  /** Takes the notes' changes out of a batch of React Flow changes; returns the blocks' ones. */
  const take = useCallback(
    (changes: NodeChange[]): NodeChange[] => {
      if (!changes.some((c) => 'id' in c && isNoteNode(c.id))) return changes;
      const read = readNoteChanges(changes, liveNow.current);
      liveNow.current = read.live;
      setLive(read.live);
      if (read.select.size > 0)
        setSelected((s) => {
          const next = new Set(s);
          for (const [id, on] of read.select) on ? next.add(id) : next.delete(id);
          return next;
        });
      if (Object.keys(read.commit).length > 0) editor.update((m) => updateNotes(m, read.commit));
      return read.rest;
    },
    [editor],
  );

  /** Adds a note centred on `centre` (flow coordinates) and selects it; its id. */
  const add = useCallback(
    (centre: XY): string => {
      const id = crypto.randomUUID();
      const at = { x: Math.round(centre.x - 150), y: Math.round(centre.y - 60) };
      editor.update((m) => addNote(m, at, { id }));
      setSelected(new Set([id]));
      return id;
    },
    [editor],
  );

  return { nodes, take, add, edits };
}
