import { indexActions } from '../model/model.js';
import type { FlowModel } from '../model/types.js';

/** Identifiers reachable from StartAction by any branch. */
export function reachable(model: FlowModel): Set<string> {
  const byId = indexActions(model);
  const seen = new Set<string>();
  const stack = model.startAction && byId.has(model.startAction) ? [model.startAction] : [];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    const action = byId.get(id);
    if (!action || seen.has(id)) continue;
    seen.add(id);
    const t = action.transitions;
    if (!t) continue;
    // Targets read in place: building Edge objects here showed up in profiles of large flows.
    if (t.next !== undefined) stack.push(t.next);
    if (t.conditions) for (const c of t.conditions) if (c.target !== undefined) stack.push(c.target);
    if (t.errors) for (const e of t.errors) if (e.target !== undefined) stack.push(e.target);
  }
  return seen;
}
