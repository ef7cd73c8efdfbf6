/// <reference lib="dom" />
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

/** Every Content-Security-Policy refusal the page reports, in the page or on its console. */
async function watchPolicy(page: Page): Promise<() => Promise<string[]>> {
  const console: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) console.push(m.text());
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __refused: string[] };
    w.__refused = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      w.__refused.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  return async () => [
    ...console,
    ...(await page.evaluate(() => (window as unknown as { __refused: string[] }).__refused)),
  ];
}

describe.skipIf(skip)('the designer under its Content-Security-Policy in Chromium', () => {
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

  it('is served the policy, and signs in, lays out a flow, exports it and plays a test call’s audio without a refusal', async () => {
    const page = await newPage(browser);
    const refused = await watchPolicy(page);
    const home = await page.goto(`${designer.url}/`);
    const policy = (await home?.allHeaders())?.['content-security-policy'] ?? '';
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("frame-ancestors 'none'");
    await signIn(page, designer);
    await openFlow(page, designer, await designer.flowId('Bank menu'));
    // Layout runs ELK in a worker loaded from the designer's assets.
    await page.getByRole('button', { name: 'Lay out', exact: true }).click();
    await settledCanvas(page);
    // Export hands the browser a blob: URL to save.
    await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export', exact: true }).click(),
    ]);
    // A test call fetches each prompt's audio and plays it from a blob: URL, and follows the call
    // over a WebSocket.
    await page.getByRole('tab', { name: 'Test call' }).click();
    const panel = page.getByRole('region', { name: 'Test call' });
    await panel.getByRole('button', { name: 'Call', exact: true }).click();
    await panel.getByRole('status').filter({ hasText: 'In call' }).waitFor();
    await panel.locator('audio').waitFor({ timeout: 30_000 });
    await panel.getByRole('button', { name: 'Hang up' }).click();
    await panel
      .getByRole('status')
      .filter({ hasText: /^Ended/ })
      .waitFor();
    expect(await refused()).toEqual([]);
    await page.context().close();
  });

  it('shows the API documentation at /docs under its own policy without a refusal', async () => {
    const page = await newPage(browser);
    const refused = await watchPolicy(page);
    await page.goto(`${designer.url}/docs`);
    await page.getByText('Parley API').first().waitFor();
    await page.locator('.opblock').first().waitFor();
    expect(await refused()).toEqual([]);
    await page.context().close();
  });
});
