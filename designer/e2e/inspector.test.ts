import { loadFlow } from '@parley/flow';
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
