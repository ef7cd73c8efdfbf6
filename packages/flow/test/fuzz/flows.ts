/**
 * Structurally valid flows (2019-10-30 and legacy) built from the catalog, then mutated as values:
 * fields dropped, duplicated and retyped, hostile keys added, transitions left dangling, values
 * wrapped in deep nesting or replaced by huge strings. Cases are recipes over a generated or a real
 * document, so they print small.
 */
import fc from 'fast-check';
import { CATALOG, FLOW_TYPE_BY_METADATA, OPERATORS } from '../../src/catalog/index.js';
import { LEGACY_RULES } from '../../src/legacy/index.js';
import type { LegacyTableEntry } from '../../src/legacy/rule.js';
import {
  anyJson,
  deepValue,
  HOSTILE_KEYS,
  hostileJson,
  hostileKey,
  hostileLeaf,
  hostileString,
  hugeString,
  nestingDepth,
  ownObject,
} from './json.js';

/** A small pool, so generated transitions often name real actions, and sometimes nothing. */
const ID_POOL = ['start', 'menu', 'queue', 'bye', 'a', 'b', '__proto__', 'constructor', 'toString', 'x y'];
export const identifier: fc.Arbitrary<string> = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...ID_POOL) },
  { weight: 1, arbitrary: fc.constantFrom('', '$end', '$.Attributes.x', 'a'.repeat(600), '\u0000') },
  { weight: 1, arbitrary: fc.string({ maxLength: 10 }) },
);

const TYPES = [...CATALOG.keys()];
const ERROR_TYPES = [...new Set([...CATALOG.values()].flatMap((b) => b.errors)), 'NoMatchingError'];

const position = fc.record({
  x: fc.integer({ min: -500, max: 3000 }),
  y: fc.integer({ min: -500, max: 3000 }),
});

function parameterNames(type: string): string[] {
  const props = (CATALOG.get(type)?.parameters as { properties?: Record<string, unknown> } | undefined)
    ?.properties;
  return Object.keys(props ?? {});
}

/** A parameter value: mostly strings (static, JSONPath, ARN), sometimes any JSON. */
const parameterValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: hostileString },
  { weight: 2, arbitrary: hostileLeaf },
  { weight: 2, arbitrary: hostileJson },
);

function parameters(type: string): fc.Arbitrary<Record<string, unknown>> {
  const names = parameterNames(type);
  const key =
    names.length > 0 ? fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...names) }, hostileKey) : hostileKey;
  return fc.array(fc.tuple(key, parameterValue), { maxLength: 6 }).map(ownObject);
}

const condition = fc.record(
  {
    NextAction: identifier,
    Condition: fc.record(
      {
        Operator: fc.oneof(fc.constantFrom(...OPERATORS), hostileString),
        Operands: fc.array(fc.oneof(hostileString, hostileNumber()), { maxLength: 3 }),
      },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: [] },
);

function hostileNumber(): fc.Arbitrary<unknown> {
  return fc.oneof(fc.integer(), fc.constantFrom(-0, 1e308, 0.5));
}

const errorEdge = fc.record(
  { NextAction: identifier, ErrorType: fc.oneof(fc.constantFrom(...ERROR_TYPES), hostileString) },
  { requiredKeys: [] },
);

const transitions = fc.record(
  {
    NextAction: identifier,
    Errors: fc.array(errorEdge, { maxLength: 4 }),
    Conditions: fc.array(condition, { maxLength: 4 }),
  },
  { requiredKeys: [] },
);

const actionType = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom(...TYPES) },
  { weight: 1, arbitrary: fc.constantFrom('Nope', '__proto__', 'constructor', '', 'PlayPrompt') },
);

export const action: fc.Arbitrary<unknown> = actionType.chain((type) =>
  fc.record(
    {
      Parameters: parameters(type),
      Identifier: identifier,
      Type: fc.constant(type),
      Transitions: transitions,
    },
    { requiredKeys: ['Identifier', 'Type'] },
  ),
);

const flowTypeName = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...Object.keys(FLOW_TYPE_BY_METADATA)) },
  { weight: 1, arbitrary: hostileString },
);

const metadata = fc.record(
  {
    entryPointPosition: position,
    ActionMetadata: fc
      .array(fc.tuple(identifier, fc.record({ position }, { requiredKeys: [] })), { maxLength: 6 })
      .map(ownObject),
    name: hostileString,
    type: flowTypeName,
  },
  { requiredKeys: [] },
);

const settings = fc.record(
  {
    InputParameters: fc.array(hostileJson, { maxLength: 2 }),
    OutputParameters: fc.array(hostileJson, { maxLength: 2 }),
    Transitions: fc.array(fc.record({ DisplayName: hostileString, ReferenceName: hostileString }), {
      maxLength: 3,
    }),
  },
  { requiredKeys: [] },
);

/** A 2019-10-30 document from the catalog: valid in shape, wrong in many details. */
export const flowDocument: fc.Arbitrary<Record<string, unknown>> = fc.record(
  {
    Version: fc.oneof(
      { weight: 12, arbitrary: fc.constant('2019-10-30') },
      { weight: 1, arbitrary: hostileLeaf },
    ),
    StartAction: identifier,
    Metadata: metadata,
    Actions: fc.array(action, { maxLength: 10 }),
    Settings: settings,
  },
  { requiredKeys: ['Version', 'Actions'] },
);

// Legacy (pre-2019) documents.

function legacyParameterNames(entry: LegacyTableEntry): string[] {
  const rules = 'variants' in entry ? Object.values(entry.variants) : [entry];
  return rules.flatMap((r) => Object.keys(r.params ?? {}));
}

const LEGACY_TYPES = Object.keys(LEGACY_RULES);
const LEGACY_PARAMETERS = [...new Set(Object.values(LEGACY_RULES).flatMap(legacyParameterNames))];
const LEGACY_CONDITIONS = [
  'Success',
  'Error',
  'NoMatch',
  'Evaluate',
  'Timeout',
  'True',
  'False',
  'AtCapacity',
];

const legacyParameter = fc.record(
  {
    name: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...LEGACY_PARAMETERS) }, hostileKey),
    value: parameterValue,
    key: hostileKey,
    namespace: fc.oneof(
      fc.constantFrom(null, 'External', 'System', 'User Defined', 'Lex.Slots', 'Lex.Attributes'),
      hostileString,
    ),
    resourceName: fc.oneof(fc.constant(null), hostileString),
  },
  { requiredKeys: ['name'] },
);

const legacyBranch = fc.record(
  {
    condition: fc.oneof(fc.constantFrom(...LEGACY_CONDITIONS), hostileString),
    conditionType: fc.oneof(
      fc.constantFrom('Equals', 'GreaterThan', 'LessThanOrEqualTo', 'Contains'),
      hostileString,
    ),
    conditionValue: hostileLeaf,
    transition: identifier,
  },
  { requiredKeys: [] },
);

const legacyModule = fc.record(
  {
    id: identifier,
    type: fc.oneof(
      { weight: 8, arbitrary: fc.constantFrom(...LEGACY_TYPES) },
      { weight: 1, arbitrary: hostileKey },
    ),
    branches: fc.oneof(
      { weight: 8, arbitrary: fc.array(legacyBranch, { maxLength: 4 }) },
      { weight: 1, arbitrary: hostileLeaf },
    ),
    parameters: fc.oneof(
      { weight: 8, arbitrary: fc.array(legacyParameter, { maxLength: 5 }) },
      { weight: 1, arbitrary: hostileLeaf },
    ),
    metadata: fc.record({ position }, { requiredKeys: [] }),
    target: fc.oneof(
      fc.constantFrom('Lex', 'Digits', 'Queue', 'Flow', 'PhoneNumber', 'Agent', 'Lambda'),
      hostileString,
    ),
  },
  { requiredKeys: ['id', 'type'] },
);

export const legacyDocument: fc.Arbitrary<Record<string, unknown>> = fc.record(
  {
    modules: fc.oneof(
      { weight: 10, arbitrary: fc.array(legacyModule, { maxLength: 8 }) },
      { weight: 1, arbitrary: hostileLeaf },
    ),
    start: identifier,
    metadata: fc.record(
      { name: hostileString, type: flowTypeName, entryPointPosition: position, description: hostileLeaf },
      { requiredKeys: [] },
    ),
    version: fc.constantFrom('1', '2'),
    type: flowTypeName,
  },
  { requiredKeys: ['modules'] },
);

// Structural mutations of a document value.

export type ValueOp =
  | { op: 'drop'; at: number }
  | { op: 'retype'; at: number; value: unknown }
  | { op: 'duplicate'; at: number }
  | { op: 'key'; at: number; key: string; value: unknown }
  | { op: 'nest'; at: number; depth: number; kind: 'array' | 'object' }
  | { op: 'huge'; at: number; value: string };

export const valueOp: fc.Arbitrary<ValueOp> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ op: fc.constant('drop' as const), at: fc.nat() }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('retype' as const), at: fc.nat(), value: anyJson }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('duplicate' as const), at: fc.nat() }) },
  {
    weight: 3,
    arbitrary: fc.record({
      op: fc.constant('key' as const),
      at: fc.nat(),
      key: fc.constantFrom(...HOSTILE_KEYS),
      value: hostileJson,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('nest' as const),
      at: fc.nat(),
      depth: nestingDepth,
      kind: fc.constantFrom('array' as const, 'object' as const),
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('huge' as const), at: fc.nat(), value: hugeString }) },
);

type Slot = { parent: Record<string, unknown> | unknown[]; key: string | number };

/** Every (container, key) pair of a value, breadth first, at most `limit` of them. */
function slots(root: unknown, limit = 5_000): Slot[] {
  const out: Slot[] = [];
  const queue: unknown[] = [root];
  for (let i = 0; i < queue.length && out.length < limit; i++) {
    const v = queue[i];
    if (Array.isArray(v)) {
      v.forEach((x, k) => {
        out.push({ parent: v, key: k });
        queue.push(x);
      });
    } else if (typeof v === 'object' && v !== null) {
      for (const k of Object.keys(v)) {
        out.push({ parent: v as Record<string, unknown>, key: k });
        queue.push((v as Record<string, unknown>)[k]);
      }
    }
  }
  return out;
}

function containers(root: unknown, all: readonly Slot[]): (Record<string, unknown> | unknown[])[] {
  const list: (Record<string, unknown> | unknown[])[] = [];
  if (typeof root === 'object' && root !== null) list.push(root as Record<string, unknown>);
  for (const s of all) {
    const v = (s.parent as Record<string, unknown>)[s.key as string];
    if (typeof v === 'object' && v !== null) list.push(v as Record<string, unknown>);
  }
  return list;
}

const set = (parent: Slot['parent'], key: string | number, value: unknown) => {
  if (Array.isArray(parent)) parent[key as number] = value;
  else Object.defineProperty(parent, key, { value, enumerable: true, writable: true, configurable: true });
};

/**
 * A copy as JSON.parse would make it (`__proto__` stays an own key), built without recursion: the
 * values it copies may be 10,000 levels deep, and the harness must not be the one to overflow.
 */
export function cloneJson(v: unknown): unknown {
  const copy = (x: unknown): unknown =>
    typeof x !== 'object' || x === null ? x : Array.isArray(x) ? new Array(x.length) : {};
  const root = copy(v);
  const stack: [unknown, unknown][] = [[v, root]];
  while (stack.length > 0) {
    const [from, to] = stack.pop() as [Record<string, unknown>, Record<string, unknown>];
    if (typeof from !== 'object' || from === null) continue;
    for (const k of Object.keys(from)) {
      const c = copy(from[k]);
      Object.defineProperty(to, k, { value: c, enumerable: true, writable: true, configurable: true });
      stack.push([from[k], c]);
    }
  }
  return root;
}

/**
 * Applies the operations to a copy of `doc`. The slots are listed once: a later operation may reach
 * a value an earlier one replaced, which changes nothing that can be seen, and walking a large real
 * document once per operation cost more than the code under test.
 */
export function applyValueOps(doc: unknown, ops: readonly ValueOp[]): unknown {
  const root = cloneJson(doc);
  if (ops.length === 0) return root;
  const all = slots(root);
  const objects = containers(root, all);
  for (const o of ops) {
    if (o.op === 'key') {
      const target = objects[o.at % Math.max(1, objects.length)];
      if (target && !Array.isArray(target)) set(target, o.key, cloneJson(o.value));
      continue;
    }
    const s = all[o.at % Math.max(1, all.length)];
    // A slot an earlier operation removed (or shifted out of its array) is skipped: writing through
    // it would leave `undefined` in the document, which JSON cannot hold.
    if (!s || !Object.hasOwn(s.parent, s.key)) continue;
    const current = (s.parent as Record<string, unknown>)[s.key as string];
    switch (o.op) {
      case 'drop':
        if (Array.isArray(s.parent)) s.parent.splice(s.key as number, 1);
        else delete s.parent[s.key as string];
        break;
      case 'retype':
        set(s.parent, s.key, cloneJson(o.value));
        break;
      case 'duplicate':
        if (Array.isArray(s.parent)) s.parent.splice(s.key as number, 0, cloneJson(current));
        else set(s.parent, `${s.key}`, [current, cloneJson(current)]);
        break;
      case 'nest':
        set(s.parent, s.key, deepValue(o.depth, o.kind, current));
        break;
      case 'huge':
        set(s.parent, s.key, o.value);
        break;
    }
  }
  return root;
}
