/**
 * Where Connect's designer keeps the names of referenced resources in `Metadata.ActionMetadata`
 * (reference §1.3, §7.3), read so an import can resolve by name and written so an export carries them.
 *
 * The current designer mirrors the parameter path under `parameters` (`parameters.QueueId.displayName`,
 * `parameters.Messages[1].PromptId.displayName`, `parameters.EventHooks.CustomerQueue.displayName`).
 * Older designers wrote per-block keys that exports still carry beside it: `queue`/`contactFlow`/
 * `ContactFlow`/`Hours` as `{id, text}`, `audio` as `[{id, text, type}]`, and plain strings
 * `promptName`, `contactFlowModuleName`, `lexV2BotName`, `templateName`.
 */
import type { ResourceKind } from '../catalog/vocabulary.js';
import { isJsonObject } from '../model/model.js';
import type { JsonObject } from '../model/types.js';
import type { FlowReference } from './types.js';

type Ref = Pick<FlowReference, 'segments' | 'kind' | 'value'>;

/** `{id, text}` objects of older designers, by the kinds they name (GetMetricData files an agent under `queue`). */
const OLD_OBJECT_KEYS: Partial<Record<ResourceKind, readonly string[]>> = {
  queue: ['queue'],
  agent: ['queue'],
  flow: ['contactFlow', 'ContactFlow'],
  hours: ['Hours'],
};

/** Plain-string names of older designers; each block has one reference of that kind. */
const OLD_NAME_KEYS: Partial<Record<ResourceKind, readonly string[]>> = {
  prompt: ['promptName'],
  module: ['contactFlowModuleName'],
  lexV2Alias: ['lexV2BotName'],
  caseTemplate: ['templateName'],
};

/**
 * For a Lex V2 alias, `displayName` is the alias's name ("TestBotAlias", the same in every bot);
 * the bot's name, which is what identifies it, is `lexV2BotName` beside it.
 */
const nameKeyOf = (kind: ResourceKind) => (kind === 'lexV2Alias' ? 'lexV2BotName' : 'displayName');

const own = (o: JsonObject, key: string): unknown => (Object.hasOwn(o, key) ? o[key] : undefined);

const nonEmpty = (v: unknown): string | undefined =>
  typeof v === 'string' && v.trim() !== '' ? v : undefined;

/** `Metadata.ActionMetadata[actionId]`, when it is an object. */
export function actionMetadata(metadata: unknown, actionId: string): JsonObject | undefined {
  if (!isJsonObject(metadata)) return undefined;
  const all = own(metadata, 'ActionMetadata');
  if (!isJsonObject(all)) return undefined;
  const am = own(all, actionId);
  return isJsonObject(am) ? am : undefined;
}

function child(container: unknown, segment: string | number): unknown {
  if (Array.isArray(container)) return typeof segment === 'number' ? container[segment] : undefined;
  return isJsonObject(container) ? own(container, String(segment)) : undefined;
}

/** The object under `parameters` that mirrors the reference's path, when it exists. */
function modernLeaf(am: JsonObject, segments: Ref['segments']): JsonObject | undefined {
  let cur: unknown = own(am, 'parameters');
  for (const s of segments) cur = child(cur, s);
  return isJsonObject(cur) ? cur : undefined;
}

/** Creates the path under `parameters` (arrays where the parameter has arrays) and returns its leaf. */
function ensureModernLeaf(am: JsonObject, segments: Ref['segments']): JsonObject | undefined {
  if (own(am, 'parameters') === undefined || own(am, 'parameters') === null) am.parameters = {};
  let cur: unknown = am.parameters;
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i] as string | number;
    let next = child(cur, s);
    if (next === undefined || next === null) {
      next = i === segments.length - 1 || typeof segments[i + 1] === 'string' ? {} : [];
      if (Array.isArray(cur) && typeof s === 'number') {
        while (cur.length < s) cur.push(null);
        cur[s] = next;
      } else if (isJsonObject(cur)) cur[String(s)] = next;
      else return undefined;
    }
    // Something else lives there (a hand-written value): leave it rather than overwrite it.
    if (!isJsonObject(next) && !Array.isArray(next)) return undefined;
    cur = next;
  }
  return isJsonObject(cur) ? cur : undefined;
}

/** Older per-block keys belong to a reference unless they carry another resource's id. */
function oldObjects(am: JsonObject, ref: Ref): JsonObject[] {
  const out: JsonObject[] = [];
  for (const key of OLD_OBJECT_KEYS[ref.kind] ?? []) {
    const o = own(am, key);
    if (!isJsonObject(o)) continue;
    const id = own(o, 'id');
    if (typeof id === 'string' && id !== '' && id !== ref.value) continue;
    out.push(o);
  }
  return out;
}

function audioEntries(am: JsonObject, ref: Ref): JsonObject[] {
  if (ref.kind !== 'prompt') return [];
  const audio = own(am, 'audio');
  if (!Array.isArray(audio)) return [];
  return audio.filter((a): a is JsonObject => isJsonObject(a) && own(a, 'id') === ref.value);
}

/** Plain-string keys name the block's one reference of the kind, never one inside an array. */
const oldNameKeys = (ref: Ref) =>
  ref.segments.some((s) => typeof s === 'number') ? [] : (OLD_NAME_KEYS[ref.kind] ?? []);

/** The display name Metadata gives the reference: the current designer's first, then older forms. */
export function readName(am: JsonObject | undefined, ref: Ref): string | undefined {
  if (!am) return undefined;
  const leaf = modernLeaf(am, ref.segments);
  if (leaf) {
    const name = nonEmpty(own(leaf, nameKeyOf(ref.kind))) ?? nonEmpty(own(leaf, 'displayName'));
    if (name !== undefined) return name;
  }
  for (const o of [...oldObjects(am, ref), ...audioEntries(am, ref)]) {
    const name = nonEmpty(own(o, 'text'));
    if (name !== undefined) return name;
  }
  for (const key of oldNameKeys(ref)) {
    const name = nonEmpty(own(am, key));
    if (name !== undefined) return name;
  }
  return undefined;
}

export interface MetadataUpdate {
  /** The resource's name: replaces the names already written for this reference. */
  name?: string;
  /** The reference's new value: replaces older `id` fields that held the old one. */
  value?: string;
  /** Write `parameters.<path>.displayName` even where Metadata has none (export). */
  create?: boolean;
}

/**
 * Keeps the Metadata of one reference in step with its new value and name. Called before the
 * Parameters value changes: older keys are matched against the value as it was (`ref.value`).
 */
export function updateMetadata(am: JsonObject, ref: Ref, update: MetadataUpdate): void {
  const { name, value } = update;
  if (name !== undefined) {
    const key = nameKeyOf(ref.kind);
    const leaf = update.create ? ensureModernLeaf(am, ref.segments) : modernLeaf(am, ref.segments);
    if (leaf && (update.create || own(leaf, key) !== undefined)) leaf[key] = name;
    // Connect's designer shows displayName; for a Lex alias it is the alias's, kept when present.
    if (leaf && update.create && own(leaf, 'displayName') === undefined) leaf.displayName = name;
    for (const k of oldNameKeys(ref)) if (typeof own(am, k) === 'string') am[k] = name;
  }
  for (const o of [...oldObjects(am, ref), ...audioEntries(am, ref)]) {
    if (name !== undefined && own(o, 'text') !== undefined) o.text = name;
    if (value !== undefined && own(o, 'id') === ref.value) o.id = value;
  }
}
