import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { buildContactRecord } from '../../src/logs/contact-record.js';
import { flowLogEntries } from '../../src/logs/entry.js';
import { contactRecordSchema, flowLogEntrySchema, renderRuntimeSchemas } from '../../src/logs/schemas.js';

const schemasDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'schemas');
const ajv = new Ajv({ strict: true, allErrors: true });
const validEntry = ajv.compile(flowLogEntrySchema);
const validRecord = ajv.compile(contactRecordSchema);
const INSTANCE = 'arn:aws:connect:us-east-1:012345678901:instance/i-1';

describe('the flow-log and contact-record schemas in schemas/', () => {
  it('are up to date', () => {
    for (const [name, content] of renderRuntimeSchemas()) {
      expect(readFileSync(join(schemasDir, name), 'utf8'), `${name} is stale: run \`pnpm schemas\``).toBe(
        content,
      );
    }
  });

  it('accept the entries the runtime writes and refuse one missing its Identifier', () => {
    const entries = flowLogEntries(
      {
        contactId: 'c-1',
        flow: { arn: `${INSTANCE}/contact-flow/f-1`, name: 'Main' },
        action: { Identifier: 'lambda', Type: 'InvokeLambdaFunction' },
        parameters: {
          LambdaFunctionARN: 'arn:aws:lambda:us-east-1:012345678901:function:f',
          InvocationTimeLimitSeconds: 8,
          LambdaInvocationAttributes: { account: 42, nested: { deep: [true] } },
        },
        externalResults: { tier: { level: 'gold' } },
      },
      () => Date.UTC(2024, 0, 1),
    );
    for (const e of entries) expect(validEntry(e), JSON.stringify(validEntry.errors)).toBe(true);
    const { Identifier: _, ...broken } = entries[0] ?? {};
    expect(validEntry(broken)).toBe(false);
  });

  it('accept the contact records the runtime writes and refuse a millisecond timestamp', () => {
    const record = buildContactRecord(
      {
        contactId: 'c-1',
        instanceArn: INSTANCE,
        initiationMethod: 'INBOUND',
        initiatedAt: Date.UTC(2024, 0, 1),
        disconnectedAt: Date.UTC(2024, 0, 1, 0, 1),
        queue: { arn: `${INSTANCE}/queue/q`, name: 'Q', enqueuedAt: Date.UTC(2024, 0, 1, 0, 0, 30) },
        agent: { arn: `${INSTANCE}/agent/a`, username: 'ada', connectedAt: Date.UTC(2024, 0, 1, 0, 0, 40) },
        recordings: [{ location: 'r.wav' }],
      },
      () => Date.UTC(2024, 0, 1, 0, 2),
    );
    expect(validRecord(record), JSON.stringify(validRecord.errors)).toBe(true);
    expect(validRecord({ ...record, DisconnectTimestamp: '2024-01-01T00:01:00.000Z' })).toBe(false);
  });
});
