import type { Diagnostic } from '@parley/flow';

/** A canvas position, in Connect's coordinates (`Metadata.ActionMetadata[id].position`). */
export interface XY {
  x: number;
  y: number;
}

export type BranchKind = 'next' | 'condition' | 'error';

/**
 * One outgoing handle of a block. Ids are stable and readable: `next`, `condition:0` (the action's
 * first condition), `value:True` (a result value of the block not yet tested by a condition),
 * `error:NoMatchingError` (`error:X#3` when the action lists X twice, `error:#3` when it has no type).
 */
export interface Branch {
  id: string;
  label: string;
  kind: BranchKind;
  /**
   * Set on the NextAction of a block that branches on a result when Connect's designer would not
   * show it: unconnected, or the same target as its NoMatchingCondition branch, which it mirrors.
   * The handle should exist (its edge refers to it) but need not be visible.
   */
  hidden?: boolean;
}

export interface BlockNodeData {
  [key: string]: unknown;
  actionId: string;
  blockType: string;
  label: string;
  /** The palette group; '' for a type the catalog does not know. */
  group: string;
  branches: Branch[];
  diagnostics: Diagnostic[];
  isStart: boolean;
  /** Whether the label is the Identifier itself (Connect's `isFriendlyName`). */
  isFriendlyName: boolean;
}

/** Structurally a `Node<BlockNodeData, 'block'>` of @xyflow/react. */
export interface GraphNode {
  id: string;
  type: 'block';
  position: XY;
  data: BlockNodeData;
}

/** Structurally an `Edge` of @xyflow/react; `sourceHandle` is a branch id of the source node. */
export interface GraphEdge {
  id: string;
  source: string;
  sourceHandle: string;
  target: string;
  hidden?: boolean;
  data: { kind: BranchKind; label: string };
}

export interface Graph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}
