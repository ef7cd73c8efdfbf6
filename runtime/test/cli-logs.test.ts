import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../src/cli/main.js';

const repoRoot = resolve(fileURLToPath(import.meta.url), '../../..');
const dir = mkdtempSync(join(tmpdir(), 'parley-logs-'));
const file = join(dir, 'group', 'worker.jsonl');

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd: repoRoot });
  return { code, stdout, stderr };
}

beforeAll(async () => {
  mkdirSync(join(dir, 'group'));
  const ran = await cli(
    'run',
    'fixtures/runs/menu-dtmf/flow.json',
    '--caller',
    'fixtures/runs/menu-dtmf/caller.json',
    '--no-tts',
    '--logs',
    file,
  );
  expect(ran.code).toBe(0);
});

describe('parley logs', () => {
  it("prints a contact's entries from a flow-log file, oldest first", async () => {
    const { code, stdout } = await cli('logs', file, '--contact', 'golden-menu-dtmf');
    expect(code).toBe(0);
    const identifiers = stdout
      .trim()
      .split('\n')
      .map((line) => line.split('  ')[2]);
    expect(identifiers).toEqual([
      'Log',
      'Welcome',
      'Menu',
      'Sorry',
      'Menu',
      'Cards',
      'Goodbye',
      'Disconnect',
    ]);
  });

  it('finds the same entries in a folder of log groups, as JSON', async () => {
    const { code, stdout } = await cli('logs', dir, '--contact', 'golden-menu-dtmf', '--json');
    expect(code).toBe(0);
    const entries = JSON.parse(stdout) as { ContactId: string; Identifier: string }[];
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
    expect(new Set(entries.map((e) => e.ContactId))).toEqual(new Set(['golden-menu-dtmf']));
  });

  it('exits 1 with a message for a contact with no entries', async () => {
    const { code, stderr } = await cli('logs', dir, '--contact', 'no-such-contact');
    expect(code).toBe(1);
    expect(stderr).toContain('no flow-log entries for contact no-such-contact');
  });
});
