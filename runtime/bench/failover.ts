// A failover run: runtime worker processes (`parley worker`) on one PostgreSQL and one PBX (ari-sim,
// served from this process, which also plays the callers). Calls go half to worker a's app and half
// to b's; a is killed with SIGKILL while they are in their flows, then b is stopped with SIGTERM as a
// rolling restart stops it, and c, which serves no app of the dialplan, ends up with every call.
// What survived is read from the store afterwards. Shared by the test and `pnpm bench`.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { type AriClient, createAriClient } from '@parley/ari';
import { createAriSim, defaultDialplan } from '@parley/ari-sim';
import { CALL_SERVING_NODE_FLAGS } from '../src/host/node-flags.js';
import type { Adoption } from '../src/host/start.js';
import { SYSTEM } from '../src/services/context.js';
import { EventBus } from '../src/services/events.js';
import { createFlow, publish, saveVersion } from '../src/services/flows.js';
import { putResource } from '../src/services/resources.js';
import { openStore, type Store } from '../src/store/index.js';
import { FAILOVER_FLOW, FAILOVER_PATH } from './failover-flow.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const NUMBER = '+18005550199';

export interface Worker {
  id: string;
  child: ChildProcess;
  /** Lines the worker printed (JSON events), in order, with when they arrived. */
  events: { at: number; event: Record<string, unknown> }[];
}

export interface FailoverOptions {
  /** PostgreSQL; the run uses a schema of its own and drops it. */
  databaseUrl: string;
  calls: number;
  leaseMs: number;
  /** How long calls run before a is killed, and again before b is stopped. */
  phaseMs?: number;
}

export interface FailoverRun {
  /** Contacts the store has: the calls placed before the faults, and 4 placed after. */
  contacts: number;
  /** Contacts whose record says the flow disconnected them and whose flow log holds the whole path. */
  survived: number;
  /** Flow-log entries written twice in a row (a block logged by both workers). */
  repeatedEntries: number;
  /** The most entries written twice in a row in one contact's flow log. */
  mostRepeatedInOneContact: number;
  /** From the SIGKILL of a, and the SIGTERM of b, to the adoption of its app. */
  takeoverMs: number;
  handOverMs: number;
  adoptions: Adoption[];
  handedOver: boolean;
  /** Caller halves the PBX ended (the flows' disconnects), of all placed. */
  endedByPbx: number;
  placed: number;
  /** Checkpoints left in the store at the end (there should be none). */
  checkpointsLeft: number;
}

/** Starts `parley worker --id <id>` serving app `parley-<id>`; resolves once it said it is ready. */
export function startWorker(id: string, env: Record<string, string>, leaseMs: number): Promise<Worker> {
  const data = mkdtempSync(join(tmpdir(), `parley-worker-${id}-`));
  const args = [
    'runtime/src/cli/bin.ts',
    'worker',
    '--id',
    id,
    '--data',
    data,
    '--lease-ms',
    String(leaseMs),
  ];
  const child = spawn(
    process.execPath,
    [...CALL_SERVING_NODE_FLAGS, '--import', './scripts/lib/ts-register.mjs', ...args],
    {
      cwd: root,
      env: { ...process.env, ...env, PARLEY_ARI_APP: `parley-${id}` },
      // Their standard error is ours: a worker that fails says why there.
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const worker: Worker = { id, child, events: [] };
  return new Promise((resolve, reject) => {
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

/**
 * ari-sim listening for workers `parley-<w>` with a context `from-<w>` into each one's app (and the
 * test dialplan's), and the environment a `parley worker` needs for it and the store's `schema`.
 */
export async function openClusterPbx(databaseUrl: string, schema: string, workers: readonly string[]) {
  const route = (w: string) => `[from-${w}]\nexten => _X.,1,Stasis(parley-${w},inbound,\${EXTEN})\n\n`;
  const sim = createAriSim({ config: { dialplan: workers.map(route).join('') + defaultDialplan() } });
  const server = await sim.listen({ port: 0, host: '127.0.0.1' });
  const database = new URL(databaseUrl);
  database.searchParams.set('options', `-c search_path=${schema}`);
  const env: Record<string, string> = {
    DATABASE_URL: database.toString(),
    PARLEY_ARI_URL: server.url,
    PARLEY_ARI_USER: 'parley',
    PARLEY_ARI_PASSWORD: 'parley',
  };
  return { sim, server, env };
}

/** Places calls as the harness does, to one worker's app or alternately, and follows their caller halves. */
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
  // A hang detector, not a speed check: the flows last about 15 s.
  const done = () =>
    Promise.race([
      ended,
      new Promise((_, reject) =>
        setTimeout(() => reject(new Error(`${live.size} calls still up`)), 120_000).unref(),
      ),
    ]);
  return {
    placed,
    done,
    get live() {
      return live.size;
    },
    get endedByPbx() {
      return endedByPbx;
    },
  };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** An instance whose `number` runs the failover IVR, published. */
export async function seedFailoverIvr(store: Store, at: { id: string; alias: string; number: string }) {
  const instance = await store.catalog.createInstance({
    id: at.id,
    alias: at.alias,
    partition: 'aws',
    region: 'us-east-1',
    account: '000000000000',
  });
  const scope = { store, events: new EventBus(), instance, actor: SYSTEM };
  const flow = await createFlow(scope, { name: 'Failover IVR', type: 'CONTACT_FLOW' });
  await saveVersion(scope, flow.id, { content: JSON.stringify(FAILOVER_FLOW), message: at.alias });
  await publish(scope, flow.id);
  await putResource(scope, 'phoneNumber', { number: at.number, flow: flow.id });
  return instance;
}

export async function runFailover(options: FailoverOptions): Promise<FailoverRun> {
  const phaseMs = options.phaseMs ?? 2_000;
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const store = await openStore({ databaseUrl: options.databaseUrl, postgres: { schema, max: 4 } });
  // Each worker has an app of its own; the dialplan sends half the calls to a and half to b.
  const { sim, server, env } = await openClusterPbx(options.databaseUrl, schema, ['a', 'b']);
  const workers: Worker[] = [];
  let harness: AriClient | undefined;
  try {
    const instance = await seedFailoverIvr(store, {
      id: '7e57c0de-0000-4000-8000-00000000f0f0',
      alias: 'failover',
      number: NUMBER,
    });

    workers.push(...(await Promise.all(['a', 'b', 'c'].map((id) => startWorker(id, env, options.leaseMs)))));
    const [a, b, c] = workers;
    if (!a || !b || !c) throw new Error('no workers');

    harness = createAriClient({
      transport: sim.transport({ username: 'harness', password: 'harness' }),
      app: 'harness',
    });
    await harness.connect();
    const calls = placeCalls(harness, options.calls);
    await calls.placed;
    // Every call is in its flow (the first prompts take seconds): kill a in the middle of them.
    await pause(phaseMs);
    if (calls.live !== options.calls) throw new Error(`only ${calls.live} of ${options.calls} calls are up`);
    const killedAt = performance.now();
    a.child.kill('SIGKILL');
    await pause(phaseMs);
    const stoppedAt = performance.now();
    b.child.kill('SIGTERM');
    await calls.done();
    // Calls that arrive for the stopped workers' apps after the takeovers are served as well.
    const later = placeCalls(harness, 4);
    await later.placed;
    await later.done();

    const adoptions = [...b.events, ...c.events].filter((e) => e.event.adopted);
    const adopting = (worker: string) =>
      adoptions.find((e) => (e.event.adopted as Adoption).apps.some((x) => x.workerId === worker))?.at ??
      Number.NaN;

    // A call survived when its contact record says its flow disconnected it, and its flow log
    // holds the whole path (an interrupted block is logged once, by the worker that finished it).
    // Records and logs reach the store shortly after their calls end (the sinks write in batches).
    let contacts = await store.contacts.contacts(instance.id, { limit: 10_000 });
    for (let waited = 0; contacts.length < options.calls + 4 && waited < 10_000; waited += 100) {
      await pause(100);
      contacts = await store.contacts.contacts(instance.id, { limit: 10_000 });
    }
    let survived = 0;
    let repeatedEntries = 0;
    let mostRepeatedInOneContact = 0;
    for (const contact of contacts) {
      const record = await store.contacts.contactRecord(instance.id, contact.contactId);
      const logs = await store.contacts.flowLogs(instance.id, { contactId: contact.contactId, limit: 1000 });
      const path = logs.map((l) => String(l.entry.Identifier));
      const deduped = path.filter((id, i) => id !== path[i - 1]);
      repeatedEntries += path.length - deduped.length;
      mostRepeatedInOneContact = Math.max(mostRepeatedInOneContact, path.length - deduped.length);
      if (
        record?.DisconnectReason === 'CONTACT_FLOW_DISCONNECT' &&
        JSON.stringify(deduped) === JSON.stringify(FAILOVER_PATH)
      )
        survived++;
    }
    const left = await store.cluster.contactCounts();
    return {
      contacts: contacts.length,
      survived,
      repeatedEntries,
      mostRepeatedInOneContact,
      takeoverMs: adopting('a') - killedAt,
      handOverMs: adopting('b') - stoppedAt,
      adoptions: adoptions.map((e) => e.event.adopted as Adoption),
      handedOver: b.events.some((e) => e.event.handedOver),
      endedByPbx: calls.endedByPbx + later.endedByPbx,
      placed: options.calls + 4,
      checkpointsLeft: Object.values(left).reduce((sum, n) => sum + n, 0),
    };
  } finally {
    harness?.close();
    for (const w of workers) if (w.child.exitCode === null) w.child.kill('SIGKILL');
    await server.close();
    await sim.close();
    await store.db.exec(`DROP SCHEMA ${schema} CASCADE`).catch(() => undefined);
    await store.close();
  }
}
