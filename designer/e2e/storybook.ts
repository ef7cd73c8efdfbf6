// The built Storybook for the browser test: built when missing or older than what goes into it,
// and served as static files on a free local port.
import { spawn } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
export const STORYBOOK_STATIC = join(REPO, 'designer/storybook-static');

/** Everything a story can show: the designer with its stories, its Storybook config, flow and fixtures. */
const SOURCES = [
  'designer/src',
  'designer/.storybook',
  'designer/package.json',
  'designer/vite.config.ts',
  'packages/flow/src',
  'fixtures/flows',
];

/** Tests sit beside the sources but never reach a story. */
const NOT_IN_STORYBOOK = /\.test\.[cm]?[jt]sx?$/;

async function newestMtime(path: string): Promise<number> {
  const top = await stat(path).catch(() => undefined);
  if (!top?.isDirectory()) return top?.mtimeMs ?? 0;
  let newest = 0;
  for (const entry of await readdir(path, { recursive: true, withFileTypes: true }))
    if (entry.isFile() && !NOT_IN_STORYBOOK.test(entry.name))
      newest = Math.max(newest, (await stat(join(entry.parentPath, entry.name))).mtimeMs);
  return newest;
}

/** Why storybook-static needs building, or undefined when its index is newer than every source. */
export async function storybookOutOfDate(): Promise<'missing' | 'stale' | undefined> {
  // `storybook build` empties the folder first, so a failed build leaves no index behind.
  const built = await stat(join(STORYBOOK_STATIC, 'index.json')).catch(() => undefined);
  if (!built) return 'missing';
  const sources = await Promise.all(SOURCES.map((s) => newestMtime(join(REPO, s))));
  return Math.max(...sources) > built.mtimeMs ? 'stale' : undefined;
}

export interface StorybookBuild {
  reason?: 'missing' | 'stale';
  ms?: number;
}

/** Builds Storybook when out of date; one build at a time across processes (a lock directory). */
export async function ensureStorybook(say: (line: string) => void = () => {}): Promise<StorybookBuild> {
  if (!(await storybookOutOfDate())) return {};
  const lock = join(REPO, 'designer/node_modules/.parley-storybook-lock');
  for (;;) {
    try {
      await mkdir(lock);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const age = await stat(lock).then(
        (s) => Date.now() - s.mtimeMs,
        () => 0,
      );
      // A build that died holding the lock: none takes ten minutes.
      if (age > 10 * 60_000) await rm(lock, { recursive: true, force: true });
      else await new Promise((r) => setTimeout(r, 200));
    }
  }
  try {
    const reason = await storybookOutOfDate();
    if (!reason) return {};
    say(`Building Storybook (storybook-static is ${reason})…`);
    const started = Date.now();
    const { code, output } = await run('pnpm', ['--filter', '@parley/designer', 'build-storybook']);
    if (code !== 0) throw new Error(`build-storybook failed:\n${output.split('\n').slice(-30).join('\n')}`);
    return { reason, ms: Date.now() - started };
  } finally {
    await rm(lock, { recursive: true, force: true });
  }
}

function run(command: string, args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((done) => {
    const child = spawn(command, args, { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-8000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', (e) => done({ code: null, output: `${output}${e.message}\n` }));
    child.on('close', (code) => done({ code, output }));
  });
}

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/** The files of `root` over HTTP on 127.0.0.1 (no listing; nothing outside root). */
export async function serveStatic(root: string): Promise<StaticServer> {
  const base = resolve(root);
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = resolve(base, `.${path.endsWith('/') ? `${path}index.html` : path}`);
    if (!file.startsWith(base + sep)) {
      res.writeHead(403).end();
      return;
    }
    stat(file)
      .then((s) => {
        if (!s.isFile()) throw new Error('not a file');
        res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
        createReadStream(file).pipe(res);
      })
      .catch(() => res.writeHead(404).end());
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((closed) => server.close(() => closed())),
  };
}
