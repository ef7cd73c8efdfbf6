import type { Graph } from './types.js';

/**
 * What a block means to the view laid over the canvas: the block running in a test call, blocks a
 * call went through, or how a block differs between two versions.
 */
export type BlockMark = 'running' | 'visited' | 'added' | 'removed' | 'changed';
/** An edge a call took, or how it differs between two versions. */
export type EdgeMark = 'taken' | 'added' | 'removed' | 'rewired';

/**
 * Marks laid over the canvas by a panel (test call, replay, diff). The flow itself is not edited:
 * the marks are drawn by class names, so they cost nothing when absent.
 */
export interface CanvasOverlay {
  /** What the marks show, said on the canvas ("Test call", "Changes from version 2"). */
  label: string;
  blocks: ReadonlyMap<string, BlockMark>;
  /** By edge id (`<action>-><branch>`, as toGraph names them). */
  edges: ReadonlyMap<string, EdgeMark>;
  /**
   * Blocks and edges the flow no longer has (a diff's removed ones), drawn beside it at their old
   * places but never selected or edited; their marks are in `blocks` and `edges` like the others'.
   */
  ghosts?: Graph;
}

/**
 * The overlay of a path through the flow: `steps` are the blocks in the order a contact ran them
 * (repeats allowed, as in a loop). Each is `visited`, the last `running` while the call is live,
 * and between consecutive blocks the edge that joins them is `taken` (the first such edge when
 * several branches lead to the same block: the flow logs do not say which one fired).
 */
export function pathOverlay(
  graph: Graph,
  steps: readonly string[],
  options: { label: string; live?: boolean },
): CanvasOverlay {
  const blocks = new Map<string, BlockMark>();
  for (const id of steps) blocks.set(id, 'visited');
  const last = steps.at(-1);
  if (options.live && last !== undefined) blocks.set(last, 'running');
  const joining = new Map<string, string>();
  for (const e of graph.edges) {
    const key = `${e.source}\n${e.target}`;
    if (!joining.has(key)) joining.set(key, e.id);
  }
  const edges = new Map<string, EdgeMark>();
  for (let i = 1; i < steps.length; i++) {
    const edge = joining.get(`${steps[i - 1]}\n${steps[i]}`);
    if (edge) edges.set(edge, 'taken');
  }
  return { label: options.label, blocks, edges };
}
