// Server figures, on the embedded store (PGlite) and on PostgreSQL: importing a 2,000-action export
// whose 500 references resolve by name, saving and publishing it (and a 250-action flow), and
// reading flows through the API with a bearer token. Requests go through Fastify's `inject`, so the
// figures are the server's (routing, auth, schemas, services, store) without sockets.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { FastifyInstance, InjectOptions } from 'fastify';
import pg from 'pg';
import type { Figure } from '../../packages/flow/bench/validate.bench.js';
import { buildApp } from '../src/server/app.js';
import { bootstrapAdminToken } from '../src/services/tokens.js';
import { openStore, type Store } from '../src/store/index.js';
import { REFERENCE_KINDS, referencingFlow, resourceNames } from './server-flows.js';

const REPEATS = 5;
/** Resources of each kind in the instance; the 500 references share them. */
const PER_KIND = 25;
const LIST_FLOWS = 200;
const CONCURRENCY = 16;
const READ_MS = 3000;

export interface ServerBench {
  figures: Figure[];
  /** Said beside the table: what was skipped, and why. */
  notes: string[];
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

const smallFlow = readFileSync(new URL('../../fixtures/runs/menu-dtmf/flow.json', import.meta.url), 'utf8');

interface Client {
  app: FastifyInstance;
  /** One request with a JSON body serialized beforehand (not timed) and the status it must answer. */
  send(
    method: InjectOptions['method'],
    url: string,
    token: string,
    body?: string,
    expect?: number,
  ): Promise<{ ms: number; json: () => unknown; body: string }>;
}

async function client(store: Store): Promise<{ api: Client; admin: string }> {
  const app = await buildApp({ store });
  const admin = (await bootstrapAdminToken(store)) ?? '';
  if (!admin) throw new Error('a fresh store should hand out its first admin token');
  const api: Client = {
    app,
    async send(method, url, token, body, expect) {
      const started = performance.now();
      const res = await app.inject({
        method,
        url,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { payload: body }),
      });
      const ms = performance.now() - started;
      if (expect !== undefined && res.statusCode !== expect)
        throw new Error(`${method} ${url}: ${res.statusCode} ${res.body.slice(0, 500)}`);
      return { ms, json: () => res.json(), body: res.body };
    },
  };
  return { api, admin };
}

/** `workers` clients each sending the next request as soon as the last answered, for `ms`. */
async function throughput(ms: number, workers: number, request: () => Promise<unknown>): Promise<number> {
  let done = 0;
  const started = performance.now();
  const until = started + ms;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (performance.now() < until) {
        await request();
        done++;
      }
    }),
  );
  return done / ((performance.now() - started) / 1000);
}

type ImportReport = { report: { references: { resolution: string }[] }; saved: { flow: { name: string } } };

async function measure(store: Store, label: string, key: string): Promise<Figure[]> {
  const { api, admin } = await client(store);
  try {
    const json = JSON.stringify;
    await api.send('POST', '/api/instances', admin, json({ alias: 'bench', account: '123456789012' }), 201);
    await api.send('POST', '/api/instances', admin, json({ alias: 'catalog', account: '123456789012' }), 201);
    const token = async (role: string, instance: string) =>
      (
        (
          await api.send(
            'POST',
            '/api/tokens',
            admin,
            json({ role, name: `${role} ${instance}`, instance }),
            201,
          )
        ).json() as {
          token: string;
        }
      ).token;
    const author = await token('author', 'bench');
    const viewer = await token('viewer', 'bench');
    const catalogViewer = await token('viewer', 'catalog');
    const base = '/api/instances/bench';

    // What the export's references resolve to, by the names in its Metadata.
    for (const kind of REFERENCE_KINDS)
      for (const name of resourceNames(kind, PER_KIND)) {
        const [url, body] = {
          queue: [`${base}/queues`, { name }],
          prompt: [`${base}/prompts`, { name, text: `This is ${name}.` }],
          lambda: [`${base}/lambda-functions`, { name, url: 'http://127.0.0.1:9/lookup' }],
          flow: [`${base}/flows`, { name, type: 'CUSTOMER_QUEUE' }],
        }[kind] as [string, object];
        await api.send('POST', url, author, json(body), 201);
      }
    for (let i = 0; i < LIST_FLOWS; i++)
      await api.send(
        'POST',
        '/api/instances/catalog/flows',
        admin,
        json({ name: `Flow ${i}`, type: 'CONTACT_FLOW', content: smallFlow }),
        201,
      );

    const importOnce = async (size: number, references: number, name: string) => {
      const content = json(referencingFlow(size, references, PER_KIND, name));
      const res = await api.send('POST', `${base}/import`, author, json({ content, name }), 201);
      const report = res.json() as ImportReport;
      const byName = report.report.references.filter((r) => r.resolution === 'name').length;
      if (byName !== references)
        throw new Error(`${name}: ${byName} of ${references} references resolved by name`);
      return res.ms;
    };

    // Import: the first one warms the JIT, schemas and caches; each repeat makes a new flow.
    await importOnce(2000, 500, 'Import 2000 warm-up');
    const imports: number[] = [];
    for (let r = 0; r < REPEATS; r++) imports.push(await importOnce(2000, 500, `Import 2000 #${r}`));
    await importOnce(250, 62, 'Import 250');

    // Publish: each repeat saves a version differing only in its description, then publishes it.
    const publishing = async (flow: string) => {
      const url = `${base}/flows/${encodeURIComponent(flow)}`;
      const doc = JSON.parse((await api.send('GET', `${url}/content`, author, undefined, 200)).body) as {
        Metadata: { description: string };
      };
      const saves: number[] = [];
      const publishes: number[] = [];
      for (let r = 0; r <= REPEATS; r++) {
        doc.Metadata.description = `Edit ${r}`;
        const save = await api.send('POST', `${url}/versions`, author, json({ content: json(doc) }), 201);
        const pub = await api.send('POST', `${url}/publish`, author, '{}', 200);
        // Round 0 warms up.
        if (r > 0) {
          saves.push(save.ms);
          publishes.push(pub.ms);
        }
      }
      return { save: median(saves), publish: median(publishes) };
    };
    const large = await publishing('Import 2000 #0');
    const small = await publishing('Import 250');

    const contentUrl = `${base}/flows/${encodeURIComponent('Import 250')}/content`;
    const read = () => api.send('GET', contentUrl, viewer, undefined, 200);
    await throughput(300, CONCURRENCY, read);
    const reads = await throughput(READ_MS, CONCURRENCY, read);

    const list = () => api.send('GET', '/api/instances/catalog/flows', catalogViewer, undefined, 200);
    // Checked once, outside the timed loop: parsing each answer would be the client's time.
    if (((await list()).json() as { flows: unknown[] }).flows.length !== LIST_FLOWS)
      throw new Error(`GET /flows should list the ${LIST_FLOWS} flows`);
    await throughput(300, CONCURRENCY, list);
    const lists = await throughput(READ_MS, CONCURRENCY, list);

    const k = (metric: string) => `server_${key}_${metric}`;
    return [
      {
        key: k('import_2000_ms'),
        label: `server (${label}): POST /import, 2,000 actions, 500 references rewritten by name`,
        value: median(imports),
        unit: 'ms',
      },
      { key: k('save_ms'), label: '  save a changed version, 2,000 actions', value: large.save, unit: 'ms' },
      { key: k('publish_ms'), label: '  publish, 2,000 actions', value: large.publish, unit: 'ms' },
      {
        key: k('save_250_ms'),
        label: '  save a changed version, 250 actions',
        value: small.save,
        unit: 'ms',
      },
      { key: k('publish_250_ms'), label: '  publish, 250 actions', value: small.publish, unit: 'ms' },
      {
        key: k('flow_reads_per_s'),
        label: `  GET /flows/:flow/content, 250 actions, ${CONCURRENCY} at a time`,
        value: reads,
        unit: 'req/s',
      },
      {
        key: k('flow_list_per_s'),
        label: `  GET /flows, ${LIST_FLOWS} flows, ${CONCURRENCY} at a time`,
        value: lists,
        unit: 'req/s',
      },
    ];
  } finally {
    await api.app.close();
  }
}

/** The PostgreSQL benchmarks use: DATABASE_URL, else the one scripts/test provisioned. */
function databaseUrl(): string | undefined {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  try {
    return (
      readFileSync(new URL('../../.tools/postgres-test-url', import.meta.url), 'utf8').trim() || undefined
    );
  } catch {
    return undefined;
  }
}

/**
 * The PostgreSQL a bench section may use, or why it skips: none configured, or none that lets us in.
 * The store's pool waits for a server indefinitely; a probe with a time limit answers first.
 */
export async function reachablePostgres(): Promise<{ url: string } | { skipped: string }> {
  const url = databaseUrl();
  if (!url) return { skipped: 'no DATABASE_URL and no .tools/postgres-test-url' };
  const probe = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await probe.connect();
    return { url };
  } catch (e) {
    return { skipped: `PostgreSQL unreachable (${e instanceof Error ? e.message : String(e)})` };
  } finally {
    await probe.end().catch(() => undefined);
  }
}

/** A throw-away schema on the PostgreSQL, or why there is none. */
async function openPostgresStore(): Promise<
  { store: Store; drop: () => Promise<void> } | { skipped: string }
> {
  const postgres = await reachablePostgres();
  if ('skipped' in postgres) return postgres;
  const url = postgres.url;
  const schema = `bench_${randomBytes(6).toString('hex')}`;
  const store = await openStore({ databaseUrl: url, postgres: { schema } });
  return {
    store,
    drop: async () => {
      try {
        await store.db.exec(`DROP SCHEMA ${schema} CASCADE`);
      } finally {
        await store.close();
      }
    },
  };
}

export async function benchServer(): Promise<ServerBench> {
  const figures: Figure[] = [];
  const notes: string[] = [];
  const pglite = await openStore();
  try {
    figures.push(...(await measure(pglite, 'PGlite', 'pglite')));
  } finally {
    await pglite.close();
  }
  const postgres = await openPostgresStore();
  if ('skipped' in postgres) notes.push(`server: the PostgreSQL rows were skipped: ${postgres.skipped}`);
  else {
    try {
      figures.push(...(await measure(postgres.store, 'PostgreSQL', 'postgres')));
    } finally {
      await postgres.drop();
    }
  }
  return { figures, notes };
}
