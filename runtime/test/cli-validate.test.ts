import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ValidateReport } from '../src/cli/commands/validate.js';
import { run } from '../src/cli/main.js';

const repoRoot = resolve(fileURLToPath(import.meta.url), '../../..');
const dir = mkdtempSync(join(tmpdir(), 'parley-validate-'));
const write = (name: string, content: string | object) => {
  writeFileSync(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content));
  return name;
};

const good = write('good.json', {
  Version: '2019-10-30',
  StartAction: 'hello',
  Metadata: { type: 'contactFlow' },
  Actions: [
    {
      Parameters: { Text: 'Hello $.CustomerEndpoint.Address' },
      Identifier: 'hello',
      Type: 'MessageParticipant',
      Transitions: { NextAction: 'bye', Errors: [{ NextAction: 'bye', ErrorType: 'NoMatchingError' }] },
    },
    { Parameters: {}, Identifier: 'bye', Type: 'DisconnectParticipant', Transitions: {} },
  ],
});
const dangling = write('dangling.json', {
  Version: '2019-10-30',
  StartAction: 'hello',
  Actions: [
    {
      Parameters: { Text: 'Hi' },
      Identifier: 'hello',
      Type: 'MessageParticipant',
      Transitions: { NextAction: 'gone' },
    },
  ],
});
const legacy = write('legacy.json', {
  modules: [
    { id: 'd', type: 'Disconnect', branches: [], parameters: [], metadata: { position: { x: 1, y: 2 } } },
  ],
  version: '1',
  start: 'd',
  metadata: { name: 'Old', description: '', type: 'contactFlow' },
});
const broken = write('broken.json', '{"Version": "2019-10-30",');

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd: dir });
  return { code, stdout, stderr };
}

describe('parley validate', () => {
  it('exits 0 and says so when every file is valid', async () => {
    const r = await cli('validate', good);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('✓ good.json (modern, CONTACT_FLOW)');
  });

  it('exits 1 and names the code, action and path of each error', async () => {
    const r = await cli('validate', good, dangling);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /✗ dangling\.json[\s\S]*TRANSITION_TARGET_DANGLING: "hello" goes to "gone".*\/Actions\/0\/Transitions\/NextAction/,
    );
    expect(r.stdout).toContain('2 files checked, 1 with errors');
  });

  it('prints one JSON object per file with --json', async () => {
    const r = await cli('validate', '--json', good, legacy, broken, 'missing.json');
    const reports = JSON.parse(r.stdout) as ValidateReport[];
    expect(reports.map((x) => [x.file, x.valid, x.format, x.flowType, x.roundTrip])).toEqual([
      ['good.json', true, 'modern', 'CONTACT_FLOW', true],
      ['legacy.json', true, 'legacy', 'CONTACT_FLOW', true],
      ['broken.json', false, null, null, false],
      ['missing.json', false, null, null, false],
    ]);
    expect(reports[2]?.errors[0]).toMatchObject({ code: 'JSON_SYNTAX', severity: 'error' });
    expect(reports[3]?.errors[0]).toMatchObject({ code: 'FILE_NOT_FOUND' });
    expect(Object.keys(reports[1]?.errors[0] ?? {})).toEqual(['code', 'severity', 'message']);
    expect(r.code).toBe(1);
  });

  it('checks flow-type restrictions for the type given with --flow-type', async () => {
    const asHold = await cli('validate', '--json', '--flow-type', 'CUSTOMER_HOLD', good);
    const report = (JSON.parse(asHold.stdout) as ValidateReport[])[0];
    expect(report?.flowType).toBe('CUSTOMER_HOLD');
    expect(report?.errors.map((e) => e.code)).toContain('ACTION_NOT_ALLOWED_IN_FLOW_TYPE');
    expect((await cli('validate', '--flow-type', 'customerQueue', good)).code).toBe(0);
  });

  it('refuses an unknown flow type and a missing argument with exit code 2', async () => {
    expect((await cli('validate', '--flow-type', 'NOPE', good)).code).toBe(2);
    const none = await cli('validate');
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("missing required argument 'files'");
  });

  it('refuses a directory and a file over 2 MB without reading it', async () => {
    writeFileSync(join(dir, 'huge.json'), Buffer.alloc(2 * 1024 * 1024 + 1, 0x20));
    const r = JSON.parse((await cli('validate', '--json', '.', 'huge.json')).stdout) as ValidateReport[];
    expect(r.map((x) => x.errors[0]?.code)).toEqual(['FILE_UNREADABLE', 'INPUT_TOO_LARGE']);
  });

  it('runs from the repository root as `pnpm parley`, resolving paths from where it was called', () => {
    const r = spawnSync('pnpm', ['--silent', 'parley', 'validate', join(dir, good)], {
      cwd: repoRoot,
      encoding: 'utf8',
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('✓');
  });
});
