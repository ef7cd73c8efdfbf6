import type { Meta, StoryObj } from '@storybook/react-vite';
import { type NodeTypes, ReactFlow, ReactFlowProvider } from '@xyflow/react';
import { useState } from 'react';
import { fn } from 'storybook/test';
import { toNoteNode } from '../editor/useNotes.js';
import { NOTE_SIZE, type Note } from '../system/annotations.js';
import { type NoteEdits, NoteNode } from './NoteNode.js';

const nodeTypes: NodeTypes = { note: NoteNode };

/** One note on a React Flow pane of its own; writing in it and folding it work, deleting is logged. */
function NoteCanvas(props: { note: Note; selected?: boolean; onRemove: (id: string) => void }) {
  const [note, setNote] = useState(props.note);
  const edits: NoteEdits = {
    setContent: (_id, content) => setNote((n) => ({ ...n, content })),
    setFolded: (_id, isFolded) => setNote((n) => ({ ...n, isFolded })),
    remove: props.onRemove,
  };
  const node = toNoteNode({ ...note, position: { x: 0, y: 0 } }, edits, props.selected ?? false);
  return (
    <div style={{ width: 520, height: 420 }}>
      <ReactFlowProvider>
        <ReactFlow
          nodes={[node]}
          edges={[]}
          nodeTypes={nodeTypes}
          fitView
          fitViewOptions={{ maxZoom: 1 }}
          proOptions={{ hideAttribution: true }}
        />
      </ReactFlowProvider>
    </div>
  );
}

// As Connect stores one (Metadata.Annotations), from a real export's wording.
const note: Note = {
  id: '32b4476f-e323-48ee-a34a-0dc6db123adb',
  content: 'Invoke the lambda\n\nNo need to send any input parameters',
  actionId: '',
  isFolded: false,
  position: { x: 0, y: 0 },
  size: NOTE_SIZE,
};

const meta = {
  component: NoteCanvas,
  parameters: { layout: 'centered' },
  args: { note, onRemove: fn() },
} satisfies Meta<typeof NoteCanvas>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Written: Story = {};

export const Selected: Story = { args: { selected: true } };

export const Empty: Story = { args: { note: { ...note, content: '' } } };

export const Folded: Story = { args: { note: { ...note, isFolded: true } } };

export const Small: Story = { args: { note: { ...note, size: { width: 160, height: 100 } } } };
