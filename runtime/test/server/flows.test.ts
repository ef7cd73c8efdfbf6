import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeDrivers } from '../support/stores.js';
import { type Api, fixture, openApi } from './support.js';

const billing = fixture('flows/queue-transfer-billing.json');
const menu = fixture('runs/menu-dtmf/flow.json');

describe.each(storeDrivers())('flows through the API on $name', (driver) => {
  let api: Api;
  let author: string;
  const base = '/api/instances/acme';
  beforeAll(async () => {
    api = await openApi(driver);
    expect(
      (await api.call('POST', '/api/instances', { alias: 'acme', account: '123456789012' })).status,
    ).toBe(201);
    author = await api.token('author', 'acme');
  });
  afterAll(() => api?.close());

  it('creates a flow with its first version and reports its diagnostics', async () => {
    const res = await api.call(
      'POST',
      `${base}/flows`,
      { name: 'Billing transfer', type: 'QUEUE_TRANSFER', content: billing, message: 'first' },
      author,
    );
    expect(res.status).toBe(201);
    expect(res.json.flow).toMatchObject({
      name: 'Billing transfer',
      type: 'QUEUE_TRANSFER',
      latestVersion: 1,
    });
    expect(res.json.flow.arn).toMatch(
      /^arn:aws:connect:us-east-1:123456789012:instance\/[^/]+\/contact-flow\/[^/]+$/,
    );
    expect(res.json.version).toMatchObject({ version: 1, message: 'first', author: 'author of acme' });
    expect(res.json.version.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('saving the same content again makes no new version', async () => {
    const res = await api.call(
      'POST',
      `${base}/flows/Billing transfer/versions`,
      { content: billing },
      author,
    );
    expect(res.status).toBe(200);
    expect(res.json.unchanged).toBe(true);
    expect(res.json.version.version).toBe(1);
  });

  it('refuses a save based on a version that is no longer the latest', async () => {
    const changed = billing.replace('Transfer-to-queue flow', 'Transfer flow');
    expect(
      (
        await api.call(
          'POST',
          `${base}/flows/Billing transfer/versions`,
          { content: changed, baseVersion: 1 },
          author,
        )
      ).status,
    ).toBe(201);
    const late = await api.call(
      'POST',
      `${base}/flows/Billing transfer/versions`,
      { content: billing, baseVersion: 1 },
      author,
    );
    expect(late.status).toBe(409);
    expect(late.json).toMatchObject({ code: 'STORE_VERSION_CONFLICT', latestVersion: 2 });
  });

  it('refuses content of another flow type', async () => {
    const res = await api.call('POST', `${base}/flows/Billing transfer/versions`, { content: menu }, author);
    expect(res.status).toBe(409);
    expect(res.json.code).toBe('STORE_FLOW_TYPE_CHANGED');
    expect(res.json.message).toBe('this is a CONTACT_FLOW flow; Billing transfer is a QUEUE_TRANSFER');
  });

  it('refuses content that is not a flow, with the reader’s code', async () => {
    const res = await api.call(
      'POST',
      `${base}/flows/Billing transfer/versions`,
      { content: '{"Version": ' },
      author,
    );
    expect(res.status).toBe(422);
    expect(res.json.code).toBe('STORE_FLOW_UNREADABLE');
    expect(res.json.diagnostics[0].code).toBe('JSON_SYNTAX');
  });

  it('refuses to publish while a reference does not resolve, then publishes once it does', async () => {
    const refused = await api.call('POST', `${base}/flows/Billing transfer/publish`, {}, author);
    expect(refused.status).toBe(422);
    expect(refused.json.code).toBe('PUBLISH_HAS_ERRORS');
    expect(refused.json.diagnostics.map((d: { code: string }) => d.code)).toContain(
      'PUBLISH_REFERENCE_UNRESOLVED',
    );
    const hours = await api.call(
      'POST',
      `${base}/hours-of-operation`,
      {
        name: 'Office',
        timeZone: 'America/New_York',
        config: [{ Day: 'MONDAY', StartTime: { Hours: 9, Minutes: 0 }, EndTime: { Hours: 17, Minutes: 0 } }],
      },
      author,
    );
    expect(hours.status).toBe(201);
    expect(
      (await api.call('POST', `${base}/queues`, { name: 'Billing', hoursOfOperation: hours.json.id }, author))
        .status,
    ).toBe(201);
    // The saved content still names the other instance's queue ARN: still refused.
    expect((await api.call('POST', `${base}/flows/Billing transfer/publish`, {}, author)).status).toBe(422);
    const imported = await api.call(
      'POST',
      `${base}/import`,
      { content: billing, flow: 'Billing transfer' },
      author,
    );
    expect(imported.status).toBe(201);
    expect(imported.json.saved.version.version).toBe(3);
    const published = await api.call('POST', `${base}/flows/Billing transfer/publish`, {}, author);
    expect(published.status).toBe(200);
    expect(published.json).toMatchObject({ version: 3, flow: { publishedVersion: 3 } });
  });

  it('refuses to roll back to a version whose references do not resolve', async () => {
    const res = await api.call('POST', `${base}/flows/Billing transfer/rollback`, { version: 1 }, author);
    expect(res.status).toBe(422);
    expect(res.json.code).toBe('PUBLISH_HAS_ERRORS');
  });

  it('rolls back to an older version and keeps the history', async () => {
    const v3 = await api.call('GET', `${base}/flows/Billing transfer/content?version=3`, undefined, author);
    const v4 = await api.call(
      'POST',
      `${base}/flows/Billing transfer/versions`,
      { content: v3.text.replace('Transfer-to-queue flow', 'Queue flow') },
      author,
    );
    expect(v4.json.version.version).toBe(4);
    expect(
      (await api.call('POST', `${base}/flows/Billing transfer/publish`, { version: 4 }, author)).status,
    ).toBe(200);
    const res = await api.call('POST', `${base}/flows/Billing transfer/rollback`, { version: 3 }, author);
    expect(res.json.flow.publishedVersion).toBe(3);
    const history = await api.call('GET', `${base}/flows/Billing transfer/versions`, undefined, author);
    expect(history.json.versions.map((v: { version: number }) => v.version)).toEqual([4, 3, 2, 1]);
    expect(
      history.json.publications.map((p: { action: string; version: number }) => [p.action, p.version]),
    ).toEqual([
      ['rollback', 3],
      ['publish', 4],
      ['publish', 3],
    ]);
  });

  it('returns each version’s content exactly as it was saved', async () => {
    const v1 = await api.call('GET', `${base}/flows/Billing transfer/content?version=1`, undefined, author);
    expect(JSON.parse(v1.text)).toEqual(JSON.parse(billing));
    expect(v1.headers['x-parley-version']).toBe('1');
  });

  it('diffs two versions as JSON and as text', async () => {
    const json = await api.call('GET', `${base}/flows/Billing transfer/diff?from=1&to=2`, undefined, author);
    expect(json.status).toBe(200);
    const text = await api.call(
      'GET',
      `${base}/flows/Billing transfer/diff?from=1&to=2&format=text`,
      undefined,
      author,
    );
    expect(text.status).toBe(200);
    expect(typeof text.text).toBe('string');
  });

  it('finds the flows that use a queue by its name', async () => {
    const res = await api.call('GET', `${base}/search?queue=Billing`, undefined, author);
    expect(res.json.uses.map((u: { flowName: string }) => u.flowName)).toContain('Billing transfer');
    expect((await api.call('GET', `${base}/search?queue=Nobody`, undefined, author)).json.uses).toEqual([]);
  });

  it('exports Connect-importable JSON with the names in Metadata', async () => {
    const res = await api.call('GET', `${base}/flows/Billing transfer/export`, undefined, author);
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toContain('Billing_transfer.json');
    expect(res.json.Version).toBe('2019-10-30');
    expect(JSON.stringify(res.json.Metadata)).toContain('Billing');
  });

  it('dry-runs an import with a report and writes nothing', async () => {
    const before = (await api.call('GET', `${base}/flows`, undefined, author)).json.flows.length;
    const res = await api.call('POST', `${base}/import`, { content: billing, dryRun: true }, author);
    expect(res.status).toBe(200);
    expect(res.json.report.flowType).toBe('QUEUE_TRANSFER');
    expect(res.json.report.references.some((r: { resolution: string }) => r.resolution === 'name')).toBe(
      true,
    );
    expect(res.json.saved).toBeUndefined();
    expect((await api.call('GET', `${base}/flows`, undefined, author)).json.flows.length).toBe(before);
  });

  it('imports into a new flow whose references point at this instance', async () => {
    const res = await api.call(
      'POST',
      `${base}/import`,
      { content: billing, name: 'Imported billing' },
      author,
    );
    expect(res.status).toBe(201);
    const queue = (await api.call('GET', `${base}/queues/Billing`, undefined, author)).json;
    const content = await api.call('GET', `${base}/flows/Imported billing/content`, undefined, author);
    expect(content.text).toContain(queue.arn);
    expect((await api.call('POST', `${base}/flows/Imported billing/publish`, {}, author)).status).toBe(200);
  });

  it('names a flow-type mismatch precisely when importing into a flow', async () => {
    const res = await api.call(
      'POST',
      `${base}/import`,
      { content: menu, flow: 'Billing transfer', dryRun: true },
      author,
    );
    expect(res.json.report.errors.map((e: { message: string }) => e.message)).toContain(
      'this is a CONTACT_FLOW flow; the target is a QUEUE_TRANSFER',
    );
  });

  it('imports a legacy (pre-2019) export converted to the flow language', async () => {
    const legacy = fixture('legacy/inbound-menu.json');
    const res = await api.call('POST', `${base}/import`, { content: legacy, name: 'Old menu' }, author);
    expect(res.status).toBe(201);
    expect(res.json.report.flowType).toBe('CONTACT_FLOW');
    const content = await api.call('GET', `${base}/flows/Old menu/content`, undefined, author);
    expect(JSON.parse(content.text).Version).toBe('2019-10-30');
  });

  it('keeps an audit log of saves, publishes, imports and exports', async () => {
    const res = await api.call('GET', `${base}/audit`);
    const actions = new Set(res.json.entries.map((e: { action: string }) => e.action));
    for (const a of ['flow.save', 'flow.publish', 'flow.rollback', 'flow.import', 'flow.export'])
      expect(actions).toContain(a);
  });
});
