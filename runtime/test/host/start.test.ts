import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAriClient, httpTransport } from '@parley/ari';
import { Harness } from '@parley/harness';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import type { RunningParley } from '../../src/host/start.js';

const get = async (parley: RunningParley, token: string, path: string) => {
  const res = await fetch(`${parley.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  // biome-ignore lint/suspicious/noExplicitAny: response bodies are read field by field in assertions
  return { status: res.status, json: (await res.json()) as any };
};

describe('parley start', () => {
  const dir = mkdtempSync(join(tmpdir(), 'parley-start-'));
  let parley: RunningParley;
  let printed = '';
  let stop!: () => void;
  let exited: Promise<number>;

  // scripts/test exports DATABASE_URL for the store tests; this test is about the embedded default.
  const databaseUrl = process.env.DATABASE_URL;
  const corsOrigins = process.env.PARLEY_CORS_ORIGINS;

  beforeAll(async () => {
    delete process.env.DATABASE_URL;
    process.env.PARLEY_CORS_ORIGINS = 'https://wall.example.com, https://tv.example.com';
    const started = new Promise<RunningParley>((resolve) => {
      exited = run(
        ['start', '--port', '18080', '--data', 'data', '--cors-origin', 'https://ops.example.com'],
        { stdout: (t) => (printed += t), stderr: (t) => (printed += t), cwd: dir },
        {
          until: new Promise<void>((r) => (stop = r)),
          onStarted: resolve,
        },
      );
    });
    parley = await Promise.race([
      started,
      exited.then((code) => Promise.reject(new Error(`parley start exited with ${code}: ${printed}`))),
    ]);
  }, 60_000);

  afterAll(async () => {
    if (databaseUrl !== undefined) process.env.DATABASE_URL = databaseUrl;
    if (corsOrigins === undefined) delete process.env.PARLEY_CORS_ORIGINS;
    else process.env.PARLEY_CORS_ORIGINS = corsOrigins;
    stop?.();
    expect(await exited).toBe(0);
    rmSync(dir, { recursive: true, force: true });
  });

  const token = () => /admin token: (\S+)/.exec(printed)?.[1] ?? '';

  it('prints the URL, the store, the telephony and the admin token once', () => {
    expect(printed).toContain(`Parley is running at ${parley.url}`);
    expect(parley.url).toMatch(/^http:\/\/127\.0\.0\.1:180[0-9]{2}$/);
    expect(printed).toContain('ari-sim at http://127.0.0.1:');
    expect(token()).toMatch(/^parley_[0-9a-f]{12}_/);
  });

  it('serves the API with the demo instance and its published flows', async () => {
    const flows = await get(parley, token(), '/api/instances/demo/flows');
    expect(flows.status).toBe(200);
    const byName = Object.fromEntries(
      flows.json.flows.map((f: { name: string; publishedVersion: number | null }) => [
        f.name,
        f.publishedVersion,
      ]),
    );
    expect(byName).toEqual({ 'Bank menu': 1, 'Billing transfer': 1 });
    expect((await fetch(`${parley.url}/docs/json`)).status).toBe(200);
  });

  it('lets pages of the --cors-origin and PARLEY_CORS_ORIGINS origins call the API, and no others', async () => {
    const preflight = (origin: string) =>
      fetch(`${parley.url}/api/instances`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'GET' },
      });
    for (const origin of ['https://ops.example.com', 'https://wall.example.com', 'https://tv.example.com']) {
      const res = await preflight(origin);
      expect([origin, res.status, res.headers.get('access-control-allow-origin')]).toEqual([
        origin,
        204,
        origin,
      ]);
    }
    const foreign = await preflight('https://evil.example.com');
    expect([foreign.status, foreign.headers.get('access-control-allow-origin')]).toEqual([403, null]);
  });

  it('serves the designer at / (built first when missing) and prints its URL', async () => {
    expect(printed).toContain(`designer:    ${parley.url}/`);
    for (const path of ['/', '/instances/demo/flows/x']) {
      const res = await fetch(`${parley.url}${path}`);
      expect([path, res.status, res.headers.get('content-type')]).toEqual([
        path,
        200,
        'text/html; charset=utf-8',
      ]);
      expect(await res.text()).toContain('<div id="root">');
    }
  });

  it('answers a call to the demo number and records its contact and flow logs', async () => {
    const { sim, harness: creds, url } = parley.telephony;
    if (!sim || !creds) throw new Error('parley start should run ari-sim here');
    const ari = createAriClient({ transport: httpTransport({ url, ...creds }), app: 'harness' });
    await ari.connect();
    const harness = new Harness({ ari });
    try {
      const caller = await harness.call('18005550100', { callerId: '"Ann" <+15550001111>' });
      await caller.answered();
      await caller.waitForAudio({ timeoutMs: 20_000 });
      await caller.hangup();
    } finally {
      harness.close();
      ari.close();
    }
    let contacts: { contactId: string }[] = [];
    for (let i = 0; i < 100 && contacts.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 100));
      contacts = (await get(parley, token(), '/api/instances/demo/contacts')).json.contacts;
    }
    expect(contacts).toHaveLength(1);
    const id = contacts[0]?.contactId;
    const record = await get(parley, token(), `/api/instances/demo/contacts/${id}`);
    expect(record.json).toMatchObject({ ContactId: id, Channel: 'VOICE', InitiationMethod: 'INBOUND' });
    const logs = await get(parley, token(), `/api/instances/demo/contacts/${id}/logs`);
    expect(logs.json.entries[0]).toMatchObject({
      ContactId: id,
      ContactFlowName: 'Bank menu',
      Identifier: 'Log',
    });
  }, 60_000);
});
