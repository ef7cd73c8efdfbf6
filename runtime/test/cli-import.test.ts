import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportJson } from '../src/cli/commands/import.js';
import { run } from '../src/cli/main.js';

const dir = mkdtempSync(join(tmpdir(), 'parley-import-'));
const write = (name: string, content: string | object) => {
  writeFileSync(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content));
  return name;
};
const read = (name: string) => JSON.parse(readFileSync(join(dir, name), 'utf8'));

const OLD = 'arn:aws:connect:us-east-1:111122223333:instance/old';
const NEW = 'arn:aws:connect:us-east-1:123456789012:instance/22222222-2222-4222-8222-222222222222';
const LAMBDA = 'arn:aws:lambda:us-east-1:111122223333:function:lookup';

/** A flow exported from another instance: one reference of each kind the bundle can hold. */
const flow = write('flow.json', {
  Version: '2019-10-30',
  StartAction: 'beep',
  Metadata: {
    type: 'contactFlow',
    name: 'Moved',
    ActionMetadata: {
      beep: { promptName: 'Beep.wav', parameters: { PromptId: { displayName: 'Beep.wav' } } },
      hours: { Hours: { id: `${OLD}/operating-hours/h-old`, text: 'Office' } },
      queue: { queue: { text: 'Billing' }, parameters: { QueueId: { displayName: 'Billing' } } },
      hook: { parameters: { EventHooks: { CustomerQueue: { displayName: 'Hold music' } } } },
    },
  },
  Actions: [
    action('beep', 'MessageParticipant', { PromptId: `${OLD}/prompt/p-old` }, 'hours'),
    action(
      'hours',
      'CheckHoursOfOperation',
      { HoursOfOperationId: `${OLD}/operating-hours/h-old` },
      'lookup',
    ),
    action(
      'lookup',
      'InvokeLambdaFunction',
      { LambdaFunctionARN: LAMBDA, InvocationTimeLimitSeconds: '3' },
      'queue',
    ),
    action('queue', 'UpdateContactTargetQueue', { QueueId: `${OLD}/queue/q-old` }, 'hook'),
    action(
      'hook',
      'UpdateContactEventHooks',
      { EventHooks: { CustomerQueue: `${OLD}/contact-flow/f-old` } },
      'gone',
    ),
    action(
      'bot',
      'ConnectParticipantWithLexBot',
      {
        Text: 'How can I help?',
        LexV2Bot: { AliasArn: 'arn:aws:lex:eu-west-1:111122223333:bot-alias/BANK/LIVE' },
      },
      'gone',
    ),
    action('gone', 'TransferToFlow', { ContactFlowId: `${OLD}/contact-flow/nowhere` }, undefined),
  ],
});

function action(id: string, type: string, parameters: object, next: string | undefined) {
  return {
    Identifier: id,
    Type: type,
    Parameters: parameters,
    Transitions: next
      ? { NextAction: next, Errors: [{ NextAction: next, ErrorType: 'NoMatchingError' }] }
      : {},
  };
}

write('hold.json', {
  Version: '2019-10-30',
  StartAction: 'x',
  Metadata: { type: 'customerQueue', name: 'Hold music' },
  Actions: [{ Identifier: 'x', Type: 'EndFlowExecution', Parameters: {}, Transitions: {} }],
});
const bundle = write('bundle.json', {
  instance: {
    id: '22222222-2222-4222-8222-222222222222',
    alias: 'acme',
    region: 'us-east-1',
    account: '123456789012',
  },
  flows: [{ id: 'f-new', file: 'hold.json' }],
  prompts: [{ id: 'p-new', name: 'Beep.wav', file: 'beep' }],
  queues: [{ id: 'q-new', name: 'Billing' }],
  hoursOfOperation: [
    {
      id: 'h-old',
      name: 'Office',
      timeZone: 'America/New_York',
      config: [{ Day: 'MONDAY', StartTime: { Hours: 9, Minutes: 0 }, EndTime: { Hours: 17, Minutes: 0 } }],
    },
  ],
  lambdaFunctions: [{ name: 'lookup', url: 'http://127.0.0.1:9/lookup' }],
  bots: [
    {
      name: 'BankBot',
      arn: 'arn:aws:lex:us-east-1:123456789012:bot-alias/BANK/LIVE',
      locale: 'en_US',
      intents: [{ name: 'Balance', utterances: ['balance'] }],
    },
  ],
});

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd: dir });
  return { code, stdout, stderr };
}

describe('parley import', () => {
  it('without an instance resolves nothing, writes nothing and exits 0 with warnings', async () => {
    const r = await cli('import', flow);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`PromptId  prompt  ${OLD}/prompt/p-old  unresolved\n`);
    expect(r.stdout).toContain(
      '! IMPORT_REFERENCE_UNRESOLVED: PromptId: no prompt of this instance has the ARN',
    );
    expect(r.stdout).toContain('7 references: 0 by ARN, 0 by ID, 0 by name, 0 mapped, 7 unresolved; dry run');
  });

  it('prints the report as one JSON object with --json', async () => {
    const r = await cli('import', flow, '--json');
    const report = JSON.parse(r.stdout) as ImportJson;
    expect(Object.keys(report)).toEqual(['flowType', 'references', 'errors']);
    expect(report.flowType).toBe('CONTACT_FLOW');
    expect(report.references[0]).toEqual({
      actionId: 'beep',
      parameter: 'PromptId',
      kind: 'prompt',
      arn: `${OLD}/prompt/p-old`,
      name: 'Beep.wav',
      resolution: 'unresolved',
      target: null,
    });
  });

  it('resolves against the instance bundle and writes the rewritten flow to --out', async () => {
    const r = await cli('import', flow, '--instance', bundle, '--out', 'out.json');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      `PromptId  prompt  ${OLD}/prompt/p-old  → ${NEW}/prompt/p-new (by name "Beep.wav")`,
    );
    expect(r.stdout).toContain(
      `HoursOfOperationId  hours  ${OLD}/operating-hours/h-old  → ${NEW}/operating-hours/h-old (by ID)`,
    );
    expect(r.stdout).toContain(
      `QueueId  queue  ${OLD}/queue/q-old  → ${NEW}/queue/q-new (by name "Billing")`,
    );
    expect(r.stdout).toContain(
      `EventHooks/CustomerQueue  flow  ${OLD}/contact-flow/f-old  → ${NEW}/contact-flow/f-new`,
    );
    expect(r.stdout).toContain(`LambdaFunctionARN  lambda  ${LAMBDA}  → `);
    expect(r.stdout).toContain(
      'LexV2Bot/AliasArn  lexV2Alias  arn:aws:lex:eu-west-1:111122223333:bot-alias/BANK/LIVE  → arn:aws:lex:us-east-1:123456789012:bot-alias/BANK/LIVE (by ID)',
    );
    expect(r.stdout).toContain(`ContactFlowId  flow  ${OLD}/contact-flow/nowhere  unresolved`);
    const out = read('out.json');
    expect(out.Actions[0].Parameters.PromptId).toBe(`${NEW}/prompt/p-new`);
    expect(out.Actions[6].Parameters.ContactFlowId).toBe(`${OLD}/contact-flow/nowhere`);
    expect(out.Metadata.ActionMetadata.hours.Hours).toEqual({
      id: `${NEW}/operating-hours/h-old`,
      text: 'Office',
    });
  });

  it('writes the flow to stdout without --out, the report then going to stderr', async () => {
    const r = await cli('import', flow, '--instance', bundle, '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).Actions[3].Parameters.QueueId).toBe(`${NEW}/queue/q-new`);
    expect((JSON.parse(r.stderr) as ImportJson).references[3]?.resolution).toBe('name');
  });

  it('writes nothing with --dry-run', async () => {
    const r = await cli('import', flow, '--instance', bundle, '--dry-run', '--out', 'dry.json');
    expect(r.code).toBe(0);
    expect(existsSync(join(dir, 'dry.json'))).toBe(false);
    expect(r.stdout).toContain('dry run, nothing written');
  });

  it('applies the mapping file first', async () => {
    const map = write('map.json', { [`${OLD}/contact-flow/nowhere`]: 'Hold music' });
    const r = await cli('import', flow, '--instance', bundle, '--map', map, '--json', '--dry-run');
    const gone = (JSON.parse(r.stdout) as ImportJson).references[6];
    expect([gone?.resolution, gone?.target]).toEqual(['map', `${NEW}/contact-flow/f-new`]);
  });

  it('exits 1 for a flow of another type than --flow-type, naming both', async () => {
    const r = await cli(
      'import',
      flow,
      '--flow-type',
      'CUSTOMER_QUEUE',
      '--instance',
      bundle,
      '--out',
      'no.json',
    );
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      'IMPORT_FLOW_TYPE_MISMATCH: this is a CONTACT_FLOW flow; the target is a CUSTOMER_QUEUE',
    );
    expect(existsSync(join(dir, 'no.json'))).toBe(false);
  });

  it('exits 1 for a document that is not a flow', async () => {
    const r = await cli('import', write('notflow.json', { hello: 'world' }));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('DOC_FORMAT_UNKNOWN');
  });

  it('exits 2 for unreadable input and bad arguments', async () => {
    expect((await cli('import', 'missing.json')).stderr).toContain('FILE_NOT_FOUND');
    expect((await cli('import', write('broken.json', '{"Version":'))).code).toBe(2);
    expect((await cli('import', flow, '--flow-type', 'NOPE')).code).toBe(2);
    const badMap = await cli('import', flow, '--map', write('bad-map.json', { a: 1 }));
    expect([badMap.code, badMap.stderr]).toEqual([2, expect.stringContaining('IMPORT_MAP_INVALID')]);
    expect((await cli('import', flow, '--instance', 'nope.json')).code).toBe(2);
  });
});

describe('parley export', () => {
  it('writes the names of the instance into Metadata, and imports back by ARN', async () => {
    await cli('import', flow, '--instance', bundle, '--out', 'moved.json');
    const bare = read('moved.json');
    delete bare.Metadata.ActionMetadata;
    write('bare.json', bare);
    const r = await cli('export', 'bare.json', '--instance', bundle, '--out', 'exported.json');
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('warning: ContactFlowId of action "gone": no flow');
    const am = read('exported.json').Metadata.ActionMetadata;
    expect(am.beep).toEqual({ parameters: { PromptId: { displayName: 'Beep.wav' } } });
    expect(am.hook).toEqual({ parameters: { EventHooks: { CustomerQueue: { displayName: 'Hold music' } } } });
    const back = await cli('import', 'exported.json', '--instance', bundle, '--json', '--dry-run');
    const resolutions = (JSON.parse(back.stdout) as ImportJson).references.map((x) => x.resolution);
    expect(resolutions).toEqual(['arn', 'arn', 'arn', 'arn', 'arn', 'arn', 'unresolved']);
  });

  it('prints the document on stdout without --out and needs --instance', async () => {
    const r = await cli('export', flow, '--instance', bundle);
    expect(JSON.parse(r.stdout).Version).toBe('2019-10-30');
    expect((await cli('export', flow)).code).toBe(2);
  });
});
