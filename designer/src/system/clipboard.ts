import {
  END_OF_FLOW,
  type FlowModel,
  identifierProblem,
  indexActions,
  type JsonObject,
  MAX_IDENTIFIER_LENGTH,
  readJson,
  toDocument,
  toModel,
} from '@parley/flow';
import { newActionId } from './edit.js';
import { layoutPositions } from './graph.js';
import { entryOf, isFriendlyName, placeEntry, withActionMetadata } from './metadata.js';
import { retarget } from './transitions.js';
import type { XY } from './types.js';

/**
 * The clipboard holds flow JSON: a 2019-10-30 document with the copied actions and their
 * ActionMetadata, so blocks move between flows, tabs and other tools as text.
 */
export function copyBlocks(model: FlowModel, ids: Iterable<string>): JsonObject {
  const wanted = new Set(ids);
  const actions = [...indexActions(model).values()].filter((a) => wanted.has(a.id));
  const positions = layoutPositions(model);
  const ActionMetadata: JsonObject = {};
  for (const a of actions) {
    ActionMetadata[a.id] = placeEntry(entryOf(model, a.id), positions.get(a.id) ?? { x: 0, y: 0 });
  }
  const fragment: FlowModel = {
    version: model.version,
    startAction: undefined,
    metadata: { ActionMetadata },
    settings: undefined,
    actions,
    rest: {},
  };
  return structuredClone(toDocument(fragment));
}

export interface Pasted {
  model: FlowModel;
  /** The Identifiers the pasted blocks got, in the fragment's order (to select them). */
  ids: string[];
}

/**
 * Adds the fragment's blocks (from copyBlocks, or any flow JSON, as an object or text) moved by
 * `offset`, under new Identifiers; branches between them are kept, branches to anything else are
 * dropped. A friendly name is kept when it is free, else numbered. Anything that is not a flow
 * pastes nothing.
 */
export function pasteBlocks(
  model: FlowModel,
  fragment: unknown,
  offset: XY,
  newId: () => string = newActionId,
): Pasted {
  const source = typeof fragment === 'string' ? fromText(fragment) : fromValue(fragment);
  const incoming = source ? [...indexActions(source).values()] : [];
  if (!source || incoming.length === 0) return { model, ids: [] };

  const taken = new Set(indexActions(model).keys());
  const fresh = () => {
    let id = newId();
    while (taken.has(id)) id = newId();
    return id;
  };
  const map = new Map<string, string>();
  const friendly = new Set<string>();
  for (const a of incoming) {
    const name = isFriendlyName(source, a.id) ? numbered(a.id, taken) : undefined;
    const id = name ?? fresh();
    if (name) friendly.add(id);
    taken.add(id);
    map.set(a.id, id);
  }

  const outside = (target: string) => target !== '' && target !== END_OF_FLOW;
  const actions = incoming.map((a) => ({
    ...a,
    id: map.get(a.id) ?? a.id,
    transitions: a.transitions && retarget(a.transitions, map, outside),
  }));
  const positions = layoutPositions(source);
  const entries: JsonObject = {};
  for (const a of incoming) {
    const id = map.get(a.id) ?? a.id;
    const { isFriendlyName: _, ...kept } = entryOf(source, a.id) ?? {};
    const at = positions.get(a.id) ?? { x: 0, y: 0 };
    entries[id] = placeEntry(friendly.has(id) ? { ...kept, isFriendlyName: true } : kept, {
      x: at.x + offset.x,
      y: at.y + offset.y,
    });
  }
  const pasted = withActionMetadata({ ...model, actions: [...model.actions, ...actions] }, (am) => ({
    ...am,
    ...entries,
  }));
  return { model: pasted, ids: [...map.values()] };
}

const fromText = (text: string): FlowModel | undefined => {
  const read = readJson(text);
  return read.ok ? toModel(read.value) : undefined;
};

/** A copy, so the model shares nothing with an object the caller still holds; undefined if not JSON. */
function fromValue(value: unknown): FlowModel | undefined {
  try {
    return toModel(structuredClone(value));
  } catch {
    return undefined; // functions, symbols: not something a clipboard holds
  }
}

/** `name` when free, else `name 2`, `name 3`…; undefined when no such name is a valid Identifier. */
function numbered(name: string, taken: ReadonlySet<string>): string | undefined {
  if (identifierProblem(name)) return undefined;
  if (!taken.has(name)) return name;
  for (let n = 2; n < 1000; n++) {
    const suffix = ` ${n}`;
    const candidate = `${[...name].slice(0, MAX_IDENTIFIER_LENGTH - suffix.length).join('')}${suffix}`;
    if (!taken.has(candidate) && !identifierProblem(candidate)) return candidate;
  }
  return undefined;
}
