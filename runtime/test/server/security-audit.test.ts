import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeDrivers } from '../support/stores.js';
import { type Api, fixture, openApi } from './support.js';

const menu = fixture('runs/menu-dtmf/flow.json');
const wav = readFileSync(new URL('../../../packages/ari-sim/sounds/en/hello-world.wav', import.meta.url));
const base = '/api/instances/acme';

interface Entry {
  seq: number;
  instanceId: string | null;
  actor: string;
  action: string;
  target: string;
  detail: Record<string, unknown>;
}

describe.each(storeDrivers())('the audit log on $name', (driver) => {
  let api: Api;
  let acme: string;
  /** Token ids by role, as entries name their actor. */
  const ids: Record<string, string> = {};
  const tokens: Record<string, string> = {};
  beforeAll(async () => {
    api = await openApi(driver);
    acme = (await api.call('POST', '/api/instances', { alias: 'acme' })).json.id;
    await api.call('POST', '/api/instances', { alias: 'globex' });
    for (const role of ['author', 'admin']) {
      const made = await api.call('POST', '/api/tokens', { role, name: `${role} of acme`, instance: 'acme' });
      tokens[role] = made.json.token;
      ids[role] = made.json.id;
    }
  });
  afterAll(() => api?.close());

  const entries = async (url = `${base}/audit`, token = api.admin): Promise<Entry[]> => {
    const res = await api.call('GET', `${url}?limit=1000`, undefined, token);
    expect(res.status).toBe(200);
    return res.json.entries;
  };
  /** What a step wrote to the log: the entries after the ones there before it. */
  const written = async (step: () => Promise<unknown>, url?: string): Promise<Entry[]> => {
    const before = (await entries(url)).at(-1)?.seq ?? 0;
    await step();
    return (await entries(url)).filter((e) => e.seq > before);
  };
  const ok = async (method: 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'GET', url: string, body?: unknown) => {
    const res = await api.call(method, url, body, tokens.author);
    expect([method, url, res.status, res.status < 300 ? '' : res.text]).toEqual([
      method,
      url,
      expect.any(Number),
      '',
    ]);
    return res.json;
  };
  /** The actions a step caused; the first use of its token adds a token.use beside them. */
  const actions = (list: Entry[]) => list.map((e) => e.action).filter((a) => a !== 'token.use');

  let flowId: string;

  it('records a flow’s creation and each save, with the author and the version', async () => {
    const log = await written(async () => {
      flowId = (await ok('POST', `${base}/flows`, { name: 'Menu', type: 'CONTACT_FLOW', content: menu })).flow
        .id;
      await ok('POST', `${base}/flows/Menu/versions`, { content: menu.replace('Welcome to', 'Hello from') });
    });
    const flowEntries = log.filter((e) => e.action !== 'token.use');
    expect(actions(flowEntries)).toEqual(['flow.create', 'flow.save', 'flow.save']);
    expect(
      flowEntries.every((e) => e.actor === ids.author && e.target === flowId && e.instanceId === acme),
    ).toBe(true);
    expect(flowEntries.slice(1).map((e) => e.detail.version)).toEqual([1, 2]);
  });

  it('records a rename', async () => {
    const log = await written(() => ok('PATCH', `${base}/flows/Menu`, { description: 'the bank menu' }));
    expect(log).toEqual([
      expect.objectContaining({
        action: 'flow.update',
        target: flowId,
        detail: { description: 'the bank menu' },
      }),
    ]);
  });

  it('records publishing and rolling back, with the version', async () => {
    const log = await written(async () => {
      await ok('POST', `${base}/flows/Menu/publish`, {});
      await ok('POST', `${base}/flows/Menu/rollback`, { version: 1 });
    });
    expect(log.map((e) => [e.action, e.detail.version, e.actor])).toEqual([
      ['flow.publish', 2, ids.author],
      ['flow.rollback', 1, ids.author],
    ]);
  });

  it('records an import and an export, but not a dry run, which writes nothing', async () => {
    const dry = await written(() =>
      ok('POST', `${base}/import`, { content: menu, name: 'Dry', dryRun: true }),
    );
    expect(dry).toEqual([]);
    const log = await written(async () => {
      await ok('POST', `${base}/import`, { content: menu, name: 'Imported menu' });
      await ok('GET', `${base}/flows/Menu/export`);
    });
    expect(actions(log)).toEqual(['flow.create', 'flow.save', 'flow.import', 'flow.export']);
    expect(log.at(-1)).toMatchObject({ target: flowId, detail: { version: 1 } });
  });

  it('records a bundle’s export and import', async () => {
    const bundle = await api.call('GET', `${base}/bundle`, undefined, tokens.admin);
    const log = await written(async () => {
      const res = await api.call('POST', '/api/instances/globex/bundle', bundle.json);
      expect(res.status).toBe(200);
    }, '/api/instances/globex/audit');
    expect(actions(log)).toContain('instance.bundle.import');
    expect(actions(await entries())).toContain('instance.bundle.export');
  });

  it('records resources made, changed and deleted, and prompt audio uploaded', async () => {
    const log = await written(async () => {
      await ok('POST', `${base}/queues`, { name: 'Sales' });
      await ok('PUT', `${base}/queues/Sales`, { name: 'Sales', description: 'new' });
      await ok('POST', `${base}/prompts`, { name: 'Hello', text: 'Hello.' });
      const put = await api.app.inject({
        method: 'PUT',
        url: `${base}/prompts/Hello/audio`,
        headers: { authorization: `Bearer ${tokens.author}`, 'content-type': 'audio/wav' },
        payload: wav,
      });
      expect(put.statusCode).toBe(200);
      await ok('DELETE', `${base}/queues/Sales`);
    });
    expect(actions(log)).toEqual([
      'queue.create',
      'queue.update',
      'prompt.create',
      'prompt.upload',
      'queue.delete',
    ]);
  });

  it('records a flow deleted', async () => {
    const log = await written(() => ok('DELETE', `${base}/flows/Imported menu`));
    expect(actions(log)).toEqual(['flow.delete']);
  });

  it('records tokens made and revoked, in their instance, never with the secret', async () => {
    let secret = '';
    let id = '';
    const log = await written(async () => {
      const made = await api.call(
        'POST',
        '/api/tokens',
        { role: 'viewer', name: 'ci', instance: 'acme' },
        tokens.admin,
      );
      secret = made.json.token;
      id = made.json.id;
      expect((await api.call('DELETE', `/api/tokens/${id}`, undefined, tokens.admin)).status).toBe(204);
    });
    expect(log.map((e) => [e.action, e.target, e.actor])).toEqual([
      ['token.create', id, ids.admin],
      ['token.revoke', id, ids.admin],
    ]);
    expect(JSON.stringify(log)).not.toContain(secret);
  });

  it('records a token’s use once per interval, with the route and the address', async () => {
    const made = await api.call('POST', '/api/tokens', { role: 'viewer', name: 'reader', instance: 'acme' });
    const log = await written(async () => {
      for (let i = 0; i < 3; i++) {
        // Forgetting the lookup memo makes every request a fresh use, as after the memo's 5 s.
        api.app.forgetTokens();
        expect((await api.call('GET', `${base}/flows`, undefined, made.json.token)).status).toBe(200);
      }
    });
    const uses = log.filter((e) => e.action === 'token.use' && e.target === made.json.id);
    expect(uses).toEqual([
      expect.objectContaining({
        actor: made.json.id,
        instanceId: acme,
        detail: { route: 'GET /api/instances/:instance/flows', address: '127.0.0.1' },
      }),
    ]);
    const listed = (await api.call('GET', '/api/tokens')).json.tokens.find(
      (t: { id: string }) => t.id === made.json.id,
    );
    expect(listed.lastUsedAt).not.toBeNull();
  });

  it('shows global tokens’ entries to an admin of every instance, and an instance’s admin only theirs', async () => {
    const global = await api.call('POST', '/api/tokens', { role: 'viewer', name: 'everywhere' });
    const all = await entries('/api/audit');
    expect(all).toContainEqual(
      expect.objectContaining({ action: 'token.create', target: global.json.id, instanceId: null }),
    );
    expect(new Set(all.map((e) => e.instanceId)).size).toBeGreaterThan(2);
    const own = await entries('/api/audit', tokens.admin);
    expect(own.length).toBeGreaterThan(10);
    expect(own.every((e) => e.instanceId === acme)).toBe(true);
  });
});

describe('the audit of token use when the interval is zero', () => {
  it('records every fresh use', async () => {
    const [driver] = storeDrivers();
    if (!driver) throw new Error('no store');
    const api = await openApi(driver, () => ({ tokenUseAuditSeconds: 0 }));
    try {
      await api.call('POST', '/api/instances', { alias: 'acme' });
      const made = await api.call('POST', '/api/tokens', {
        role: 'viewer',
        name: 'reader',
        instance: 'acme',
      });
      for (let i = 0; i < 3; i++) {
        api.app.forgetTokens();
        await api.call('GET', `${base}/flows`, undefined, made.json.token);
      }
      const log = (await api.call('GET', `${base}/audit`)).json.entries as Entry[];
      expect(log.filter((e) => e.action === 'token.use' && e.target === made.json.id)).toHaveLength(3);
    } finally {
      await api.close();
    }
  });
});
