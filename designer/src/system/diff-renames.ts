import type { ActionNode, FlowModel } from '@parley/flow';
import { diffFlows, indexActions } from '@parley/flow';
import { positionOf } from './metadata.js';

/** Deep equality of JSON values, key order aside (Parameters come back from the store reordered). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((x, i) => sameJson(x, b[i]));
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  const bo = b as Record<string, unknown>;
  return (
    ka.length === kb.length && ka.every((k) => k in bo && sameJson((a as Record<string, unknown>)[k], bo[k]))
  );
}

/**
 * How much a removed action looks like an added one: Connect names a block by making the name its
 * Identifier, so a rename reaches the structural diff as one block removed and one added. The same
 * type is required; the same parameters or the same position (renaming keeps the metadata entry)
 * make it a rename. Positions count only where Metadata has them: grid positions say nothing.
 */
function likeness(before: FlowModel, was: ActionNode, after: FlowModel, now: ActionNode): number {
  if (was.type !== now.type) return 0;
  const p = positionOf(before, was.id);
  const q = positionOf(after, now.id);
  const placed = p !== undefined && q !== undefined && p.x === q.x && p.y === q.y;
  return (sameJson(was.parameters ?? {}, now.parameters ?? {}) ? 2 : 0) + (placed ? 1 : 0);
}

/**
 * Blocks renamed from `before` to `after`, old Identifier → new. A removed block pairs with the
 * added block most like it, and only when no other added block is as like it (an ambiguous pair is
 * left as a removal and an addition, which is what the document literally says).
 */
export function detectRenames(before: FlowModel, after: FlowModel): Map<string, string> {
  const diff = diffFlows(before, after);
  const was = indexActions(before);
  const is = indexActions(after);
  const free = new Set(diff.added.map((b) => b.id));
  const renames = new Map<string, string>();
  for (const removed of diff.removed) {
    const old = was.get(removed.id);
    if (!old) continue;
    let best: string | undefined;
    let score = 0;
    let tied = false;
    for (const id of free) {
      const now = is.get(id);
      const s = now ? likeness(before, old, after, now) : 0;
      if (s > score) [best, score, tied] = [id, s, false];
      else if (s === score && s > 0) tied = true;
    }
    if (best === undefined || tied) continue;
    renames.set(removed.id, best);
    free.delete(best);
  }
  return renames;
}
