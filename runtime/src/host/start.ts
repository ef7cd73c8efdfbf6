import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { type AriClient, createAriClient, httpTransport, systemClock } from '@parley/ari';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import { AriAgentLines, ContactCenters, TEST_AGENT_ENDPOINT } from '../center/index.js';
import { StoredAgentStates } from '../cluster/agent-states.js';
import { StoreCheckpoints } from '../cluster/checkpoints.js';
import { ClusterWorker } from '../cluster/worker.js';
import type { ContactSnapshot } from '../contact/runner.js';
import { type CenterPlacement, type Serving, serveInbound } from '../contact/serve.js';
import { createExecutors } from '../executors/index.js';
import { TextToSpeech } from '../integrations/tts.js';
import { type AppOptions, buildApp } from '../server/app.js';
import { DESIGNER_DIST, designerPlugin } from '../server/designer.js';
import { EventBus } from '../services/events.js';
import { bootstrapAdminToken } from '../services/tokens.js';
import { openStore, type Store } from '../store/index.js';
import { clearAppBridges } from '../telephony/bridges.js';
import { type HarnessLink, harnessLink } from '../testcalls/harness.js';
import { markTestContacts } from '../testcalls/records.js';
import { TestCalls } from '../testcalls/registry.js';
import { seedDemo } from './demo.js';
import { InstanceLambdas } from './lambdas.js';
import { LiveInstances } from './live-instances.js';
import { storeContactRecords, storeFlowLogs } from './sinks.js';
import { type AriTarget, openTelephony, type Telephony } from './telephony.js';

/** One round of adopting stopped workers: their apps, and what became of their calls. */
export interface Adoption {
  apps: {
    workerId: string;
    app: string;
    resumed: number;
    started: number;
    /** Bridges the worker had left, destroyed; absent when the PBX could not list them. */
    bridges?: number;
  }[];
  /** Checkpointed calls that had hung up meanwhile, closed with their records. */
  gone: number;
}

export interface StartOptions {
  /** First port to try; the next free one after it is taken when busy. Default 8080. */
  port?: number;
  host?: string;
  /** Folder of the embedded store, TTS cache and prompt audio. Default `.parley`. */
  dataDir?: string;
  /** PostgreSQL instead of the embedded store. */
  databaseUrl?: string;
  /** A real Asterisk; ari-sim when absent. */
  ari?: AriTarget;
  /** Create the demo instance when the store has no instance. Default true. */
  demo?: boolean;
  logger?: FastifyServerOptions['logger'];
  /** The built designer served at `/` (default designer/dist); false serves only the API. */
  designer?: string | false;
  /**
   * Where agents' phones ring when their user has no `endpoint`: `{ext}` is their extension.
   * Default `PJSIP/{ext}` on Asterisk, the test dialplan's `Local/{ext}@test-agents/n` on ari-sim.
   */
  agentEndpoint?: string;
  /**
   * One worker of several sharing `databaseUrl` and the PBX in `ari` (whose `app` must be this
   * worker's own): contacts are checkpointed before every block, and a worker whose lease runs
   * out is adopted, its app served and its calls resumed, by another.
   */
  cluster?: {
    workerId: string;
    leaseMs?: number;
    /** Where the other workers reach this one's API (agents' requests); the address it listens on. */
    url?: string;
    /** Another worker adopted this one while it ran: stop it (the CLI exits). */
    onFenced?: () => void;
    /** Told of each adoption, with how its calls went. */
    onAdopted?: (adoption: Adoption) => void;
  };
  /** Origins whose pages may call the API from a browser (AppOptions.corsOrigins); none by default. */
  corsOrigins?: readonly string[];
  /** The API's rate limits (AppOptions.rateLimits). */
  rateLimits?: AppOptions['rateLimits'];
  /** Behind a reverse proxy (AppOptions.trustProxy). */
  trustProxy?: AppOptions['trustProxy'];
}

export interface RunningParley {
  url: string;
  /** Printed once: only on the start that created the store's first token. */
  adminToken: string | undefined;
  store: Store;
  app: FastifyInstance;
  telephony: Telephony;
  instances: LiveInstances;
  serving: Serving;
  /**
   * The harness app on ari-sim (or an Asterisk given harness credentials): it places the designer's
   * test calls and plays the phones the runtime dials, agents' included. Undefined without one.
   */
  harness: HarnessLink | undefined;
  close(): Promise<void>;
  /**
   * A cluster worker's way out (SIGTERM): stop renewing, store the last checkpoints, flow logs and
   * contact records, and let the lease lapse so another worker adopts the calls at once. The calls'
   * runs are left as they are, not closed: closing them would write their records and drop their
   * checkpoints while the adopting worker resumes them. Exit the process afterwards.
   */
  handOver?(): Promise<void>;
}

async function listenFrom(app: FastifyInstance, port: number, host: string): Promise<string> {
  for (let p = port; p < port + 100; p++) {
    try {
      return await app.listen({ port: p, host });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw e;
    }
  }
  throw new Error(`no free port from ${port} to ${port + 99}`);
}

/** Server, store, telephony and runtime in one process: what `parley start` runs. */
export async function startParley(options: StartOptions = {}): Promise<RunningParley> {
  const dataDir = resolve(options.dataDir ?? '.parley');
  // PGlite makes its own folder but not the ones above it.
  await mkdir(dataDir, { recursive: true });
  const store = await openStore(
    options.databaseUrl ? { databaseUrl: options.databaseUrl } : { dataDir: join(dataDir, 'store') },
  );
  const closing: (() => Promise<unknown> | unknown)[] = [() => store.close()];
  const closeAll = async () => {
    for (const close of closing.reverse()) await Promise.resolve(close()).catch(() => undefined);
  };
  try {
    const events = new EventBus();
    const adminToken = await bootstrapAdminToken(store);
    if ((options.demo ?? true) && (await store.catalog.instances()).length === 0)
      await seedDemo(store, events);

    const instances = new LiveInstances(store, join(dataDir, 'prompts'));
    await instances.start(events);
    closing.push(() => instances.stop());

    const telephony = await openTelephony(options.ari);
    closing.push(() => telephony.close());
    const clock = systemClock;
    const log = storeFlowLogs(store, events, clock);
    const records = storeContactRecords(store, events, clock);
    closing.push(
      () => log.close(),
      () => records.close(),
    );
    // The designer's test calls run drafts on numbers of their own, asked before the live ones.
    const harness = harnessLink(telephony, clock);
    closing.push(() => harness?.close());
    const testCalls = new TestCalls({
      harness: harness && (() => harness.get()),
      detached: (id, make) => instances.detached(id, make),
      clock,
    });
    closing.push(testCalls.follow(events));
    const voice = new TextToSpeech({ cacheDir: join(dataDir, 'tts'), clock });
    // A contact runs only the functions its own instance defines.
    const lambda = new InstanceLambdas({ instance: (id) => instances.get(id), clock });
    const executors = createExecutors();
    // One sink for inbound contacts and the segments the contact center makes (transfers, callbacks).
    const contactRecords = markTestContacts(records, (id) => testCalls.isTestContact(id));
    const agentStates = options.cluster ? new StoredAgentStates(store) : undefined;
    const agentLines = new AriAgentLines(telephony.ari, clock);
    closing.push(() => agentLines.close());
    const centers = new ContactCenters({
      ...(agentStates ? { onCenter: agentStates.follow } : {}),
      records: contactRecords,
      instance: (id) => instances.get(id),
      lines: agentLines,
      clock,
      flows: { clock, voice, lambda, log, executors },
      endpointTemplate:
        options.agentEndpoint ?? (telephony.kind === 'ari-sim' ? TEST_AGENT_ENDPOINT : 'PJSIP/{ext}'),
    });
    closing.push(() => centers.close());
    const cluster = options.cluster;
    let handOver: (() => Promise<void>) | undefined;
    let startLease: ((url: string) => Promise<void>) | undefined;
    const checkpoints = cluster ? new StoreCheckpoints(store, cluster.workerId) : undefined;
    // Made below, once serving exists: the placement asks it which worker runs the contact centers.
    let worker: ClusterWorker | undefined;
    const center: CenterPlacement | undefined = cluster && {
      workerId: cluster.workerId,
      elsewhere: async () => {
        const at = await worker?.centerWorker();
        return at && at.id !== cluster.workerId ? { workerId: at.id, app: at.app } : undefined;
      },
      pass: (contactId, from, to) => store.cluster.passContact(contactId, from, to),
      take: async (contactId) => {
        const row = await store.cluster.contact(contactId, cluster.workerId);
        return row && { ...row, snapshot: row.snapshot as ContactSnapshot };
      },
    };
    const serving = serveInbound({
      ...(checkpoints ? { checkpoints } : {}),
      ...(center ? { center } : {}),
      ari: telephony.ari,
      clock,
      instance: (dialled) => testCalls.instanceFor(dialled) ?? instances.forNumber(dialled),
      voice,
      lambda,
      routing: centers.unattached,
      attach: centers.attach,
      log,
      records: contactRecords,
      executors,
      onStep: (contactId, step) => testCalls.onStep(contactId, step),
      transcript: (contactId, entry) => testCalls.transcript(contactId, entry),
      onContact: (run, call) => {
        testCalls.onContact(run, call);
        const instanceId = /instance\/([^/]+)/.exec(run.contact.InstanceARN ?? '')?.[1];
        if (instanceId)
          events.emit({
            type: 'contact.started',
            instanceId,
            contactId: run.contact.ContactId,
            flowId: '',
            from: call.from,
            to: call.to,
          });
      },
    });
    closing.push(
      () => serving.close(),
      () => testCalls.close(),
    );
    if (cluster) {
      const target = options.ari;
      if (!target) throw new Error('a cluster worker needs a shared PBX (PARLEY_ARI_URL)');
      const adopted: AriClient[] = [];
      closing.push(() => {
        for (const ari of adopted) ari.close();
      });
      worker = new ClusterWorker({
        store,
        clock,
        workerId: cluster.workerId,
        app: target.app,
        ...(cluster.leaseMs !== undefined ? { leaseMs: cluster.leaseMs } : {}),
        adopt: async (dead, contacts) => {
          let live = contacts.map((c) => ({ ...c, snapshot: c.snapshot as ContactSnapshot }));
          const apps: Adoption['apps'] = [];
          for (const worker of dead) {
            const ari = createAriClient({
              transport: httpTransport(target, { requestTimeoutMs: 10_000 }),
              app: worker.app,
            });
            adopted.push(ari);
            await ari.connect();
            // Before its calls are decided on: a bridge made from now on under that app is ours.
            const bridges = await clearAppBridges(ari, worker.app).catch(() => undefined);
            const { resumed, started, unmatched } = await serving.adopt(ari, live);
            live = unmatched;
            apps.push({
              workerId: worker.id,
              app: worker.app,
              resumed,
              started,
              ...(bridges === undefined ? {} : { bridges }),
            });
          }
          cluster.onAdopted?.({ apps, gone: serving.closeGone(live) });
        },
        onFenced: () => cluster.onFenced?.(),
        // Agents signed in to the worker that ran the centers before are signed in here.
        onCenter: () => void agentStates?.restore(centers).catch(() => undefined),
      });
      // The lease starts once the server listens (below): building the app is seconds of CPU on a
      // busy machine, and a worker stalled past its lease would be adopted before it served a call.
      const leased = worker;
      startLease = (url) => leased.start(cluster.url ?? url);
      closing.push(() => leased.close());
      handOver = async () => {
        await leased.close();
        await checkpoints?.drain();
        await Promise.all([log.flush(), records.flush()]).catch(() => undefined);
        await store.cluster.expire(cluster.workerId);
      };
    }

    const designer = options.designer ?? DESIGNER_DIST;
    const app = await buildApp({
      store,
      events,
      testCalls,
      center: centers.get,
      // Agents reach the contact centers through any worker: those that do not run them forward.
      ...(cluster
        ? {
            centerElsewhere: () => {
              const at = worker?.center;
              return at && at.id !== cluster.workerId ? (at.url ?? undefined) : undefined;
            },
          }
        : {}),
      plugins: designer === false ? [] : [designerPlugin({ dist: designer })],
      ...(options.logger !== undefined ? { logger: options.logger } : {}),
      ...(options.corsOrigins ? { corsOrigins: options.corsOrigins } : {}),
      ...(options.rateLimits !== undefined ? { rateLimits: options.rateLimits } : {}),
      ...(options.trustProxy !== undefined ? { trustProxy: options.trustProxy } : {}),
    });
    closing.push(() => app.close());
    const url = await listenFrom(app, options.port ?? 8080, options.host ?? '127.0.0.1');
    await startLease?.(url);
    return {
      url,
      adminToken,
      store,
      app,
      telephony,
      instances,
      serving,
      harness,
      close: closeAll,
      ...(handOver ? { handOver } : {}),
    };
  } catch (e) {
    await closeAll();
    throw e;
  }
}
