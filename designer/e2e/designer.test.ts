import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadFlow, normalize } from '@parley/flow';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateFlow } from '../../packages/flow/bench/generate.js';
import { BIG_FLOW } from '../src/editor/opening.js';
import { blockLayout } from '../src/nodes/layout.js';
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

/** Each block's size and handle centres as drawn, in flow px from its corner (as React Flow measures). */
function drawnLayouts(page: Page) {
  return page.$$eval('.react-flow__node', (nodes) => {
    const viewport = document.querySelector<HTMLElement>('.react-flow__viewport');
    const zoom = Number(/scale\(([\d.]+)\)/.exec(viewport?.style.transform ?? '')?.[1] ?? 1);
    return nodes.map((n) => {
      const box = n.getBoundingClientRect();
      const inner = n.querySelector('.block-node')?.getBoundingClientRect();
      const centre = (h: Element) => {
        const r = h.getBoundingClientRect();
        return { x: (r.left + r.width / 2 - box.left) / zoom, y: (r.top + r.height / 2 - box.top) / zoom };
      };
      return {
        id: n.getAttribute('data-id') ?? '',
        size: { width: box.width / zoom, height: box.height / zoom },
        inner: { width: (inner?.width ?? 0) / zoom, height: (inner?.height ?? 0) / zoom },
        handles: [...n.querySelectorAll('.react-flow__handle')]
          .filter((h) => h.getBoundingClientRect().width > 0)
          .map((h) => ({ id: h.getAttribute('data-handleid'), ...centre(h) })),
      };
    });
  });
}

/** Every block drawn at the size and with the handles blockLayout told React Flow, to 0.5 px. */
async function expectLayoutsAsTold(page: Page, content: string) {
  const loaded = loadFlow(content);
  if (!loaded.model) throw new Error('the flow should load');
  const blocks = new Map(toGraph(loaded.model).nodes.map((n) => [n.id, n.data]));
  const drawn = await drawnLayouts(page);
  expect(drawn.length).toBeGreaterThan(0);
  const near = (a: number) => expect.closeTo(a, 0);
  for (const d of drawn) {
    const data = blocks.get(d.id);
    if (!data) throw new Error(`no block ${d.id}`);
    const layout = blockLayout(data);
    const size = { width: near(layout.width), height: near(layout.height) };
    expect({ id: d.id, size: d.size, inner: d.inner }).toEqual({ id: d.id, size, inner: size });
    // Handles of hidden branches are not drawn.
    const shown = new Set([null, ...data.branches.filter((b) => !b.hidden).map((b) => b.id)]);
    const handles = layout.handles
      .filter((h) => shown.has(h.id ?? null))
      .map((h) => ({ id: h.id, x: near(h.x + (h.width ?? 0) / 2), y: near(h.y + (h.height ?? 0) / 2) }));
    expect(d.handles).toEqual(handles);
  }
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
    await expectLayoutsAsTold(page, await content(id));
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

  it('opens a big flow on its entry block at zoom 1, hides its edges while the pane is dragged, and fits it whole on demand', async () => {
    const size = BIG_FLOW + 100;
    const res = await designer.api('POST', '/api/instances/demo/flows', {
      name: `Generated ${size}`,
      type: 'CONTACT_FLOW',
      content: JSON.stringify(generateFlow(size)),
      message: 'big',
    });
    expect(res.status).toBe(201);
    const id = ((await res.json()) as { flow: { id: string } }).flow.id;
    const page = await newPage(browser);
    await signIn(page, designer);
    const opened = await openFlow(page, designer, id);
    expect(opened.blocks).toBe(size);
    // React Flow is told every size, so it renders only the blocks in view, never all to measure them.
    expect(opened.peak).toBeLessThan(size / 4);
    const transform = () => page.$eval('.react-flow__viewport', (v) => (v as HTMLElement).style.transform);
    expect(await transform()).toMatch(/scale\(1\)$/);
    expect(await page.$('[data-testid="block-node"][data-start]')).not.toBeNull();
    await expectLayoutsAsTold(page, await content(id));

    const edges = () => page.$eval('.react-flow__edges', (e) => getComputedStyle(e).display);
    expect(await edges()).not.toBe('none');
    const pane = await page.$eval('.react-flow__pane', (p) => {
      const r = p.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    });
    await page.mouse.move(pane.x, pane.y);
    await page.mouse.down({ button: 'middle' });
    await page.mouse.move(pane.x + 40, pane.y + 30, { steps: 4 });
    expect(await edges()).toBe('none');
    await page.mouse.up({ button: 'middle' });
    expect(await edges()).not.toBe('none');

    // The minimap moves the view where it is clicked.
    const before = await transform();
    await page.click('.block-minimap', { position: { x: 150, y: 110 } });
    expect(await transform()).not.toBe(before);

    await page.click('.react-flow__controls-fitview');
    const fitted = await settledCanvas(page);
    expect(fitted.rendered).toBe(size);
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
      await expectLayoutsAsTold(page, await content(id));
      await page.context().close();

      const exported = await designer.api('GET', `/api/instances/demo/flows/${id}/export`);
      expect(exported.status).toBe(200);
      expect(normalize(await exported.json())).toEqual(normalize(JSON.parse(text)));
    },
  );
});
