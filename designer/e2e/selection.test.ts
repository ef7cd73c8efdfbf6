import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  blocksOnCanvas,
  browserTests,
  type Designer,
  launchChromium,
  newPage,
  openFlow,
  signIn,
  startDesigner,
} from './support.js';

const { skip } = browserTests();

interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Every node's box on screen (blocks and notes), by id. */
function screenBoxes(page: Page): Promise<Record<string, Rect>> {
  return page.$$eval('.react-flow__node', (nodes) =>
    Object.fromEntries(
      nodes.map((n) => {
        const r = n.getBoundingClientRect();
        return [
          n.getAttribute('data-id') ?? '',
          { left: r.left, top: r.top, right: r.right, bottom: r.bottom },
        ];
      }),
    ),
  );
}

const selectedIds = (page: Page) =>
  page.$$eval('.react-flow__node.selected', (nodes) => nodes.map((n) => n.getAttribute('data-id')).sort());

const blockCount = (page: Page) => page.locator('[data-testid="block-node"]').count();

describe.skipIf(skip)('selecting, copying and pasting blocks in Chromium', () => {
  let designer: Designer;
  let browser: Browser;
  let flow: string;

  beforeAll(async () => {
    designer = await startDesigner();
    browser = await launchChromium();
    // A copy of Bank menu of its own: nine blocks on a grid, Welcome and Menu side by side.
    const menu = await designer.flowId('Bank menu');
    const content = await (await designer.api('GET', `/api/instances/demo/flows/${menu}/content`)).text();
    const res = await designer.api('POST', '/api/instances/demo/flows', {
      name: 'Selection copy',
      type: 'CONTACT_FLOW',
      content,
      message: 'copy',
    });
    expect(res.status).toBe(201);
    flow = ((await res.json()) as { flow: { id: string } }).flow.id;
  });

  afterAll(async () => {
    await browser?.close();
    await designer?.close();
  });

  it('box-selects two blocks with Shift and a drag, adds a third with Control+click, deletes the three, and Undo and Redo take it back and forth', async () => {
    const page = await newPage(browser);
    await signIn(page, designer);
    await openFlow(page, designer, flow);
    const boxes = await screenBoxes(page);
    const all = await blockCount(page);
    const [welcome, menu] = [boxes.Welcome, boxes.Menu];
    if (!welcome || !menu) throw new Error('the copy should show Welcome and Menu');
    const margin = 10;
    const rect: Rect = {
      left: Math.min(welcome.left, menu.left) - margin,
      top: Math.min(welcome.top, menu.top) - margin,
      right: Math.max(welcome.right, menu.right) + margin,
      bottom: Math.max(welcome.bottom, menu.bottom) + margin,
    };
    // React Flow selects the nodes wholly inside the box.
    const inside = Object.entries(boxes)
      .filter(
        ([, b]) =>
          b.left >= rect.left && b.right <= rect.right && b.top >= rect.top && b.bottom <= rect.bottom,
      )
      .map(([id]) => id)
      .sort();
    expect(inside).toEqual(['Menu', 'Welcome']);

    // The drag starts on the empty pane: the first corner of the box with nothing drawn over it.
    const corners = [
      [rect.left, rect.top, rect.right, rect.bottom],
      [rect.right, rect.top, rect.left, rect.bottom],
      [rect.right, rect.bottom, rect.left, rect.top],
      [rect.left, rect.bottom, rect.right, rect.top],
    ] as const;
    const onPane = await page.evaluate(
      (points) =>
        points.map(
          ([x, y]) => document.elementFromPoint(x, y)?.classList.contains('react-flow__pane') ?? false,
        ),
      corners.map((c) => [c[0], c[1]] as const),
    );
    const drag = corners[onPane.indexOf(true)];
    if (!drag) throw new Error('every corner of the box is covered by something');
    await page.keyboard.down('Shift');
    await page.mouse.move(drag[0], drag[1]);
    await page.mouse.down();
    await page.mouse.move(drag[2], drag[3], { steps: 10 });
    await page.mouse.up();
    await page.keyboard.up('Shift');
    expect(await selectedIds(page)).toEqual(['Menu', 'Welcome']);
    await page.locator('.canvas-status', { hasText: '2 selected' }).waitFor();

    await page.locator('.react-flow__node[data-id="Disconnect"]').click({ modifiers: ['Control'] });
    await page.locator('.canvas-status', { hasText: '3 selected' }).waitFor();
    expect(await selectedIds(page)).toEqual(['Disconnect', 'Menu', 'Welcome']);

    await page.keyboard.press('Delete');
    await page.locator('.react-flow__node[data-id="Menu"]').waitFor({ state: 'detached' });
    expect(await blockCount(page)).toBe(all - 3);
    for (const id of ['Welcome', 'Disconnect'])
      expect(await page.locator(`.react-flow__node[data-id="${id}"]`).count()).toBe(0);
    expect(await page.locator('.canvas-status').textContent()).toMatch(new RegExp(`^${all - 3} blocks`));

    await page.keyboard.press('Control+z');
    await page.locator('.react-flow__node[data-id="Menu"]').waitFor();
    expect(await blockCount(page)).toBe(all);
    expect(Object.keys(await screenBoxes(page)).sort()).toEqual(Object.keys(boxes).sort());

    await page.keyboard.press('Control+y');
    await page.locator('.react-flow__node[data-id="Menu"]').waitFor({ state: 'detached' });
    expect(await blockCount(page)).toBe(all - 3);
    await page.context().close();
  });

  it('copies a block as flow JSON through the system clipboard and pastes it into another flow under a new Identifier', async () => {
    const page = await newPage(browser);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: designer.url });
    await signIn(page, designer);
    await openFlow(page, designer, flow);
    await page.locator('.react-flow__node[data-id="Welcome"]').click();
    await page.locator('.canvas-status', { hasText: '1 selected' }).waitFor();
    await page.keyboard.press('Control+c');
    await expect
      .poll(async () => JSON.parse((await page.evaluate(() => navigator.clipboard.readText())) || '{}'))
      .toMatchObject({ Version: '2019-10-30', Actions: [{ Identifier: 'Welcome' }] });
    const copied = (await blocksOnCanvas(page)).find((b) => b.actionId === 'Welcome');

    // Bank menu has a Welcome of its own: the pasted block gets another Identifier.
    await openFlow(page, designer, await designer.flowId('Bank menu'));
    await page.keyboard.press('Shift+1');
    const before = await blocksOnCanvas(page);
    await page.locator('.canvas-status', { hasText: `${before.length} blocks` }).waitFor();
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+v');
    await page.locator('.canvas-status', { hasText: `${before.length + 1} blocks` }).waitFor();
    // Pasted beside the view, maybe: fit it so every block is in the page.
    await page.keyboard.press('Shift+1');
    await expect.poll(() => blockCount(page)).toBe(before.length + 1);
    const known = new Set(before.map((b) => b.actionId));
    const pasted = (await blocksOnCanvas(page)).filter((b) => !known.has(b.actionId));
    expect(pasted).toHaveLength(1);
    expect(pasted[0]?.actionId).not.toBe('Welcome');
    expect(pasted[0]?.blockType).toBe(copied?.blockType);
    await page.context().close();
  });
});
