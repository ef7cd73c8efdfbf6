import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startParley } from '../../src/host/start.js';
import type { RouteEntry } from '../../src/server/app.js';
import { designerPlugin } from '../../src/server/designer.js';
import type { Role } from '../../src/store/index.js';
import { storeDrivers } from '../support/stores.js';
import { type Api, openApi } from './support.js';

const fill = (url: string, instance: string) =>
  url
    .replace(':instance', instance)
    .replace(/:([a-z]+)/g, (_, name: string) => (name === 'version' || name === 'n' ? '1' : `some-${name}`));

/** Who each access rule lets in (auth.ts); every other role must be refused. */
const ALLOWED: Record<Exclude<RouteEntry['access'] & string, 'public'>, readonly Role[]> = {
  read: ['viewer', 'author', 'admin'],
  write: ['author', 'admin'],
  admin: ['admin'],
  agent: ['agent', 'admin'],
};
const ROLES: readonly Role[] = ['viewer', 'author', 'agent', 'admin'];

/** The routes anyone may call: a new one has to be added here on purpose. */
const PUBLIC = ['GET /api/health', 'OPTIONS *', 'GET /*'];

const key = (r: RouteEntry) => `${r.method} ${r.url}`;
const routeKeys = (routes: readonly RouteEntry[]) => routes.map(key).sort();

describe.each(storeDrivers())('authorization on $name', (driver) => {
  let api: Api;
  let routes: RouteEntry[];
  let tokens: Record<Role, string> & { globexAdmin: string };
  const dist = mkdtempSync(join(tmpdir(), 'parley-auth-dist-'));
  beforeAll(async () => {
    // The designer plugin as parley start adds it; limits off: this file sends refused tokens on purpose.
    api = await openApi(driver, () => ({ rateLimits: false, plugins: [designerPlugin({ dist })] }));
    for (const alias of ['acme', 'globex']) await api.call('POST', '/api/instances', { alias });
    tokens = {
      viewer: await api.token('viewer', 'acme'),
      author: await api.token('author', 'acme'),
      agent: await api.token('agent', 'acme'),
      admin: await api.token('admin', 'acme'),
      globexAdmin: await api.token('admin', 'globex'),
    };
    routes = [...api.app.routeTable];
  });
  afterAll(async () => {
    await api?.close();
    rmSync(dist, { recursive: true, force: true });
  });

  const guarded = () => routes.filter((r) => r.access !== 'public');
  const send = (r: RouteEntry, token: string | null) =>
    api.call(r.method as 'GET', fill(r.url, 'acme'), r.method === 'GET' ? undefined : {}, token);

  it('every API route declares who may call it', () => {
    expect(routes.length).toBeGreaterThan(40);
    expect(routes.filter((r) => r.access === undefined)).toEqual([]);
  });

  it('only health, CORS preflights and the designer’s files are public', () => {
    expect(routeKeys(routes.filter((r) => r.access === 'public'))).toEqual([...PUBLIC].sort());
  });

  it('walks the WebSocket and agent routes too', () => {
    expect(routes.filter((r) => r.websocket).map((r) => r.url)).toEqual([
      '/api/instances/:instance/events',
      '/api/instances/:instance/test-calls/:id/events',
      '/api/instances/:instance/agent/events',
    ]);
    expect(routes.filter((r) => r.access === 'agent').length).toBeGreaterThan(15);
  });

  it('every route but the public ones refuses a request without a token', async () => {
    for (const r of guarded()) {
      const res = await send(r, null);
      expect([key(r), res.status, res.json?.code]).toEqual([key(r), 401, 'API_UNAUTHORIZED']);
    }
  });

  it('every route refuses an unknown token', async () => {
    for (const r of guarded()) {
      const res = await send(r, 'parley_000000000000_forged');
      expect([key(r), res.status, res.json?.code]).toEqual([key(r), 401, 'API_UNAUTHORIZED']);
    }
  });

  it('every route refuses every role its access rule leaves out', async () => {
    let refusals = 0;
    for (const r of guarded()) {
      const allowed = ALLOWED[r.access as keyof typeof ALLOWED];
      for (const role of ROLES.filter((role) => !allowed.includes(role))) {
        const res = await send(r, tokens[role]);
        expect([key(r), role, res.status, res.json?.code]).toEqual([key(r), role, 403, 'API_FORBIDDEN']);
        refusals++;
      }
    }
    // Every guarded route leaves out at least one role: none passes this test by being skipped.
    expect(refusals).toBeGreaterThanOrEqual(guarded().length);
  });

  it("another instance's token, even an admin's, is refused on every instance route", async () => {
    const instanceRoutes = guarded().filter((r) => r.url.includes(':instance'));
    expect(instanceRoutes.length).toBeGreaterThan(40);
    for (const r of instanceRoutes) {
      const res = await send(r, tokens.globexAdmin);
      expect([key(r), res.status, res.json?.code]).toEqual([key(r), 403, 'API_FORBIDDEN']);
    }
  });

  it('refuses a WebSocket upgrade without a token, with a wrong role and from another instance', async () => {
    const address = await api.app.listen({ port: 0, host: '127.0.0.1' });
    const status = (url: string) =>
      new Promise<number>((resolve, reject) => {
        const socket = new WebSocket(url);
        socket.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
        socket.on('open', () => {
          socket.close();
          resolve(101);
        });
        socket.on('error', reject);
      });
    for (const r of routes.filter((r) => r.websocket)) {
      const url = `${address.replace('http', 'ws')}${fill(r.url, 'acme')}`;
      const wrong = ROLES.find((role) => !ALLOWED[r.access as keyof typeof ALLOWED].includes(role));
      if (!wrong) throw new Error(`${r.url} lets every role in`);
      expect([r.url, await status(url)]).toEqual([r.url, 401]);
      expect([r.url, wrong, await status(`${url}?access_token=${tokens[wrong]}`)]).toEqual([
        r.url,
        wrong,
        403,
      ]);
      expect([r.url, await status(`${url}?access_token=${tokens.globexAdmin}`)]).toEqual([r.url, 403]);
    }
  });

  it('an instance token lists only its own instance and cannot create or delete instances', async () => {
    const list = await api.call('GET', '/api/instances', undefined, tokens.globexAdmin);
    expect(list.json.instances.map((i: { alias: string }) => i.alias)).toEqual(['globex']);
    expect((await api.call('POST', '/api/instances', { alias: 'x' }, tokens.globexAdmin)).status).toBe(403);
    expect((await api.call('DELETE', '/api/instances/globex', undefined, tokens.globexAdmin)).status).toBe(
      403,
    );
  });

  it("an instance's admin makes and revokes tokens of its own instance only", async () => {
    const other = await api.call(
      'POST',
      '/api/tokens',
      { role: 'viewer', name: 'x', instance: 'acme' },
      tokens.globexAdmin,
    );
    expect([other.status, other.json.code]).toEqual([403, 'API_FORBIDDEN']);
    const global = await api.call('POST', '/api/tokens', { role: 'admin', name: 'x' }, tokens.globexAdmin);
    expect(global.json.instanceId).not.toBeNull();
    const acmeTokens = (await api.call('GET', '/api/tokens', undefined, tokens.admin)).json.tokens;
    const victim = acmeTokens.find((t: { role: string }) => t.role === 'viewer');
    const revoke = await api.call('DELETE', `/api/tokens/${victim.id}`, undefined, tokens.globexAdmin);
    expect(revoke.status).toBe(404);
    expect((await api.call('GET', '/api/instances/acme/flows', undefined, tokens.viewer)).status).toBe(200);
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

describe('the routes parley start serves', () => {
  it('are the routes the authorization tests walk: the API and the designer plugin', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-auth-start-'));
    const dist = join(dir, 'dist');
    try {
      const [driver] = storeDrivers();
      if (!driver) throw new Error('no store');
      const walked = await openApi(driver, () => ({ plugins: [designerPlugin({ dist })] }));
      const started = await startParley({
        dataDir: dir,
        port: 0,
        demo: false,
        designer: dist,
        logger: false,
      });
      try {
        expect(routeKeys(started.app.routeTable)).toEqual(routeKeys(walked.app.routeTable));
      } finally {
        await started.close();
        await walked.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    // parley start opens a store on disk and starts ari-sim: seconds on a loaded machine.
  }, 120_000);
});
