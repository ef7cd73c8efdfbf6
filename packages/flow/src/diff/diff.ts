import { indexActions, isJsonObject } from '../model/model.js';
import type { ActionNode, FlowModel } from '../model/types.js';
import { diffTransitions } from './edges.js';
import type { BlockChange, BlockRef, BlockRewiring, FlowDiff, ValueChange } from './types.js';
import { diffValues, own } from './values.js';

/**
 * The Metadata that says what the flow is, as opposed to how it is laid out. `Name` and
 * `Description` are spellings a few hand-written exports use.
 */
const IDENTITY_METADATA = ['name', 'Name', 'description', 'Description', 'type'] as const;

/** What changed from `before` to `after`, block by block (matched by Identifier), ignoring layout. */
export function diffFlows(before: FlowModel, after: FlowModel): FlowDiff {
  const was = indexActions(before);
  const is = indexActions(after);
  const added = [...is.values()].filter((a) => !was.has(a.id)).map((a) => refOf(a, after));
  const removed = [...was.values()].filter((a) => !is.has(a.id)).map((a) => refOf(a, before));
  const changed: BlockChange[] = [];
  const rewired: BlockRewiring[] = [];
  for (const now of is.values()) {
    const then = was.get(now.id);
    if (!then) continue;
    const ref = refOf(now, after, before);
    const change = diffAction(ref, then, now);
    if (change) changed.push(change);
    const rewiring = diffTransitions(ref, then.transitions, now.transitions);
    if (rewiring) rewired.push(rewiring);
  }

  const startAction =
    before.startAction === after.startAction
      ? null
      : {
          ...(before.startAction === undefined ? {} : { before: before.startAction }),
          ...(after.startAction === undefined ? {} : { after: after.startAction }),
        };
  const flow = diffFlowLevel(before, after);
  const summary = {
    added: added.length,
    removed: removed.length,
    changed: changed.length,
    rewired: rewired.length,
    edges: rewired.reduce((n, r) => n + r.edges.length, 0),
    flow: flow.length + (startAction ? 1 : 0),
  };
  const identical = Object.values(summary).every((n) => n === 0);
  return { identical, summary, startAction, flow, added, removed, changed, rewired };
}

function diffAction(ref: BlockRef, then: ActionNode, now: ActionNode): BlockChange | undefined {
  const changes: ValueChange[] = [];
  // A missing Parameters key and an empty one mean the same to Connect.
  diffValues(then.parameters ?? {}, now.parameters ?? {}, ['Parameters'], changes);
  diffValues(then.rest, now.rest, [], changes);
  diffValues(then.transitions?.rest ?? {}, now.transitions?.rest ?? {}, ['Transitions'], changes);
  const retyped = then.type !== now.type;
  if (!retyped && changes.length === 0) return undefined;
  return { ...ref, ...(retyped ? { previousType: then.type } : {}), changes };
}

function diffFlowLevel(before: FlowModel, after: FlowModel): ValueChange[] {
  const changes: ValueChange[] = [];
  diffValues(before.version, after.version, ['Version'], changes);
  for (const key of IDENTITY_METADATA)
    diffValues(own(before.metadata, key), own(after.metadata, key), ['Metadata', key], changes);
  diffValues(before.settings, after.settings, ['Settings'], changes);
  diffValues(before.rest, after.rest, [], changes);
  changes.push(...diffNonActions(before, after));
  return changes;
}

/**
 * Entries of Actions that are not actions have no Identifier to match by, so they are matched by
 * content and named by their index in the document that has them.
 */
function diffNonActions(before: FlowModel, after: FlowModel): ValueChange[] {
  const entries = (model: FlowModel) =>
    model.actions.flatMap((a, i) => ('raw' in a ? [{ i, raw: a.raw, key: JSON.stringify(a.raw) }] : []));
  const was = entries(before);
  const is = entries(after);
  const unmatched = (side: typeof was, other: typeof was) => {
    const left = other.map((e) => e.key);
    return side.filter((e) => {
      const at = left.indexOf(e.key);
      if (at >= 0) left.splice(at, 1);
      return at < 0;
    });
  };
  return [
    ...unmatched(was, is).map(
      (e): ValueChange => ({ path: `/Actions/${e.i}`, change: 'removed', before: e.raw }),
    ),
    ...unmatched(is, was).map(
      (e): ValueChange => ({ path: `/Actions/${e.i}`, change: 'added', after: e.raw }),
    ),
  ];
}

/** The block as the diff names it; the label comes from whichever version has one, newest first. */
function refOf(action: ActionNode, ...models: FlowModel[]): BlockRef {
  const ref: BlockRef = { id: action.id, type: action.type };
  for (const model of models) {
    const meta = own(own(model.metadata, 'ActionMetadata'), action.id);
    if (isJsonObject(meta) && meta.isFriendlyName === true) {
      ref.label = action.id;
      break;
    }
  }
  return ref;
}
