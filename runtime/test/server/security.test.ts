import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEFAULT_BODY_LIMIT, type RouteEntry } from '../../src/server/app.js';
import { designerPlugin } from '../../src/server/designer.js';
import { API_CSP, cspHeader, DESIGNER_CSP } from '../../src/server/security.js';
import { createToken } from '../../src/services/tokens.js';
import type { Role } from '../../src/store/index.js';
import { storeDrivers } from '../support/stores.js';
import { type Api, openApi } from './support.js';

const fill = (url: string) =>
  url
    .replace(':instance', 'acme')
    .replace(/:([a-z]+)/g, (_, name: string) => (name === 'version' || name === 'n' ? '1' : `some-${name}`));

const limit = { max: 3, timeWindow: 60_000 };

describe.each(storeDrivers())('rate limits on $name', (driver) => {
  let api: Api;
  let acme: string;
  /** Straight from the store: POST /tokens is itself limited here. */
  const mint = async (role: Role, instanceId: string | null = null) =>
    (await createToken(api.store, { role, name: role, instanceId, actor: 'test' })).token;
  beforeAll(async () => {
    api = await openApi(driver, () => ({
      rateLimits: { authFailures: limit, login: limit, import: limit },
    }));
    acme = (await api.call('POST', '/api/instances', { alias: 'acme' })).json.id;
  });
  afterAll(() => api?.close());
  afterEach(() => {
    vi.useRealTimers();
  });

  it('limits exactly the login and import routes', () => {
    const limited = api.app.routeTable.filter((r) => r.limit).map((r) => `${r.method} ${r.url} ${r.limit}`);
    expect(limited.sort()).toEqual(
      [
        'POST /api/tokens login',
        'POST /api/instances/:instance/agent/login login',
        'POST /api/instances/:instance/import import',
        'POST /api/instances/:instance/bundle import',
      ].sort(),
    );
  });

  it('answers the request past a route’s limit with API_RATE_LIMITED and Retry-After, per token', async () => {
    const routes = api.app.routeTable.filter((r) => r.limit);
    for (const r of routes) {
      // Each route counts on its own, for each token on its own: a fresh admin token per route.
      const token = await mint('admin');
      const other = await mint('admin');
      for (let i = 0; i < limit.max; i++) {
        const res = await api.call('POST', fill(r.url), { dryRun: true }, token);
        expect([r.url, res.status]).not.toEqual([r.url, 429]);
      }
      const refused = await api.call('POST', fill(r.url), { dryRun: true }, token);
      expect([r.url, refused.status, refused.json.code]).toEqual([r.url, 429, 'API_RATE_LIMITED']);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60);
      expect(refused.json.retryAfterSeconds).toBe(Number(refused.headers['retry-after']));
      const neighbour = await api.call('POST', fill(r.url), { dryRun: true }, other);
      expect([r.url, neighbour.status]).not.toEqual([r.url, 429]);
    }
  });

  it('lets the token in again once the window has passed', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
    const token = await mint('author', acme);
    const flow = { content: '{}', dryRun: true };
    for (let i = 0; i < limit.max; i++) await api.call('POST', '/api/instances/acme/import', flow, token);
    expect((await api.call('POST', '/api/instances/acme/import', flow, token)).status).toBe(429);
    vi.setSystemTime(Date.now() + limit.timeWindow + 1);
    expect((await api.call('POST', '/api/instances/acme/import', flow, token)).status).not.toBe(429);
  });

  it('after too many unknown tokens from one address, refuses every token from it until the window passes', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
    const from = (remoteAddress: string, token: string) =>
      api.app.inject({
        method: 'GET',
        url: '/api/instances',
        remoteAddress,
        headers: { authorization: `Bearer ${token}` },
      });
    for (let i = 0; i < limit.max; i++)
      expect((await from('203.0.113.7', `parley_guess_${i}`)).statusCode).toBe(401);
    const blocked = await from('203.0.113.7', api.admin);
    expect([blocked.statusCode, blocked.json().code]).toEqual([429, 'API_RATE_LIMITED']);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect((await from('203.0.113.8', api.admin)).statusCode).toBe(200);
    vi.setSystemTime(Date.now() + limit.timeWindow + 1);
    expect((await from('203.0.113.7', api.admin)).statusCode).toBe(200);
  });

  it('does not count good tokens or missing ones against an address', async () => {
    for (let i = 0; i < limit.max * 3; i++) {
      const good = await api.app.inject({
        method: 'GET',
        url: '/api/instances',
        remoteAddress: '203.0.113.9',
        headers: { authorization: `Bearer ${api.admin}` },
      });
      expect(good.statusCode).toBe(200);
      const none = await api.app.inject({
        method: 'GET',
        url: '/api/instances',
        remoteAddress: '203.0.113.9',
      });
      expect(none.statusCode).toBe(401);
    }
  });
});

/** `bytes` of a JSON string body, made as it is read (a 64 MB bundle is never held at once). */
function oversized(bytes: number, contentType: string): Readable {
  const chunk = Buffer.alloc(64 * 1024, 'x'.charCodeAt(0));
  let sent = 0;
  return new Readable({
    read() {
      if (sent === 0 && contentType.includes('json')) {
        sent += 1;
        this.push('"');
        return;
      }
      if (sent >= bytes) return this.push(null);
      const n = Math.min(chunk.length, bytes - sent);
      sent += n;
      this.push(n === chunk.length ? chunk : chunk.subarray(0, n));
    },
  });
}

describe('request body limits', () => {
  let api: Api;
  beforeAll(async () => {
    const [driver] = storeDrivers();
    if (!driver) throw new Error('no store');
    api = await openApi(driver, () => ({ rateLimits: false }));
    await api.call('POST', '/api/instances', { alias: 'acme' });
  });
  afterAll(() => api?.close());

  const bodyRoutes = () => api.app.routeTable.filter((r) => ['POST', 'PUT', 'PATCH'].includes(r.method));
  const typeOf = (r: RouteEntry) => (r.url.endsWith('/audio') ? 'audio/wav' : 'application/json');

  it('gives flows and imports 4 MB, bundles 64 MB and prompt audio 16 MB', () => {
    const limits = Object.fromEntries(bodyRoutes().map((r) => [`${r.method} ${r.url}`, r.bodyLimit]));
    expect(limits['POST /api/instances/:instance/flows']).toBeUndefined();
    expect(limits['POST /api/instances/:instance/import']).toBeUndefined();
    expect(limits['POST /api/instances/:instance/bundle']).toBe(64 * 1024 * 1024);
    expect(limits['PUT /api/instances/:instance/prompts/:id/audio']).toBe(16 * 1024 * 1024);
    expect(DEFAULT_BODY_LIMIT).toBe(4 * 1024 * 1024);
  });

  it('refuses a body that says it is over the route’s limit with API_BODY_TOO_LARGE, on every route that takes one', async () => {
    expect(bodyRoutes().length).toBeGreaterThan(30);
    for (const r of bodyRoutes()) {
      const res = await api.app.inject({
        method: r.method as 'POST',
        url: fill(r.url),
        headers: {
          authorization: `Bearer ${api.admin}`,
          'content-type': typeOf(r),
          'content-length': String((r.bodyLimit ?? DEFAULT_BODY_LIMIT) + 1),
        },
        payload: '{}',
      });
      expect([r.method, r.url, res.statusCode, res.json().code]).toEqual([
        r.method,
        r.url,
        413,
        'API_BODY_TOO_LARGE',
      ]);
    }
  });

  it('stops reading a body sent without a length once it passes the limit, on each kind of route', async () => {
    const families = [
      'POST /api/instances/:instance/flows',
      'POST /api/instances/:instance/flows/:flow/versions',
      'POST /api/instances/:instance/import',
      'POST /api/instances/:instance/bundle',
      'PUT /api/instances/:instance/prompts/:id/audio',
      'POST /api/instances/:instance/queues',
      'POST /api/instances/:instance/test-calls',
      'POST /api/tokens',
    ];
    for (const family of families) {
      const r = bodyRoutes().find((route) => `${route.method} ${route.url}` === family);
      if (!r) throw new Error(`no route ${family}`);
      const res = await api.app.inject({
        method: r.method as 'POST',
        url: fill(r.url),
        headers: { authorization: `Bearer ${api.admin}`, 'content-type': typeOf(r) },
        payload: oversized((r.bodyLimit ?? DEFAULT_BODY_LIMIT) + 1, typeOf(r)),
      });
      expect([family, res.statusCode, res.json().code]).toEqual([family, 413, 'API_BODY_TOO_LARGE']);
    }
  });
});

describe('CORS', () => {
  const [driver] = storeDrivers();
  const preflight = (api: Api, origin: string) =>
    api.app.inject({
      method: 'OPTIONS',
      url: '/api/instances',
      headers: {
        origin,
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'authorization',
      },
    });
  const get = (api: Api, origin: string) =>
    api.app.inject({
      method: 'GET',
      url: '/api/instances',
      headers: { origin, authorization: `Bearer ${api.admin}` },
    });

  it('is closed by default: no allow-origin for a foreign page, and its preflight refused', async () => {
    if (!driver) throw new Error('no store');
    const api = await openApi(driver);
    try {
      const res = await get(api, 'https://evil.example');
      expect(res.statusCode).toBe(200);
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
      const pre = await preflight(api, 'https://evil.example');
      expect([pre.statusCode, pre.json().code]).toEqual([403, 'API_ORIGIN_REFUSED']);
      expect(pre.headers['access-control-allow-origin']).toBeUndefined();
      expect(pre.headers['access-control-allow-methods']).toBeUndefined();
    } finally {
      await api.close();
    }
  });

  it('answers the origins of its allow-list, and only them', async () => {
    if (!driver) throw new Error('no store');
    const api = await openApi(driver, () => ({ corsOrigins: ['https://ops.example.com/'] }));
    try {
      const pre = await preflight(api, 'https://ops.example.com');
      expect(pre.statusCode).toBe(204);
      expect(pre.headers['access-control-allow-origin']).toBe('https://ops.example.com');
      expect(String(pre.headers['access-control-allow-methods'])).toContain('DELETE');
      expect(String(pre.headers['access-control-allow-headers']).toLowerCase()).toContain('authorization');
      const res = await get(api, 'https://ops.example.com');
      expect(res.headers['access-control-allow-origin']).toBe('https://ops.example.com');
      expect(String(res.headers.vary)).toMatch(/origin/i);
      for (const foreign of [
        'https://evil.example',
        'http://ops.example.com',
        'https://ops.example.com:8443',
      ]) {
        expect((await get(api, foreign)).headers['access-control-allow-origin']).toBeUndefined();
        expect((await preflight(api, foreign)).statusCode).toBe(403);
      }
    } finally {
      await api.close();
    }
  });

  it('refuses to start with an origin that is not scheme://host[:port]', async () => {
    if (!driver) throw new Error('no store');
    await expect(openApi(driver, () => ({ corsOrigins: ['ops.example.com'] }))).rejects.toThrow(
      /scheme:\/\/host/,
    );
  });
});

describe('security headers', () => {
  let api: Api;
  const dist = mkdtempSync(join(tmpdir(), 'parley-headers-'));
  beforeAll(async () => {
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><div id="root"></div>');
    writeFileSync(join(dist, 'assets', 'index-x.js'), 'console.log(1)');
    const [driver] = storeDrivers();
    if (!driver) throw new Error('no store');
    api = await openApi(driver, () => ({ plugins: [designerPlugin({ dist })] }));
    await api.call('POST', '/api/instances', { alias: 'acme' });
  });
  afterAll(async () => {
    await api?.close();
    rmSync(dist, { recursive: true, force: true });
  });

  const common = (headers: Record<string, unknown>) => ({
    nosniff: headers['x-content-type-options'],
    frame: headers['x-frame-options'],
    referrer: headers['referrer-policy'],
    opener: headers['cross-origin-opener-policy'],
    powered: headers['x-powered-by'],
  });
  const expected = {
    nosniff: 'nosniff',
    frame: 'DENY',
    referrer: 'no-referrer',
    opener: 'same-origin',
    powered: undefined,
  };

  it('come with every API answer, refusals and errors included, under a policy that runs nothing', async () => {
    const answers = [
      await api.call('GET', '/api/instances'),
      await api.call('GET', '/api/health', undefined, null),
      await api.call('GET', '/api/instances', undefined, null),
      await api.call('GET', '/api/instances/acme/flows/nobody'),
      await api.call('GET', '/api/nothing'),
      await api.call('POST', '/api/instances/acme/flows', { name: 'x', type: 'CONTACT_FLOW', bad: 1 }),
    ];
    expect(answers.map((a) => a.status)).toEqual([200, 200, 401, 404, 404, 400]);
    for (const a of answers) {
      expect(common(a.headers)).toEqual(expected);
      expect(a.headers['content-security-policy']).toBe(cspHeader(API_CSP));
    }
  });

  it('come with the designer’s page and files, under the policy the designer runs under', async () => {
    for (const url of ['/', '/instances/acme/flows/x', '/assets/index-x.js']) {
      const res = await api.app.inject({ method: 'GET', url });
      expect([url, res.statusCode]).toEqual([url, 200]);
      expect(common(res.headers)).toEqual(expected);
      expect(res.headers['content-security-policy']).toBe(cspHeader(DESIGNER_CSP));
    }
    const csp = cspHeader(DESIGNER_CSP);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('upgrade-insecure-requests');
  });

  it('come with the API documentation, whose page has a policy of its own', async () => {
    const res = await api.app.inject({ method: 'GET', url: '/docs' });
    expect(res.statusCode).toBe(200);
    expect(common(res.headers)).toEqual(expected);
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
  });
});

describe('secrets in the server log', () => {
  it('never has tokens, token secrets, Lambda credentials or encryption keys, though it logs every request', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const [driver] = storeDrivers();
    if (!driver) throw new Error('no store');
    const api = await openApi(driver, () => ({ logger: { level: 'trace', stream } }));
    const secrets: string[] = [api.admin];
    try {
      await api.call('POST', '/api/instances', { alias: 'acme' });
      const made = await api.call('POST', '/api/tokens', { role: 'author', name: 'ci', instance: 'acme' });
      expect(made.status).toBe(201);
      secrets.push(made.json.token);
      await api.call('GET', `/api/instances/acme/flows?access_token=${made.json.token}`, undefined, null);
      await api.call('GET', '/api/instances/acme/flows', undefined, 'parley_0123456789ab_wrong-guess');
      secrets.push('parley_0123456789ab_wrong-guess');
      const lambda = await api.call('POST', '/api/instances/acme/lambda-functions', {
        name: 'lookup',
        url: 'https://svc:lambda-password@lambda.example/lookup',
        headers: { 'x-api-key': 'lambda-api-key-0042' },
      });
      expect(lambda.status).toBe(201);
      secrets.push('lambda-password', 'lambda-api-key-0042');
      // Refused for its bad key, so the server has a reason to say something about it.
      const refused = await api.call('POST', '/api/instances/acme/lambda-functions', {
        name: 'broken lookup!',
        url: 'https://svc:lambda-password-2@lambda.example/x',
        headers: { authorization: 'Bearer lambda-bearer-0043' },
      });
      expect(refused.status).toBeGreaterThanOrEqual(400);
      secrets.push('lambda-password-2', 'lambda-bearer-0043');
      const key = 'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAsecretkeymaterial';
      await api.call('POST', '/api/instances/acme/flows', {
        name: 'Card',
        type: 'CONTACT_FLOW',
        content: {
          Version: '2019-10-30',
          StartAction: 'a',
          Actions: [{ Identifier: 'a', Type: 'x', Parameters: { Key: key } }],
        },
      });
      secrets.push(key);
    } finally {
      await api.close();
    }
    const log = lines.join('');
    expect(lines.length).toBeGreaterThan(10);
    expect(log).toContain('access_token=[redacted]');
    expect(log).toContain('/lambda-functions');
    for (const secret of secrets) expect(log).not.toContain(secret);
  });
});
