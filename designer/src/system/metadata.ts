import { type FlowModel, isJsonObject, type JsonObject } from '@parley/flow';
import type { XY } from './types.js';

/** `Metadata.ActionMetadata` when it is an object. */
export const actionMetadataOf = (model: FlowModel): JsonObject | undefined => {
  const am = model.metadata?.ActionMetadata;
  return isJsonObject(am) ? am : undefined;
};

/** What Connect's designer keeps about one action (position, friendly name, display names…). */
export const entryOf = (model: FlowModel, id: string): JsonObject | undefined => {
  const entry = actionMetadataOf(model)?.[id];
  return isJsonObject(entry) ? entry : undefined;
};

export function positionOf(model: FlowModel, id: string): XY | undefined {
  const p = entryOf(model, id)?.position;
  if (!isJsonObject(p)) return undefined;
  const { x, y } = p;
  return typeof x === 'number' && Number.isFinite(x) && typeof y === 'number' && Number.isFinite(y)
    ? { x, y }
    : undefined;
}

export const isFriendlyName = (model: FlowModel, id: string): boolean =>
  entryOf(model, id)?.isFriendlyName === true;

/** Connect's designer writes positions with at most one decimal. */
export const roundXY = ({ x, y }: XY): XY => ({ x: Math.round(x * 10) / 10, y: Math.round(y * 10) / 10 });

/**
 * A model whose ActionMetadata is `update(copy of the current one)`, creating Metadata when the flow
 * has none. ActionMetadata that is not an object is left alone (it would be lost), and so is the model.
 */
export function withActionMetadata(model: FlowModel, update: (am: JsonObject) => JsonObject): FlowModel {
  const current = model.metadata?.ActionMetadata;
  if (current !== undefined && !isJsonObject(current)) return model;
  if (model.metadata === undefined && 'Metadata' in model.rest) return model;
  const ActionMetadata = update({ ...current });
  return { ...model, metadata: { ...model.metadata, ActionMetadata } };
}

/** Sets one entry's position, keeping its other keys (and the key's place) as they were. */
export function placeEntry(entry: unknown, at: XY): JsonObject {
  const position = roundXY(at);
  if (!isJsonObject(entry)) return { position };
  const old = entry.position;
  // Not moved: keep Connect's own figures (some exports carry float32 noise such as 966.3333740234375).
  if (isJsonObject(old) && old.x === at.x && old.y === at.y) return entry;
  return { ...entry, position: isJsonObject(old) ? { ...old, ...position } : position };
}
