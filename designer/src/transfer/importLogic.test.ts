import type { ImportedReference, ImportReport } from '@parley/flow';
import { describe, expect, it } from 'vitest';
import { fixKey, importBlocker, importRequest, mappingOf, resolutionCounts } from './importLogic.js';

const QUEUE = 'arn:aws:connect:us-east-1:111122223333:instance/i-1/queue/q-1';

const ref = (over: Partial<ImportedReference>): ImportedReference => ({
  actionId: 'a',
  parameter: 'QueueId',
  kind: 'queue',
  arn: QUEUE,
  name: 'BasicQueue',
  resolution: 'unresolved',
  target: null,
  ...over,
});

const report = (over: Partial<ImportReport> = {}): ImportReport => ({
  flowType: 'CONTACT_FLOW',
  references: [],
  errors: [],
  ...over,
});

describe('fixing up an import', () => {
  it('maps a reference by the value written, so every block writing it is fixed at once', () => {
    const refs = [ref({ actionId: 'a' }), ref({ actionId: 'b' })];
    expect(fixKey(refs[0] as ImportedReference, refs)).toBe(QUEUE);
    expect(fixKey(refs[1] as ImportedReference, refs)).toBe(QUEUE);
  });

  it('maps a shared placeholder by display name when it stands for several resources', () => {
    const refs = [
      ref({ arn: '%%QUEUE_ARN%%', name: 'Sales' }),
      ref({ arn: '%%QUEUE_ARN%%', name: 'Support' }),
      ref({ arn: '%%QUEUE_ARN%%', name: null }),
    ];
    expect(refs.map((r) => fixKey(r, refs))).toEqual(['Sales', 'Support', '%%QUEUE_ARN%%']);
  });

  it('sends no mapping until something is picked, and drops fix-ups set back to none', () => {
    expect(mappingOf({})).toBeUndefined();
    expect(mappingOf({ [QUEUE]: '' })).toBeUndefined();
    expect(mappingOf({ [QUEUE]: 'arn:new', other: '' })).toEqual({ [QUEUE]: 'arn:new' });
  });

  it('asks for a dry run with the mapping, and imports with the name or the target flow and a message', () => {
    const fixes = { [QUEUE]: 'arn:new' };
    expect(importRequest('{}', { mode: 'new', name: '' }, fixes, { dryRun: true })).toEqual({
      content: '{}',
      map: fixes,
      dryRun: true,
    });
    expect(
      importRequest('{}', { mode: 'new', name: ' Sales ' }, {}, { dryRun: false, fileName: 'sales.json' }),
    ).toEqual({ content: '{}', name: 'Sales', message: 'Imported from sales.json' });
    expect(importRequest('{}', { mode: 'version', flow: 'f-1' }, {}, { dryRun: false })).toEqual({
      content: '{}',
      flow: 'f-1',
      message: 'Imported',
    });
  });

  it('refuses to import before a file, with an error in the report, without a name or without a flow', () => {
    const named = { mode: 'new', name: 'Sales' } as const;
    expect(importBlocker(undefined, named)).toBe('Choose a flow file first.');
    const broken = report({
      flowType: null,
      errors: [{ code: 'JSON_SYNTAX', severity: 'error', message: 'bad' }],
    });
    expect(importBlocker(broken, named)).toBe('The file cannot be imported: JSON_SYNTAX.');
    expect(importBlocker(report(), { mode: 'new', name: ' ' })).toBe('Name the new flow.');
    expect(importBlocker(report(), { mode: 'version', flow: '' })).toBe('Pick the flow to import into.');
    // Unresolved references are warnings: the flow imports, and publishing waits for a fix.
    const warned = report({
      references: [ref({})],
      errors: [{ code: 'IMPORT_REFERENCE_UNRESOLVED', severity: 'warning', message: 'kept' }],
    });
    expect(importBlocker(warned, named)).toBeUndefined();
  });

  it('counts resolved and unresolved references', () => {
    const refs = [
      ref({}),
      ref({ resolution: 'arn', target: QUEUE }),
      ref({ resolution: 'map', target: 'x' }),
    ];
    expect(resolutionCounts(report({ references: refs }))).toEqual({ resolved: 2, unresolved: 1 });
  });
});
