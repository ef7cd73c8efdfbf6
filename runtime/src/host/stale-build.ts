// What the designer build (parley start) and the Storybook build (its browser test) share: a build
// is out of date when any source file is newer than its output, and one runs at a time per output.
import { spawn } from 'node:child_process';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** The newest modification time of `path`'s files (itself if a file), skipping those `skip` names. */
export async function newestMtime(path: string, skip: (file: string) => boolean): Promise<number> {
  const top = await stat(path).catch(() => undefined);
  if (!top) return 0;
  if (!top.isDirectory()) return top.mtimeMs;
  // Files only: a folder's time changes when a test is added beside the sources.
  let newest = 0;
  for (const entry of await readdir(path, { recursive: true, withFileTypes: true })) {
    const file = join(entry.parentPath, entry.name);
    if (entry.isFile() && !skip(file)) newest = Math.max(newest, (await stat(file)).mtimeMs);
  }
  return newest;
}

/** Why `output` needs building from `sources` (paths under `repo`), or undefined when it is newer than all. */
export async function outOfDate(
  repo: string,
  output: string,
  sources: readonly string[],
  skip: (file: string) => boolean,
): Promise<'missing' | 'stale' | undefined> {
  const built = await stat(join(repo, output)).catch(() => undefined);
  if (!built) return 'missing';
  const times = await Promise.all(sources.map((s) => newestMtime(join(repo, s), skip)));
  return Math.max(...times) > built.mtimeMs ? 'stale' : undefined;
}

/** Runs `run` holding the lock directory `lock`, so two processes never build into one folder at once. */
export async function exclusively<T>(lock: string, run: () => Promise<T>): Promise<T> {
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

/** Runs pnpm with `args` in `cwd`, keeping the end of its output. */
export function pnpm(args: string[], cwd: string): Promise<{ code: number | null; output: string }> {
  // Under `pnpm parley start` the running pnpm is the pinned one, wherever it was installed.
  const execPath = process.env.npm_execpath;
  const [command, prefix] =
    execPath && /pnpm\.c?js$/.test(execPath) ? [process.execPath, [execPath]] : ['pnpm', []];
  return new Promise((resolve) => {
    // Builds are for serving: under a test runner (NODE_ENV=test) Vite would otherwise bundle React's
    // development build, several times slower, and parley start would serve it afterwards.
    const child = spawn(command, [...prefix, ...args], {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NODE_ENV: 'production' },
    });
    let output = '';
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-8000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', (e) => resolve({ code: null, output: `${output}${e.message}\n` }));
    child.on('close', (code) => resolve({ code, output }));
  });
}
