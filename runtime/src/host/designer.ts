import { spawn } from 'node:child_process';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

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

/** Tests and stories sit beside the sources but never reach the bundle. */
const NOT_BUNDLED = /\.(test|stories)\.[cm]?[jt]sx?$/;

export interface DesignerBuild {
  dist: string;
  /** Why it was built; undefined when dist was already up to date. */
  reason?: 'missing' | 'stale';
  ms?: number;
  /** Set when the build failed: the end of its output. dist may still hold an older build. */
  error?: string;
}

async function newestMtime(path: string): Promise<number> {
  const top = await stat(path).catch(() => undefined);
  if (!top) return 0;
  if (!top.isDirectory()) return top.mtimeMs;
  // Files only: a folder's time changes when a test is added beside the sources.
  let newest = 0;
  for (const entry of await readdir(path, { recursive: true, withFileTypes: true }))
    if (entry.isFile() && !NOT_BUNDLED.test(entry.name))
      newest = Math.max(newest, (await stat(join(entry.parentPath, entry.name))).mtimeMs);
  return newest;
}

/** Why dist needs building, or undefined when index.html is newer than every source. */
export async function designerOutOfDate(repo = REPO): Promise<'missing' | 'stale' | undefined> {
  const built = await stat(join(repo, 'designer/dist/index.html')).catch(() => undefined);
  if (!built) return 'missing';
  const sources = await Promise.all(SOURCES.map((s) => newestMtime(join(repo, s))));
  return Math.max(...sources) > built.mtimeMs ? 'stale' : undefined;
}

/** One build at a time across processes (parley start and tests may race on the same dist). */
async function exclusively<T>(lock: string, run: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      await mkdir(lock);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const since = await stat(lock).then(
        (s) => Date.now() - s.mtimeMs,
        () => 0,
      );
      // A build that died holding the lock: no build takes ten minutes.
      if (since > 10 * 60_000) await rm(lock, { recursive: true, force: true });
      else await new Promise((r) => setTimeout(r, 200));
    }
  }
  try {
    return await run();
  } finally {
    await rm(lock, { recursive: true, force: true });
  }
}

function pnpm(args: string[], cwd: string): Promise<{ code: number | null; output: string }> {
  // Under `pnpm parley start` the running pnpm is the pinned one, wherever it was installed.
  const execPath = process.env.npm_execpath;
  const [command, prefix] =
    execPath && /pnpm\.c?js$/.test(execPath) ? [process.execPath, [execPath]] : ['pnpm', []];
  return new Promise((resolve) => {
    const child = spawn(command, [...prefix, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-4000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', (e) => resolve({ code: null, output: `${output}${e.message}\n` }));
    child.on('close', (code) => resolve({ code, output }));
  });
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
