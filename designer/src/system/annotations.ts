import { type FlowModel, isJsonObject, type JsonObject } from '@parley/flow';
import { newActionId } from './edit.js';
import { roundXY } from './metadata.js';
import type { XY } from './types.js';

/*
 * Sticky notes, kept where Connect's designer keeps them: `Metadata.Annotations`, an array of
 * `{ type, id, content, actionId, isFolded, position, size }`. Edits are pure like the block edits:
 * an entry is rewritten key by key, in place, so keys Parley does not know and the order of all of
 * them survive, and an edit that changes nothing returns the model it was given.
 */

export interface Size {
  width: number;
  height: number;
}

/** One annotation as the canvas shows it; the entry itself stays in the model. */
export interface Note {
  id: string;
  content: string;
  /** The block the note belongs to ('' for none), as Connect records it. */
  actionId: string;
  isFolded: boolean;
  position: XY;
  size: Size;
}

/** The size Connect gives a new note. */
export const NOTE_SIZE: Size = { width: 300, height: 295 };

/** What the note editor can change. */
export type NotePatch = Partial<Pick<Note, 'content' | 'actionId' | 'isFolded' | 'position' | 'size'>>;

const annotationsOf = (model: FlowModel): unknown => model.metadata?.Annotations;

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * The flow's notes, in the order Connect lists them. Entries without a string id cannot be told
 * apart, so they are not shown (they stay in the file as they are).
 */
export function notesOf(model: FlowModel): Note[] {
  const list = annotationsOf(model);
  if (!Array.isArray(list)) return [];
  const seen = new Set<string>();
  const out: Note[] = [];
  for (const entry of list) {
    if (!isJsonObject(entry) || typeof entry.id !== 'string' || seen.has(entry.id)) continue;
    seen.add(entry.id);
    const p = isJsonObject(entry.position) ? entry.position : {};
    const s = isJsonObject(entry.size) ? entry.size : {};
    out.push({
      id: entry.id,
      content: typeof entry.content === 'string' ? entry.content : '',
      actionId: typeof entry.actionId === 'string' ? entry.actionId : '',
      isFolded: entry.isFolded === true,
      position: { x: finite(p.x) ? p.x : 0, y: finite(p.y) ? p.y : 0 },
      size: {
        width: finite(s.width) && s.width > 0 ? s.width : NOTE_SIZE.width,
        height: finite(s.height) && s.height > 0 ? s.height : NOTE_SIZE.height,
      },
    });
  }
  return out;
}

/**
 * A model whose Annotations are `update(current list)`. A flow without Metadata or Annotations
 * gets them; Metadata or Annotations of another shape are left alone (they would be lost).
 */
function withAnnotations(model: FlowModel, update: (list: unknown[]) => unknown[]): FlowModel {
  if (model.metadata === undefined && 'Metadata' in model.rest) return model;
  const current = annotationsOf(model);
  if (current !== undefined && !Array.isArray(current)) return model;
  const list = current ?? [];
  const Annotations = update(list);
  if (Annotations === list) return model;
  return { ...model, metadata: { ...model.metadata, Annotations } };
}

/** Adds a note at `at` (Connect's default size, unfolded, on no block). */
export function addNote(
  model: FlowModel,
  at: XY,
  options: { id?: string; content?: string; actionId?: string } = {},
): FlowModel {
  const id = options.id ?? newActionId();
  if (notesOf(model).some((n) => n.id === id)) return model;
  const entry: JsonObject = {
    type: 'default',
    id,
    content: options.content ?? '',
    actionId: options.actionId ?? '',
    isFolded: false,
    position: { ...roundXY(at) },
    size: { height: NOTE_SIZE.height, width: NOTE_SIZE.width },
  };
  return withAnnotations(model, (list) => [...list, entry]);
}

/** Merges `values` into an object entry, keeping its keys' order; the entry itself when equal. */
function merge(entry: JsonObject, values: JsonObject): JsonObject {
  const changed = Object.entries(values).filter(([k, v]) => !sameJson(entry[k], v));
  return changed.length === 0 ? entry : { ...entry, ...Object.fromEntries(changed) };
}

const sameJson = (a: unknown, b: unknown): boolean =>
  a === b || (isJsonObject(a) && isJsonObject(b) && Object.entries(b).every(([k, v]) => sameJson(a[k], v)));

/** The JSON of a patch: positions with at most one decimal (as Connect writes), sizes in px. */
function patchEntry(entry: JsonObject, patch: NotePatch): JsonObject {
  const values: JsonObject = {};
  if (patch.content !== undefined) values.content = patch.content;
  if (patch.actionId !== undefined) values.actionId = patch.actionId;
  if (patch.isFolded !== undefined) values.isFolded = patch.isFolded;
  if (patch.position) {
    const old = isJsonObject(entry.position) ? entry.position : {};
    // Not moved: keep Connect's own figures (float noise such as 474.66666666666663).
    const same = old.x === patch.position.x && old.y === patch.position.y;
    values.position = same ? old : merge(old, { ...roundXY(patch.position) });
  }
  if (patch.size) {
    const old = isJsonObject(entry.size) ? entry.size : {};
    const same = old.width === patch.size.width && old.height === patch.size.height;
    const rounded = { height: Math.round(patch.size.height), width: Math.round(patch.size.width) };
    values.size = same ? old : merge(old, rounded);
  }
  return merge(entry, values);
}

/** Changes notes by id (content, fold, position, size…); other keys of each entry are kept. */
export function updateNotes(model: FlowModel, patches: Readonly<Record<string, NotePatch>>): FlowModel {
  const done = new Set<string>();
  return withAnnotations(model, (list) => {
    let changed = false;
    const next = list.map((entry) => {
      if (!isJsonObject(entry) || typeof entry.id !== 'string' || done.has(entry.id)) return entry;
      const patch = patches[entry.id];
      if (!patch) return entry;
      done.add(entry.id);
      const updated = patchEntry(entry, patch);
      if (updated !== entry) changed = true;
      return updated;
    });
    return changed ? next : list;
  });
}

export const updateNote = (model: FlowModel, id: string, patch: NotePatch): FlowModel =>
  updateNotes(model, { [id]: patch });

/** Removes notes by id. */
export function removeNotes(model: FlowModel, ids: Iterable<string>): FlowModel {
  const gone = new Set(ids);
  return withAnnotations(model, (list) => {
    const kept = list.filter((e) => !(isJsonObject(e) && typeof e.id === 'string' && gone.has(e.id)));
    return kept.length === list.length ? list : kept;
  });
}
