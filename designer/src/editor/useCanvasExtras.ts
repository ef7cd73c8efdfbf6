import { type NodeChange, useReactFlow } from '@xyflow/react';
import { type RefObject, useCallback, useMemo } from 'react';
import type { NoteFlowNode } from '../nodes/NoteNode.js';
import type { FindBarProps } from '../panels/FindBar.js';
import { keyLabel } from '../panels/ShortcutSheet.js';
import { highlighted, useFind } from './useFind.js';
import type { FlowEditor } from './useFlowEditor.js';
import { useLayout } from './useLayout.js';
import { useNotes } from './useNotes.js';
import type { BlockFlowNode } from './view.js';

export type CanvasNode = BlockFlowNode | NoteFlowNode;

/**
 * What the canvas adds to the flow's blocks: notes (Metadata.Annotations) as nodes of their own,
 * auto-layout, and the find bar with its matches marked on the blocks.
 */
export function useCanvasExtras(
  fe: FlowEditor,
  canvas: { focusBlock: (id: string) => void; fit: () => void },
  pane: RefObject<HTMLElement | null>,
  blocks: BlockFlowNode[],
  mac: boolean,
) {
  const flow = useReactFlow();
  const notes = useNotes(fe.editor, fe.state.model);
  const layout = useLayout(fe.editor, fe.graph, (whole) => whole && canvas.fit());
  const find = useFind(fe.state.model, fe.graph, canvas.focusBlock);
  const current = find.hits[find.index]?.id;

  // Notes first: React Flow draws later nodes on top, and a note should not hide a block.
  const nodes = useMemo<CanvasNode[]>(
    () => [...notes.nodes, ...highlighted(blocks, find.matches, current)],
    [notes.nodes, blocks, find.matches, current],
  );
  const { onNodesChange: blockChanges } = fe;
  const { take } = notes;
  const onNodesChange = useCallback(
    (changes: NodeChange<CanvasNode>[]) =>
      blockChanges(take(changes as NodeChange[]) as NodeChange<BlockFlowNode>[]),
    [blockChanges, take],
  );

  const { add } = notes;
  const addNote = useCallback(() => {
    const rect = pane.current?.getBoundingClientRect();
    const centre = rect
      ? flow.screenToFlowPosition({ x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 })
      : { x: 0, y: 0 };
    add(centre);
  }, [add, flow, pane]);

  const findBar: FindBarProps = {
    open: find.open,
    query: find.query,
    hits: find.hits,
    index: find.index,
    focusKey: find.focusKey,
    onQuery: find.setQuery,
    onStep: find.step,
    onPick: find.pick,
    onOpen: find.show,
    onClose: () => void find.close(),
    shortcut: keyLabel('Mod+F', mac),
  };

  return { nodes, onNodesChange, layout, find, findBar, addNote };
}
