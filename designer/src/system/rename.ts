import {
  type Diagnostic,
  diagnostic,
  type FlowModel,
  identifierProblem,
  indexActions,
  isJsonObject,
  type JsonObject,
} from '@parley/flow';
import { newActionId } from './edit.js';
import { entryOf, withActionMetadata } from './metadata.js';
import { retarget } from './transitions.js';

/*
 * Connect's designer names a block by making the name its Identifier and marking it
 * `isFriendlyName` in ActionMetadata; every reference to the old Identifier follows.
 */

/** Why `name` cannot name the action `id`, as the validator would say it; undefined when it can. */
export function renameProblem(model: FlowModel, id: string, name: string): Diagnostic | undefined {
  if (name === id) return undefined;
  const problem = identifierProblem(name);
  if (problem) return { ...problem, actionId: id };
  if (indexActions(model).has(name))
    return diagnostic('ACTION_ID_DUPLICATE', `Another block is already named "${name}"`, { actionId: id });
  return undefined;
}

/**
 * Names a block (its label on the canvas). '' takes the name away: the block gets a fresh Identifier
 * and its catalog label back. Unchanged when renameProblem reports something.
 */
export function renameBlock(model: FlowModel, id: string, name: string): FlowModel {
  const action = indexActions(model).get(id);
  if (!action) return model;
  const friendly = name !== '';
  const to = friendly ? name : newActionId();
  if (friendly && renameProblem(model, id, name)) return model;
  const renamed = to === id ? model : replaceIdentifier(model, id, to);
  const entry = entryOf(renamed, to);
  if ((entry?.isFriendlyName === true) === friendly) return renamed;
  const { isFriendlyName: _, ...others } = entry ?? {};
  const updated: JsonObject = friendly ? { ...others, isFriendlyName: true } : others;
  return withActionMetadata(renamed, (am) => ({ ...am, [to]: updated }));
}

/** Every place a flow names an action: the action, transitions, StartAction and the designer's Metadata. */
export function replaceIdentifier(model: FlowModel, from: string, to: string): FlowModel {
  const map = new Map([[from, to]]);
  const swap = (v: unknown) => (v === from ? to : v);
  const actions = model.actions.map((a) => {
    if ('raw' in a) return a;
    const transitions = a.transitions && retarget(a.transitions, map);
    return { ...a, id: a.id === from ? to : a.id, transitions };
  });
  const out: FlowModel = {
    ...model,
    actions,
    startAction: model.startAction === from ? to : model.startAction,
  };
  const metadata = model.metadata;
  if (!metadata) return out;
  const am = metadata.ActionMetadata;
  const entries = isJsonObject(am)
    ? Object.fromEntries(
        Object.entries(am).map(([k, v]) => [
          k === from ? to : k,
          // A block made of several actions lists its parts in `children`.
          isJsonObject(v) && Array.isArray(v.children) ? { ...v, children: v.children.map(swap) } : v,
        ]),
      )
    : am;
  const notes = metadata.Annotations;
  const annotations = Array.isArray(notes)
    ? notes.map((n) => (isJsonObject(n) && n.actionId === from ? { ...n, actionId: to } : n))
    : notes;
  return {
    ...out,
    metadata: {
      ...metadata,
      ...(am === undefined ? {} : { ActionMetadata: entries }),
      ...(notes === undefined ? {} : { Annotations: annotations }),
    },
  };
}
