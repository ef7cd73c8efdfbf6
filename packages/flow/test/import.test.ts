import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFlow } from '../src/load.js';
import type { JsonObject } from '../src/model/types.js';
import {
  type DirectoryEntry,
  directoryFrom,
  EMPTY_DIRECTORY,
  type FlowReference,
  findReferences,
  type ImportPlan,
  planImport,
  prepareExport,
  resourceIdOf,
} from '../src/references/index.js';
import { type CorpusFile, corpusFiles, hasCorpus, repoRoot } from './support/paths.js';

const files = corpusFiles().filter((f) => f.kind !== 'legacy');
const referencesOf = (f: CorpusFile): FlowReference[] => {
  const model = loadFlow(f.bytes).model;
  return model ? findReferences(model) : [];
};
const plan = (f: CorpusFile, entries: DirectoryEntry[], map?: Record<string, string>): ImportPlan =>
  planImport(new Uint8Array(f.bytes), directoryFrom(entries), map ? { map } : {});

/** A directory holding each referenced resource, its ARN made by `arnOf`. */
function entriesOf(refs: FlowReference[], arnOf: (r: FlowReference, i: number) => string): DirectoryEntry[] {
  return refs.map((r, i) => ({
    kind: r.kind,
    id: resourceIdOf(r.value) ?? r.value,
    arn: arnOf(r, i),
    name: r.name ?? r.value,
  }));
}

/** The same resources in another instance, account and region: only the trailing IDs match. */
const elsewhere = (value: string) =>
  value.startsWith('arn:')
    ? value.replace(
        /^arn:([^:]*):([^:]*):[^:]*:[^:]*:(instance\/[^/]+)?/,
        'arn:$1:$2:eu-west-9:999999999999:',
      )
    : `arn:aws:connect:eu-west-9:999999999999:instance/other/x/${value}`;

describe.skipIf(!hasCorpus)('planImport over every real export (../shared/corpus)', () => {
  it('never throws against an empty instance and reports every reference unresolved, with a warning', () => {
    const bad = files.flatMap((f) => {
      const { report } = planImport(new Uint8Array(f.bytes), EMPTY_DIRECTORY);
      const warned = report.errors.filter((e) => e.code === 'IMPORT_REFERENCE_UNRESOLVED').length;
      const resolved = report.references.filter((r) => r.resolution !== 'unresolved');
      return resolved.length > 0 || warned !== report.references.length ? [f.file] : [];
    });
    expect(bad).toEqual([]);
    expect(files.reduce((n, f) => n + referencesOf(f).length, 0)).toBeGreaterThan(400);
  });

  it('resolves every reference by ARN against an instance built from the file itself', () => {
    const bad = files.flatMap((f) => {
      const refs = referencesOf(f);
      const { report } = plan(
        f,
        entriesOf(refs, (r) => r.value),
      );
      return report.references
        .filter((r, i) => !refs[i]?.placeholder && r.resolution !== 'arn')
        .map((r) => `${f.file} ${r.parameter} ${r.arn} ${r.resolution}`);
    });
    expect(bad).toEqual([]);
  });

  it('resolves every reference by ID against the same resources in another instance, and rewrites it', () => {
    const bad = files.flatMap((f) => {
      const refs = referencesOf(f);
      const { report, document } = plan(
        f,
        entriesOf(refs, (r) => elsewhere(r.value)),
      );
      return refs.flatMap((ref, i) => {
        const r = report.references[i];
        // Lex classic names its bot: the name is what is written back.
        const expected = ref.kind === 'lexBot' ? ref.value : elsewhere(ref.value);
        const ok =
          r?.resolution === 'id' && r.target === expected && valueAt(document, ref.pointer) === expected;
        return ref.placeholder || ok ? [] : [`${f.file} ${ref.parameter} ${ref.value} ${r?.resolution}`];
      });
    });
    expect(bad).toEqual([]);
  });

  it('resolves by the display name in Metadata when neither ARN nor ID matches, and rewrites the pointer', () => {
    const bad = files.flatMap((f) => {
      const refs = referencesOf(f).filter((r) => r.name !== undefined);
      const entries = refs.map((r, i) => ({
        kind: r.kind,
        id: `new-${i}`,
        arn: `arn:aws:connect:eu-west-9:999999999999:instance/other/${r.kind}/new-${i}`,
        name: r.name ?? '',
      }));
      const { report, document } = plan(f, entries);
      const directory = directoryFrom(entries);
      return refs.flatMap((ref) => {
        const r = report.references.find((x) => x.actionId === ref.actionId && x.parameter === ref.parameter);
        const expected = directory.byName(ref.kind, ref.name ?? '')?.arn;
        const written = valueAt(document, ref.pointer);
        return r?.resolution === 'name' && r.target === expected && written === expected
          ? []
          : [`${f.file} ${ref.parameter} ${r?.resolution} ${written}`];
      });
    });
    expect(bad).toEqual([]);
  });

  it('round-trips: exported from an instance and imported back, everything resolves by ARN', () => {
    const bad = files.flatMap((f) => {
      const model = loadFlow(f.bytes).model;
      if (!model) return [];
      const refs = findReferences(model);
      const directory = directoryFrom(entriesOf(refs, (r) => r.value));
      const { report } = planImport(prepareExport(model, directory), directory);
      return report.references
        .filter((r, i) => !refs[i]?.placeholder && r.resolution !== 'arn')
        .map((r) => `${f.file} ${r.parameter} ${r.resolution}`);
    });
    expect(bad).toEqual([]);
  });
});

/** The value a JSON Pointer names in a document. */
function valueAt(doc: unknown, pointer: string): unknown {
  return pointer
    .split('/')
    .slice(1)
    .map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'))
    .reduce<unknown>(
      (v, s) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[s] : undefined),
      doc,
    );
}

const QUEUE_FLOW = {
  Version: '2019-10-30',
  StartAction: 'q',
  Metadata: { type: 'customerQueue', name: 'Hold music', ActionMetadata: {} },
  Actions: [
    {
      Identifier: 'q',
      Type: 'MessageParticipantIteratively',
      Parameters: {
        Messages: [{ PromptId: 'arn:aws:connect:us-east-1:111122223333:instance/i/prompt/old' }],
      },
      Transitions: {},
    },
  ],
};
const NEW_PROMPT = 'arn:aws:connect:us-east-1:444455556666:instance/j/prompt/new';
const prompts = directoryFrom([{ kind: 'prompt', id: 'new', arn: NEW_PROMPT, name: 'Jazz.wav' }]);

describe('planImport', () => {
  it('refuses a flow of another type than the target, naming both', () => {
    const { report, document } = planImport(QUEUE_FLOW, prompts, { targetFlowType: 'CONTACT_FLOW' });
    expect(document).toBeUndefined();
    expect(report.errors.filter((e) => e.severity === 'error')).toEqual([
      {
        code: 'IMPORT_FLOW_TYPE_MISMATCH',
        severity: 'error',
        message: 'this is a CUSTOMER_QUEUE flow; the target is a CONTACT_FLOW',
      },
    ]);
  });

  it('takes a flow that declares no type as the target type', () => {
    const { Metadata: _, ...untyped } = QUEUE_FLOW;
    const { report, document } = planImport(untyped, prompts, { targetFlowType: 'CUSTOMER_QUEUE' });
    expect(report.flowType).toBe('CUSTOMER_QUEUE');
    expect(document).toBeDefined();
  });

  it('lets the mapping win over everything else and notes entries it never used', () => {
    const map = { 'arn:aws:connect:us-east-1:111122223333:instance/i/prompt/old': 'Jazz.wav', Unused: 'x' };
    const { report, document } = planImport(QUEUE_FLOW, prompts, { map });
    expect(report.references.map((r) => [r.resolution, r.target])).toEqual([['map', NEW_PROMPT]]);
    expect(valueAt(document, '/Actions/0/Parameters/Messages/0/PromptId')).toBe(NEW_PROMPT);
    expect(report.errors.map((e) => [e.code, e.severity, e.message])).toEqual([
      ['IMPORT_MAP_UNUSED', 'info', 'The mapping of "Unused" matched no reference of this flow'],
    ]);
  });

  it('reports a mapping value that is not text', () => {
    const { report } = planImport(QUEUE_FLOW, prompts, {
      map: { old: 3 } as unknown as Record<string, string>,
    });
    expect(report.errors.map((e) => e.code)).toContain('IMPORT_MAP_INVALID');
  });

  it('reports an ARN of the wrong kind of resource as an error', () => {
    const doc = structuredClone(QUEUE_FLOW);
    (doc.Actions[0] as { Parameters: JsonObject }).Parameters.Messages = [
      { PromptId: 'arn:aws:connect:us-east-1:111122223333:instance/i/queue/billing' },
    ];
    const { report } = planImport(doc, prompts);
    expect(report.errors.map((e) => [e.code, e.message])).toEqual([
      [
        'REFERENCE_WRONG_KIND',
        'Messages/0/PromptId expects a prompt but "arn:aws:connect:us-east-1:111122223333:instance/i/queue/billing" names a queue',
      ],
    ]);
  });

  it('reports what the loader says about input that is not a flow, and plans nothing', () => {
    expect(planImport({ hello: 'world' }, prompts)).toEqual({
      report: {
        flowType: null,
        references: [],
        errors: [expect.objectContaining({ code: 'DOC_FORMAT_UNKNOWN', severity: 'error' })],
      },
    });
    const broken = planImport(new TextEncoder().encode('{"Version":'), prompts);
    expect(broken.report.errors.map((e) => e.code)).toEqual(['JSON_SYNTAX']);
  });

  it('converts legacy input and resolves its references by the names it carried', () => {
    const bytes = readFileSync(join(repoRoot, 'fixtures/legacy/inbound-menu.json'));
    const target = directoryFrom([
      {
        kind: 'hours',
        id: 'h',
        arn: 'arn:aws:connect:eu-west-2:444455556666:instance/j/operating-hours/h',
        name: 'Basic Hours',
      },
      {
        kind: 'queue',
        id: 's',
        arn: 'arn:aws:connect:eu-west-2:444455556666:instance/j/queue/s',
        name: 'Sales',
      },
      {
        kind: 'lambda',
        id: 'account-lookup',
        arn: 'arn:aws:lambda:eu-west-2:444455556666:function:account-lookup',
        name: 'account-lookup',
      },
    ]);
    const { report, document } = planImport(new Uint8Array(bytes), target);
    expect(report.flowType).toBe('CONTACT_FLOW');
    expect(report.name).toBe('Example inbound menu');
    expect(report.references.map((r) => [r.parameter, r.name, r.resolution])).toEqual([
      ['HoursOfOperationId', 'Basic Hours', 'name'],
      ['LambdaFunctionARN', 'account-lookup', 'id'],
      ['QueueId', 'Sales', 'name'],
    ]);
    expect(report.errors.map((e) => e.code)).toEqual(['LEGACY_CONVERTED']);
    expect(document?.Version).toBe('2019-10-30');
  });
});
