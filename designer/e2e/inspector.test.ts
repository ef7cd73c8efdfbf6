import { loadFlow, validateDocument } from '@parley/flow';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  browserTests,
  type Designer,
  launchChromium,
  newPage,
  openFlow,
  signIn,
  startDesigner,
} from './support.js';

const { skip } = browserTests();

/**
 * Run in the page: how far, in screen px, a block's centre is from the React Flow pane's centre;
 * with `within`, whether it is nearer than that.
 */
function fromCentre({ id, within }: { id: string; within?: number }): number | boolean {
  const pane = document.querySelector('.react-flow')?.getBoundingClientRect();
  const node = document.querySelector(`.react-flow__node[data-id="${id}"]`)?.getBoundingClientRect();
  if (!pane || !node) return within === undefined ? Number.POSITIVE_INFINITY : false;
  const dx = node.left + node.width / 2 - (pane.left + pane.width / 2);
  const dy = node.top + node.height / 2 - (pane.top + pane.height / 2);
  const distance = Math.hypot(dx, dy);
  return within === undefined ? distance : distance < within;
}

describe.skipIf(skip)('the inspector in Chromium', () => {
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

  const savedText = async (id: string, version?: number) => {
    const res = await designer.api('GET', `/api/instances/demo/flows/${id}/content`);
    if (version !== undefined) expect(res.headers.get('x-parley-version')).toBe(String(version));
    const model = loadFlow(await res.text()).model;
    return model?.actions.find((a) => a.id === 'Welcome')?.parameters?.Text;
  };

  /** Opens Bank menu and selects its Welcome block; answers the inspector's Text box. */
  async function inspectWelcome(page: Page) {
    await signIn(page, designer);
    await openFlow(page, designer, menu);
    await page.locator('[data-testid="block-node"][data-action-id="Welcome"]').click();
    const inspector = page.getByRole('region', { name: 'Inspector' });
    await inspector.waitFor();
    return { inspector, text: inspector.locator('[data-field="Text"] textarea') };
  }

  it('edits the Welcome prompt of Bank menu, and the saved version has the new text', async () => {
    const page = await newPage(browser);
    const { inspector, text } = await inspectWelcome(page);
    expect(await inspector.getByText('Play prompt').first().isVisible()).toBe(true);
    expect(await text.inputValue()).toBe('Welcome to Parley Bank.');

    await text.fill('Welcome to Parley Bank, edited in the inspector.');
    await page.getByLabel('Version message').fill('Welcome text from the inspector');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.locator('.save-state', { hasText: 'Version 2' }).waitFor();
    expect(await savedText(menu, 2)).toBe('Welcome to Parley Bank, edited in the inspector.');
    await page.context().close();
  });

  it('makes everything typed during one focus one undo step', async () => {
    const page = await newPage(browser);
    const { text } = await inspectWelcome(page);
    const before = await text.inputValue();
    await text.click();
    await text.press('End');
    // Typed slowly enough that several pauses commit along the way.
    for (const word of [' Hello', ' again', ' caller.']) {
      await text.pressSequentially(word);
      await page.waitForTimeout(400);
    }
    await text.blur();
    expect(await text.inputValue()).toBe(`${before} Hello again caller.`);
    await page.getByRole('toolbar', { name: 'Edit' }).getByRole('button', { name: 'Undo' }).click();
    expect(await text.inputValue()).toBe(before);
    await page.context().close();
  });

  it("lists the instance's prompts in the prompt picker, by name", async () => {
    const page = await newPage(browser);
    const { inspector } = await inspectWelcome(page);
    const picker = inspector.locator('[data-field="PromptId"] select');
    await picker.locator('option', { hasText: 'Beep.wav' }).waitFor({ state: 'attached' });
    const names = await picker.locator('option').allTextContents();
    expect(names).toEqual(['(no prompt)', 'Beep.wav', 'Welcome']);
    // Picking one saves its ARN and clears the text it replaces (a prompt plays one source).
    await picker.selectOption({ label: 'Welcome' });
    await expect(inspector.locator('[data-field="Text"] textarea').inputValue()).resolves.toBe('');
    await page.context().close();
  });

  it('saves what was just typed when the save shortcut is pressed in the field', async () => {
    const page = await newPage(browser);
    const { text } = await inspectWelcome(page);
    await text.fill('Saved straight from the keyboard.');
    await text.press('Control+s');
    await page.locator('.save-notice', { hasText: /^Saved version/ }).waitFor();
    expect(await savedText(menu)).toBe('Saved straight from the keyboard.');
    await page.context().close();
  });

  it('shows a problem’s code on its block, and a click on the problem selects the block and centres it', async () => {
    // Bank menu with a Welcome that plays nothing, as a flow of its own.
    const doc = JSON.parse(
      await (await designer.api('GET', `/api/instances/demo/flows/${menu}/content`)).text(),
    ) as { Actions: { Identifier: string; Parameters?: object }[] };
    const welcome = doc.Actions.find((a) => a.Identifier === 'Welcome');
    if (!welcome) throw new Error('Bank menu should have a Welcome block');
    welcome.Parameters = {};
    const { diagnostics } = validateDocument(doc, { flowType: 'CONTACT_FLOW' });
    const code = diagnostics.find((d) => d.actionId === 'Welcome' && d.severity === 'error')?.code;
    if (!code) throw new Error('a Welcome block without a prompt should be an error');
    // The list's first button with that code is Welcome's.
    expect(diagnostics.filter((d) => d.code === code).map((d) => d.actionId)).toEqual(['Welcome']);
    const res = await designer.api('POST', '/api/instances/demo/flows', {
      name: 'Silent welcome',
      type: 'CONTACT_FLOW',
      content: JSON.stringify(doc),
      message: 'Welcome plays nothing',
    });
    expect(res.status).toBe(201);
    const id = ((await res.json()) as { flow: { id: string } }).flow.id;

    const page = await newPage(browser);
    await signIn(page, designer);
    await openFlow(page, designer, id);
    const block = page.locator('.react-flow__node[data-id="Welcome"]');
    const codes = block.locator('.block-codes');
    expect(await codes.isVisible()).toBe(true);
    expect((await codes.textContent())?.split(' · ')).toContain(code);
    expect(await block.getAttribute('class')).not.toContain('selected');
    // Opened to fit the whole flow, Welcome (second of nine) is away from the middle.
    expect(await page.evaluate(fromCentre, { id: 'Welcome' })).toBeGreaterThan(50);

    await page.locator('.problems').getByRole('button', { name: code }).first().click();
    await page.locator('.react-flow__node.selected[data-id="Welcome"]').waitFor();
    expect(await page.locator('.canvas-status').textContent()).toContain('1 selected');
    // The view glides there: wait for the frame it arrives.
    await page.waitForFunction(fromCentre, { id: 'Welcome', within: 2 }, { polling: 'raf', timeout: 10_000 });
    await page.context().close();
  });

  it("adds, edits and removes a menu's conditions, each a branch handle on the node", async () => {
    const page = await newPage(browser);
    await signIn(page, designer);
    await openFlow(page, designer, menu);
    const node = page.locator('[data-testid="block-node"][data-action-id="Menu"]');
    await node.click();
    const conditions = page
      .getByRole('region', { name: 'Inspector' })
      .getByRole('region', { name: 'Conditions' });
    const before = await conditions.locator('li.condition').count();
    await conditions.getByRole('button', { name: 'Add condition' }).click();
    const handle = node.locator(`[data-handleid="condition:${before}"]`);
    await handle.waitFor({ state: 'attached' });
    const value = conditions.getByLabel(`Value of condition ${before + 1}`);
    expect(await value.inputValue()).toMatch(/^[0-9*#]$/);
    await value.fill('9');
    await value.blur();
    await node.getByText('Equals 9').waitFor();
    await conditions.getByRole('button', { name: `Remove condition ${before + 1}` }).click();
    await handle.waitFor({ state: 'detached' });
    expect(await conditions.locator('li.condition').count()).toBe(before);
    await page.context().close();
  });
});
