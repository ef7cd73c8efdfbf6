// The built Storybook for the browser test: built when missing or older than what goes into it,
// and served as static files on a free local port.
import { createReadStream } from 'node:fs';
import { mkdir, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exclusively, outOfDate, pnpm } from '../../runtime/src/host/stale-build.js';

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

/** Why storybook-static needs building, or undefined when its index is newer than every source. */
export function storybookOutOfDate(): Promise<'missing' | 'stale' | undefined> {
  // `storybook build` empties the folder first, so a failed build leaves no index behind.
  return outOfDate(REPO, 'designer/storybook-static/index.json', SOURCES, (f) => NOT_IN_STORYBOOK.test(f));
}

export interface StorybookBuild {
  reason?: 'missing' | 'stale';
  ms?: number;
}

/** Builds Storybook when out of date; one build at a time across processes (a lock directory). */
export async function ensureStorybook(say: (line: string) => void = () => {}): Promise<StorybookBuild> {
  if (!(await storybookOutOfDate())) return {};
  await mkdir(join(REPO, 'designer/node_modules'), { recursive: true });
  return exclusively(join(REPO, 'designer/node_modules/.parley-storybook-lock'), async () => {
    const reason = await storybookOutOfDate();
    if (!reason) return {};
    say(`Building Storybook (storybook-static is ${reason})…`);
    const started = Date.now();
    const { code, output } = await pnpm(['--filter', '@parley/designer', 'build-storybook'], REPO);
    if (code !== 0) throw new Error(`build-storybook failed:\n${output.split('\n').slice(-30).join('\n')}`);
    return { reason, ms: Date.now() - started };
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
