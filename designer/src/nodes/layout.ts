import { type NodeHandle, Position } from '@xyflow/react';
import type { BlockNodeData } from '../system/index.js';

/**
 * BlockNode's box, in px, as BlockNode.css draws it: fixed width, fixed row heights, text cut
 * with an ellipsis. Knowing every block's size and handles up front lets React Flow show and cull
 * nodes it has never rendered: without them it renders all 2,000 blocks of a big flow once just to
 * measure them. Change these and BlockNode.css together; a browser test compares them.
 */
export const BLOCK = {
  width: 220,
  border: 1,
  header: 26,
  type: 20,
  /** The line between the type and the branches, when the block has any. */
  rule: 1,
  branch: 22,
} as const;

/** React Flow's default handle: 6 px and a 1 px border each side, centred on the box's edge. */
const HANDLE = 8;

export interface BlockLayout {
  width: number;
  height: number;
  handles: NodeHandle[];
}

/** The size of a block and where its handles are, relative to its top-left corner. */
export function blockLayout(data: Pick<BlockNodeData, 'branches'>): BlockLayout {
  const { width, border, header, type, rule, branch } = BLOCK;
  const listTop = border + header + type + (data.branches.length > 0 ? rule : 0);
  let rows = 0;
  const sources: NodeHandle[] = data.branches.map((b) => {
    // A hidden branch takes no room; its handle sits where the list starts (no edge is drawn).
    const centre = b.hidden ? listTop : listTop + rows++ * branch + branch / 2;
    return handle(b.id, 'source', Position.Right, width - border, centre);
  });
  const height = listTop + rows * branch + border;
  return { width, height, handles: [handle(null, 'target', Position.Left, 0, height / 2), ...sources] };
}

function handle(
  id: string | null,
  type: 'source' | 'target',
  position: Position,
  x: number,
  y: number,
): NodeHandle {
  return { id, type, position, x: x - HANDLE / 2, y: y - HANDLE / 2, width: HANDLE, height: HANDLE };
}
