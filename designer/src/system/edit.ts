import {
  type ActionNode,
  type BlockSpec,
  type FlowModel,
  getBlock,
  indexActions,
  isJsonObject,
  type JsonObject,
  type TransitionSet,
} from '@parley/flow';
import { branchesOf } from './branches.js';
import { placeEntry, withActionMetadata } from './metadata.js';
import { link, unlink, unlinkTargets } from './transitions.js';
import type { XY } from './types.js';

/*
 * Edits are pure: the model passed in is never changed, parts that an edit does not touch are shared,
 * and an edit that cannot apply (unknown block, unknown branch) returns the model it was given.
 */

/** A fresh Identifier, as Connect's designer makes them. */
export const newActionId = (): string => crypto.randomUUID();

/** Applies `f` to the action with this Identifier (the first, should Identifiers repeat). */
export function updateAction(
  model: FlowModel,
  id: string,
  f: (action: ActionNode) => ActionNode | undefined,
): FlowModel {
  const index = model.actions.findIndex((a) => !('raw' in a) && a.id === id);
  const action = model.actions[index];
  if (!action) return model;
  const updated = f(action);
  if (!updated || updated === action) return model;
  return { ...model, actions: model.actions.map((a, i) => (i === index ? updated : a)) };
}

/** Parameters a new block starts with: the schema's `default`s, where the catalog gives any. */
export function defaultParameters(block: BlockSpec | undefined): JsonObject {
  const out: JsonObject = {};
  for (const [key, schema] of Object.entries(block?.parameters.properties ?? {})) {
    const value: unknown = (schema as { default?: unknown }).default;
    if (value !== undefined) out[key] = structuredClone(value);
  }
  return out;
}

/** Adds a block of `type` at `position`; unchanged when `id` is already taken. */
export function addBlock(
  model: FlowModel,
  type: string,
  position: XY,
  id: string = newActionId(),
): FlowModel {
  if (indexActions(model).has(id)) return model;
  const transitions: TransitionSet = { next: undefined, errors: undefined, conditions: undefined, rest: {} };
  const action: ActionNode = {
    id,
    type,
    parameters: defaultParameters(getBlock(type)),
    transitions,
    rest: {},
  };
  const added = { ...model, actions: [...model.actions, action] };
  return withActionMetadata(added, (am) => ({ ...am, [id]: placeEntry(undefined, position) }));
}

/** Removes blocks; branches and the entry point that led to them become unconnected. */
export function removeBlocks(model: FlowModel, ids: Iterable<string>): FlowModel {
  const gone = new Set(ids);
  const has = (target: string) => gone.has(target);
  if (![...indexActions(model).keys()].some(has)) return model;
  const actions = model.actions
    .filter((a) => 'raw' in a || !gone.has(a.id))
    .map((a) => {
      if (!a.transitions) return a;
      const transitions = unlinkTargets(a.transitions, has);
      return transitions === a.transitions ? a : { ...a, transitions };
    });
  const startAction = model.startAction !== undefined && gone.has(model.startAction) ? '' : model.startAction;
  const removed = { ...model, actions, startAction };
  const am = removed.metadata?.ActionMetadata;
  if (!isJsonObject(am) || !Object.keys(am).some(has)) return removed;
  return withActionMetadata(removed, (entries) =>
    Object.fromEntries(Object.entries(entries).filter(([id]) => !gone.has(id))),
  );
}

/** Points a branch of `source` (one of its handle ids in toGraph) at `target`. */
export function connect(model: FlowModel, source: string, branchId: string, target: string): FlowModel {
  if (!indexActions(model).has(target)) return model;
  return updateAction(model, source, (a) => {
    if (!branchesOf(a).some((b) => b.id === branchId)) return undefined;
    const transitions = link(a, branchId, target);
    return transitions && { ...a, transitions };
  });
}

/** Unconnects a branch of `source`. */
export function disconnect(model: FlowModel, source: string, branchId: string): FlowModel {
  return updateAction(model, source, (a) => {
    const transitions = unlink(a, branchId);
    return transitions && { ...a, transitions };
  });
}

/** Writes positions in Metadata.ActionMetadata, as Connect's designer does; other ids are ignored. */
export function moveBlocks(model: FlowModel, positions: Readonly<Record<string, XY>>): FlowModel {
  const ids = indexActions(model);
  const moves = Object.entries(positions).filter(([id]) => ids.has(id));
  if (moves.length === 0) return model;
  return withActionMetadata(model, (am) => {
    for (const [id, at] of moves) am[id] = placeEntry(am[id], at);
    return am;
  });
}

/** Moves the entry point (Metadata.entryPointPosition). */
export function moveEntryPoint(model: FlowModel, at: XY): FlowModel {
  if (model.metadata === undefined && 'Metadata' in model.rest) return model;
  const entryPointPosition = placeEntry({ position: model.metadata?.entryPointPosition }, at).position;
  return { ...model, metadata: { ...model.metadata, entryPointPosition } };
}

/** Replaces an action's Parameters (undefined removes the key). */
export function setParameters(model: FlowModel, id: string, parameters: JsonObject | undefined): FlowModel {
  return updateAction(model, id, (a) => ({ ...a, parameters }));
}

/** Connects the entry point to an action; '' disconnects it. */
export function setStart(model: FlowModel, id: string): FlowModel {
  if (id !== '' && !indexActions(model).has(id)) return model;
  return model.startAction === id ? model : { ...model, startAction: id };
}
