/**
 * The structural difference between two versions of a flow, as the HTTP API serves it and the
 * designer colours it. Blocks are matched by Identifier. Layout (positions, display hints, notes,
 * console status and hash) is not structure, so a flow that only moved blocks is `identical`.
 *
 * JSON conventions: every entry names the block it is about by `id`; a `before` or `after` key is
 * absent when there was nothing on that side (JSON `null` is a value a parameter may hold).
 */
export interface FlowDiff {
  /** True when every list below is empty and `startAction` is null. */
  identical: boolean;
  summary: DiffSummary;
  /** Set when StartAction changed; a side is absent when the document had no StartAction. */
  startAction: { before?: string; after?: string } | null;
  /**
   * Flow-level changes: Metadata name, description and type, Settings (flow modules), Version,
   * unknown top-level keys, and entries of Actions that are not actions (no string Identifier and
   * Type; named `/Actions/<index>` in the document that has them). Paths are JSON Pointers into the
   * document, e.g. `/Settings/InputParameters/0`.
   */
  flow: ValueChange[];
  /** Blocks only `after` has, in its order. Their branches are part of them, not listed in `rewired`. */
  added: BlockRef[];
  /** Blocks only `before` has, in its order. */
  removed: BlockRef[];
  /** Blocks in both whose type, Parameters or unknown keys differ, in `after` order. */
  changed: BlockChange[];
  /** Blocks in both whose branches go elsewhere, in `after` order. */
  rewired: BlockRewiring[];
}

export interface DiffSummary {
  added: number;
  removed: number;
  changed: number;
  /** Blocks with at least one rewired branch. */
  rewired: number;
  /** Branches added, removed or retargeted, over all rewired blocks. */
  edges: number;
  /** Entries of `flow`, plus one when StartAction changed. */
  flow: number;
}

export interface BlockRef {
  /** The action Identifier. */
  id: string;
  /** The action Type (the `after` one when the block is in both). */
  type: string;
  /**
   * The block's friendly name, when it has one. Connect's designer stores a block label as the
   * Identifier itself and marks it with `ActionMetadata[id].isFriendlyName`.
   */
  label?: string;
}

export interface BlockChange extends BlockRef {
  /** The `before` Type, present only when the Type changed. */
  previousType?: string;
  /**
   * Changes inside the action, as JSON Pointers relative to it: `/Parameters/Text`,
   * `/Parameters/Attributes/tier`, `/Parameters/Items/0`; unknown action keys as `/Key`.
   */
  changes: ValueChange[];
}

export interface ValueChange {
  path: string;
  change: 'added' | 'removed' | 'changed';
  before?: unknown;
  after?: unknown;
}

export interface BlockRewiring extends BlockRef {
  edges: EdgeChange[];
  /**
   * Set when conditions both versions have are tested in a different order (the first match wins,
   * so order matters); branch labels as in `EdgeChange.branch.label`.
   */
  conditionOrder?: { before: string[]; after: string[] };
}

export interface EdgeChange {
  branch: DiffBranch;
  change: 'added' | 'removed' | 'retargeted';
  /**
   * Target Identifiers. `""` is a branch Connect saved unconnected and `$end` one that ends the
   * flow; a side is absent when the branch did not exist there.
   */
  before?: string;
  after?: string;
}

/**
 * Which branch of a block, identified by what it is rather than its place in Transitions. `label`
 * reads `next`, `condition Equals "1"` or `error NoMatchingError`, with ` #2` on a repeated branch,
 * and is unique within the block.
 */
export type DiffBranch =
  | { kind: 'next'; label: string }
  | { kind: 'condition'; operator?: string; operands?: unknown[]; label: string }
  | { kind: 'error'; errorType?: string; label: string };
