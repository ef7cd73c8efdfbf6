import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ImportJson } from '../src/cli/commands/import.js';
import { run } from '../src/cli/main.js';
import { buildApp } from '../src/server/app.js';
import { bootstrapAdminToken } from '../src/services/tokens.js';
import { openStore, type Store } from '../src/store/index.js';

const dir = mkdtempSync(join(tmpdir(), 'parley-import-server-'));
const fixture = (path: string) => new URL(`../../fixtures/${path}`, import.meta.url);
copyFileSync(fixture('flows/queue-transfer-billing.json'), join(dir, 'billing.json'));
copyFileSync(fixture('runs/menu-dtmf/flow.json'), join(dir, 'menu.json'));
const OLD_QUEUE =
  'arn:aws:connect:us-east-1:123456789012:instance/11111111-2222-3333-4444-555555555555/queue/959ebac3-451f-5259-989f-34f01137cd29';

let store: Store;
let app: FastifyInstance;
let url: string;
let admin: string;
let author: string;
let billing: { id: string; arn: string };
/** Everything the CLI printed, to make sure no token is ever among it. */
let printed = '';

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd: dir });
  printed += stdout + stderr;
  return { code, stdout, stderr };
}

const api = async (method: 'GET' | 'POST', path: string, body?: object) => {
  const res = await app.inject({
    method,
    url: path,
    headers: { authorization: `Bearer ${admin}` },
    ...(body ? { payload: body } : {}),
  });
  return { status: res.statusCode, json: res.json() };
};

/** A port nothing listens on: taken from the system, then let go. */
async function deadPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  await new Promise((done) => server.close(done));
  return port;
}

beforeAll(async () => {
  store = await openStore();
  app = await buildApp({ store });
  await app.listen({ port: 0, host: '127.0.0.1' });
  url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  admin = (await bootstrapAdminToken(store)) ?? '';
  await api('POST', '/api/instances', { alias: 'acme', account: '123456789012' });
  author = (await api('POST', '/api/tokens', { role: 'author', name: 'cli', instance: 'acme' })).json.token;
  billing = (await api('POST', '/api/instances/acme/queues', { name: 'Billing' })).json;
});
afterAll(async () => {
  await app?.close();
  await store?.close();
  expect(printed).not.toContain(author);
  expect(printed).not.toContain(admin);
});
afterEach(() => {
  vi.unstubAllEnvs();
});

const server = () => ['--server', url];
const flags = () => ['--server', url, '--token', author];

describe('parley import into a server instance', () => {
  it('imports the flow, printing the report the bundle form prints and the version it saved', async () => {
    const r = await cli('import', 'billing.json', '--instance', 'acme', ...flags());
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`QueueId  queue  ${OLD_QUEUE}  → ${billing.arn} (by name "Billing")`);
    expect(r.stdout).toContain(
      '2 references: 0 by ARN, 0 by ID, 2 by name, 0 mapped, 0 unresolved; saved as version 1 of "Acme billing transfer" in acme',
    );
    const flow = await api('GET', '/api/instances/acme/flows/Acme billing transfer');
    expect(flow.json).toMatchObject({ type: 'QUEUE_TRANSFER', latestVersion: 1 });
  });

  it('prints { flowType, references, errors } with --json, and saves nothing with --dry-run', async () => {
    const r = await cli(
      'import',
      'menu.json',
      '--instance',
      'acme',
      '--name',
      'Dry',
      '--dry-run',
      '--json',
      ...flags(),
    );
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as ImportJson;
    expect(Object.keys(report)).toEqual(['flowType', 'references', 'errors']);
    expect(report.flowType).toBe('CONTACT_FLOW');
    expect((await api('GET', '/api/instances/acme/flows/Dry')).status).toBe(404);
  });

  it('names a new flow with --name and adds versions to an existing one with --flow', async () => {
    const created = await cli('import', 'menu.json', '--instance', 'acme', '--name', 'Menu', ...flags());
    expect([created.code, created.stdout]).toEqual([
      0,
      expect.stringContaining('saved as version 1 of "Menu"'),
    ]);
    const again = await cli('import', 'menu.json', '--instance', 'acme', '--flow', 'Menu', ...flags());
    expect(again.stdout).toContain('unchanged: version 1 of "Menu" in acme has this content');
  });

  it('exits 1 for a flow of another type than the flow it goes into, and writes nothing', async () => {
    const r = await cli('import', 'billing.json', '--instance', 'acme', '--flow', 'Menu', ...flags());
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      'IMPORT_FLOW_TYPE_MISMATCH: this is a QUEUE_TRANSFER flow; the target is a CONTACT_FLOW',
    );
    expect(r.stdout).toContain('0 unresolved; nothing written\n');
    expect((await api('GET', '/api/instances/acme/flows/Menu')).json.latestVersion).toBe(1);
  });

  it('sends the mapping file, which the server applies first', async () => {
    writeFileSync(join(dir, 'map.json'), JSON.stringify({ [OLD_QUEUE]: billing.id }));
    const r = await cli(
      'import',
      'billing.json',
      '--instance',
      'acme',
      '--map',
      'map.json',
      '--dry-run',
      '--json',
      ...flags(),
    );
    const report = JSON.parse(r.stdout) as ImportJson;
    expect(report.references.map((x) => [x.resolution, x.target])).toEqual([
      ['map', billing.arn],
      ['map', billing.arn],
    ]);
  });

  it('finds the server and token in PARLEY_URL and PARLEY_TOKEN', async () => {
    vi.stubEnv('PARLEY_URL', url);
    vi.stubEnv('PARLEY_TOKEN', author);
    const r = await cli('import', 'menu.json', '--instance', 'acme', '--dry-run');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('dry run, nothing written');
  });

  it('exits 2 when the server cannot be reached, refuses the token or has no such instance', async () => {
    const gone = await cli(
      'import',
      'menu.json',
      '--instance',
      'acme',
      '--server',
      `http://127.0.0.1:${await deadPort()}`,
      '--token',
      author,
    );
    expect([gone.code, gone.stderr]).toEqual([2, expect.stringContaining('cannot reach http://127.0.0.1:')]);
    vi.stubEnv('PARLEY_TOKEN', '');
    const anonymous = await cli('import', 'menu.json', '--instance', 'acme', ...server());
    expect([anonymous.code, anonymous.stderr]).toEqual([2, expect.stringContaining('API_UNAUTHORIZED')]);
    expect(anonymous.stderr).toContain('give --token or set PARLEY_TOKEN');
    const forged = await cli(
      'import',
      'menu.json',
      '--instance',
      'acme',
      ...server(),
      '--token',
      'parley_0_forged',
    );
    expect([forged.code, forged.stderr]).toEqual([2, expect.stringContaining('unknown or revoked token')]);
    expect(forged.stderr).not.toContain('parley_0_forged');
    const nowhere = await cli('import', 'menu.json', '--instance', 'globex', ...server(), '--token', admin);
    expect([nowhere.code, nowhere.stderr]).toEqual([2, expect.stringContaining('API_NOT_FOUND')]);
    expect((await cli('import', 'menu.json', '--instance', 'acme', '--out', 'x.json', ...flags())).code).toBe(
      2,
    );
  });

  it('reads --instance as a bundle when it ends in .json or names an existing file', async () => {
    writeFileSync(join(dir, 'acme-bundle'), JSON.stringify({ queues: [{ name: 'Billing' }] }));
    const offline = ['--server', `http://127.0.0.1:${await deadPort()}`];
    const local = await cli('import', 'billing.json', '--instance', 'acme-bundle', '--dry-run', ...offline);
    expect(local.code).toBe(0);
    expect(local.stdout).toContain('2 by name');
    const missing = await cli('import', 'billing.json', '--instance', 'acme.json', ...offline);
    expect([missing.code, missing.stderr]).toEqual([2, expect.stringContaining('INSTANCE_BUNDLE_INVALID')]);
    const mixed = await cli('import', 'billing.json', '--instance', 'acme-bundle', '--flow', 'Menu');
    expect([mixed.code, mixed.stderr]).toEqual([2, expect.stringContaining('--flow and --name')]);
  });
});

describe('parley export from a server instance', () => {
  it('writes a flow as Connect imports it, with the names of its references', async () => {
    const r = await cli('export', '--instance', 'acme', '--flow', 'Acme billing transfer', ...flags());
    expect(r.code).toBe(0);
    const document = JSON.parse(r.stdout);
    expect(document.Actions[0].Parameters.QueueId).toBe(billing.arn);
    expect(document.Metadata.ActionMetadata['Set working queue'].parameters.QueueId.displayName).toBe(
      'Billing',
    );
    const v1 = await cli(
      'export',
      '--instance',
      'acme',
      '--flow',
      'Menu',
      '--version',
      '1',
      '--out',
      'menu-v1.json',
      ...flags(),
    );
    expect(v1.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'menu-v1.json'), 'utf8')).Version).toBe('2019-10-30');
  });

  it('writes the whole instance as a bundle with --bundle', async () => {
    const r = await cli('export', '--instance', 'acme', '--bundle', '--out', 'acme-export.json', ...flags());
    expect(r.code).toBe(0);
    const bundle = JSON.parse(readFileSync(join(dir, 'acme-export.json'), 'utf8'));
    expect(bundle.instance).toMatchObject({ alias: 'acme', account: '123456789012' });
    expect(bundle.queues).toEqual([{ id: billing.id, name: 'Billing' }]);
    expect(bundle.flows.map((f: { name: string }) => f.name)).toEqual(['Acme billing transfer', 'Menu']);
  });

  it('exits 2 for an unknown flow or version, and for --flow and --bundle both or neither', async () => {
    const unknown = await cli('export', '--instance', 'acme', '--flow', 'Nope', ...flags());
    expect([unknown.code, unknown.stderr]).toEqual([2, expect.stringContaining('API_NOT_FOUND')]);
    const version = await cli('export', '--instance', 'acme', '--flow', 'Menu', '--version', '9', ...flags());
    expect([version.code, version.stderr]).toEqual([2, expect.stringContaining('PUBLISH_VERSION_UNKNOWN')]);
    expect((await cli('export', '--instance', 'acme', ...flags())).code).toBe(2);
    expect((await cli('export', '--instance', 'acme', '--flow', 'Menu', '--bundle', ...flags())).code).toBe(
      2,
    );
    expect((await cli('export', 'menu.json', '--instance', 'acme', '--flow', 'Menu', ...flags())).code).toBe(
      2,
    );
    expect(
      (await cli('export', '--instance', 'acme', '--flow', 'Menu', '--version', 'x', ...flags())).code,
    ).toBe(2);
    expect(existsSync(join(dir, 'x'))).toBe(false);
  });
});
