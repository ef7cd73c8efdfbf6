import { mkdir } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exclusively, outOfDate, pnpm } from './stale-build.js';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));

/** What goes into the designer's bundle: its own sources and packages/flow, which it bundles. */
const SOURCES = [
  'designer/src',
  'designer/public',
  'designer/index.html',
  'designer/vite.config.ts',
  'designer/package.json',
  'packages/flow/src',
  'packages/flow/package.json',
];

/** Tests, stories and the stories' helpers sit beside the sources but never reach the bundle. */
const notBundled = (file: string) =>
  /\.(test|stories)\.[cm]?[jt]sx?$/.test(file) || file.includes(`${sep}designer${sep}src${sep}stories${sep}`);

export interface DesignerBuild {
  dist: string;
  /** Why it was built; undefined when dist was already up to date. */
  reason?: 'missing' | 'stale';
  ms?: number;
  /** Set when the build failed: the end of its output. dist may still hold an older build. */
  error?: string;
}

/** Why dist needs building, or undefined when index.html is newer than every source. */
export function designerOutOfDate(repo = REPO): Promise<'missing' | 'stale' | undefined> {
  return outOfDate(repo, 'designer/dist/index.html', SOURCES, notBundled);
}

/**
 * Builds the designer when designer/dist is missing or older than its sources (what `parley start`
 * and the server tests call first). `say` hears one line before a build starts.
 */
export async function ensureDesigner(
  say: (line: string) => void = () => {},
  repo = REPO,
): Promise<DesignerBuild> {
  const dist = join(repo, 'designer/dist');
  try {
    if (!(await designerOutOfDate(repo))) return { dist };
    await mkdir(join(repo, 'designer/node_modules'), { recursive: true });
    return await exclusively(join(repo, 'designer/node_modules/.parley-build-lock'), async () => {
      // Another process may have built it while this one waited.
      const reason = await designerOutOfDate(repo);
      if (!reason) return { dist };
      say(
        reason === 'missing'
          ? 'Building the designer (designer/dist is missing)…'
          : 'Rebuilding the designer (its sources changed since designer/dist was built)…',
      );
      const started = Date.now();
      const { code, output } = await pnpm(['--filter', '@parley/designer', 'build'], repo);
      const ms = Date.now() - started;
      if (code === 0) return { dist, reason, ms };
      return { dist, reason, ms, error: output.trim().split('\n').slice(-15).join('\n') };
    });
  } catch (e) {
    // A read-only checkout, say: serve whatever dist holds rather than refuse to start.
    return { dist, error: (e as Error).message };
  }
}
