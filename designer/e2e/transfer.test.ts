import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type JsonObject, normalize } from '@parley/flow';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  blocksOnCanvas,
  browserTests,
  type Designer,
  launchChromium,
  newPage,
  settledCanvas,
  signIn,
  startDesigner,
} from './support.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const corpusDir = join(process.env.PARLEY_CORPUS ?? resolve(repoRoot, '../shared/corpus'), 'modern');
/** A real export of 12 actions whose one queue (BasicQueue) is another account's. */
const CORPUS_FLOW = join(
  corpusDir,
  'aws-samples__amazon-connect-data-analytics-sample__contact-flows__SimpleInboundFlow.json',
);

type Action = { Identifier: string; Parameters?: Record<string, unknown> };

/** The source with one action's QueueId sent to `queue`, its Metadata naming the queue as Connect does. */
function withQueue(source: JsonObject, actionId: string, queue: { arn: string; name: string }): JsonObject {
  const doc = structuredClone(source) as JsonObject & {
    Actions: Action[];
    Metadata: { ActionMetadata: Record<string, Record<string, unknown>> };
  };
  const action = doc.Actions.find((a) => a.Identifier === actionId);
  if (!action?.Parameters) throw new Error(`no action ${actionId} with parameters`);
  action.Parameters.QueueId = queue.arn;
  const meta = doc.Metadata.ActionMetadata[actionId] ?? {};
  meta.parameters = { QueueId: { displayName: queue.name } };
  meta.queue = { text: queue.name };
  return doc;
}

const { skip } = browserTests();

describe.skipIf(skip)('import and export in the designer', () => {
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

  it.skipIf(!existsSync(CORPUS_FLOW))(
    'imports a Connect export through the dialog, fixes up its queue, shows every block and exports it back',
    async () => {
      const text = readFileSync(CORPUS_FLOW, 'utf8');
      const source = JSON.parse(text) as JsonObject & { Actions: Action[] };
      const billing = (await (await designer.api('GET', '/api/instances/demo/queues/Billing')).json()) as {
        arn: string;
        name: string;
      };
      const dry = (await (
        await designer.api('POST', '/api/instances/demo/import', { content: text, dryRun: true })
      ).json()) as { report: { references: { actionId: string; kind: string; resolution: string }[] } };
      const unresolved = dry.report.references.filter((r) => r.resolution === 'unresolved');
      expect(unresolved.map((r) => r.kind)).toEqual(['queue']);
      const queueAction = unresolved[0]?.actionId ?? '';

      const page = await newPage(browser);
      await signIn(page, designer);
      await page.getByRole('button', { name: 'Import flow' }).click();
      const dialog = page.getByRole('dialog', { name: 'Import flow' });
      await dialog.getByLabel('Flow file').setInputFiles(CORPUS_FLOW);

      // The report: the one reference, unresolved, with its code among the diagnostics.
      const report = dialog.getByRole('region', { name: 'Resolution report' });
      await report.waitFor();
      const row = report.locator(`tr[data-action-id="${queueAction}"]`);
      expect(await row.getAttribute('data-resolution')).toBe('unresolved');
      expect(await report.locator('tbody tr').count()).toBe(dry.report.references.length);
      expect(await report.getByRole('list', { name: 'Import diagnostics' }).textContent()).toContain(
        'IMPORT_REFERENCE_UNRESOLVED',
      );
      expect(await dialog.textContent()).toContain('Type: CONTACT_FLOW');

      // Fixed up: the dry run again, with the mapping, resolves it to Billing.
      await row.getByRole('combobox').selectOption({ label: 'Billing' });
      await report.locator(`tr[data-action-id="${queueAction}"][data-resolution="map"]`).waitFor();
      expect(await row.locator('.import-target').textContent()).toBe('Billing');
      expect(await report.textContent()).not.toContain('IMPORT_REFERENCE_UNRESOLVED');

      await dialog.getByLabel('New flow name').fill('Simple inbound');
      await dialog.getByRole('button', { name: 'Import', exact: true }).click();
      await page.waitForURL(/\/instances\/demo\/flows\/[^/]+$/);
      const canvas = await settledCanvas(page);
      expect(canvas).toMatchObject({ blocks: source.Actions.length, rendered: source.Actions.length });
      const shown = (await blocksOnCanvas(page)).map((b) => b.actionId).sort();
      expect(shown).toEqual(source.Actions.map((a) => a.Identifier).sort());
      expect(await page.getByRole('navigation', { name: 'Flows' }).textContent()).toContain('Simple inbound');

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Export', exact: true }).click(),
      ]);
      expect(download.suggestedFilename()).toBe('Simple inbound.json');
      const exported = JSON.parse(readFileSync(await download.path(), 'utf8')) as JsonObject;
      expect(normalize(exported)).toEqual(normalize(withQueue(source, queueAction, billing)));
      await page.context().close();
    },
  );

  it('creates hours and a queue on the resource pages, lists them, edits the queue and deletes both', async () => {
    const page = await newPage(browser);
    await signIn(page, designer);
    const nav = page.getByRole('navigation', { name: 'Instance' });
    await nav.getByRole('link', { name: 'Hours' }).click();
    await page.waitForURL(`${designer.url}/instances/demo/resources/hours-of-operation`);
    const hoursPage = page.getByRole('region', { name: 'Hours of operation' });
    await hoursPage.getByRole('row', { name: /Always open/ }).waitFor();

    await hoursPage.getByRole('button', { name: 'New hours of operation' }).click();
    const newHours = hoursPage.getByRole('form', { name: 'New hours of operation' });
    await newHours.getByLabel('Name', { exact: true }).fill('Weekdays');
    await newHours.getByLabel('Time zone *').fill('Mars/Olympus');
    await newHours.getByRole('button', { name: 'Add range' }).click();
    await newHours.getByRole('button', { name: 'Add range' }).click();
    await newHours.getByLabel('Range 2 end').fill('18:30');
    await newHours.getByRole('button', { name: 'Create' }).click();
    // The server's refusal, with its code, beside the form; the form keeps what was typed.
    await expect(newHours.getByRole('alert').textContent()).resolves.toContain('RESOURCE_TIME_ZONE_UNKNOWN');
    await newHours.getByLabel('Time zone *').fill('Europe/Paris');
    await newHours.getByRole('button', { name: 'Create' }).click();
    const weekdays = hoursPage.getByRole('row', { name: /Weekdays/ });
    await weekdays.waitFor();
    expect(await weekdays.textContent()).toContain('Europe/Paris');
    expect(await weekdays.textContent()).toContain('MONDAY 09:00–17:00, TUESDAY 09:00–18:30');

    await nav.getByRole('link', { name: 'Queues' }).click();
    const queuesPage = page.getByRole('region', { name: 'Queue' });
    await queuesPage.getByRole('row', { name: /Billing/ }).waitFor();
    await queuesPage.getByRole('button', { name: 'New queue' }).click();
    const newQueue = queuesPage.getByRole('form', { name: 'New queue' });
    await newQueue.getByLabel('Name', { exact: true }).fill('Sales');
    await newQueue.getByLabel('Hours of operation').selectOption({ label: 'Weekdays' });
    await newQueue.getByLabel('Max contacts').fill('10');
    await newQueue.getByRole('button', { name: 'Create' }).click();
    const sales = queuesPage.getByRole('row', { name: /Sales/ });
    await sales.waitFor();
    expect(await sales.textContent()).toContain('Weekdays');
    const created = (await (await designer.api('GET', '/api/instances/demo/queues/Sales')).json()) as {
      id: string;
      maxContacts: number;
      hoursOfOperation: string;
    };
    const hours = (await (
      await designer.api('GET', '/api/instances/demo/hours-of-operation/Weekdays')
    ).json()) as {
      id: string;
      timeZone: string;
    };
    expect(created).toMatchObject({ maxContacts: 10, hoursOfOperation: hours.id });
    expect(hours.timeZone).toBe('Europe/Paris');

    await queuesPage.getByRole('button', { name: 'Edit Sales' }).click();
    const edit = queuesPage.getByRole('form', { name: 'Edit Sales' });
    await edit.getByLabel('Name', { exact: true }).fill('Sales EU');
    await edit.getByLabel('Max contacts').fill('20');
    await edit.getByRole('button', { name: 'Save' }).click();
    const salesEu = queuesPage.getByRole('row', { name: /Sales EU/ });
    await salesEu.waitFor();
    expect(await salesEu.textContent()).toContain('20');
    const edited = await (await designer.api('GET', `/api/instances/demo/queues/${created.id}`)).json();
    expect(edited).toMatchObject({ name: 'Sales EU', maxContacts: 20, hoursOfOperation: hours.id });

    await queuesPage.getByRole('button', { name: 'Delete Sales EU' }).click();
    await queuesPage.getByRole('button', { name: 'Delete Sales EU?' }).click();
    await salesEu.waitFor({ state: 'detached' });
    expect((await designer.api('GET', `/api/instances/demo/queues/${created.id}`)).status).toBe(404);

    await nav.getByRole('link', { name: 'Hours' }).click();
    await hoursPage.getByRole('button', { name: 'Delete Weekdays' }).click();
    await hoursPage.getByRole('button', { name: 'Delete Weekdays?' }).click();
    await weekdays.waitFor({ state: 'detached' });
    expect((await designer.api('GET', `/api/instances/demo/hours-of-operation/${hours.id}`)).status).toBe(
      404,
    );
    await page.context().close();
  });

  it('makes a quick connect to a queue: its type shows the fields it uses, the flow picker only queue transfer flows', async () => {
    const page = await newPage(browser);
    await signIn(page, designer);
    await page
      .getByRole('navigation', { name: 'Instance' })
      .getByRole('link', { name: 'Quick connects' })
      .click();
    await page.waitForURL(`${designer.url}/instances/demo/resources/quick-connects`);
    const quickConnects = page.getByRole('region', { name: 'Quick connect' });
    await quickConnects.getByText('This instance has no quick connect yet.').waitFor();
    await quickConnects.getByRole('button', { name: 'New quick connect' }).click();
    const form = quickConnects.getByRole('form', { name: 'New quick connect' });
    await form.getByLabel('Name', { exact: true }).fill('Billing line');
    // A label's name ends with what its select shows: matched by its start.
    expect(await form.getByLabel(/^Queue/).count()).toBe(0);
    await form.getByLabel(/^Type \*/).selectOption('QUEUE');
    const flow = form.getByLabel(/^Flow/);
    await flow.locator('option', { hasText: 'Billing transfer' }).waitFor({ state: 'attached' });
    expect(await flow.locator('option').allTextContents()).toEqual(['— none —', 'Billing transfer']);
    expect(await form.getByLabel(/^User/).count()).toBe(0);
    expect(await form.getByLabel(/^Phone number/).count()).toBe(0);
    await form.getByLabel(/^Queue/).selectOption({ label: 'Billing' });
    await flow.selectOption({ label: 'Billing transfer' });
    await form.getByRole('button', { name: 'Create' }).click();
    const row = quickConnects.getByRole('row', { name: /Billing line/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('Queue: Billing, Flow: Billing transfer');

    const listed = (await (await designer.api('GET', '/api/instances/demo/quick-connects')).json()) as {
      quickConnects: { id: string; name: string; type: string; queue: string; flow: string }[];
    };
    const queue = (await (await designer.api('GET', '/api/instances/demo/queues/Billing')).json()) as {
      id: string;
    };
    expect(listed.quickConnects).toEqual([
      expect.objectContaining({
        name: 'Billing line',
        type: 'QUEUE',
        queue: queue.id,
        flow: await designer.flowId('Billing transfer'),
      }),
    ]);

    // The Billing queue offers its agents the new quick connect, picked from the instance's.
    await page.getByRole('navigation', { name: 'Instance' }).getByRole('link', { name: 'Queues' }).click();
    const queuesPage = page.getByRole('region', { name: 'Queue' });
    await queuesPage.getByRole('button', { name: 'Edit Billing' }).click();
    const edit = queuesPage.getByRole('form', { name: 'Edit Billing' });
    const picker = edit.getByLabel(/^Quick connects/);
    await picker.locator('option', { hasText: 'Billing line' }).waitFor({ state: 'attached' });
    await picker.selectOption([{ label: 'Billing line' }]);
    await edit.getByRole('button', { name: 'Save' }).click();
    await edit.waitFor({ state: 'detached' });
    const saved = (await (await designer.api('GET', `/api/instances/demo/queues/${queue.id}`)).json()) as {
      quickConnects?: string[];
    };
    expect(saved.quickConnects).toEqual([listed.quickConnects[0]?.id]);
    await page.context().close();
  });
});
