// Designer figures in headless Chromium (Debian's, driven by playwright-core): the time to open
// flows of 250, 1,000 and 2,000 blocks, from the navigation to a deep link until the canvas has
// settled (every block rendered and measured, the view fitted), and the frames per second while
// panning the 2,000-block flow (as it opened) with middle-button mouse drags for about three seconds.
import { cpus, loadavg } from 'node:os';
import type { Page } from 'playwright-core';
import { generateFlow } from '../../packages/flow/bench/generate.js';
import type { Figure } from '../../packages/flow/bench/validate.bench.js';
import {
  type Canvas,
  chromiumMissing,
  type Designer,
  launchChromium,
  newPage,
  settledCanvas,
  signIn,
  startDesigner,
} from '../e2e/support.js';
import { benchLayout } from './layout.bench.js';

const SIZES = [250, 1000, 2000] as const;
const REPEATS = 3;
const PAN_MS = 3000;
const OPEN_TARGET_MS = 2000;
const PAN_TARGET_FPS = 30;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

/** Saves a generated flow of `size` actions as a new flow through the API; its id. */
async function saveGenerated(designer: Designer, size: number): Promise<string> {
  const doc = generateFlow(size);
  const res = await designer.api('POST', '/api/instances/demo/flows', {
    name: `Generated ${size}`,
    type: 'CONTACT_FLOW',
    content: JSON.stringify(doc),
    message: 'benchmark',
  });
  if (res.status !== 201) throw new Error(`saving a ${size}-block flow: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { flow: { id: string } }).flow.id;
}

async function open(page: Page, designer: Designer, id: string): Promise<Canvas> {
  await page.goto(`${designer.url}/instances/demo/flows/${encodeURIComponent(id)}`);
  return settledCanvas(page, 10, 120_000);
}

// Page scripts are strings: tsx compiles functions with esbuild's keepNames, whose `__name` helper
// the page does not have.
const START_COUNTING = `(() => {
  const viewport = document.querySelector('.react-flow__viewport');
  const s = { frames: 0, moved: 0, longest: 0, start: performance.now(), last: performance.now(),
    transform: viewport.style.transform, running: true };
  window.__parleyFrames = s;
  const tick = (t) => {
    if (!s.running) return;
    s.frames++;
    s.longest = Math.max(s.longest, t - s.last);
    s.last = t;
    if (viewport.style.transform !== s.transform) { s.moved++; s.transform = viewport.style.transform; }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})()`;

const STOP_COUNTING = `(() => {
  const s = window.__parleyFrames;
  s.running = false;
  return { frames: s.frames, moved: s.moved, longest: s.longest, ms: performance.now() - s.start };
})()`;

/** The middle of the pane, a little up and left so that the circle stays inside it. */
const PANE_MIDDLE = `(() => {
  const r = document.querySelector('.react-flow__pane').getBoundingClientRect();
  return { x: r.left + r.width / 2 - 75, y: r.top + r.height / 2 - 150 };
})()`;

interface Pan {
  fps: number;
  /** Frames in which the view had moved since the one before. */
  moved: number;
  longestMs: number;
  moves: number;
}

/**
 * Drags the view round a circle of 150 px for `ms` with the middle button, which React Flow pans
 * with wherever it starts (a left drag on a block would move the block), counting frames with
 * requestAnimationFrame.
 */
async function pan(page: Page, ms: number): Promise<Pan> {
  const at = (await page.evaluate(PANE_MIDDLE)) as { x: number; y: number };
  await page.mouse.move(at.x, at.y);
  await page.evaluate(START_COUNTING);
  await page.mouse.down({ button: 'middle' });
  const started = Date.now();
  let moves = 0;
  while (Date.now() - started < ms) {
    moves++;
    const a = moves / 8;
    await page.mouse.move(at.x + 150 * Math.sin(a), at.y + 150 * (1 - Math.cos(a)));
  }
  await page.mouse.up({ button: 'middle' });
  const counted = (await page.evaluate(STOP_COUNTING)) as {
    frames: number;
    moved: number;
    longest: number;
    ms: number;
  };
  if (counted.moved === 0) throw new Error('the drags did not move the view');
  return {
    fps: counted.frames / (counted.ms / 1000),
    moved: counted.moved,
    longestMs: counted.longest,
    moves,
  };
}

export async function benchDesigner(): Promise<{ figures: Figure[]; notes: string[] }> {
  const missing = chromiumMissing();
  if (missing) return { figures: [], notes: [`designer: skipped. ${missing}`] };
  const designer = await startDesigner((line) => console.error(line));
  const browser = await launchChromium();
  try {
    const ids = new Map<number, string>();
    for (const size of SIZES) ids.set(size, await saveGenerated(designer, size));
    const page = await newPage(browser);
    await signIn(page, designer);
    // Warm-up: the bundle in the HTTP cache and compiled, as for anyone opening a second flow.
    await open(page, designer, ids.get(SIZES[0]) ?? '');

    const figures: Figure[] = [];
    const seen: string[] = [];
    for (const size of SIZES) {
      const runs: Canvas[] = [];
      for (let i = 0; i < REPEATS; i++) runs.push(await open(page, designer, ids.get(size) ?? ''));
      const last = runs.at(-1);
      if (last?.blocks !== size) throw new Error(`the ${size}-block flow showed ${last?.blocks} blocks`);
      figures.push({
        key: `designer_open_${size}_ms`,
        label: `designer: open a ${size.toLocaleString('en')}-block flow (settled)`,
        value: median(runs.map((r) => r.settledAt)),
        unit: 'ms',
        ...(size === 2000 ? { target: `< ${OPEN_TARGET_MS}` } : {}),
      });
      const all = runs.map((r) => r.allAt).filter((t): t is number => t !== null);
      seen.push(
        `${size}: all ${size} in the page at ${all.length ? `${median(all).toFixed(0)} ms` : 'no frame'}, ${last.rendered} in view once settled`,
      );
    }

    await open(page, designer, ids.get(2000) ?? '');
    const panned = await pan(page, PAN_MS);
    figures.push({
      key: 'designer_pan_fps',
      label: 'designer: pan the 2,000-block flow as opened (mouse drags)',
      value: panned.fps,
      unit: 'fps',
      target: `>= ${PAN_TARGET_FPS}`,
    });
    const laid = await benchLayout(page, 2000);
    figures.push(laid.figure);
    const cpu = cpus();
    return {
      figures,
      notes: [
        `designer: Chromium ${browser.version()} headless, 1440×900, ${cpu.length} × ${cpu[0]?.model.trim() ?? 'cpu'} (load average ${loadavg()[0]?.toFixed(1)}); ` +
          `open = median of ${REPEATS} navigations to /instances/demo/flows/<id> (bundle cached), from navigation start to the frame the canvas settled; ` +
          `blocks in the page (flows above BIG_FLOW blocks open on their entry at zoom 1; every node comes with its size, so React Flow renders only those in view): ${seen.join('; ')}; ` +
          `pan: ${panned.moves} middle-button mouse moves in ${PAN_MS} ms, the view moved in ${panned.moved} frames, longest frame ${panned.longestMs.toFixed(0)} ms; ${laid.note}`,
      ],
    };
  } finally {
    await browser.close();
    await designer.close();
  }
}
