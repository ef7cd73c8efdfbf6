import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { EMPTY_DIRECTORY, importReportSchema, planImport } from '../src/references/index.js';
import { corpusFiles, hasCorpus } from './support/paths.js';

const validate = new Ajv({ strict: false }).compile(importReportSchema);

describe.skipIf(!hasCorpus)('the import report schema (schemas/import-report.schema.json)', () => {
  it('accepts the report of every real export, legacy ones included', () => {
    const bad = corpusFiles().flatMap((f) => {
      const { report } = planImport(new Uint8Array(f.bytes), EMPTY_DIRECTORY, {
        targetFlowType: 'CONTACT_FLOW',
      });
      return validate(JSON.parse(JSON.stringify(report)))
        ? []
        : [`${f.file}: ${JSON.stringify(validate.errors?.[0])}`];
    });
    expect(bad).toEqual([]);
  });

  it('refuses a report whose resolution is not one of the five', () => {
    const report = {
      flowType: 'CONTACT_FLOW',
      references: [
        {
          actionId: 'a',
          parameter: 'QueueId',
          kind: 'queue',
          arn: 'x',
          name: null,
          resolution: 'guess',
          target: null,
        },
      ],
      errors: [],
    };
    expect(validate(report)).toBe(false);
  });
});
