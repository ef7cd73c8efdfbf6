/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The browser tests and the designer benchmark share this: Parley started in-process on a fresh
// data dir, and Debian's Chromium driven by playwright-core. Nothing here downloads a browser.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { ensureDesigner } from '../../runtime/src/host/designer.js';
import { type RunningParley, startParley } from '../../runtime/src/host/start.js';

/** Debian's build (scripts/lib/ensure-debian.sh installs it), or PARLEY_CHROMIUM. */
export const CHROMIUM = process.env.PARLEY_CHROMIUM ?? '/usr/bin/chromium';

/** Why the browser tests cannot run here, or undefined when they can. */
export function chromiumMissing(): string | undefined {
  if (existsSync(CHROMIUM)) return undefined;
  return `Chromium not found at ${CHROMIUM}: install Debian's package (apt-get install chromium, which ./scripts/test does as root) or point PARLEY_CHROMIUM at a Chromium binary`;
}

/** Skip the browser tests with a clear message when Chromium is missing, except in CI, where they fail. */
export function browserTests(): { skip: boolean; reason?: string } {
  const reason = chromiumMissing();
  if (!reason) return { skip: false };
  if (process.env.CI === 'true' || process.env.CI === '1')
    throw new Error(`${reason} (CI=true: the browser tests must run in CI)`);
  console.warn(`designer browser tests skipped: ${reason}`);
  return { skip: true, reason };
}

export interface Designer {
  /** `http://127.0.0.1:<port>`, serving the designer at `/` and the API at `/api`. */
  url: string;
  /** The admin token printed by the first `parley start` on this data dir. */
  token: string;
  parley: RunningParley;
  /** `fetch` against the API with the admin token; JSON bodies are sent as JSON. */
  api(method: string, path: string, body?: unknown): Promise<Response>;
  /** The id of the flow named `name` (the demo's Bank menu…); throws when there is none. */
  flowId(name: string, instance?: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * Parley as `parley start` runs it (designer built first when stale, demo instance, ari-sim) on a
 * temporary data dir and a free port. The embedded store always: DATABASE_URL is for store tests.
 */
export async function startDesigner(say: (line: string) => void = () => {}): Promise<Designer> {
  const build = await ensureDesigner(say);
  if (build.error) throw new Error(`the designer did not build:\n${build.error}`);
  const dir = mkdtempSync(join(tmpdir(), 'parley-designer-e2e-'));
  try {
    const parley = await startParley({ dataDir: dir, port: 0, demo: true, logger: false });
    const token = parley.adminToken;
    if (!token) throw new Error('a fresh data dir should hand out the first admin token');
    return {
      url: parley.url,
      token,
      parley,
      api: (method, path, body) =>
        fetch(`${parley.url}${path}`, {
          method,
          headers: {
            authorization: `Bearer ${token}`,
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        }),
      flowId: async (name, instance = 'demo') => {
        const res = await fetch(`${parley.url}/api/instances/${instance}/flows`, {
          headers: { authorization: `Bearer ${token}` },
        });
        const { flows } = (await res.json()) as { flows: { id: string; name: string }[] };
        const flow = flows.find((f) => f.name === name);
        if (!flow) throw new Error(`instance ${instance} should have a flow named ${name}`);
        return flow.id;
      },
      close: async () => {
        await parley.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
}

/** Headless Chromium; without the sandbox when running as root (containers, CI), which it refuses. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: process.getuid?.() === 0 ? ['--no-sandbox'] : [],
  });
}

/** A page of its own context (own localStorage), sized like a laptop screen. */
export async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  pageErrors.set(page, errors);
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  return page;
}

/** Uncaught errors and console errors of each page, told when a wait fails. */
const pageErrors = new WeakMap<Page, string[]>();

/** The key designer/src/app/hooks.ts keeps the token under. */
export const TOKEN_KEY = 'parley.token';

/** Signs in through the token form at `/`; the token then stays in localStorage for the context. */
export async function signIn(page: Page, designer: Designer): Promise<void> {
  await page.goto(`${designer.url}/`);
  await page.getByLabel('API token').fill(designer.token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
}

export interface Canvas {
  /** Block nodes in the page once the canvas settled. */
  rendered: number;
  /** Blocks in the flow, as the status line counts them. */
  blocks: number;
  /** The most block nodes in the page at once while opening. */
  peak: number;
  /** ms from the navigation's start to the first frame with every block in the page, if one had. */
  allAt: number | null;
  /** ms from the navigation's start to the frame the canvas reached the state it settled in. */
  settledAt: number;
}

/**
 * Waits, frame by frame, until the canvas settles: the status line is shown, every block node in
 * the page is measured (React Flow hides a node until it knows its size), and neither the nodes
 * in the page nor the viewport changed for `frames` frames. React Flow renders every node once to
 * measure it, then (with onlyRenderVisibleElements) only those in view.
 */
export async function settledCanvas(page: Page, frames = 10, timeout = 30_000): Promise<Canvas> {
  const handle = await page
    .waitForFunction(
      (quiet: number) => {
        type State = { key: string; since: number; same: number; peak: number; allAt: number | null };
        const w = window as unknown as { __parleyCanvas?: State };
        const status = document.querySelector('.canvas-status')?.textContent ?? '';
        const blocks = /^(\d+) blocks?/.exec(status);
        const nodes = document.querySelectorAll<HTMLElement>('.react-flow__node');
        const viewport = document.querySelector<HTMLElement>('.react-flow__viewport');
        w.__parleyCanvas ??= { key: '', since: 0, same: 0, peak: 0, allAt: null };
        const state = w.__parleyCanvas;
        state.peak = Math.max(state.peak, nodes.length);
        if (!blocks || nodes.length === 0 || !viewport) return false;
        if (state.allAt === null && nodes.length === Number(blocks[1])) state.allAt = performance.now();
        const measured = [...nodes].every((n) => n.style.visibility !== 'hidden');
        const key = `${nodes.length} ${measured} ${viewport.style.transform}`;
        if (key !== state.key) {
          state.key = key;
          state.since = performance.now();
          state.same = 0;
          return false;
        }
        if (!measured || ++state.same < quiet) return false;
        w.__parleyCanvas = undefined;
        return {
          rendered: nodes.length,
          blocks: Number(blocks[1]),
          peak: state.peak,
          allAt: state.allAt,
          settledAt: state.since,
        };
      },
      frames,
      { polling: 'raf', timeout },
    )
    .catch(async (e: Error) => {
      throw new Error(`the canvas did not settle: ${e.message.split('\n')[0]}\n${await pageState(page)}`);
    });
  return (await handle.jsonValue()) as Canvas;
}

/** What the page shows, for a failure message. */
async function pageState(page: Page): Promise<string> {
  const state = await page
    .evaluate(() => ({
      url: location.href,
      status: document.querySelector('.canvas-status')?.textContent ?? null,
      nodes: document.querySelectorAll('.react-flow__node').length,
      hidden: document.querySelectorAll('.react-flow__node[style*="visibility: hidden"]').length,
      text: (document.querySelector('#root')?.textContent ?? '').slice(0, 500),
    }))
    .catch((e: Error) => ({ error: e.message }));
  return JSON.stringify({ ...state, errors: pageErrors.get(page)?.slice(-5) ?? [] }, null, 2);
}

/** Opens `/instances/<instance>/flows/<flow>` (signed in already) and waits for its canvas. */
export async function openFlow(page: Page, designer: Designer, flow: string, instance = 'demo') {
  await page.goto(
    `${designer.url}/instances/${encodeURIComponent(instance)}/flows/${encodeURIComponent(flow)}`,
  );
  return settledCanvas(page);
}

/** The block nodes in the page: action Identifier, label and the branches shown with their handles. */
export function blocksOnCanvas(page: Page) {
  return page.$$eval('[data-testid="block-node"]', (nodes) =>
    nodes.map((n) => ({
      actionId: n.getAttribute('data-action-id') ?? '',
      blockType: n.querySelector('.block-type')?.textContent ?? '',
      label: n.querySelector('.block-label')?.textContent ?? '',
      branches: [...n.querySelectorAll<HTMLLIElement>('.block-branches > li')]
        .filter((li) => !li.hidden)
        .map((li) => ({
          label: li.textContent ?? '',
          handle: li.querySelector('.react-flow__handle.source')?.getAttribute('data-handleid') ?? '',
        })),
    })),
  );
}

/** The edges drawn, by React Flow's edge id (`<source>-><branch>` from toGraph). */
export function edgesOnCanvas(page: Page): Promise<string[]> {
  return page.$$eval('.react-flow__edge', (edges) => edges.map((e) => e.getAttribute('data-id') ?? ''));
}
