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

interface Action {
  Identifier: string;
  Type: string;
  Parameters?: Record<string, unknown>;
  Transitions?: {
    NextAction?: string;
    Conditions?: { NextAction: string; Condition: { Operator: string; Operands: string[] } }[];
    Errors?: { NextAction: string; ErrorType: string }[];
  };
}
interface Doc {
  Actions: Action[];
  [key: string]: unknown;
}

const { skip } = browserTests();

/** The mark a block carries on the canvas (data-mark), or null. */
const markOf = (page: Page, id: string) =>
  page.locator(`[data-testid="block-node"][data-action-id="${id}"]`).getAttribute('data-mark');
/** The classes of the edge React Flow draws with this id. */
const edgeClass = (page: Page, id: string) =>
  page.locator(`.react-flow__edge[data-id="${id}"]`).getAttribute('class');

describe.skipIf(skip)('version history in Chromium', () => {
  let designer: Designer;
  let browser: Browser;
  let menu: string;
  const path = () => `/api/instances/demo/flows/${menu}`;

  /** Saves the next version of Bank menu: the latest document changed by `change`. */
  async function saveNext(message: string, change: (doc: Doc, action: (id: string) => Action) => void) {
    const content = await designer.api('GET', `${path()}/content`);
    const base = Number(content.headers.get('x-parley-version'));
    const doc = (await content.json()) as Doc;
    change(doc, (id) => {
      const found = doc.Actions.find((a) => a.Identifier === id);
      if (!found) throw new Error(`Bank menu should have ${id}`);
      return found;
    });
    const res = await designer.api('POST', `${path()}/versions`, {
      content: doc,
      message,
      baseVersion: base,
    });
    expect(res.status).toBe(201);
  }

  const versions = async () =>
    (
      (await (await designer.api('GET', `${path()}/versions`)).json()) as {
        versions: { version: number; hash: string; message: string }[];
      }
    ).versions;

  beforeAll(async () => {
    designer = await startDesigner();
    browser = await launchChromium();
    menu = await designer.flowId('Bank menu');
    // Version 1 is the demo's, published. Then one change per version:
    await saveNext('Warmer welcome', (_, action) => {
      action('Welcome').Parameters = { Text: 'Welcome to Parley Bank, we are glad you called.' };
    });
    await saveNext('Promote savings', (doc, action) => {
      const welcome = action('Welcome');
      welcome.Transitions = {
        NextAction: 'Promo',
        Errors: [{ NextAction: 'Promo', ErrorType: 'NoMatchingError' }],
      };
      doc.Actions.push({
        Identifier: 'Promo',
        Type: 'MessageParticipant',
        Parameters: { Text: 'Ask us about our new savings account.' },
        Transitions: { NextAction: 'Menu', Errors: [{ NextAction: 'Menu', ErrorType: 'NoMatchingError' }] },
      });
    });
    await saveNext('No more card services', (doc, action) => {
      doc.Actions = doc.Actions.filter((a) => a.Identifier !== 'Cards');
      const two = action('Menu').Transitions?.Conditions?.find((c) => c.Condition.Operands[0] === '2');
      if (two) two.NextAction = 'Sorry';
    });
    await saveNext('Balances go to an agent', (_, action) => {
      const one = action('Menu').Transitions?.Conditions?.find((c) => c.Condition.Operands[0] === '1');
      if (one) one.NextAction = 'Agent';
    });
  });

  afterAll(async () => {
    await browser?.close();
    await designer?.close();
  });

  async function openVersions(page: Page) {
    await page.getByRole('tab', { name: 'Versions' }).click();
    const list = page.getByRole('list', { name: 'Versions' });
    await list.waitFor();
    return list;
  }

  it('lists the versions newest first, with the published one and the one in the editor', async () => {
    const page = await newPage(browser);
    await signIn(page, designer);
    await openFlow(page, designer, menu);
    const list = await openVersions(page);
    const rows = list.locator(':scope > li');
    expect(await rows.evaluateAll((li) => li.map((l) => l.getAttribute('data-version')))).toEqual([
      '5',
      '4',
      '3',
      '2',
      '1',
    ]);
    expect(await list.locator('li[data-published]').getAttribute('data-version')).toBe('1');
    expect(await list.locator('li[data-current]').getAttribute('data-version')).toBe('5');
    expect(await list.locator('li[data-version="4"]').textContent()).toContain('No more card services');
    await page.context().close();
  });

  it('compares two versions: added, changed and removed blocks marked, the rewired branch coloured', async () => {
    const page = await newPage(browser);
    await signIn(page, designer);
    await openFlow(page, designer, menu);
    await openVersions(page);
    await page.getByLabel('Compare from').selectOption('1');
    await page.getByLabel('Compare with').selectOption('5');
    await page.getByRole('button', { name: 'Compare', exact: true }).click();
    await page.waitForURL(`${designer.url}/instances/demo/flows/${menu}/versions/5/compare/1`);
    await settledCanvas(page);

    expect(await page.getByRole('region', { name: 'Version banner' }).textContent()).toContain(
      'Version 5 of Bank menu · read-only · latest',
    );
    expect(await markOf(page, 'Promo')).toBe('added');
    expect(await markOf(page, 'Welcome')).toBe('changed');
    expect(await markOf(page, 'Cards')).toBe('removed');
    expect(await markOf(page, 'Goodbye')).toBe(null);
    expect(await edgeClass(page, 'Menu->condition:0')).toContain('edge-rewired');
    expect(await edgeClass(page, 'Menu->condition:0@before')).toContain('edge-removed');
    expect(await edgeClass(page, 'Cards->next')).toContain('edge-removed');
    // The ghost is not part of the flow: it cannot be selected.
    expect(
      await page.locator('.react-flow__node.ghost[data-id="Cards"]').getAttribute('class'),
    ).not.toContain('selectable');
    const changes = page.getByRole('region', { name: 'Changes' });
    expect(await changes.locator('li[data-kind]').evaluateAll((li) => li.map((l) => l.dataset.kind))).toEqual(
      ['added', 'removed', 'changed', 'rewired', 'rewired'],
    );

    await changes.getByRole('button', { name: 'Stop comparing' }).click();
    await page.waitForURL(`${designer.url}/instances/demo/flows/${menu}/versions/5`);
    await settledCanvas(page);
    expect(await page.locator('[data-testid="block-node"][data-mark]').count()).toBe(0);
    await page.context().close();
  });

  it('compares a version with the draft on the editor canvas, a ghost for the removed block', async () => {
    const page = await newPage(browser);
    await signIn(page, designer);
    await openFlow(page, designer, menu);
    await openVersions(page);
    await page.getByRole('button', { name: 'Compare version 3 with the draft' }).click();
    await page.locator('.canvas-overlay-label', { hasText: 'Changes from version 3 to the draft' }).waitFor();
    expect(await markOf(page, 'Cards')).toBe('removed');
    expect(await edgeClass(page, 'Menu->condition:1')).toContain('edge-rewired');
    expect(await edgeClass(page, 'Menu->condition:0')).toContain('edge-rewired');
    expect(await page.getByLabel('Legend').isVisible()).toBe(true);

    await page.getByRole('button', { name: 'Stop comparing' }).click();
    await page.locator('.canvas-overlay-label').waitFor({ state: 'detached' });
    expect(await page.locator('[data-action-id="Cards"]').count()).toBe(0);
    await page.context().close();
  });

  it('publishes an older version (a rollback) and the published marker moves', async () => {
    const page = await newPage(browser);
    await signIn(page, designer);
    await openFlow(page, designer, menu);
    const list = await openVersions(page);
    await page.getByRole('button', { name: 'Publish version 2' }).click();
    await page.getByRole('status').filter({ hasText: 'Published version 2' }).waitFor();
    await list.locator('li[data-version="2"][data-published]').waitFor();
    expect(await list.locator('li[data-published]').count()).toBe(1);
    await page.locator('.save-state', { hasText: 'published v2' }).waitFor();
    const flow = (await (await designer.api('GET', path())).json()) as { publishedVersion: number };
    expect(flow.publishedVersion).toBe(2);
    await page.context().close();
  });

  it('restores a version as a new version, which the editor then opens', async () => {
    const page = await newPage(browser);
    await signIn(page, designer);
    await openFlow(page, designer, menu);
    await openVersions(page);
    await page.getByRole('button', { name: 'Restore version 3' }).click();
    await page.locator('.save-state', { hasText: 'Version 6' }).waitFor();
    const list = await openVersions(page);
    const restored = list.locator('li[data-version="6"]');
    await restored.waitFor();
    expect(await restored.getAttribute('data-current')).toBe('true');
    expect(await restored.textContent()).toContain('Restore version 3');
    const saved = await versions();
    expect(saved[0]?.hash).toBe(saved.find((v) => v.version === 3)?.hash);
    // Version 3 had Cards and Promo: the editor shows them again.
    await page.locator('[data-testid="block-node"][data-action-id="Cards"]').waitFor();
    await page.context().close();
  });

  it('opens a version read-only and restores it from its banner', async () => {
    const page = await newPage(browser);
    await signIn(page, designer);
    await openFlow(page, designer, menu);
    await openVersions(page);
    await page.getByRole('button', { name: 'Open version 1' }).click();
    await page.waitForURL(`${designer.url}/instances/demo/flows/${menu}/versions/1`);
    await settledCanvas(page);
    expect(await page.locator('[data-action-id="Promo"]').count()).toBe(0);
    await page.getByRole('button', { name: 'Restore as new version' }).click();
    await page.waitForURL(`${designer.url}/instances/demo/flows/${menu}`);
    await page.locator('.save-state', { hasText: 'Version 7' }).waitFor();
    expect((await versions())[0]?.message).toBe('Restore version 1');
    await page.context().close();
  });

  it('shows the publish report when a version with errors is refused, the published one staying', async () => {
    await saveNext('Broken on purpose', (_, action) => {
      action('Welcome').Transitions = { NextAction: 'Nowhere' };
    });
    const [latest] = await versions();
    const page = await newPage(browser);
    await signIn(page, designer);
    await openFlow(page, designer, menu);
    const list = await openVersions(page);
    await page.getByRole('button', { name: `Publish version ${latest?.version}` }).click();
    const report = page.getByRole('region', { name: 'Versions problem' });
    await report.waitFor();
    expect(await report.getByRole('alert').textContent()).toMatch(/^Bank menu version \d+ has \d+ problem/);
    expect(await report.locator('.diagnostic-code').count()).toBeGreaterThan(0);
    expect(await list.locator('li[data-published]').getAttribute('data-version')).toBe('2');
    await page.context().close();
  });

  it('asks before leaving an unsaved draft, and restores only once told to', async () => {
    const page = await newPage(browser);
    await signIn(page, designer);
    await openFlow(page, designer, menu);
    await page.locator('[data-testid="block-node"][data-action-id="Agent"]').click();
    await page.keyboard.press('Delete');
    await page.locator('.save-state[data-dirty]').waitFor();
    await openVersions(page);
    const ask = page.getByRole('alertdialog', { name: 'Unsaved changes' });

    await page.getByRole('button', { name: 'Open version 1' }).click();
    await ask.waitFor();
    await ask.getByRole('button', { name: 'Cancel' }).click();
    await ask.waitFor({ state: 'detached' });
    expect(page.url()).toBe(`${designer.url}/instances/demo/flows/${menu}`);

    const before = (await versions()).length;
    await page.getByRole('button', { name: 'Restore version 2' }).click();
    await ask.getByRole('button', { name: 'Restore version 2 anyway' }).click();
    await page.locator('.save-state', { hasText: `Version ${before + 1}` }).waitFor();
    expect((await versions())[0]?.message).toBe('Restore version 2');
    expect(await page.locator('.save-state[data-dirty]').count()).toBe(0);
    await page.context().close();
  });
});
