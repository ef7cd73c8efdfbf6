import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadFlow, normalize } from '@parley/flow';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGraph } from '../src/system/index.js';
import {
  blocksOnCanvas,
  browserTests,
  type Designer,
  edgesOnCanvas,
  launchChromium,
  newPage,
  openFlow,
  settledCanvas,
  signIn,
  startDesigner,
  TOKEN_KEY,
} from './support.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const corpusDir = join(process.env.PARLEY_CORPUS ?? resolve(repoRoot, '../shared/corpus'), 'modern');
/** A real export of 94 actions whose 12 references name another account's resources. */
const CORPUS_FLOW = join(
  corpusDir,
  'aws-samples__amazon-connect-rules-engine__connect__contactflows__RulesEngineQueue.json',
);

/** What the canvas should show for a flow document: toGraph's nodes, visible branches and edges. */
function expectedCanvas(content: string) {
  const loaded = loadFlow(content);
  if (!loaded.model) throw new Error('the flow should load');
  const graph = toGraph(loaded.model, { diagnostics: loaded.diagnostics });
  return {
    blocks: graph.nodes
      .map((n) => ({
        actionId: n.id,
        blockType: n.data.blockType,
        label: n.data.label,
        branches: n.data.branches.filter((b) => !b.hidden).map((b) => ({ label: b.label, handle: b.id })),
      }))
      .sort((a, b) => a.actionId.localeCompare(b.actionId)),
    edges: graph.edges
      .filter((e) => !e.hidden)
      .map((e) => e.id)
      .sort(),
  };
}

async function canvasOf(page: Page) {
  const blocks = await blocksOnCanvas(page);
  return {
    blocks: blocks.sort((a, b) => a.actionId.localeCompare(b.actionId)),
    edges: (await edgesOnCanvas(page)).sort(),
  };
}

const { skip } = browserTests();

describe.skipIf(skip)('the designer in Chromium', () => {
  let designer: Designer;
  let browser: Browser;
  let flows: { id: string; name: string; type: string }[];

  beforeAll(async () => {
    designer = await startDesigner();
    browser = await launchChromium();
    flows = (
      (await (await designer.api('GET', '/api/instances/demo/flows')).json()) as { flows: typeof flows }
    ).flows;
  });

  afterAll(async () => {
    await browser?.close();
    await designer?.close();
  });

  const flowId = (name: string) => {
    const flow = flows.find((f) => f.name === name);
    if (!flow) throw new Error(`the demo instance should have a flow named ${name}`);
    return flow.id;
  };
  const content = async (id: string) =>
    (await designer.api('GET', `/api/instances/demo/flows/${id}/content`)).text();

  it('loads at / and asks for an API token', async () => {
    const page = await newPage(browser);
    await page.goto(`${designer.url}/`);
    await expect(page.getByRole('heading', { name: 'Parley designer' }).isVisible()).resolves.toBe(true);
    await expect(page.getByLabel('API token').isVisible()).resolves.toBe(true);
    await page.context().close();
  });

  it('signs in with the admin token, keeps it in localStorage and lists the demo flows by type', async () => {
    const page = await newPage(browser);
    await signIn(page, designer);
    // One instance: the designer picks it.
    await page.waitForURL(`${designer.url}/instances/demo`);
    await page.getByRole('navigation', { name: 'Flows' }).waitFor();
    expect(await page.evaluate((key) => localStorage.getItem(key), TOKEN_KEY)).toBe(designer.token);
    const listed = await page.$$eval('nav.flow-list > section', (sections) =>
      sections.map((s) => ({
        type: s.querySelector('h2')?.textContent,
        flows: [...s.querySelectorAll('button')].map((b) => b.firstChild?.textContent),
      })),
    );
    expect(listed).toEqual([
      { type: 'CONTACT_FLOW', flows: ['Bank menu'] },
      { type: 'QUEUE_TRANSFER', flows: ['Billing transfer'] },
    ]);
    await page.context().close();
  });

  it('opens Bank menu from the list: one node per action, its labelled branch handles and the edges', async () => {
    const page = await newPage(browser);
    await signIn(page, designer);
    await page.getByRole('button', { name: /^Bank menu/ }).click();
    const canvas = await settledCanvas(page);
    const id = flowId('Bank menu');
    expect(page.url()).toBe(`${designer.url}/instances/demo/flows/${id}`);
    const expected = expectedCanvas(await content(id));
    expect(canvas).toMatchObject({ blocks: expected.blocks.length, rendered: expected.blocks.length });
    expect(await canvasOf(page)).toEqual(expected);
    // Not vacuous: the menu's digits are labelled handles, each with its edge.
    const menu = expected.blocks.find((b) => b.blockType === 'GetParticipantInput');
    // Three digits, a timeout, the default and the error branch.
    expect(menu?.branches).toHaveLength(6);
    expect(menu?.branches.every((b) => b.label.trim() !== '')).toBe(true);
    expect(expected.edges).toEqual(
      expect.arrayContaining(menu?.branches.map((b) => `${menu.actionId}->${b.handle}`) ?? ['']),
    );
    expect(expected.edges.length).toBeGreaterThanOrEqual(expected.blocks.length - 1);
    expect(await page.getByRole('button', { name: /^Bank menu/ }).getAttribute('aria-current')).toBe('page');
    await page.context().close();
  });

  it('opens the same flow from a deep link, and again after a reload', async () => {
    const page = await newPage(browser);
    await signIn(page, designer);
    const id = flowId('Bank menu');
    await openFlow(page, designer, id);
    const expected = expectedCanvas(await content(id));
    expect(await canvasOf(page)).toEqual(expected);
    await page.reload();
    await settledCanvas(page);
    expect(page.url()).toBe(`${designer.url}/instances/demo/flows/${id}`);
    expect(await canvasOf(page)).toEqual(expected);
    await page.context().close();
  });

  it.skipIf(!existsSync(CORPUS_FLOW))(
    'imports a real Connect export through the API, shows every block, and exports it unchanged',
    async () => {
      const text = readFileSync(CORPUS_FLOW, 'utf8');
      const imported = JSON.parse(text) as { Actions: { Identifier: string }[] };
      expect(imported.Actions.length).toBeGreaterThanOrEqual(20);
      const res = await designer.api('POST', '/api/instances/demo/import', {
        content: text,
        name: 'Rules engine queue',
      });
      expect(res.status).toBe(201);
      const id = ((await res.json()) as { saved: { flow: { id: string } } }).saved.flow.id;

      const page = await newPage(browser);
      await signIn(page, designer);
      const canvas = await openFlow(page, designer, id);
      expect(canvas).toMatchObject({ blocks: imported.Actions.length, rendered: imported.Actions.length });
      const shown = await canvasOf(page);
      expect(shown.blocks.map((b) => b.actionId)).toEqual(imported.Actions.map((a) => a.Identifier).sort());
      expect(shown).toEqual(expectedCanvas(await content(id)));
      await page.context().close();

      const exported = await designer.api('GET', `/api/instances/demo/flows/${id}/export`);
      expect(exported.status).toBe(200);
      expect(normalize(await exported.json())).toEqual(normalize(JSON.parse(text)));
    },
  );
});
