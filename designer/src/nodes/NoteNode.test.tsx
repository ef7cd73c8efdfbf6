import { type NodeProps, ReactFlowProvider } from '@xyflow/react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { NOTE_SIZE, type Note } from '../system/annotations.js';
import { type NoteEdits, type NoteFlowNode, NoteNode } from './NoteNode.js';

const edits: NoteEdits = { setContent: () => undefined, setFolded: () => undefined, remove: () => undefined };

const note = (over: Partial<Note> = {}): Note => ({
  id: 'n1',
  content: 'Ask legal\nabout the wording',
  actionId: '',
  isFolded: false,
  position: { x: 0, y: 0 },
  size: NOTE_SIZE,
  ...over,
});

const render = (n: Note, selected = false) => {
  const props: NodeProps<NoteFlowNode> = {
    id: `note:${n.id}`,
    type: 'note',
    data: { note: n, edits },
    selected,
    dragging: false,
    draggable: true,
    selectable: true,
    deletable: false,
    isConnectable: false,
    zIndex: 0,
    positionAbsoluteX: 0,
    positionAbsoluteY: 0,
  };
  return renderToStaticMarkup(
    <ReactFlowProvider>
      <NoteNode {...props} />
    </ReactFlowProvider>,
  );
};

describe('NoteNode', () => {
  it('shows the text with its first line as the title, and buttons to fold and delete', () => {
    const html = render(note());
    expect(html).toContain('data-note-id="n1"');
    expect(html).toMatch(/<span class="note-title"[^>]*>Ask legal<\/span>/);
    expect(html).toContain('<p class="note-content">Ask legal\nabout the wording</p>');
    expect(html).toContain('aria-label="Fold note"');
    expect(html).toContain('aria-label="Delete note"');
  });

  it('invites a double-click to write in an empty note', () => {
    const html = render(note({ content: '' }));
    expect(html).toContain('<span class="note-title" title="">Note</span>');
    expect(html).toContain('<p class="note-content empty">Double-click to write</p>');
  });

  it('shows a folded note as its title bar alone, to be unfolded', () => {
    const html = render(note({ isFolded: true }), true);
    expect(html).toContain('class="note-node folded"');
    expect(html).toContain('aria-label="Unfold note"');
    expect(html).not.toContain('note-content');
    expect(html).not.toContain('react-flow__resize-control');
  });

  it('offers resize handles only while selected', () => {
    expect(render(note())).not.toContain('react-flow__resize-control');
    expect(render(note(), true)).toContain('react-flow__resize-control');
  });
});
