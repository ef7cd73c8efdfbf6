import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  browserTests,
  type Designer,
  launchChromium,
  newPage,
  openFlow,
  settledCanvas,
  signIn,
  startDesigner,
} from './support.js';

const { skip } = browserTests();

interface Box {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Every block node's box in flow coordinates: its transform and its unscaled size. */
function blockBoxes(page: Page): Promise<Box[]> {
  return page.$$eval('.react-flow__node-block', (nodes) =>
    nodes.map((n) => {
      const el = n as HTMLElement;
      const m = /translate\(([-\d.]+)px, ?([-\d.]+)px\)/.exec(el.style.transform);
      return {
        id: el.dataset.id ?? '',
        x: Number(m?.[1] ?? Number.NaN),
        y: Number(m?.[2] ?? Number.NaN),
        width: el.offsetWidth,
        height: el.offsetHeight,
      };
    }),
  );
}

const byId = (boxes: Box[]) => Object.fromEntries(boxes.map((b) => [b.id, { x: b.x, y: b.y }]));

function overlaps(boxes: Box[]): string[] {
  const out: string[] = [];
  for (const [i, a] of boxes.entries())
    for (const b of boxes.slice(i + 1))
      if (a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height)
        out.push(`${a.id} × ${b.id}`);
  return out;
}

/** Waits until the blocks are drawn somewhere else than `before` (or, with `same`, back there). */
async function blocksMoved(page: Page, before: Record<string, { x: number; y: number }>, same = false) {
  await page.waitForFunction(
    ({ before, same }) => {
      const nodes = [...document.querySelectorAll<HTMLElement>('.react-flow__node-block')];
      const now = Object.fromEntries(nodes.map((n) => [n.dataset.id, n.style.transform]));
      const equal = Object.entries(before).every(
        ([id, p]) => now[id]?.replace(/\s/g, '') === `translate(${p.x}px,${p.y}px)`,
      );
      return same ? equal : !equal;
    },
    { before, same },
    { polling: 'raf', timeout: 30_000 },
  );
}

describe.skipIf(skip)('auto-layout, notes and find in Chromium', () => {
  let designer: Designer;
  let browser: Browser;
  let menu: string;

  beforeAll(async () => {
    designer = await startDesigner();
    browser = await launchChromium();
    menu = await designer.flowId('Bank menu');
  });

  afterAll(async () => {
    await browser?.close();
    await designer?.close();
  });

  async function openMenu() {
    const page = await newPage(browser);
    await signIn(page, designer);
    await openFlow(page, designer, menu);
    return page;
  }

  it('lays out Bank menu left to right with no two blocks overlapping; Undo puts them back, Redo lays them out again', async () => {
    const page = await openMenu();
    const before = await blockBoxes(page);
    expect(before.length).toBeGreaterThan(5);

    await page.getByRole('button', { name: 'Lay out', exact: true }).click();
    await blocksMoved(page, byId(before));
    await settledCanvas(page);
    const after = await blockBoxes(page);
    expect(after.map((b) => b.id).sort()).toEqual(before.map((b) => b.id).sort());
    expect(overlaps(after)).toEqual([]);
    const entry = after.find((b) => b.id === 'Log');
    expect(entry?.x).toBe(Math.min(...after.map((b) => b.x)));

    await page.getByRole('button', { name: 'Undo', exact: true }).click();
    await blocksMoved(page, byId(before), true);
    expect(byId(await blockBoxes(page))).toEqual(byId(before));

    const redo = page.getByRole('button', { name: 'Redo', exact: true });
    await redo.click();
    await blocksMoved(page, byId(after), true);
    expect(byId(await blockBoxes(page))).toEqual(byId(after));
    expect(await redo.isDisabled()).toBe(true);
    // The shortcuts do the same: Mod+Z takes the layout back, Mod+Shift+Z brings it again.
    await page.keyboard.press('Control+z');
    await blocksMoved(page, byId(before), true);
    expect(await redo.isEnabled()).toBe(true);
    await page.keyboard.press('Control+Shift+z');
    await blocksMoved(page, byId(after), true);
    expect(byId(await blockBoxes(page))).toEqual(byId(after));
    await page.context().close();
  });

  it('adds a note, writes in it, saves, and finds it with its text after a reload', async () => {
    const page = await openMenu();
    await page.getByRole('button', { name: 'Add note' }).click();
    const note = page.locator('[data-testid="note-node"]');
    await note.waitFor();
    await note.locator('.note-content').dblclick();
    const text = note.getByLabel('Note text');
    await text.fill('Check the menu wording with marketing');
    await text.press('Escape');
    await page.getByLabel('Version message').fill('A note');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.locator('.save-state', { hasText: 'Version 2' }).waitFor();

    const saved = JSON.parse(
      await (await designer.api('GET', `/api/instances/demo/flows/${menu}/content`)).text(),
    ) as { Metadata: { Annotations?: Record<string, unknown>[] } };
    expect(saved.Metadata.Annotations).toEqual([
      expect.objectContaining({
        type: 'default',
        content: 'Check the menu wording with marketing',
        actionId: '',
        isFolded: false,
      }),
    ]);

    await page.reload();
    await settledCanvas(page);
    await note.waitFor();
    expect(await note.locator('.note-content').textContent()).toBe('Check the menu wording with marketing');
    await page.context().close();
  });

  it('folds, moves, resizes and deletes a note, and Undo takes each back', async () => {
    const page = await openMenu();
    await page.keyboard.press('Shift+N');
    // The note just added is the selected one (the flow may have notes already).
    const added = page.locator('.react-flow__node-note.selected');
    await added.waitFor();
    const id = await added.getAttribute('data-id');
    const note = page.locator(`.react-flow__node-note[data-id="${id}"]`);
    const box = async () => {
      const el = await note.evaluate((n) => ({
        transform: (n as HTMLElement).style.transform,
        width: (n as HTMLElement).offsetWidth,
        height: (n as HTMLElement).offsetHeight,
      }));
      return el;
    };
    const start = await box();
    expect({ width: start.width, height: start.height }).toEqual({ width: 300, height: 295 });

    await note.getByRole('button', { name: 'Fold note' }).click();
    await note.getByRole('button', { name: 'Unfold note' }).waitFor();
    expect((await box()).height).toBeLessThan(60);
    await note.getByRole('button', { name: 'Unfold note' }).click();
    await note.locator('.note-content').waitFor();

    const header = await note.locator('.note-title').boundingBox();
    if (!header) throw new Error('the note should have a title bar');
    await page.mouse.move(header.x + 20, header.y + 10);
    await page.mouse.down();
    await page.mouse.move(header.x + 80, header.y + 60, { steps: 5 });
    await page.mouse.up();
    const moved = await box();
    expect(moved.transform).not.toBe(start.transform);

    const corner = await note.locator('.react-flow__resize-control.handle.bottom.right').boundingBox();
    if (!corner) throw new Error('the selected note should have resize handles');
    await page.mouse.move(corner.x + corner.width / 2, corner.y + corner.height / 2);
    await page.mouse.down();
    await page.mouse.move(corner.x + 60, corner.y - 80, { steps: 5 });
    await page.mouse.up();
    const resized = await box();
    expect(resized.width).toBeGreaterThan(start.width);
    expect(resized.height).toBeLessThan(start.height);

    await note.getByRole('button', { name: 'Delete note' }).click();
    await note.waitFor({ state: 'detached' });
    const undo = page.getByRole('button', { name: 'Undo', exact: true });
    await undo.click();
    await note.waitFor();
    expect(await box()).toEqual(resized);
    await undo.click();
    await page.waitForFunction(
      ({ id, w }) =>
        (document.querySelector(`.react-flow__node-note[data-id="${id}"]`) as HTMLElement | null)
          ?.offsetWidth === w,
      { id, w: start.width },
    );
    await undo.click();
    await page.waitForFunction(
      ({ id, t }) =>
        (document.querySelector(`.react-flow__node-note[data-id="${id}"]`) as HTMLElement | null)?.style
          .transform === t,
      { id, t: start.transform },
    );
    await page.context().close();
  });

  it('finds a block by its prompt text, selects it and centres it', async () => {
    const page = await openMenu();
    await page.keyboard.press('Control+f');
    const box = page.getByRole('searchbox', { name: 'Find blocks' });
    expect(await box.evaluate((el) => el === document.activeElement)).toBe(true);
    await box.fill('not an option');
    await page.locator('.find-count', { hasText: '1 block' }).waitFor();
    await box.press('Enter');
    const sorry = page.locator('.react-flow__node[data-id="Sorry"]');
    await page.locator('.find-count', { hasText: '1 of 1' }).waitFor();
    await sorry.and(page.locator('.selected.search-current')).waitFor();
    expect(await page.locator('.canvas-status').textContent()).toContain('1 selected');

    await box.press('Escape');
    await page.locator('.react-flow__node.search-match').waitFor({ state: 'detached' });
    expect(await page.locator('.find-count').count()).toBe(0);
    await page.context().close();
  });
});
