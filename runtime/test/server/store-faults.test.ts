import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { EventBus, type ParleyEvent } from '../../src/services/events.js';
import { bootstrapAdminToken } from '../../src/services/tokens.js';
import { Store } from '../../src/store/index.js';
import { everyRow, FaultyDb } from '../support/faulty-db.js';
import { storeDrivers } from '../support/stores.js';
import { fixture } from './support.js';

const base = '/api/instances/acme';

describe.each(storeDrivers())('the API while the store goes away, on $name', (driver) => {
  let store: Store;
  let faulty: FaultyDb;
  let app: FastifyInstance;
  let admin: string;
  const heard: ParleyEvent[] = [];

  const call = async (method: InjectOptions['method'], url: string, body?: unknown) => {
    const res = await app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${admin}` },
      ...(body === undefined ? {} : { payload: body as InjectOptions['payload'] }),
    });
    return { status: res.statusCode, json: res.json() as Record<string, unknown> };
  };

  beforeAll(async () => {
    store = await driver.open();
    faulty = new FaultyDb(store.db);
    const events = new EventBus();
    events.subscribe((e) => heard.push(e));
    app = await buildApp({ store: new Store(faulty), events });
    admin = (await bootstrapAdminToken(store)) ?? '';
    expect((await call('POST', '/api/instances', { alias: 'acme' })).status).toBe(201);
  });
  afterAll(async () => {
    await app?.close();
    await store?.close();
  });

  /**
   * The request fails with STORE_UNAVAILABLE and changes nothing, whether the store goes away at its
   * commit or at the statement before it; with the store back, the same request succeeds.
   */
  async function refusedThenDone(method: InjectOptions['method'], url: string, body: unknown) {
    const before = await everyRow(store);
    heard.length = 0;
    faulty.arm({ commit: true });
    const atCommit = await call(method, url, body);
    const statements = faulty.statements;
    faulty.arm({ statement: statements });
    const atLast = await call(method, url, body);
    faulty.disarm();
    for (const refused of [atCommit, atLast]) {
      expect(refused).toEqual({
        status: 503,
        json: {
          code: 'STORE_UNAVAILABLE',
          title: expect.any(String),
          message: 'the store did not answer; nothing was written',
        },
      });
    }
    expect(heard).toEqual([]);
    expect(await everyRow(store)).toEqual(before);
    const done = await call(method, url, body);
    expect(done.status).toBeLessThan(300);
    expect(heard.length).toBeGreaterThan(0);
    return done.json;
  }

  it('refuses a flow save cleanly and saves it once the store is back', async () => {
    const created = await call('POST', `${base}/flows`, { name: 'Menu', type: 'CONTACT_FLOW' });
    const flowId = (created.json.id ?? (created.json.flow as { id: string }).id) as string;
    const saved = await refusedThenDone('POST', `${base}/flows/${flowId}/versions`, {
      content: JSON.parse(fixture('runs/menu-dtmf/flow.json')),
    });
    expect(saved.version).toMatchObject({ version: 1 });
  });

  it('refuses a publish cleanly and publishes once the store is back', async () => {
    const published = await refusedThenDone('POST', `${base}/flows/Menu/publish`, {});
    expect(published).toMatchObject({ version: 1 });
  });

  it('refuses an import cleanly and imports once the store is back', async () => {
    const imported = await refusedThenDone('POST', `${base}/import`, {
      content: JSON.parse(fixture('runs/menu-dtmf/flow.json')),
      name: 'Imported menu',
    });
    expect(imported.saved).toMatchObject({ version: { version: 1 } });
  });

  it('refuses a bundle import cleanly and imports it once the store is back', async () => {
    const bundle = (await call('GET', `${base}/bundle`)).json;
    expect((await call('POST', '/api/instances', { alias: 'copy' })).status).toBe(201);
    const report = await refusedThenDone('POST', '/api/instances/copy/bundle', bundle);
    expect(report).toMatchObject({ ok: true });
  });
});
