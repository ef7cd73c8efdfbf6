import type { EdgeChange, NodeChange } from '@xyflow/react';
import type { XY } from '../system/index.js';

/** What a batch of React Flow node changes means to the editor. */
export interface NodeChanges {
  /** Selection flips, by node id. */
  select: Map<string, boolean>;
  /** Positions of nodes still being dragged: shown, not yet an edit. */
  drag: Map<string, XY>;
  /** Positions at the end of a drag (or a keyboard move): one edit. */
  drop: Record<string, XY>;
}

/**
 * Sorts React Flow's node changes. Removals are ignored: deleting goes through the editor's own
 * shortcut, so blocks and edges leave in one edit and one undo brings them back. Sizes are ignored
 * too: every node is given its size (blockLayout), and taking React Flow's measurements back would
 * rebuild all the nodes each time one scrolls into view.
 */
export function readNodeChanges(changes: readonly NodeChange[]): NodeChanges {
  const out: NodeChanges = { select: new Map(), drag: new Map(), drop: {} };
  for (const c of changes) {
    if (c.type === 'select') out.select.set(c.id, c.selected);
    else if (c.type === 'position' && c.position) {
      if (c.dragging) out.drag.set(c.id, c.position);
      else out.drop[c.id] = c.position;
    }
  }
  return out;
}

/** Selection flips among edge changes (the only edge change the editor takes from React Flow). */
export function readEdgeSelection(changes: readonly EdgeChange[]): Map<string, boolean> {
  const out = new Map<string, boolean>();
  for (const c of changes) if (c.type === 'select') out.set(c.id, c.selected);
  return out;
}

/** `current` with the flips applied; `current` itself when nothing changes. */
export function flip(current: ReadonlySet<string>, flips: ReadonlyMap<string, boolean>): ReadonlySet<string> {
  if ([...flips].every(([id, on]) => current.has(id) === on)) return current;
  const next = new Set(current);
  for (const [id, on] of flips) {
    if (on) next.add(id);
    else next.delete(id);
  }
  return next;
}

/** `map` with `entries` set and `remove` deleted; `map` itself when neither has anything. */
export function merged<V>(
  map: ReadonlyMap<string, V>,
  entries: ReadonlyMap<string, V>,
  remove: Iterable<string> = [],
): ReadonlyMap<string, V> {
  const gone = [...remove].filter((id) => map.has(id));
  if (entries.size === 0 && gone.length === 0) return map;
  const next = new Map(map);
  for (const [k, v] of entries) next.set(k, v);
  for (const id of gone) next.delete(id);
  return next;
}
