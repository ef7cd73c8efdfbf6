// Two runtime worker processes on one PostgreSQL and one PBX (ari-sim, served from this process,
// which also plays the callers): worker A is killed with SIGKILL while its calls are in their flows,
// and worker B takes them over. Survival is counted from what the store holds afterwards.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { type AriClient, createAriClient } from '@parley/ari';
import { type AriSim, createAriSim, defaultDialplan } from '@parley/ari-sim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM } from '../../src/services/context.js';
import { EventBus } from '../../src/services/events.js';
import { createFlow, publish, saveVersion } from '../../src/services/flows.js';
import { putResource } from '../../src/services/resources.js';
import { openStore, type Store } from '../../src/store/index.js';
import { testDatabaseUrl } from '../support/stores.js';
import { FAILOVER_FLOW, FAILOVER_PATH } from './flow.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const NUMBER = '+18005550199';
const CALLS = 40;
const LEASE_MS = 3_000;
const url = testDatabaseUrl();

interface Worker {
  id: string;
  child: ChildProcess;
  /** Lines the worker printed (JSON events), in order, with when they arrived. */
  events: { at: number; event: Record<string, unknown> }[];
}

function startWorker(id: string, env: Record<string, string>): Promise<Worker> {
  const data = mkdtempSync(join(tmpdir(), `parley-worker-${id}-`));
  const child = spawn(
    process.execPath,
    [
      '--import',
      './scripts/lib/ts-register.mjs',
      'runtime/src/cli/bin.ts',
      'worker',
      '--id',
      id,
      '--data',
      data,
      // Longer than the default second: on a loaded machine (the whole suite on two cores) a worker
      // may stall past a short lease and be adopted while alive. Speed is the benchmark's to show.
      '--lease-ms',
      String(LEASE_MS),
    ],
    {
      cwd: root,
      env: { ...process.env, ...env, PARLEY_ARI_APP: `parley-${id}` },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const worker: Worker = { id, child, events: [] };
  return new Promise((resolve, reject) => {
    // Its standard error is the test's: a worker that fails says why there.
    child.once('exit', (code) => reject(new Error(`worker ${id} exited (${code})`)));
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
      let event: Record<string, unknown>;
      try {
        event = JSON.parse(line) as Record<string, unknown>;
      } catch {
        return;
      }
      worker.events.push({ at: performance.now(), event });
      if (event.ready) resolve(worker);
    });
  });
}

/** Places calls as the harness does, half to each worker's app, and follows their caller halves. */
function placeCalls(harness: AriClient, calls: number, only?: 'a' | 'b') {
  const live = new Set<string>();
  let endedByPbx = 0;
  const ended = new Promise<void>((resolve) => {
    harness.on('ChannelDestroyed', (e) => {
      if (!live.delete(e.channel.id)) return;
      endedByPbx++;
      if (live.size === 0) resolve();
    });
  });
  const placed = Promise.all(
    Array.from({ length: calls }, async (_, n) => {
      const id = harness.newId('fo');
      live.add(`${id}-caller`);
      await harness.channels.originate({
        endpoint: `Local/${NUMBER.slice(1)}@from-${only ?? (n % 2 === 0 ? 'a' : 'b')}/n`,
        app: 'harness',
        appArgs: 'caller',
        callerId: `"Caller ${n}" <+1555${String(n).padStart(7, '0')}>`,
        channelId: `${id}-caller`,
        otherChannelId: `${id}-flow`,
        timeout: 30,
      });
    }),
  );
  return {
    placed,
    ended,
    get live() {
      return live.size;
    },
    get endedByPbx() {
      return endedByPbx;
    },
  };
}

describe.skipIf(!url)('runtime workers on one PostgreSQL', () => {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  let store: Store;
  let sim: AriSim;
  let server: Awaited<ReturnType<AriSim['listen']>>;
  let instanceId: string;
  const workers: Worker[] = [];

  beforeAll(async () => {
    store = await openStore({ databaseUrl: url ?? '', postgres: { schema, max: 4 } });
    const instance = await store.catalog.createInstance({
      id: '7e57c0de-0000-4000-8000-00000000f0f0',
      alias: 'failover',
      partition: 'aws',
      region: 'us-east-1',
      account: '000000000000',
    });
    instanceId = instance.id;
    const scope = { store, events: new EventBus(), instance, actor: SYSTEM };
    const flow = await createFlow(scope, { name: 'Failover IVR', type: 'CONTACT_FLOW' });
    await saveVersion(scope, flow.id, { content: JSON.stringify(FAILOVER_FLOW), message: 'test' });
    await publish(scope, flow.id);
    await putResource(scope, 'phoneNumber', { number: NUMBER, flow: flow.id });

    // Each worker has an app of its own; the dialplan sends half the calls to each.
    const dialplan = defaultDialplan()
      .replace('[from-test]', '[from-a]\nexten => _X.,1,Stasis(parley-a,inbound,${EXTEN})\n\n[from-test]')
      .replace('[from-test]', '[from-b]\nexten => _X.,1,Stasis(parley-b,inbound,${EXTEN})\n\n[from-test]');
    sim = createAriSim({ config: { dialplan } });
    server = await sim.listen({ port: 0, host: '127.0.0.1' });
    const database = new URL(url ?? '');
    database.searchParams.set('options', `-c search_path=${schema}`);
    const env = {
      DATABASE_URL: database.toString(),
      PARLEY_ARI_URL: server.url,
      PARLEY_ARI_USER: 'parley',
      PARLEY_ARI_PASSWORD: 'parley',
    };
    // c serves no app of the dialplan: it is there to adopt.
    workers.push(...(await Promise.all(['a', 'b', 'c'].map((id) => startWorker(id, env)))));
  }, 120_000);

  afterAll(async () => {
    for (const w of workers) if (w.child.exitCode === null) w.child.kill('SIGKILL');
    await server?.close();
    await sim?.close();
    await store?.db.exec(`DROP SCHEMA ${schema} CASCADE`).catch(() => undefined);
    await store?.close();
  });

  it('takes over the calls of a worker killed mid-flow and of one stopped, each continuing from its last block', async () => {
    const [a, b, c] = workers;
    if (!a || !b || !c) throw new Error('no workers');
    const harness = createAriClient({
      transport: sim.transport({ username: 'harness', password: 'harness' }),
      app: 'harness',
    });
    await harness.connect();
    const calls = placeCalls(harness, CALLS);
    await calls.placed;
    // Every call is in its flow (the first prompts take seconds): kill worker A in the middle.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(calls.live).toBe(CALLS);
    const killedAt = performance.now();
    a.child.kill('SIGKILL');
    // Then b is stopped as a rolling restart stops it, with its own calls and maybe a's.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const stoppedAt = performance.now();
    b.child.kill('SIGTERM');

    // A hang detector, not a speed check: the flows last about 15 s.
    await Promise.race([
      calls.ended,
      new Promise((_, reject) => setTimeout(() => reject(new Error(`${calls.live} calls still up`)), 90_000)),
    ]);
    // Calls that arrive for the stopped workers' apps after the takeovers are served as well.
    const later = placeCalls(harness, 4);
    await later.placed;
    await Promise.race([
      later.ended,
      new Promise((_, reject) => setTimeout(() => reject(new Error(`${later.live} calls still up`)), 90_000)),
    ]);
    harness.close();

    type Adopted = { apps: { workerId: string; app: string; resumed: number; started: number }[] };
    const adoptions = [...b.events, ...c.events].filter((e) => e.event.adopted);
    const adopting = (worker: string) =>
      adoptions.find((e) => (e.event.adopted as Adopted).apps.some((x) => x.workerId === worker));
    const ofA = adopting('a');
    const ofB = adopting('b');
    expect(ofA).toBeDefined();
    expect(ofB).toBeDefined();
    expect(b.events.some((e) => e.event.handedOver)).toBe(true);
    // No call was restarted from its first block: every one resumed from its checkpoint.
    expect(adoptions.flatMap((e) => (e.event.adopted as Adopted).apps.map((x) => x.started))).toEqual(
      adoptions.flatMap((e) => (e.event.adopted as Adopted).apps.map(() => 0)),
    );
    const takeoverMs = (ofA?.at ?? Number.NaN) - killedAt;
    const handOverMs = (ofB?.at ?? Number.NaN) - stoppedAt;

    // A call survived when its contact record says its flow disconnected it, and its flow log
    // holds the whole path with at most one block run twice (the one running at the kill).
    const contacts = await store.contacts.contacts(instanceId, { limit: 1000 });
    let survived = 0;
    let repeated = 0;
    for (const c of contacts) {
      const record = await store.contacts.contactRecord(instanceId, c.contactId);
      const path = (await store.contacts.flowLogs(instanceId, { contactId: c.contactId, limit: 1000 })).map(
        (l) => String(l.entry.Identifier),
      );
      const deduped = path.filter((id, i) => id !== path[i - 1]);
      const repeats = path.length - deduped.length;
      repeated += repeats;
      if (
        record?.DisconnectReason === 'CONTACT_FLOW_DISCONNECT' &&
        JSON.stringify(deduped) === JSON.stringify(FAILOVER_PATH) &&
        repeats <= 1
      )
        survived++;
    }
    console.log(
      `failover: ${contacts.length} calls, ${survived} survived (${((100 * survived) / contacts.length).toFixed(1)}%), ` +
        `${repeated} flow-log entries repeated; a adopted ${takeoverMs.toFixed(0)} ms after SIGKILL, ` +
        `b ${handOverMs.toFixed(0)} ms after SIGTERM: ${JSON.stringify(adoptions.map((e) => e.event.adopted))}`,
    );
    expect(contacts).toHaveLength(CALLS + 4);
    expect(survived / contacts.length).toBeGreaterThanOrEqual(0.99);
    expect(calls.endedByPbx).toBe(CALLS);
    expect(await store.cluster.contactCounts()).toEqual({});
  }, 180_000);
});
