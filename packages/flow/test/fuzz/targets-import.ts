/**
 * The importer: reference resolution against an instance whose resources have hostile names, with
 * hostile mappings (prototype keys, values that are not strings) and target flow types.
 */
import fc from 'fast-check';
import { FLOW_TYPES } from '../../src/catalog/vocabulary.js';
import { loadFlow } from '../../src/load.js';
import { directoryFrom, EMPTY_DIRECTORY, planImport } from '../../src/references/index.js';
import type { DirectoryEntry, ImportOptions } from '../../src/references/types.js';
import { applyBytes, type ByteCase, byteCase } from './bytes.js';
import { applyValueOps, flowDocument, legacyDocument, type ValueOp, valueOp } from './flows.js';
import { HOSTILE_STRINGS, hostileKey, hostileLeaf, ownObject } from './json.js';
import { expectCoded, expectPlainTree, expectUnpolluted, guarded, jsonEqual, must } from './oracle.js';
import type { FuzzTarget } from './run.js';
import { seedDocuments } from './seeds.js';

const ARN = 'arn:aws:connect:us-east-1:123456789012:instance/i-1';

/** An instance with a few resources of each kind, some named to collide with Object.prototype. */
const DIRECTORY: DirectoryEntry[] = [
  { kind: 'queue', id: 'q-1', arn: `${ARN}/queue/q-1`, name: 'Sales' },
  { kind: 'queue', id: 'q-2', arn: `${ARN}/queue/q-2`, name: '__proto__' },
  { kind: 'queue', id: 'constructor', arn: `${ARN}/queue/constructor`, name: 'constructor' },
  { kind: 'flow', id: 'f-1', arn: `${ARN}/contact-flow/f-1`, name: 'Main' },
  { kind: 'flow', id: 'toString', arn: `${ARN}/contact-flow/toString`, name: 'toString' },
  { kind: 'module', id: 'm-1', arn: `${ARN}/flow-module/m-1`, name: 'Auth' },
  { kind: 'prompt', id: 'p-1', arn: `${ARN}/prompt/p-1`, name: 'Welcome' },
  { kind: 'hours', id: 'h-1', arn: `${ARN}/operating-hours/h-1`, name: 'Basic Hours' },
  { kind: 'lambda', id: 'fn', arn: 'arn:aws:lambda:us-east-1:123456789012:function:fn', name: 'fn' },
  { kind: 'agent', id: 'a-1', arn: `${ARN}/agent/a-1`, name: 'alice' },
];

export type ImportCase = {
  input: { bytes: ByteCase } | { doc: unknown; ops: ValueOp[] } | { legacy: unknown; ops: ValueOp[] };
  directory: 'empty' | 'instance';
  map?: unknown;
  targetFlowType?: string;
};

const mapping: fc.Arbitrary<unknown> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .array(
        fc.tuple(
          fc.oneof(hostileKey, fc.constantFrom(...HOSTILE_STRINGS)),
          fc.oneof(
            { weight: 5, arbitrary: fc.constantFrom(...HOSTILE_STRINGS, ...DIRECTORY.map((e) => e.arn)) },
            hostileLeaf,
          ),
        ),
        { maxLength: 6 },
      )
      .map(ownObject),
  },
  { weight: 1, arbitrary: hostileLeaf },
);

function importCase(): fc.Arbitrary<ImportCase> {
  return fc.record(
    {
      input: fc.oneof(
        fc.record({ bytes: byteCase(seedDocuments().length, 3) }),
        fc.record({ doc: flowDocument, ops: fc.array(valueOp, { maxLength: 3 }) }),
        fc.record({ legacy: legacyDocument, ops: fc.array(valueOp, { maxLength: 2 }) }),
      ),
      directory: fc.constantFrom('empty' as const, 'instance' as const),
      map: mapping,
      targetFlowType: fc.oneof(
        fc.constantFrom(...FLOW_TYPES),
        fc.constantFrom('', '__proto__', 'contactFlow'),
      ),
    },
    { requiredKeys: ['input', 'directory'] },
  );
}

function inputOf(c: ImportCase): unknown {
  const i = c.input;
  if ('bytes' in i)
    return applyBytes(
      seedDocuments().map((s) => s.bytes),
      i.bytes,
    );
  return applyValueOps('doc' in i ? i.doc : i.legacy, i.ops);
}

const RESOLUTIONS = new Set(['arn', 'id', 'name', 'map', 'unresolved']);

export const importTarget: FuzzTarget = {
  name: 'import',
  description: 'planImport: reference resolution with hostile names, mappings and flow types',
  weight: 2,
  open: () => {
    const instance = directoryFrom(DIRECTORY);
    return {
      arbitrary: importCase(),
      check(c: ImportCase) {
        const input = inputOf(c);
        const options = {
          ...(c.map === undefined ? {} : { map: c.map as ImportOptions['map'] }),
          ...(c.targetFlowType === undefined
            ? {}
            : { targetFlowType: c.targetFlowType as ImportOptions['targetFlowType'] }),
        };
        const directory = c.directory === 'empty' ? EMPTY_DIRECTORY : instance;
        const plan = guarded('planImport', () => planImport(input, directory, options));
        expectUnpolluted('planImport');
        expectCoded(plan.report.errors, 'planImport report');
        expectPlainTree(plan, 'import plan');
        for (const r of plan.report.references) {
          must(RESOLUTIONS.has(r.resolution), 'contract', () => `resolution ${String(r.resolution)}`);
          must(
            (r.target === null) === (r.resolution === 'unresolved'),
            'contract',
            () => `${r.resolution} with target ${r.target}`,
          );
        }
        if (!plan.document) return;
        // Nothing resolves against an empty instance without a mapping: nothing may be rewritten.
        if (c.directory === 'empty' && c.map === undefined) {
          const loaded = loadFlow(
            input instanceof Uint8Array || typeof input === 'string' ? input : { json: input },
          );
          must(
            jsonEqual(plan.document, loaded.document),
            'contract',
            () => 'an import with nothing to resolve rewrote the document',
          );
        }
        // What an import writes is a flow the importer reads again.
        const again = guarded('planImport of its own output', () => planImport(plan.document, directory, {}));
        must(
          again.document !== undefined,
          'round-trip',
          () => `its own output is refused: ${again.report.errors[0]?.code}`,
        );
      },
    };
  },
};
