import { forEachTarget, indexActions } from '../model/model.js';
import type { ActionNode, FlowModel } from '../model/types.js';

/** Identifiers reachable from StartAction by any branch. */
export function reachable(
  model: FlowModel,
  byId: ReadonlyMap<string, ActionNode> = indexActions(model),
): Set<string> {
  const seen = new Set<string>();
  const stack = model.startAction && byId.has(model.startAction) ? [model.startAction] : [];
  const push = (target: string) => {
    stack.push(target);
  };
  while (stack.length > 0) {
    const id = stack.pop() as string;
    const action = byId.get(id);
    if (!action || seen.has(id)) continue;
    seen.add(id);
    // Targets, not Edge objects: building those showed up in profiles of large flows.
    if (action.transitions) forEachTarget(action.transitions, push);
  }
  return seen;
}
