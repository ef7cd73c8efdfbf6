/**
 * The flow core's fuzz targets: the reader, the front door (loadFlow), the validator, the legacy
 * converter, the importer and JSONPath resolution. `pnpm fuzz` and the seed-fixed tests share them.
 */
import fc from 'fast-check';
import { LIMITS } from '../../src/input/limits.js';
import { readJson } from '../../src/input/read.js';
import { convertLegacy, isLegacyDocument, LEGACY_RULES } from '../../src/legacy/index.js';
import { loadFlow } from '../../src/load.js';
import { serialize, toDocument } from '../../src/model/serialize.js';
import { validateDocument } from '../../src/validate/validate.js';
import { applyBytes, type ByteCase, byteCase } from './bytes.js';
import { applyValueOps, flowDocument, legacyDocument, type ValueOp, valueOp } from './flows.js';
import { anyJson, deepText, nestingDepth } from './json.js';
import { expectCoded, expectPlainTree, expectUnpolluted, guarded, jsonEqual, must } from './oracle.js';
import type { FuzzTarget } from './run.js';
import { jsonSeeds, legacySeeds, seedDocuments } from './seeds.js';
import { importTarget } from './targets-import.js';
import { jsonPathTarget } from './targets-jsonpath.js';

/** Raw input for the reader and the front door: bytes or text, however they were made. */
export type RawCase =
  | { from: 'seed'; mutation: ByteCase }
  | { from: 'json'; value: unknown; space: number }
  | { from: 'deep'; depth: number; kind: 'array' | 'object'; closed: boolean; inFlow: boolean }
  | { from: 'huge'; bytes: number; fill: number }
  | { from: 'text'; text: string };

export function rawCase(): fc.Arbitrary<RawCase> {
  const seeds = seedDocuments().length;
  return fc.oneof(
    { weight: 40, arbitrary: fc.record({ from: fc.constant('seed' as const), mutation: byteCase(seeds) }) },
    {
      weight: 10,
      arbitrary: fc.record({
        from: fc.constant('json' as const),
        value: fc.oneof(anyJson, flowDocument),
        space: fc.constantFrom(0, 2),
      }),
    },
    {
      weight: 4,
      arbitrary: fc.record({
        from: fc.constant('deep' as const),
        depth: nestingDepth,
        kind: fc.constantFrom('array' as const, 'object' as const),
        closed: fc.boolean(),
        inFlow: fc.boolean(),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        from: fc.constant('huge' as const),
        // Exactly at the limit is read whole (tens of milliseconds); over it is refused at once.
        bytes: fc.oneof(
          { weight: 4, arbitrary: fc.constantFrom(LIMITS.maxBytes + 1, 3 * 1024 * 1024) },
          { weight: 1, arbitrary: fc.constant(LIMITS.maxBytes) },
        ),
        fill: fc.constantFrom(0x20, 0x5b, 0xff),
      }),
    },
    {
      weight: 4,
      arbitrary: fc.record({
        from: fc.constant('text' as const),
        text: fc.string({ unit: 'binary', maxLength: 64 }),
      }),
    },
  );
}

export function rawInput(c: RawCase): Uint8Array | string {
  switch (c.from) {
    case 'seed':
      return applyBytes(
        seedDocuments().map((s) => s.bytes),
        c.mutation,
      );
    case 'json':
      return JSON.stringify(c.value, null, c.space) ?? '';
    case 'deep': {
      const deep = deepText(c.depth, c.kind, c.closed);
      return c.inFlow
        ? `{"Version":"2019-10-30","Actions":[{"Identifier":"a","Type":"MessageParticipant","Parameters":{"Text":${deep}`
        : deep;
    }
    case 'huge':
      return new Uint8Array(c.bytes).fill(c.fill);
    case 'text':
      return c.text;
  }
}

/** Depth and longest string of a parsed value, walked without recursion. */
function shapeOf(value: unknown): { depth: number; longest: number } {
  let depth = 0;
  let longest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, d] = stack.pop() as [unknown, number];
    if (typeof v === 'string') longest = Math.max(longest, v.length);
    else if (typeof v === 'object' && v !== null) {
      depth = Math.max(depth, d + 1);
      for (const k of Object.keys(v)) {
        longest = Math.max(longest, k.length);
        stack.push([(v as Record<string, unknown>)[k], d + 1]);
      }
    }
  }
  return { depth, longest };
}

const readTarget: FuzzTarget = {
  name: 'read',
  description: 'readJson on mutated real documents, deep and huge text, invalid UTF-8',
  weight: 3,
  open: () => ({
    arbitrary: rawCase(),
    check(c: RawCase) {
      const input = rawInput(c);
      const read = guarded('readJson', () => readJson(input));
      expectUnpolluted('readJson');
      if (!read.ok) {
        must(read.diagnostics.length > 0, 'uncoded', () => 'refused without a diagnostic');
        expectCoded(read.diagnostics, 'readJson');
        return;
      }
      // What it accepts, later code may walk recursively: the limits are its promise.
      const { depth, longest } = shapeOf(read.value);
      must(depth <= LIMITS.maxDepth, 'contract', () => `accepted a value ${depth} levels deep`);
      must(longest <= LIMITS.maxStringLength, 'contract', () => `accepted a string of ${longest} characters`);
    },
  }),
};

/** The front door's promises for one input, whatever it is. */
export function checkLoaded(
  input: Parameters<typeof loadFlow>[0],
  where: string,
): ReturnType<typeof loadFlow> {
  const loaded = guarded(where, () => loadFlow(input));
  expectUnpolluted(where);
  expectCoded(loaded.diagnostics, where);
  if (!loaded.model) {
    must(
      loaded.diagnostics.some((d) => d.severity === 'error'),
      'uncoded',
      () => `${where}: no model and no error`,
    );
    return loaded;
  }
  expectPlainTree(loaded.model, `${where} model`);
  // Round-trips are sacred: what was read is what gets written.
  must(loaded.roundTrip, 'round-trip', () => `${where}: the model does not give back the document it read`);
  const text = guarded('serialize', () => serialize(loaded.model as NonNullable<typeof loaded.model>));
  // Beyond the reader's size limit, reading back is refused with a code; the runtime refuses to save
  // such a flow for that reason (runtime/test/fuzz).
  if (text.length > LIMITS.maxBytes) return loaded;
  // The same document read back gives the same model: the reader is what has to agree.
  const again = guarded(`readJson of what ${where} serializes`, () => readJson(text));
  must(
    again.ok && jsonEqual(again.value, loaded.document),
    'round-trip',
    () =>
      `${where}: what serialize writes reads back as ${again.ok ? 'another document' : again.diagnostics[0]?.code}`,
  );
  return loaded;
}

const loadTarget: FuzzTarget = {
  name: 'load',
  description: 'loadFlow (read, legacy conversion, validation, round trip) on mutated real documents',
  weight: 5,
  open: () => ({
    arbitrary: rawCase(),
    check(c: RawCase) {
      checkLoaded(rawInput(c), 'loadFlow');
    },
  }),
};

export type ValueCase = { source: { seed: number } | { doc: unknown }; ops: ValueOp[]; flowType?: string };

function valueCase(seeds: number, doc: fc.Arbitrary<unknown>): fc.Arbitrary<ValueCase> {
  return fc.record(
    {
      source: fc.oneof(
        { weight: 2, arbitrary: fc.record({ seed: fc.nat(Math.max(0, seeds - 1)) }) },
        { weight: 3, arbitrary: fc.record({ doc }) },
      ),
      ops: fc.array(valueOp, { maxLength: 5 }),
      flowType: fc.constantFrom('CONTACT_FLOW', 'contactFlow', 'MODULE', 'customerQueue', '__proto__', ''),
    },
    { requiredKeys: ['source', 'ops'] },
  );
}

const documentOf = (c: ValueCase, seeds: readonly { value: unknown }[]): unknown =>
  applyValueOps('doc' in c.source ? c.source.doc : seeds[c.source.seed]?.value, c.ops);

const validateTarget: FuzzTarget = {
  name: 'validate',
  description: 'validateDocument on generated and real flows mutated as values',
  weight: 3,
  open: () => {
    const seeds = jsonSeeds().filter((s) => !s.legacy);
    return {
      arbitrary: valueCase(seeds.length, flowDocument),
      check(c: ValueCase) {
        const doc = documentOf(c, seeds);
        const v = guarded('validateDocument', () =>
          validateDocument(doc, c.flowType === undefined ? {} : { flowType: c.flowType }),
        );
        expectUnpolluted('validateDocument');
        expectCoded(v.diagnostics, 'validateDocument');
        if (!v.model) {
          must(
            v.diagnostics.some((d) => d.severity === 'error'),
            'uncoded',
            () => 'no model and no error',
          );
          return;
        }
        expectPlainTree(v.model, 'model');
        const written = guarded('toDocument', () => toDocument(v.model as NonNullable<typeof v.model>));
        must(jsonEqual(written, doc), 'round-trip', () => 'the model does not give back the document');
      },
    };
  },
};

/** Unknown modules keep their parameters verbatim (convertLegacy's promise): every plain one. */
function expectUnknownParametersKept(doc: unknown, flow: Record<string, unknown>): void {
  const modules = (doc as { modules?: unknown }).modules;
  const actions = flow.Actions as { Identifier: string; Parameters: Record<string, unknown> }[];
  if (!Array.isArray(modules)) return;
  const seen = new Set<unknown>();
  for (const m of modules as Record<string, unknown>[]) {
    // A module whose id came before is skipped by the converter, with a note.
    if (seen.has(m?.id)) continue;
    seen.add(m?.id);
    if (typeof m?.type !== 'string' || Object.hasOwn(LEGACY_RULES, m.type) || !Array.isArray(m.parameters))
      continue;
    const action = actions.find((a) => a.Identifier === m.id);
    if (!action) continue;
    for (const p of m.parameters as Record<string, unknown>[]) {
      const plain =
        typeof p?.name === 'string' &&
        p.key === undefined &&
        p.namespace === undefined &&
        typeof p.value === 'string' &&
        p.value !== '';
      if (!plain) continue;
      const name = p.name as string;
      must(
        Object.hasOwn(action.Parameters, name),
        'contract',
        () => `unknown module ${String(m.id)} lost its parameter ${JSON.stringify(name)}`,
      );
    }
  }
}

const legacyTarget: FuzzTarget = {
  name: 'legacy',
  description: 'convertLegacy and loadFlow on generated and mutated pre-2019 documents',
  weight: 2,
  open: () => {
    const seeds = legacySeeds();
    return {
      arbitrary: valueCase(seeds.length, legacyDocument),
      check(c: ValueCase) {
        const doc = documentOf(c, seeds);
        if (isLegacyDocument(doc)) {
          const converted = guarded('convertLegacy', () =>
            convertLegacy(doc as Parameters<typeof convertLegacy>[0]),
          );
          expectUnpolluted('convertLegacy');
          expectCoded(
            converted.notes.map((n) => ({ ...n, severity: 'info' })),
            'convertLegacy notes',
          );
          expectPlainTree(converted.flow, 'converted flow');
          expectUnknownParametersKept(doc, converted.flow);
        }
        checkLoaded({ json: doc }, 'loadFlow(legacy)');
      },
    };
  },
};

export const FLOW_TARGETS: readonly FuzzTarget[] = [
  readTarget,
  loadTarget,
  validateTarget,
  legacyTarget,
  importTarget,
  jsonPathTarget,
];
