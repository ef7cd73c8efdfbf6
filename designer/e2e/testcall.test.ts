import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  blocksOnCanvas,
  browserTests,
  type Designer,
  launchChromium,
  newPage,
  signIn,
  startDesigner,
} from './support.js';

const { skip } = browserTests();

/** The centre of an element, in page coordinates. */
async function centre(locator: Locator): Promise<{ x: number; y: number }> {
  const box = await locator.boundingBox();
  if (!box) throw new Error(`${locator} is not on screen`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Drags a palette entry onto the canvas at a fraction (x, y) of its size; answers the new block's Identifier. */
async function dropBlock(page: Page, label: string, at: { x: number; y: number }): Promise<string> {
  const before = new Set((await blocksOnCanvas(page)).map((b) => b.actionId));
  const entry = page
    .getByRole('navigation', { name: 'Blocks' })
    .getByRole('button', { name: label, exact: true });
  const canvas = page.locator('.canvas');
  const box = await canvas.boundingBox();
  if (!box) throw new Error('the canvas is not on screen');
  await entry.dragTo(canvas, { targetPosition: { x: box.width * at.x, y: box.height * at.y } });
  await page.waitForFunction(
    (n) => document.querySelectorAll('[data-testid="block-node"]').length === n,
    before.size + 1,
  );
  const added = (await blocksOnCanvas(page)).find((b) => !before.has(b.actionId));
  if (!added) throw new Error(`dropping ${label} added no block`);
  return added.actionId;
}

const node = (page: Page, id: string) => page.locator(`[data-testid="block-node"][data-action-id="${id}"]`);

/** Drags from a block's branch handle to another block's target handle, as a user wires an edge. */
async function connect(page: Page, from: string, branch: string, to: string): Promise<void> {
  const start = await centre(
    node(page, from).locator(`.react-flow__handle.source[data-handleid="${branch}"]`),
  );
  const end = await centre(node(page, to).locator('.react-flow__handle.target'));
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(end.x, end.y, { steps: 12 });
  await page.mouse.up();
  await page.locator(`.react-flow__edge[data-id="${from}->${branch}"]`).waitFor({ state: 'attached' });
}

describe.skipIf(skip)('test calls and replay in Chromium', () => {
  let designer: Designer;
  let browser: Browser;

  beforeAll(async () => {
    designer = await startDesigner();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await designer?.close();
  });

  it('builds a three-block IVR by dragging, publishes it, calls it pressing 1 to light its path, and replays the call', async () => {
    const page = await newPage(browser);
    await signIn(page, designer);
    await page.goto(`${designer.url}/instances/demo`);
    await page.getByText('New flow', { exact: true }).click();
    await page.getByLabel('Flow name').fill('Sales line');
    await page.getByLabel('Flow type').selectOption('CONTACT_FLOW');
    await page.getByRole('button', { name: 'Create' }).click();
    await page.locator('.canvas-status', { hasText: /^0 blocks/ }).waitFor();

    // Three blocks dragged from the palette, each set up in the inspector as it is dropped.
    const inspector = page.getByRole('region', { name: 'Inspector' });
    const menu = await dropBlock(page, 'Get customer input', { x: 0.15, y: 0.35 });
    await inspector.locator('[data-field="Text"] textarea').fill('Press 1 for sales.');
    const conditions = inspector.getByRole('region', { name: 'Conditions' });
    await conditions.getByRole('button', { name: 'Add condition' }).click();
    const value = conditions.getByLabel('Value of condition 1');
    await value.fill('1');
    await value.blur();
    await node(page, menu).getByText('Equals 1').waitFor();

    const sales = await dropBlock(page, 'Play prompt', { x: 0.45, y: 0.2 });
    await inspector.locator('[data-field="Text"] textarea').fill('Thanks for calling sales.');
    const bye = await dropBlock(page, 'Disconnect / hang up', { x: 0.78, y: 0.35 });

    // Wired by dragging: the menu's "1" to the message, the message on to the disconnect.
    await connect(page, menu, 'condition:0', sales);
    await connect(page, sales, 'next', bye);
    await node(page, menu).click();
    await page.getByRole('toolbar', { name: 'Edit' }).getByRole('button', { name: 'Set as entry' }).click();
    await node(page, menu).locator('.block-start').waitFor();
    await page.locator('.canvas-status', { hasText: /^3 blocks · 0 errors/ }).waitFor();

    await page.getByLabel('Version message').fill('Sales line, built in the browser');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.locator('.save-state', { hasText: 'Version 2' }).waitFor();
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await page.locator('.save-notice', { hasText: 'Published version 2' }).waitFor();

    // The test call: ring, hear the menu, press 1, hear the message, the flow hangs up.
    await page.getByRole('tab', { name: 'Test call' }).click();
    const panel = page.getByRole('region', { name: 'Test call' });
    await panel.getByRole('button', { name: 'Call', exact: true }).click();
    await panel.getByRole('status').filter({ hasText: 'In call' }).waitFor();
    await panel.getByRole('list', { name: 'Transcript' }).getByText('Press 1 for sales.').waitFor();
    await panel.getByRole('button', { name: 'Press 1' }).click();
    await panel
      .getByRole('status')
      .filter({ hasText: /^Ended \(disconnected by the flow\) after \d+:\d\d$/ })
      .waitFor({
        timeout: 30_000,
      });
    expect(await panel.getByRole('list', { name: 'Transcript' }).textContent()).toContain(
      'Thanks for calling sales.',
    );
    expect(await panel.locator('audio').count()).toBe(1);

    // The path: menu and message visited, the edges between them taken; the logs listed in order.
    const mark = (id: string) => node(page, id).getAttribute('data-mark');
    expect([await mark(menu), await mark(sales), await mark(bye)]).toEqual(['visited', 'visited', 'visited']);
    const taken = await page.$$eval('.react-flow__edge.edge-taken', (edges) =>
      edges.map((e) => e.getAttribute('data-id')),
    );
    expect(taken.sort()).toEqual([`${menu}->condition:0`, `${sales}->next`].sort());
    const logs = panel.getByRole('list', { name: 'Flow logs' }).locator('li');
    expect(await logs.evaluateAll((items) => items.map((li) => li.getAttribute('data-block')))).toEqual([
      menu,
      sales,
      bye,
    ]);
    await logs.first().getByRole('button').click();
    // A log entry selects its block.
    await page.locator(`.react-flow__node.selected [data-action-id="${menu}"]`).waitFor();

    // Replay that contact: step by step, the path grows on the canvas with the current block running.
    await page.getByRole('tab', { name: 'Replay' }).click();
    const replay = page.getByRole('region', { name: 'Replay' });
    const picker = replay.getByLabel('Contact');
    await picker.locator('option').nth(1).waitFor({ state: 'attached' });
    await picker.selectOption({ index: 1 });
    await replay.getByRole('status').filter({ hasText: 'Step 1 of 3' }).waitFor();
    await page.locator('.canvas-overlay-label', { hasText: 'Replay' }).waitFor();
    expect([await mark(menu), await mark(sales)]).toEqual(['running', null]);
    await replay.getByRole('button', { name: 'Next' }).click();
    await replay.getByRole('status').filter({ hasText: 'Step 2 of 3' }).waitFor();
    await node(page, sales).and(page.locator('[data-mark="running"]')).waitFor();
    expect(await mark(menu)).toBe('visited');
    expect(await page.locator(`.react-flow__edge.edge-taken[data-id="${menu}->condition:0"]`).count()).toBe(
      1,
    );
    expect(await replay.getByRole('definition').first().textContent()).toContain('Play prompt');
    await replay.getByRole('button', { name: 'Previous' }).click();
    await replay.getByRole('status').filter({ hasText: 'Step 1 of 3' }).waitFor();
    await node(page, menu).and(page.locator('[data-mark="running"]')).waitFor();
    await page.context().close();
  });
});
