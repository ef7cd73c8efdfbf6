import { hasPlaceholder } from '../arn/arn.js';
import { getBlock } from '../catalog/index.js';
import type { ResourceKind } from '../catalog/vocabulary.js';
import { pointer } from '../diagnostics/diagnostic.js';
import { findReferences as findTextReferences, looksLikePath } from '../jsonpath/parse.js';
import { isJsonObject } from '../model/model.js';
import type { FlowModel, JsonObject } from '../model/types.js';
import { actionMetadata, readName } from './names.js';
import type { FlowReference } from './types.js';

/** A step of a path through Parameters: a fixed key, any key of an object, or any array item. */
const ANY_KEY = Symbol('any key');
const ANY_ITEM = Symbol('any item');
type Step = string | typeof ANY_KEY | typeof ANY_ITEM;

interface ResourcePath {
  steps: readonly Step[];
  kind: ResourceKind;
}

/** Keys that would reach Object.prototype if a document's key were written back through them. */
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

type Schema = Record<string, unknown>;

/** Every path to an `x-resource` leaf of a block's parameter schema. */
function resourcePaths(schema: unknown, steps: Step[] = [], out: ResourcePath[] = []): ResourcePath[] {
  if (!isJsonObject(schema)) return out;
  const s = schema as Schema;
  const kind = s['x-resource'];
  if (typeof kind === 'string') out.push({ steps: [...steps], kind: kind as ResourceKind });
  if (isJsonObject(s.properties))
    for (const [k, v] of Object.entries(s.properties)) resourcePaths(v, [...steps, k], out);
  if (isJsonObject(s.patternProperties))
    for (const v of Object.values(s.patternProperties)) resourcePaths(v, [...steps, ANY_KEY], out);
  if (isJsonObject(s.additionalProperties)) resourcePaths(s.additionalProperties, [...steps, ANY_KEY], out);
  if (isJsonObject(s.items)) resourcePaths(s.items, [...steps, ANY_ITEM], out);
  for (const branch of ['anyOf', 'oneOf', 'allOf'] as const) {
    const list = s[branch];
    if (Array.isArray(list)) for (const b of list) resourcePaths(b, steps, out);
  }
  for (const branch of ['if', 'then', 'else'] as const) resourcePaths(s[branch], steps, out);
  return out;
}

/** Union branches can name the same leaf twice; a reference is reported once. */
function dedupe(paths: ResourcePath[]): ResourcePath[] {
  const seen = new Set<string>();
  return paths.filter((p) => {
    const key = `${p.kind}|${p.steps.map((s) => (typeof s === 'string' ? `.${s}` : String(s))).join('')}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

// Compiled once per block type: a flow of thousands of actions repeats a few dozen types.
const pathsByType = new Map<string, readonly ResourcePath[]>();

function pathsOf(type: string): readonly ResourcePath[] {
  let paths = pathsByType.get(type);
  if (paths === undefined) {
    const block = getBlock(type);
    paths = block ? dedupe(resourcePaths(block.parameters)) : [];
    pathsByType.set(type, paths);
  }
  return paths;
}

/** A value that is set at run time (JSONPath, or text with references) names no resource statically. */
function isDynamic(value: string): boolean {
  return value.includes('$') && (looksLikePath(value.trim()) || findTextReferences(value).length > 0);
}

function collect(
  value: unknown,
  steps: readonly Step[],
  at: number,
  segments: (string | number)[],
  found: (value: string, segments: (string | number)[]) => void,
): void {
  if (at === steps.length) {
    if (typeof value === 'string') found(value, segments);
    return;
  }
  const step = steps[at];
  if (step === ANY_ITEM) {
    if (!Array.isArray(value)) return;
    for (let i = 0; i < value.length; i++) collect(value[i], steps, at + 1, [...segments, i], found);
    return;
  }
  if (!isJsonObject(value)) return;
  if (step === ANY_KEY) {
    for (const k of Object.keys(value))
      if (!UNSAFE_KEYS.has(k)) collect(value[k], steps, at + 1, [...segments, k], found);
    return;
  }
  if (step !== undefined && Object.hasOwn(value, step))
    collect(value[step], steps, at + 1, [...segments, step], found);
}

/**
 * Every static resource reference of the flow, in document order, found by walking each action's
 * Parameters along its catalog schema. JSONPath values and empty values name nothing and are
 * skipped; template placeholders are kept, since a mapping or the display name can still resolve them.
 */
export function findReferences(model: FlowModel): FlowReference[] {
  const out: FlowReference[] = [];
  for (let index = 0; index < model.actions.length; index++) {
    const action = model.actions[index];
    if (!action || 'raw' in action || !action.parameters) continue;
    const paths = pathsOf(action.type);
    if (paths.length === 0) continue;
    const parameters: JsonObject = action.parameters;
    const am = actionMetadata(model.metadata, action.id);
    for (const path of paths) {
      collect(parameters, path.steps, 0, [], (value, segments) => {
        if (value.trim() === '') return;
        const placeholder = hasPlaceholder(value);
        if (!placeholder && isDynamic(value)) return;
        const ref: FlowReference = {
          actionId: action.id,
          actionIndex: index,
          parameter: segments.join('/'),
          segments,
          pointer: pointer('Actions', index, 'Parameters', ...segments),
          kind: path.kind,
          value,
          placeholder,
        };
        const name = readName(am, ref);
        if (name !== undefined) ref.name = name;
        out.push(ref);
      });
    }
  }
  return out;
}
