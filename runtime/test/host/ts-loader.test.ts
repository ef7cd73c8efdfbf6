import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const repo = join(import.meta.dirname, '../../..');
const register = join(repo, 'scripts/lib/ts-register.mjs');

describe('the TypeScript loader pnpm parley and pnpm bench run under', () => {
  const dir = mkdtempSync(join(tmpdir(), 'parley-ts-loader-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'b.ts'), "export const greet = (who: string): string => 'hi ' + who;\n");
  writeFileSync(
    join(dir, 'a.ts'),
    [
      "import { greet } from './b.js';",
      'const make = () => { const helper = () => 1; return helper; };',
      'const inner = make();',
      'process.stdout.write(JSON.stringify({ said: greet("you"), name: inner.name,',
      "  own: Object.getOwnPropertyDescriptor(inner, 'name') }));",
    ].join('\n'),
  );

  it('runs TypeScript that imports its neighbours as .js, with names as V8 infers them and not redefined', () => {
    const r = spawnSync(process.execPath, ['--import', register, join(dir, 'a.ts')], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({
      said: 'hi you',
      name: 'helper',
      own: { value: 'helper', writable: false, enumerable: false, configurable: true },
    });
  });

  it('transpiles without esbuild’s __name helper, which keepNames adds to every named closure', async () => {
    const { load } = (await import(pathToFileURL(join(repo, 'scripts/lib/ts-hooks.mjs')).href)) as {
      load: (url: string, context: object, next: () => never) => Promise<{ source: string }>;
    };
    const { source } = await load(pathToFileURL(join(dir, 'a.ts')).href, {}, () => {
      throw new Error('TypeScript should not reach the default loader');
    });
    expect(source).toContain('greet("you")');
    expect(source).not.toContain('__name');
  });
});
