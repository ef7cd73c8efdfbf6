import { edgesOf, indexActions } from '../model/model.js';
import type { FlowModel } from '../model/types.js';

/** Identifiers reachable from StartAction by any branch. */
export function reachable(model: FlowModel): Set<string> {
  const byId = indexActions(model);
  const seen = new Set<string>();
  const stack = model.startAction && byId.has(model.startAction) ? [model.startAction] : [];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (seen.has(id)) continue;
    seen.add(id);
    const action = byId.get(id);
    if (!action) continue;
    for (const e of edgesOf(action)) if (byId.has(e.target) && !seen.has(e.target)) stack.push(e.target);
  }
  return seen;
}
