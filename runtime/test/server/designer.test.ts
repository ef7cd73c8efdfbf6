import { mkdtempSync, rmSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDesigner } from '../../src/host/designer.js';
import { buildApp } from '../../src/server/app.js';
import { designerPlugin } from '../../src/server/designer.js';
import { openStore, type Store } from '../../src/store/index.js';

describe('the designer served at /', () => {
  let store: Store;
  let app: FastifyInstance;
  let script: string;
  let style: string;

  beforeAll(async () => {
    // Built once when designer/dist is missing or stale; parley start does the same.
    const built = await ensureDesigner();
    expect(built.error).toBeUndefined();
    const assets = await readdir(join(built.dist, 'assets'));
    // The page's entry and style are index-*; other assets (chunks, the ELK worker) are loaded later.
    script = `/assets/${assets.find((f) => /^index-.*\.js$/.test(f))}`;
    style = `/assets/${assets.find((f) => /^index-.*\.css$/.test(f))}`;
    store = await openStore();
    app = await buildApp({ store, plugins: [designerPlugin({ dist: built.dist })] });
  }, 180_000);
  afterAll(async () => {
    await app?.close();
    await store?.close();
  });

  const get = (url: string) => app.inject({ method: 'GET', url });

  it('answers / with the designer page', async () => {
    const res = await get('/');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toContain('<div id="root">');
    expect(res.body).toContain(script);
  });

  it('answers a deep link with the same page, so the designer routes it in the browser', async () => {
    for (const url of ['/flows/x', '/instances/demo/flows/Bank%20menu', '/instances/demo?x=1']) {
      const res = await get(url);
      expect([url, res.statusCode, res.headers['cache-control']]).toEqual([url, 200, 'no-cache']);
      expect(res.body).toContain('<div id="root">');
    }
  });

  it('serves its assets with their content type, cached for good', async () => {
    const res = await get(script);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^(text|application)\/javascript/);
    expect(res.headers['cache-control']).toContain('immutable');
    const css = await get(style);
    expect([css.statusCode, css.headers['content-type']]).toEqual([200, 'text/css; charset=utf-8']);
  });

  it('answers a missing asset with a 404, not the page', async () => {
    const res = await get('/assets/nothing-here.js');
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('API_NOT_FOUND');
  });

  it('leaves /api and /docs alone', async () => {
    expect((await get('/api/health')).json()).toMatchObject({ ok: true });
    const unknown = await get('/api/no-such-route');
    expect([unknown.statusCode, unknown.json().code]).toEqual([404, 'API_NOT_FOUND']);
    const refused = await get('/api/instances');
    expect([refused.statusCode, refused.json().code]).toEqual([401, 'API_UNAUTHORIZED']);
    expect((await get('/docs/no-such-page')).statusCode).toBe(404);
    expect((await get('/docs/json')).json().openapi).toMatch(/^3\./);
  });

  it('never serves a file outside its folder', async () => {
    for (const url of [
      '/..%2fpackage.json',
      '/%2e%2e/%2e%2e/package.json',
      '/assets/..%2f..%2fpackage.json',
    ]) {
      const res = await get(url);
      expect(res.body, url).not.toContain('"@parley/designer"');
    }
  });

  it('declares its routes public, like every route declares its access', () => {
    // OPTIONS * is the CORS plugin's, for preflights.
    const mine = app.routeTable.filter((r) => !r.url.startsWith('/api') && r.method !== 'OPTIONS');
    expect(mine).toEqual([expect.objectContaining({ method: 'GET', url: '/*', access: 'public' })]);
  });
});

describe('the designer when it is not built', () => {
  const empty = mkdtempSync(join(tmpdir(), 'parley-designer-'));
  let store: Store;
  let app: FastifyInstance;
  beforeAll(async () => {
    store = await openStore();
    app = await buildApp({ store, plugins: [designerPlugin({ dist: empty })] });
  });
  afterAll(async () => {
    await app?.close();
    await store?.close();
    rmSync(empty, { recursive: true, force: true });
  });

  it('says how to build it, and the API still answers', async () => {
    const res = await app.inject({ method: 'GET', url: '/' });
    expect(res.statusCode).toBe(503);
    expect(res.body).toContain('pnpm --filter @parley/designer build');
    expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
  });
});
