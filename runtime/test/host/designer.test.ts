import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { designerOutOfDate } from '../../src/host/designer.js';
import { pnpm } from '../../src/host/stale-build.js';

describe('whether parley start rebuilds the designer', () => {
  const repo = mkdtempSync(join(tmpdir(), 'parley-designer-repo-'));
  afterAll(() => rmSync(repo, { recursive: true, force: true }));
  const write = (path: string, secondsAgo: number) => {
    mkdirSync(dirname(join(repo, path)), { recursive: true });
    writeFileSync(join(repo, path), '');
    const at = new Date(Date.now() - secondsAgo * 1000);
    utimesSync(join(repo, path), at, at);
  };

  it('builds when there is no build, and not when the build is newer than every source', async () => {
    write('designer/src/main.tsx', 60);
    write('packages/flow/src/index.ts', 60);
    expect(await designerOutOfDate(repo)).toBe('missing');
    write('designer/dist/index.html', 30);
    expect(await designerOutOfDate(repo)).toBeUndefined();
  });

  it('rebuilds when a designer source or packages/flow, which it bundles, changed since', async () => {
    write('designer/src/app/App.tsx', 10);
    expect(await designerOutOfDate(repo)).toBe('stale');
    write('designer/dist/index.html', 5);
    write('packages/flow/src/catalog/blocks/x.ts', 1);
    expect(await designerOutOfDate(repo)).toBe('stale');
  });

  it('ignores tests and stories, which never reach the bundle', async () => {
    write('packages/flow/src/catalog/blocks/x.ts', 10);
    write('designer/dist/index.html', 5);
    write('designer/src/app/App.test.tsx', 1);
    write('designer/src/nodes/BlockNode.stories.tsx', 1);
    expect(await designerOutOfDate(repo)).toBeUndefined();
  });
});

describe('the builds parley start runs', () => {
  it('run for production even from a test runner, whose NODE_ENV would give React its development build', async () => {
    expect(process.env.NODE_ENV).toBe('test');
    const repo = join(import.meta.dirname, '../../..');
    const { code, output } = await pnpm(
      ['exec', 'node', '-e', 'process.stdout.write("env=" + process.env.NODE_ENV)'],
      repo,
    );
    expect(code).toBe(0);
    expect(output).toContain('env=production');
  });
});
