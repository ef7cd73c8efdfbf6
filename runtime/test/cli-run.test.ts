import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { run } from '../src/cli/main.js';
import { flowLogEntrySchema } from '../src/logs/schemas.js';

const repoRoot = resolve(fileURLToPath(import.meta.url), '../../..');
const dir = mkdtempSync(join(tmpdir(), 'parley-run-'));
const write = (name: string, content: object) => {
  writeFileSync(join(dir, name), JSON.stringify(content));
  return join(dir, name);
};

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await run(['run', ...argv], {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    cwd: repoRoot,
  });
  return { code, stdout, stderr };
}

const menu = [
  'fixtures/runs/menu-dtmf/flow.json',
  '--caller',
  'fixtures/runs/menu-dtmf/caller.json',
  '--no-tts',
];

const looping = write('looping.json', {
  Version: '2019-10-30',
  StartAction: 'ask',
  Actions: [
    {
      Identifier: 'ask',
      Type: 'GetParticipantInput',
      Parameters: { Text: 'Press 1 to continue.', StoreInput: 'False', InputTimeLimitSeconds: '5' },
      Transitions: {
        NextAction: 'ask',
        Conditions: [{ NextAction: 'bye', Condition: { Operator: 'Equals', Operands: ['1'] } }],
        Errors: [
          { NextAction: 'ask', ErrorType: 'InputTimeLimitExceeded' },
          { NextAction: 'ask', ErrorType: 'NoMatchingCondition' },
          { NextAction: 'ask', ErrorType: 'NoMatchingError' },
        ],
      },
    },
    { Identifier: 'bye', Type: 'DisconnectParticipant', Parameters: {}, Transitions: {} },
  ],
});

describe('parley run', () => {
  it('places the call, prints the transcript and the path, and exits 0 when the call ran to its end', async () => {
    const { code, stdout, stderr } = await cli(...menu);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('prompt      [Welcome] "Welcome to Parley Bank."');
    expect(stdout).toContain('caller      presses 2');
    expect(stdout).toContain('input       [Menu] 2');
    expect(stdout).toContain('disconnect  [Disconnect] by the flow');
    expect(stdout).toContain(
      'path: (Bank menu) Log → Welcome → Menu → Sorry → Menu → Cards → Goodbye → Disconnect',
    );
    expect(stdout).toMatch(/✓ disconnected by the flow after [\d.]+ s, 8 blocks, contact golden-menu-dtmf/);
  });

  it('prints one JSON object with the outcome, path, transcript, contact record and flow log', async () => {
    const { code, stdout } = await cli(...menu, '--json');
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out).toMatchObject({
      ok: true,
      contactId: 'golden-menu-dtmf',
      startedAt: '2025-06-02T15:00:00.000Z',
      end: { kind: 'disconnected', by: 'flow', at: 'Disconnect' },
      flows: ['Bank menu'],
      problems: [],
      record: { ContactId: 'golden-menu-dtmf', DisconnectReason: 'CONTACT_FLOW_DISCONNECT' },
    });
    expect(out.path.map((p: { identifier: string }) => p.identifier)).toContain('Cards');
    expect(out.transcript[0]).toEqual({
      at: 0,
      kind: 'prompt',
      identifier: 'Welcome',
      text: 'Welcome to Parley Bank.',
      media: [expect.stringMatching(/^sound:/)],
    });
    expect(out.flowLog.length).toBeGreaterThan(0);
  });

  it('writes the flow-log entries to --logs as JSON lines in Connect’s format', async () => {
    const logs = join(dir, 'menu.jsonl');
    writeFileSync(logs, 'left over from an earlier run\n');
    const { code } = await cli(...menu, '--logs', logs);
    expect(code).toBe(0);
    const entries = readFileSync(logs, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const valid = new Ajv({ strict: true }).compile(flowLogEntrySchema);
    for (const e of entries) expect(valid(e), JSON.stringify(valid.errors)).toBe(true);
    expect(entries.map((e) => e.Identifier)).toEqual([
      'Log',
      'Welcome',
      'Menu',
      'Sorry',
      'Menu',
      'Cards',
      'Goodbye',
      'Disconnect',
    ]);
    expect(entries[2]).toMatchObject({
      ContactId: 'golden-menu-dtmf',
      ContactFlowName: 'Bank menu',
      ContactFlowModuleType: 'GetUserInput',
      Results: '9',
      Timestamp: expect.stringMatching(/^2025-06-02T15:00:0\d\.\d{3}Z$/),
    });
  });

  it('runs a flow that invokes a module from --flows', async () => {
    const { code, stdout } = await cli(
      'fixtures/runs/module-return/flow.json',
      '--flows',
      'fixtures/runs/module-return/flows',
      '--caller',
      'fixtures/runs/module-return/caller.json',
      '--no-tts',
    );
    expect(code).toBe(0);
    expect(stdout).toContain('transfer    [Verify] to module "Verify caller"');
    expect(stdout).toContain('(Verify caller) Ask PIN → Check → Verified → Return → (Secure line) Verified?');
  });

  it('runs a flow of an instance bundle, with its queues and hours, and reports the queueing', async () => {
    const { code, stdout } = await cli(
      'fixtures/flows/queue-transfer-billing.json',
      '--instance',
      'fixtures/runs/queue-transfer/instance.json',
      '--caller',
      'fixtures/runs/queue-transfer/caller.json',
      '--no-tts',
    );
    expect(code).toBe(0);
    expect(stdout).toContain('queued      [Transfer to queue] to queue "Billing"');
    expect(stdout).toContain('✓ queued in Billing');
  });

  it('lets the caller speak to an instance bot and prints the intents it recognised', async () => {
    const { code, stdout } = await cli(
      'fixtures/runs/lex-bot/flow.json',
      '--instance',
      'fixtures/runs/lex-bot/instance.json',
      '--caller',
      'fixtures/runs/lex-bot/caller.json',
      '--no-tts',
    );
    expect(code).toBe(0);
    expect(stdout).toContain('caller      says "What time do you close?"');
    expect(stdout).toContain('intent      [Ask] FallbackIntent from "What time do you close?"');
    expect(stdout).toContain('intent      [Ask] CheckBalance from keys 1');
    expect(stdout).toContain(
      'intent      [Ask] PayBill {BillType: phone} from "I\'d like to pay my phone bill"',
    );
  });

  it('ends the call when the caller hangs up, and that is a successful run', async () => {
    const caller = write('hangup.json', {
      call: { at: '2025-06-02T15:00:00Z' },
      steps: [{ expectPrompt: 'for balances' }, { hangup: true }],
    });
    const { code, stdout } = await cli('fixtures/runs/menu-dtmf/flow.json', '--caller', caller, '--no-tts');
    expect(code).toBe(0);
    expect(stdout).toContain('caller      hangs up');
    expect(stdout).toContain('disconnect  [Menu] by the caller');
    expect(stdout).toContain('✓ disconnected by the caller');
  });

  it('fails with RUN_PROMPT_NOT_HEARD when an expected prompt never plays', async () => {
    const caller = write('never.json', {
      steps: [{ expectPrompt: 'welcome to parley' }, { expectPrompt: 'jackpot' }],
    });
    const { code, stderr, stdout } = await cli(
      'fixtures/runs/menu-dtmf/flow.json',
      '--caller',
      caller,
      '--no-tts',
    );
    expect(code).toBe(1);
    expect(stderr).toContain('parley run: RUN_PROMPT_NOT_HEARD: step 2: no prompt containing "jackpot"');
    expect(stdout).toContain('✗');
  });

  it('gives up on an endless flow at the simulated time limit with RUN_TIME_LIMIT', async () => {
    const { code, stderr, stdout } = await cli(looping, '--no-tts', '--time-limit', '60');
    expect(code).toBe(1);
    expect(stderr).toContain('RUN_TIME_LIMIT');
    expect(stdout).toContain('disconnected by the caller');
  });

  it('reports a flow that loops without waiting as a runtime fault', async () => {
    const spin = write('spin.json', {
      Version: '2019-10-30',
      StartAction: 'a',
      Actions: [
        {
          Identifier: 'a',
          Type: 'UpdateFlowAttributes',
          Parameters: { FlowAttributes: {} },
          Transitions: { NextAction: 'b' },
        },
        {
          Identifier: 'b',
          Type: 'UpdateFlowAttributes',
          Parameters: { FlowAttributes: {} },
          Transitions: { NextAction: 'a' },
        },
      ],
    });
    const { code, stderr } = await cli(spin, '--no-tts', '--json');
    expect(code).toBe(1);
    expect(stderr).toContain('parley run: CONTACT_STEP_LIMIT');
  });

  it.each([
    [['--caller', 'fixtures/runs/menu-dtmf/flow.json'], 'RUN_SCRIPT_INVALID'],
    [['--caller', 'no/such/caller.json'], 'RUN_SCRIPT_INVALID: no/such/caller.json: does not exist'],
    [['--instance', 'fixtures/runs/menu-dtmf/caller.json'], 'INSTANCE_BUNDLE_INVALID'],
    [['--time-limit', 'soon'], '--time-limit takes a number of seconds'],
  ])('refuses bad input %j with exit code 2', async (args, message) => {
    const { code, stderr } = await cli('fixtures/runs/menu-dtmf/flow.json', ...args);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
  });

  it('refuses a flow file that is missing or not a flow', async () => {
    expect((await cli('no/such/flow.json')).stderr).toContain(
      'INSTANCE_FLOW_INVALID: no/such/flow.json: FILE_NOT_FOUND',
    );
    const notFlow = write('not-a-flow.json', { hello: 'world' });
    const { code, stderr } = await cli(notFlow);
    expect(code).toBe(2);
    expect(stderr).toContain('DOC_FORMAT_UNKNOWN');
  });
});
