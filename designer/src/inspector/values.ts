import { isJsonObject, type JsonObject, looksLikePath } from '@parley/flow';
import type { Field } from './fields.js';

/*
 * Reading and writing one field's value in an action's Parameters, as Connect writes them: numbers
 * and booleans as strings ("8", "True") unless the flow already holds them otherwise, no empty
 * values (clearing a field removes its key), and nothing else of the object touched.
 */

/** The value at `path` below `root`; undefined where a step is missing or not an object. */
export function getAt(root: unknown, path: readonly string[]): unknown {
  let node = root;
  for (const key of path) {
    if (!isJsonObject(node) || !Object.hasOwn(node, key)) return undefined;
    node = node[key];
  }
  return node;
}

/**
 * A copy of `root` with `value` at `path` (undefined removes it; objects this leaves empty go too,
 * up to but not including `root`). The same object back when nothing changes.
 */
export function setAt(root: JsonObject | undefined, path: readonly string[], value: unknown): JsonObject {
  const base = root ?? {};
  const [key, ...rest] = path;
  if (key === undefined) return base;
  if (rest.length === 0) {
    if (value === undefined) {
      if (!Object.hasOwn(base, key)) return base;
      const { [key]: _, ...others } = base;
      return others;
    }
    return base[key] === value ? base : { ...base, [key]: value };
  }
  const child = base[key];
  // A non-object in the way is only replaced to write a value, never to remove one.
  if (!isJsonObject(child) && value === undefined) return base;
  const updated = setAt(isJsonObject(child) ? child : undefined, rest, value);
  if (updated === child) return base;
  if (Object.keys(updated).length === 0 && value === undefined) {
    const { [key]: _, ...others } = base;
    return others;
  }
  return { ...base, [key]: updated };
}

/**
 * Parameters with a field set; setting one of a group of exclusive parameters (a prompt's Text,
 * SSML, PromptId, Media) removes the others.
 */
export function setField(parameters: JsonObject | undefined, field: Field, value: unknown): JsonObject {
  let out = setAt(parameters, field.path, value);
  if (value !== undefined) for (const other of field.exclusive ?? []) out = setAt(out, [other], undefined);
  return out;
}

/** Whether a value is one whole JSONPath ("set dynamically"). */
export const isDynamicValue = (value: unknown): boolean => typeof value === 'string' && looksLikePath(value);

/**
 * Whether the field offers a static/dynamic toggle: its value may be a static value or one whole
 * JSONPath, and the static editor is not free text already (text embeds references itself).
 */
export function hasDynamicToggle(field: Field): boolean {
  if (field.dynamic === 'path') return field.kind !== 'json';
  if (field.dynamic === 'text') return field.kind === 'resource' || field.kind === 'enum';
  return false;
}

/** The text a value shows in an input. */
export function displayText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** A text input's value as a parameter value: '' clears it. */
export const fromText = (text: string): string | undefined => (text === '' ? undefined : text);

/**
 * A number field's text as a parameter value: a string, as Connect's exports write numbers ("8"),
 * unless the parameter already holds a JSON number and the text is one. A JSONPath passes as is.
 */
export function fromNumberText(text: string, previous: unknown): string | number | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  if (typeof previous === 'number' && /^-?\d+(\.\d+)?$/.test(t)) return Number(t);
  return t;
}

/** Why a number field's text is not a value the block takes; undefined when it is. */
export function numberProblem(text: string, field: Pick<Field, 'range' | 'decimal'>): string | undefined {
  const t = text.trim();
  if (t === '' || looksLikePath(t)) return undefined;
  if (!(field.decimal ? /^-?\d+(\.\d+)?$/ : /^-?\d+$/).test(t))
    return field.decimal ? 'Not a number' : 'Not a whole number';
  const n = Number(t);
  const [min, max] = field.range ?? [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY];
  if (n < min || n > max) return `Must be from ${min} to ${max}`;
  return undefined;
}

/** A boolean parameter read: "True", "true", "TRUE", true; undefined when absent or something else. */
export function readBoolean(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value !== 'string') return undefined;
  const v = value.toLowerCase();
  return v === 'true' ? true : v === 'false' ? false : undefined;
}

/** A boolean written in the spelling the parameter already has ("True" as Connect writes it, else). */
export function writeBoolean(on: boolean, previous: unknown): string | boolean {
  if (typeof previous === 'boolean') return on;
  const word = on ? 'True' : 'False';
  if (typeof previous !== 'string' || previous === '') return word;
  if (previous === previous.toUpperCase()) return word.toUpperCase();
  if (previous === previous.toLowerCase()) return word.toLowerCase();
  return word;
}

/** A JSON field's text as a value: undefined for '', the parsed value, or an error message. */
export function fromJsonText(text: string): { value: unknown } | { error: string } {
  if (text.trim() === '') return { value: undefined };
  try {
    return { value: JSON.parse(text) as unknown };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}

/** Why text is not SSML Connect speaks: it is wrapped in <speak>…</speak>. */
export function ssmlProblem(text: string): string | undefined {
  const t = text.trim();
  if (t === '' || (/^<speak[\s>]/.test(t) && t.endsWith('</speak>'))) return undefined;
  return 'SSML is wrapped in <speak>…</speak>';
}

/** Why a static value does not match the field's pattern; JSONPaths and '' are not checked. */
export function patternProblem(text: string, field: Pick<Field, 'pattern' | 'dynamic'>): string | undefined {
  if (field.pattern === undefined || text === '') return undefined;
  if (field.dynamic !== 'static' && looksLikePath(text)) return undefined;
  try {
    return new RegExp(field.pattern, 'u').test(text) ? undefined : `Does not match ${field.pattern}`;
  } catch {
    return undefined;
  }
}

/** The value a new list item or map entry starts with. */
export function emptyValue(field: Pick<Field, 'kind'>): unknown {
  if (field.kind === 'object' || field.kind === 'attributes-map') return {};
  if (field.kind === 'list') return [];
  return '';
}

/** An object read as one (anything else as empty). */
export const objectOf = (value: unknown): JsonObject => (isJsonObject(value) ? value : {});

/** A map with one key renamed, in its place; the same map when `to` is taken or the same. */
export function renameKey(map: JsonObject, from: string, to: string): JsonObject {
  if (from === to || Object.hasOwn(map, to) || !Object.hasOwn(map, from)) return map;
  return Object.fromEntries(Object.entries(map).map(([k, v]) => [k === from ? to : k, v]));
}

/** A key no entry of the map has yet: `name`, `name2`… */
export function freshKey(map: JsonObject, base = 'name'): string {
  if (!Object.hasOwn(map, base)) return base;
  let n = 2;
  while (Object.hasOwn(map, `${base}${n}`)) n++;
  return `${base}${n}`;
}
