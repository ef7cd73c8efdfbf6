// Auto-layout of a big flow in headless Chromium: the time from pressing Lay out to the new
// positions on the canvas (ELK in its Web Worker, then one edit), and the longest frame meanwhile,
// which says whether the page stayed free while ELK worked.
import type { Page } from 'playwright-core';
import type { Figure } from '../../packages/flow/bench/validate.bench.js';

// Page scripts are strings: tsx compiles functions with esbuild's keepNames, whose `__name` helper
// the page does not have.
const START = `(() => {
  const s = { frames: 0, longest: 0, last: performance.now(), start: performance.now(), running: true };
  window.__parleyLayoutFrames = s;
  const tick = (t) => {
    if (!s.running) return;
    s.frames++;
    s.longest = Math.max(s.longest, t - s.last);
    s.last = t;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})()`;

const UNDO_ENABLED = `(() => {
  const undo = [...document.querySelectorAll('.toolbar button')].find((b) => b.textContent === 'Undo');
  return undo !== undefined && !undo.disabled;
})()`;

const STOP = `(() => {
  const s = window.__parleyLayoutFrames;
  s.running = false;
  return { frames: s.frames, longest: s.longest, ms: performance.now() - s.start };
})()`;

/** Lays out the flow open in `page` (nothing edited yet: Undo turns on when the layout lands). */
export async function benchLayout(page: Page, size: number): Promise<{ figure: Figure; note: string }> {
  if (await page.evaluate(UNDO_ENABLED)) throw new Error('lay out a flow with nothing to undo yet');
  await page.evaluate(START);
  await page.getByRole('button', { name: 'Lay out', exact: true }).click();
  await page.waitForFunction(UNDO_ENABLED, undefined, { polling: 'raf', timeout: 300_000 });
  const counted = (await page.evaluate(STOP)) as { frames: number; longest: number; ms: number };
  return {
    figure: {
      key: `designer_layout_${size}_ms`,
      label: `designer: auto-layout of the ${size.toLocaleString('en')}-block flow (ELK in a worker)`,
      value: counted.ms,
      unit: 'ms',
    },
    note: `layout: ${counted.frames} frames painted while ELK worked, longest ${counted.longest.toFixed(0)} ms`,
  };
}
