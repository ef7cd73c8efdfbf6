import type { NodeChange } from '@xyflow/react';
import { describe, expect, it } from 'vitest';
import { FOLDED, type NoteEdits } from '../nodes/NoteNode.js';
import { NOTE_SIZE, type Note } from '../system/annotations.js';
import { isNoteNode, noteNodeId, readNoteChanges, toNoteNode } from './useNotes.js';

const edits: NoteEdits = { setContent: () => undefined, setFolded: () => undefined, remove: () => undefined };
const note: Note = {
  id: 'n1',
  content: 'x',
  actionId: '',
  isFolded: false,
  position: { x: 10, y: 20 },
  size: NOTE_SIZE,
};
const id = noteNodeId('n1');

describe('notes on the canvas', () => {
  it('are React Flow nodes of their own type and prefixed id, sized as stored or folded', () => {
    const node = toNoteNode(note, edits, false);
    expect(node).toMatchObject({ id: 'note:n1', type: 'note', position: { x: 10, y: 20 }, ...NOTE_SIZE });
    expect(isNoteNode(node.id)).toBe(true);
    expect(toNoteNode({ ...note, isFolded: true }, edits, false)).toMatchObject(FOLDED);
  });

  it('show a drag as it goes and make its end one edit', () => {
    const moving = readNoteChanges(
      [{ id, type: 'position', position: { x: 50, y: 60 }, dragging: true }],
      new Map(),
    );
    expect(moving.commit).toEqual({});
    expect(toNoteNode(note, edits, false, moving.live.get('n1')).position).toEqual({ x: 50, y: 60 });
    const dropped = readNoteChanges(
      [{ id, type: 'position', position: { x: 55, y: 65 }, dragging: false }],
      moving.live,
    );
    expect(dropped.commit).toEqual({ n1: { position: { x: 55, y: 65 } } });
    expect(dropped.live.size).toBe(0);
  });

  it('make a resize from the top-left corner one edit of its size and position', () => {
    const resizing = readNoteChanges(
      [
        { id, type: 'position', position: { x: 0, y: 5 } },
        { id, type: 'dimensions', dimensions: { width: 340, height: 310 }, resizing: true },
      ],
      new Map(),
    );
    expect(resizing.commit).toEqual({});
    expect(toNoteNode(note, edits, true, resizing.live.get('n1'))).toMatchObject({ width: 340, height: 310 });
    const done = readNoteChanges(
      [{ id, type: 'dimensions', dimensions: { width: 340, height: 310 }, resizing: false }],
      resizing.live,
    );
    expect(done.commit).toEqual({ n1: { size: { width: 340, height: 310 }, position: { x: 0, y: 5 } } });
  });

  it("leave the blocks' changes to the editor and ignore React Flow measuring a note", () => {
    const changes: NodeChange[] = [
      { id: 'block-1', type: 'select', selected: true },
      { id, type: 'select', selected: true },
      { id, type: 'dimensions', dimensions: { width: 1, height: 1 } },
    ];
    const read = readNoteChanges(changes, new Map());
    expect(read.rest).toEqual([changes[0]]);
    expect(read.select).toEqual(new Map([['n1', true]]));
    expect(read.commit).toEqual({});
    expect(read.live.size).toBe(0);
  });
});
