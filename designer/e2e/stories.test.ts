import { CATALOG, loadFlow } from '@parley/flow';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockSample, type SampleFlow } from '../src/nodes/block-sample.js';
import { blockStoryEntries } from '../src/nodes/block-stories.js';
import { allFlows } from '../src/system/test-flows.js';
import { ensureStorybook, STORYBOOK_STATIC, type StaticServer, serveStatic } from './storybook.js';
import { browserTests, launchChromium } from './support.js';

interface IndexEntry {
  id: string;
  title: string;
  name: string;
  type: 'story' | 'docs';
  tags?: string[];
}

/** What the preview said after it was asked for a story, and what #storybook-root then held. */
interface Outcome {
  event: string;
  detail?: unknown;
  /** Elements in #storybook-root once rendered. */
  children: number;
  /** The block node, once React Flow measured and showed it (asked for block stories only). */
  block?: { actionId: string | null; type: string | null } | null;
}

const chromium = browserTests();

/** The fixtures as the stories read them (stories/flows.ts), here from disk. */
const fixtureFlows = (): SampleFlow[] =>
  allFlows()
    .filter((f) => f.name.startsWith('fixtures/'))
    .map((f) => ({
      name: f.name.slice('fixtures/'.length),
      model: f.model,
      flowType: loadFlow(f.text).flowType,
    }));

describe.skipIf(chromium.skip)('Storybook', () => {
  let server: StaticServer;
  let browser: Browser;
  let page: Page;
  let stories: IndexEntry[];
  /** Uncaught errors and console errors since the story being checked was asked for. */
  const errors: string[] = [];

  beforeAll(async () => {
    const build = await ensureStorybook((line) => console.log(line));
    if (build.ms !== undefined) console.log(`Storybook built in ${build.ms} ms (${build.reason})`);
    server = await serveStatic(STORYBOOK_STATIC);
    const index = (await (await fetch(`${server.url}/index.json`)).json()) as {
      entries: Record<string, IndexEntry>;
    };
    stories = Object.values(index.entries).filter((e) => e.type === 'story');
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    page = await context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      // Chromium asks for /favicon.ico by itself; Storybook's preview has none.
      if (m.type() === 'error' && !m.location().url.endsWith('/favicon.ico')) errors.push(m.text());
    });
    // The preview with no story; each is then selected as Storybook's manager does, on the
    // preview's channel: a navigation per story would load the whole bundle again each time.
    await page.goto(`${server.url}/iframe.html`);
    await page.waitForFunction(() => '__STORYBOOK_ADDONS_CHANNEL__' in window);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('has one story per catalog block, titled by its palette group', () => {
    const blocks = stories.filter((s) => s.tags?.includes('block'));
    expect(blocks.map((s) => s.name).sort()).toEqual([...CATALOG.keys()].sort());
    expect(blocks).toHaveLength(CATALOG.size);
    for (const b of blocks)
      expect(b.title).toBe(`Blocks/${CATALOG.get(b.name)?.ui.group.replace(/\s*\/\s*/g, ' & ')}/${b.name}`);
  });

  it('renders every story without an error, each showing something and each block story its block', async () => {
    const entries = new Map(blockStoryEntries().map((e) => [e.id, e]));
    const flows = fixtureFlows();
    const failures: string[] = [];
    const started = Date.now();
    const times: [string, number][] = [];
    for (const story of stories) {
      errors.length = 0;
      const asked = Date.now();
      const block = entries.get(story.id);
      const outcome = await show(page, story.id, block !== undefined);
      if (outcome.event !== 'storyRendered')
        failures.push(`${story.id}: ${outcome.event} ${JSON.stringify(outcome.detail ?? '').slice(0, 500)}`);
      else if (outcome.children === 0) failures.push(`${story.id}: #storybook-root is empty`);
      else if (block) {
        const sample = blockSample(block.type, flows);
        if (outcome.block?.actionId !== sample.actionId || outcome.block.type !== block.type)
          failures.push(
            `${story.id}: expected ${block.type} ${sample.actionId}, shown ${JSON.stringify(outcome.block)}`,
          );
      }
      for (const e of errors) failures.push(`${story.id}: ${e.slice(0, 600)}`);
      times.push([story.id, Date.now() - asked]);
    }
    const slowest = times.sort((a, b) => b[1] - a[1]).slice(0, 5);
    console.log(
      `rendered ${stories.length} stories in ${Date.now() - started} ms; slowest: ${slowest.map(([id, ms]) => `${id} ${ms} ms`).join(', ')}`,
    );
    expect(failures).toEqual([]);
    expect(stories.length).toBeGreaterThan(CATALOG.size);
  }, 300_000);
});

/**
 * Asks the preview for a story and waits for it to say it rendered it, or why not; for a block
 * story, also for React Flow to show the node (it hides a node until measured). One round trip.
 */
function show(page: Page, storyId: string, block: boolean): Promise<Outcome> {
  return page.evaluate(
    ([id, withBlock]) =>
      new Promise<Outcome>((done) => {
        type Channel = {
          on(event: string, f: (detail: unknown) => void): void;
          off(event: string, f: (detail: unknown) => void): void;
          emit(event: string, payload: unknown): void;
        };
        const channel = (window as unknown as { __STORYBOOK_ADDONS_CHANNEL__: Channel })
          .__STORYBOOK_ADDONS_CHANNEL__;
        const root = () => document.querySelector('#storybook-root');
        const shownBlock = () => {
          const node = root()?.querySelector('[data-testid="block-node"]');
          const wrapper = node?.closest<HTMLElement>('.react-flow__node');
          if (!node || !wrapper || wrapper.style.visibility === 'hidden') return undefined;
          return {
            actionId: node.getAttribute('data-action-id'),
            type: node.querySelector('.block-type')?.textContent ?? null,
          };
        };
        const events = [
          'storyRendered',
          'storyErrored',
          'storyThrewException',
          'storyMissing',
          'playFunctionThrewException',
        ];
        const finish = (event: string, detail?: unknown) => {
          const children = root()?.childElementCount ?? 0;
          if (event !== 'storyRendered' || !withBlock) return done({ event, detail, children });
          // A block is shown within a few frames of the render; 300 frames is 5 s at 60 fps.
          let frames = 0;
          const look = () => {
            const shown = shownBlock();
            if (shown || ++frames > 300) done({ event, children, block: shown ?? null });
            else requestAnimationFrame(look);
          };
          look();
        };
        const stop = (event: string, detail?: unknown) => {
          clearTimeout(timer);
          events.forEach((e, i) => {
            const h = handlers[i];
            if (h) channel.off(e, h);
          });
          finish(event, detail);
        };
        const handlers = events.map((event) => {
          const h = (detail: unknown) => stop(event, detail);
          channel.on(event, h);
          return h;
        });
        const timer = setTimeout(() => stop('no answer from the preview in 30 s'), 30_000);
        channel.emit('setCurrentStory', { storyId: id, viewMode: 'story' });
      }),
    [storyId, block] as const,
  );
}
