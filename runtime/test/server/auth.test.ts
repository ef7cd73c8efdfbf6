import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteEntry } from '../../src/server/app.js';
import { storeDrivers } from '../support/stores.js';
import { type Api, openApi } from './support.js';

type RouteInfo = RouteEntry;

const fill = (url: string, instance: string) =>
  url
    .replace(':instance', instance)
    .replace(/:([a-z]+)/g, (_, name: string) => (name === 'version' ? '1' : `some-${name}`));

describe.each(storeDrivers())('authorization on $name', (driver) => {
  let api: Api;
  const routes: RouteInfo[] = [];
  let tokens: Record<string, string>;
  beforeAll(async () => {
    api = await openApi(driver);
    for (const alias of ['acme', 'globex']) await api.call('POST', '/api/instances', { alias });
    tokens = {
      viewer: await api.token('viewer', 'acme'),
      author: await api.token('author', 'acme'),
      agent: await api.token('agent', 'acme'),
      globexAdmin: await api.token('admin', 'globex'),
    };
    routes.push(...api.app.routeTable);
  });
  afterAll(() => api?.close());

  it('every API route declares who may call it', () => {
    expect(routes.length).toBeGreaterThan(40);
    expect(routes.filter((r) => r.access === undefined)).toEqual([]);
  });

  it('every route but health refuses a request without a token', async () => {
    for (const r of routes.filter((r) => r.access !== 'public')) {
      const res = await api.call(
        r.method as 'GET',
        fill(r.url, 'acme'),
        r.method === 'GET' || r.method === 'DELETE' ? undefined : {},
        null,
      );
      expect([r.method, r.url, res.status, res.json?.code]).toEqual([
        r.method,
        r.url,
        401,
        'API_UNAUTHORIZED',
      ]);
    }
  });

  it('every route refuses an unknown token', async () => {
    for (const r of routes.filter((r) => r.access !== 'public')) {
      const res = await api.call(
        r.method as 'GET',
        fill(r.url, 'acme'),
        undefined,
        'parley_000000000000_forged',
      );
      expect([r.url, res.status]).toEqual([r.url, 401]);
    }
  });

  it('routes that change things refuse a viewer, and admin routes refuse an author', async () => {
    for (const r of routes) {
      const token = r.access === 'write' ? tokens.viewer : r.access === 'admin' ? tokens.author : undefined;
      if (!token) continue;
      const res = await api.call(r.method as 'GET', fill(r.url, 'acme'), {}, token);
      expect([r.method, r.url, res.status, res.json?.code]).toEqual([r.method, r.url, 403, 'API_FORBIDDEN']);
    }
  });

  it('an agent token reads no flows or resources', async () => {
    for (const r of routes.filter((r) => r.access === 'read' && r.url.includes(':instance'))) {
      const res = await api.call(r.method as 'GET', fill(r.url, 'acme'), undefined, tokens.agent);
      expect([r.url, res.status]).toEqual([r.url, 403]);
    }
  });

  it("another instance's token, even an admin's, is refused on every instance route", async () => {
    for (const r of routes.filter((r) => r.url.includes(':instance'))) {
      const res = await api.call(
        r.method as 'GET',
        fill(r.url, 'acme'),
        r.method === 'GET' ? undefined : {},
        tokens.globexAdmin,
      );
      expect([r.method, r.url, res.status, res.json?.code]).toEqual([r.method, r.url, 403, 'API_FORBIDDEN']);
    }
  });

  it('an instance token lists only its own instance and cannot create instances', async () => {
    const list = await api.call('GET', '/api/instances', undefined, tokens.globexAdmin);
    expect(list.json.instances.map((i: { alias: string }) => i.alias)).toEqual(['globex']);
    expect((await api.call('POST', '/api/instances', { alias: 'x' }, tokens.globexAdmin)).status).toBe(403);
  });

  it('a revoked token stops working at once', async () => {
    const made = await api.call('POST', '/api/tokens', { role: 'viewer', name: 'temp', instance: 'acme' });
    const token = made.json.token as string;
    expect((await api.call('GET', '/api/instances/acme/flows', undefined, token)).status).toBe(200);
    expect((await api.call('DELETE', `/api/tokens/${made.json.id}`)).status).toBe(204);
    expect((await api.call('GET', '/api/instances/acme/flows', undefined, token)).status).toBe(401);
  });

  it('never stores or lists a token’s secret', async () => {
    const list = await api.call('GET', '/api/tokens');
    expect(list.text).not.toContain(tokens.author);
    expect(list.text).not.toContain('secret');
  });
});
