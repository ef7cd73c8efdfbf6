import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic, FlowDiff } from '@parley/flow';
import { describe, expect, it } from 'vitest';
import { run } from '../src/cli/main.js';

const repoRoot = resolve(fileURLToPath(import.meta.url), '../../..');
const dir = mkdtempSync(join(tmpdir(), 'parley-diff-'));
const write = (name: string, content: string | object) => {
  writeFileSync(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content));
  return name;
};

function flow(opts: { text?: string; errorTarget?: string; x?: number } = {}) {
  return {
    Version: '2019-10-30',
    StartAction: 'hello',
    Metadata: {
      type: 'contactFlow',
      entryPointPosition: { x: 0, y: 0 },
      ActionMetadata: {
        hello: { position: { x: opts.x ?? 100, y: 0 } },
        bye: { position: { x: 300, y: 0 } },
      },
    },
    Actions: [
      {
        Parameters: { Text: opts.text ?? 'Hi' },
        Identifier: 'hello',
        Type: 'MessageParticipant',
        Transitions: {
          NextAction: 'bye',
          Errors: [{ NextAction: opts.errorTarget ?? 'bye', ErrorType: 'NoMatchingError' }],
        },
      },
      { Parameters: {}, Identifier: 'bye', Type: 'DisconnectParticipant', Transitions: {} },
    ],
  };
}

const before = write('before.json', flow());
const moved = write('moved.json', flow({ x: 640 }));
const after = write('after.json', flow({ text: 'Hello', errorTarget: '' }));
const legacy = write('legacy.json', {
  modules: [
    { id: 'd', type: 'Disconnect', branches: [], parameters: [], metadata: { position: { x: 1, y: 2 } } },
  ],
  version: '1',
  start: 'd',
  metadata: { name: 'Old', description: '', type: 'contactFlow' },
});
const broken = write('broken.json', '{"Version": "2019-10-30",');
const notAFlow = write('not-a-flow.json', { hello: 'world' });

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd: dir });
  return { code, stdout, stderr };
}

describe('parley diff', () => {
  it('prints each change a reviewer needs and exits 0', async () => {
    const r = await cli('diff', before, after);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        '~ block hello (MessageParticipant) Parameters/Text: "Hi" → "Hello"',
        '↪ block hello (MessageParticipant) error NoMatchingError: bye → (unconnected)',
        'Blocks: 0 added, 0 removed, 1 changed, 1 rewired (1 branch)',
        '',
      ].join('\n'),
    );
    expect(r.stderr).toBe('');
  });

  it('says there are no structural changes when only positions moved', async () => {
    const r = await cli('diff', before, moved);
    expect(r).toEqual({ code: 0, stdout: 'No structural changes\n', stderr: '' });
  });

  it('exits 1 with --exit-code only when the flows differ', async () => {
    expect((await cli('diff', '--exit-code', before, after)).code).toBe(1);
    expect((await cli('diff', '--exit-code', before, moved)).code).toBe(0);
  });

  it('prints the diff as one JSON object with --json', async () => {
    const r = await cli('diff', '--json', before, after);
    const diff = JSON.parse(r.stdout) as FlowDiff;
    expect(diff.identical).toBe(false);
    expect(diff.summary).toEqual({ added: 0, removed: 0, changed: 1, rewired: 1, edges: 1, flow: 0 });
    expect(diff.changed[0]?.changes).toEqual([
      { path: '/Parameters/Text', change: 'changed', before: 'Hi', after: 'Hello' },
    ]);
    expect(diff.rewired[0]?.edges[0]).toMatchObject({ change: 'retargeted', before: 'bye', after: '' });
    expect(r.code).toBe(0);
  });

  it('compares a legacy file as the flow it converts to', async () => {
    const r = await cli('diff', legacy, before);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('- block d (DisconnectParticipant)');
    expect(r.stdout).toContain('+ block hello (MessageParticipant)');
    expect(r.stdout).toContain('start: d → hello');
  });

  it('exits 2 and prints the coded problems of every file it cannot compare', async () => {
    const r = await cli('diff', 'missing.json', broken);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/✗ missing\.json: not a flow that can be compared\n {2}✗ FILE_NOT_FOUND: /);
    expect(r.stderr).toMatch(/✗ broken\.json: not a flow that can be compared\n {2}✗ JSON_SYNTAX: /);
    expect((await cli('diff', before, notAFlow)).stderr).toContain('✗ DOC_FORMAT_UNKNOWN: ');
    expect((await cli('diff', '--exit-code', before, '.')).code).toBe(2);
  });

  it('prints the problems as JSON with --json when it cannot compare', async () => {
    const r = await cli('diff', '--json', before, notAFlow);
    expect(r.code).toBe(2);
    const out = JSON.parse(r.stdout) as { files: { file: string; errors: Diagnostic[] }[] };
    expect(out.files.map((f) => [f.file, f.errors.map((e) => e.code)])).toEqual([
      ['not-a-flow.json', ['DOC_FORMAT_UNKNOWN']],
    ]);
  });

  it('refuses a missing argument with exit code 2', async () => {
    const r = await cli('diff', before);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("missing required argument 'after'");
  });

  // Starting pnpm and tsx alone takes seconds on a busy machine: a time limit, not a speed check.
  it('runs from the repository root as `pnpm parley`, resolving paths from where it was called', () => {
    const r = spawnSync(
      'pnpm',
      ['--silent', 'parley', 'diff', '--exit-code', join(dir, before), join(dir, after)],
      {
        cwd: repoRoot,
        encoding: 'utf8',
      },
    );
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('Parameters/Text: "Hi" → "Hello"');
  }, 30_000);
});
