// The soak run: the runtime in this process keeps N calls up at once through the 20-block IVR for a
// while, each finished call replaced by a new one (soak-callers.ts, in the ari-sim process that
// calls.bench.ts starts), and is sampled as it goes: memory after a full collection, live contacts,
// ARI listeners, timers. Every call must reach the end its number promises, with the path, flow log
// and contact record to show for it; afterwards every per-contact thing must be gone.
// `pnpm soak` (soak.ts) runs it for 10 minutes; runtime/test/soak runs it briefly.
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { writeHeapSnapshot } from 'node:v8';
import { createAriClient, httpTransport, systemClock } from '@parley/ari';
import { AriAgentLines, ContactCenters } from '../src/center/index.js';
import type { ContactResult } from '../src/contact/runner.js';
import { serveInbound } from '../src/contact/serve.js';
import { placeholderVoice } from '../src/contact/simulate.js';
import { createExecutors } from '../src/executors/index.js';
import { RUNTIME_ARI } from '../src/host/telephony.js';
import { type LambdaOutcome, LambdaPort, type LambdaRequest } from '../src/integrations/lambda.js';
import type { ContactRecord, ContactRecordSink } from '../src/logs/contact-record.js';
import type { FlowLogSink } from '../src/logs/sinks.js';
import { type CallerProcess, startCallerProcess } from './calls.bench.js';
import { type FailureKind, Failures, type SoakCallerStats, type SoakLine } from './soak-callers.js';
import {
  BENCH_NUMBER,
  benchInstance,
  collectGarbage,
  cpuSecondsOf,
  IVR_20,
  startLocalFunction,
} from './support.js';

/** The number whose flow is IVR_20 with its transfer replaced by a disconnect. */
export const SOAK_DISCONNECT_NUMBER = '+18005550101';

/** IVR_20 ending with the flow's own DisconnectParticipant instead of the queue. */
const IVR_20_DISCONNECT = {
  ...IVR_20,
  Metadata: { ...IVR_20.Metadata, name: 'Bench IVR (disconnect)' },
  Actions: IVR_20.Actions.map((action) =>
    (action as { Identifier: string }).Identifier === 'transfer'
      ? { Identifier: 'transfer', Type: 'DisconnectParticipant', Parameters: {}, Transitions: {} }
      : action,
  ),
};

type Action = { Identifier: string; Type: string; Parameters: { Attributes?: object } };
/** The blocks every call runs, in order (the last one a transfer or a disconnect by its number). */
const PATH = (IVR_20.Actions as Action[]).map((a) => a.Identifier);
/** The flow-log entries of a call, in order: as in Connect, one per attribute an update sets. */
const LOGGED = (IVR_20.Actions as Action[]).flatMap((a) =>
  a.Type === 'UpdateContactAttributes'
    ? Object.keys(a.Parameters.Attributes ?? {}).map(() => a.Identifier)
    : [a.Identifier],
);
/** The menu is the 2nd prompt, the account number the 3rd. */
const KEYS = { 2: '1', 3: '12345#' };
const EXPECTED_ATTRIBUTES = { account: '12345', name: 'Ada', menu: 'sales', tier: 'gold' };

/** The runtime's Lambda port, telling why an invocation took its error branch. */
class WatchedLambda extends LambdaPort {
  readonly #failed: (contactId: string, error: { code: string; detail: string }) => void;

  constructor(
    options: ConstructorParameters<typeof LambdaPort>[0],
    failed: (contactId: string, error: { code: string; detail: string }) => void,
  ) {
    super(options);
    this.#failed = failed;
  }

  override async invoke(request: LambdaRequest): Promise<LambdaOutcome> {
    const outcome = await super.invoke(request);
    if (outcome.status === 'error') this.#failed(request.contact.contactId, outcome);
    return outcome;
  }
}

export interface SoakOptions {
  /** Calls kept up at once. */
  calls: number;
  durationMs: number;
  /** How often the runtime is sampled; memory is read after a full collection each time. */
  sampleMs: number;
  /**
   * Memory at the end of this is the baseline of the growth figure; 20% of the run (and at least the
   * ramp) unless told.
   */
  warmUpMs?: number;
  /** The first calls are placed over this long; 10 s unless told. */
  rampMs?: number;
  /** A call up longer than this is hung up and counted as stuck (a call takes about 9 s). */
  callMaxMs?: number;
  /** How long a queued caller waits, hearing the queue flow, before hanging up; 2 s unless told. */
  queueHoldMs?: number;
  /**
   * Writes a heap snapshot here at the end of warm-up and at the end of the load (each stalls the
   * runtime for seconds, which late calls may pay for), to compare with soak-heap-diff.ts.
   */
  heapSnapshotDir?: string;
  /** Told of each sample as it is taken (the CLI prints them as they come). */
  onSample?: (sample: SoakSample) => void;
}

export interface SoakSample {
  /** Seconds since the first call was placed. */
  atS: number;
  /** Calls up at the PBX (the callers' count) and contacts the runtime is running. */
  callsUp: number;
  liveContacts: number;
  /** Contacts waiting in the contact center's queue. */
  queued: number;
  /** Handlers on the runtime's ARI client. */
  listeners: number;
  /** The runtime process's active timers (`process.getActiveResourcesInfo()`). */
  timers: number;
  /** After a full collection. */
  rssMb: number;
  heapUsedMb: number;
  /**
   * What the RSS holds besides the live heap: the heap's reserved pages, and memory outside it
   * (buffers, sockets' native parts).
   */
  heapTotalMb: number;
  externalMb: number;
  completed: number;
  errors: number;
  /** Each process's CPU since the previous sample, % of one core. */
  runtimeCpuPct: number;
  simCpuPct: number;
  /** How long each process's event loop waited for a core since the previous sample, % of the time. */
  runtimeWaitPct: number;
  simWaitPct: number;
  pbxChannels: number;
  /**
   * The runtime's event-loop delay since the previous sample, p99 and max: how late a timer or a
   * socket's data is handled (a Lambda's 3 s limit counts from the request, not from the handling).
   */
  loopDelayP99Ms: number;
  loopDelayMaxMs: number;
  /** The machine's 1-minute load average: others' work competes for the cores. */
  loadAverage: number;
  /**
   * Time the machine's virtual CPUs were not running at all since the previous sample (the host ran
   * something else: /proc/stat's steal), % of all of them: a stall no process here caused.
   */
  stealPct: number;
}

/** Per-contact state the runtime still holds, and the PBX's, before the calls and after them. */
export interface SoakState {
  liveContacts: number;
  /** Contacts waiting in the contact center's queue. */
  queued: number;
  listeners: number;
  timers: number;
  pbxChannels: number;
  pbxBridges: number;
  /** Contacts this run's own checks still follow (should be none once the calls are over). */
  followed: number;
}

export interface MemoryPoint {
  rssMb: number;
  heapUsedMb: number;
  heapTotalMb: number;
  externalMb: number;
  /** The first of the samples it is the median of. */
  atS: number;
}

export interface SoakMemory {
  /** Median of the three samples from the end of warm-up, and of the last three under load. */
  warmUp: MemoryPoint;
  end: MemoryPoint;
  rssGrowthPct: number;
  heapGrowthPct: number;
}

export interface SoakReport {
  calls: number;
  durationS: number;
  samples: SoakSample[];
  /** Calls placed, and those that reached the end their number promises with every check passed. */
  placed: number;
  completed: number;
  errors: number;
  /** By kind, most frequent first. */
  failures: FailureKind[];
  callsPerSecond: number;
  /** Calls up at the PBX across the samples after the ramp. */
  concurrency: { min: number; mean: number; max: number };
  memory: SoakMemory;
  /** Over the whole run, per completed call. */
  runtimeCpuMsPerCall: number;
  simCpuMsPerCall: number;
  runtimeCpuPct: number;
  simCpuPct: number;
  /** Over the whole run: the share of the time each event loop was ready but had no core. */
  runtimeWaitPct: number;
  simWaitPct: number;
  /** Over the whole run: the time the host kept the machine's CPUs (steal), and its worst sample. */
  stealPct: number;
  stealMaxPct: number;
  before: SoakState;
  after: SoakState;
  callers: SoakCallerStats;
  lambdaInvocations: number;
  flowLogEntries: number;
  contactRecords: number;
  /** The heap snapshots written (heapSnapshotDir). */
  snapshots: string[];
}

/**
 * Seconds the process's main thread (its event loop) has spent ready to run but waiting for a core
 * (/proc/<pid>/schedstat): on a machine shared with other work, the time others took from it.
 */
function waitedSecondsOf(pid: number): number {
  try {
    return Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[1]) / 1e9;
  } catch {
    return Number.NaN;
  }
}

/** Ticks of all CPUs in all, and stolen by the hypervisor, from /proc/stat's first line. */
function cpuTicks(): { total: number; steal: number } {
  try {
    const fields =
      readFileSync('/proc/stat', 'utf8').split('\n')[0]?.trim().split(/\s+/).slice(1).map(Number) ?? [];
    return { total: fields.reduce((a, b) => a + b, 0), steal: fields[7] ?? 0 };
  } catch {
    return { total: Number.NaN, steal: Number.NaN };
  }
}

const activeTimers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
const mb = (bytes: number) => bytes / 2 ** 20;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What this run checks of one contact as it goes. */
interface Followed {
  from: string;
  line: SoakLine;
  /** How many of its flow-log entries matched LOGGED in order; -1 once one did not. */
  logged: number;
  /** The menu's entry showed the key the caller pressed. */
  menuHeard: boolean;
  /** Why the Lambda took its error branch: its code and what happened. */
  lambdaError?: { code: string; detail: string };
  result?: ContactResult;
  record?: ContactRecord;
}

export async function runSoak(options: SoakOptions): Promise<SoakReport> {
  const callers = await startCallerProcess();
  try {
    return await soak(callers, options);
  } finally {
    callers.stop();
  }
}

async function soak(callers: CallerProcess, options: SoakOptions): Promise<SoakReport> {
  const fn = await startLocalFunction();
  const { instance } = benchInstance(IVR_20, fn.url);
  const disconnecting = instance.loadFlow(Buffer.from(JSON.stringify(IVR_20_DISCONNECT)), {
    id: 'bench-ivr-disconnect',
  });
  if (!disconnecting.ok) throw new Error('the disconnecting IVR should load');
  instance.addPhoneNumber(SOAK_DISCONNECT_NUMBER, 'bench-ivr-disconnect');
  const lines: SoakLine[] = [
    { number: BENCH_NUMBER, endedBy: 'caller' },
    { number: SOAK_DISCONNECT_NUMBER, endedBy: 'flow' },
  ];
  const [queued, disconnected] = lines as [SoakLine, SoakLine];
  const lineOf = (to: string) =>
    to.replace(/\D/g, '') === SOAK_DISCONNECT_NUMBER.replace(/\D/g, '') ? disconnected : queued;

  // As `parley start` makes it: answers within 10 s, safe commands repeated.
  const ari = createAriClient({
    transport: httpTransport(
      { url: callers.url, username: 'parley', password: 'parley' },
      { requestTimeoutMs: RUNTIME_ARI.requestTimeoutMs },
    ),
    app: 'parley',
    retry: RUNTIME_ARI.retry,
  });
  await ari.connect();

  let completed = 0;
  let started = 0;
  let flowLogEntries = 0;
  let contactRecords = 0;
  const failures = new Failures();
  const fail = (kind: string, example: string) => failures.add(kind, example);
  const followed = new Map<string, Followed>();

  const log: FlowLogSink = {
    write: (entry) => {
      flowLogEntries++;
      const f = followed.get(entry.ContactId);
      if (!f) return fail('a flow-log entry for a contact not running', entry.ContactId);
      if (entry.Identifier === 'menu' && entry.Results === KEYS[2]) f.menuHeard = true;
      if (f.logged < 0) return;
      f.logged = LOGGED[f.logged] === entry.Identifier ? f.logged + 1 : -1;
    },
    flush: async () => {},
    close: async () => {},
  };
  const records: ContactRecordSink = {
    write: (record) => {
      contactRecords++;
      const f = followed.get(record.ContactId);
      if (!f) return fail('a contact record for a contact not running', record.ContactId);
      if (f.record) fail('a second contact record', f.from);
      f.record = record;
    },
    flush: async () => {},
    close: async () => {},
  };

  /** Why a closed contact did not end as its number promises: [kind, details]; undefined when it did. */
  const wrong = (f: Followed, record: ContactRecord): [string, string] | undefined => {
    const { result } = f;
    if (!result) return ['closed without a result', ''];
    const path = result.path.map((step) => step.identifier).join(' ');
    if (path !== PATH.join(' ')) return ['wrong path', path];
    const end = result.end;
    if (
      f.line.endedBy === 'caller' ? end.kind !== 'queued' : end.kind !== 'disconnected' || end.by !== 'flow'
    )
      return [`ended ${end.kind}`, JSON.stringify(end)];
    if (f.logged < 0) return ['flow log out of order', ''];
    if (f.logged !== LOGGED.length) return ['flow-log entries missing', `${f.logged}/${LOGGED.length}`];
    if (!f.menuHeard) return ["the menu's flow-log entry does not show the key pressed", ''];
    if (f.record !== record) return ['its contact record never reached the sink', ''];
    const reason = f.line.endedBy === 'caller' ? 'CUSTOMER_DISCONNECT' : 'CONTACT_FLOW_DISCONNECT';
    if (record.DisconnectReason !== reason)
      return ['wrong DisconnectReason', String(record.DisconnectReason)];
    if ((record.Queue === null) !== (f.line.endedBy === 'flow'))
      return ['wrong queue in the record', JSON.stringify(record.Queue)];
    if (record.Attributes.name !== EXPECTED_ATTRIBUTES.name)
      return [
        `no name: the Lambda took its error branch (${f.lambdaError?.code ?? 'no error seen'})`,
        f.lambdaError?.detail ?? '',
      ];
    for (const [key, value] of Object.entries(EXPECTED_ATTRIBUTES))
      if (record.Attributes[key] !== value) return [`wrong ${key} attribute`, String(record.Attributes[key])];
    return undefined;
  };

  // As `parley start` serves calls: queued contacts wait in the instance's contact center (its
  // routing engine, the default customer queue flow) until the caller hangs up.
  const clock = systemClock;
  const voice = placeholderVoice('hello-world');
  const lambda = new WatchedLambda({ resolve: (arn) => instance.lambda(arn), clock }, (contactId, error) => {
    const f = followed.get(contactId);
    if (f) f.lambdaError = error;
  });
  const executors = createExecutors();
  const centers = new ContactCenters({
    records,
    instance: (id) => (id === instance.info.id ? instance : undefined),
    lines: new AriAgentLines(ari, clock),
    clock,
    flows: { clock, voice, lambda, log, executors },
  });
  const serving = serveInbound({
    ari,
    clock,
    instance,
    voice,
    lambda,
    routing: centers.unattached,
    attach: centers.attach,
    log,
    records,
    executors,
    onContact: (run, { from, to }) => {
      started++;
      const f: Followed = { from, line: lineOf(to), logged: 0, menuHeard: false };
      followed.set(run.contactId, f);
      void run.done.then(
        (result) => {
          f.result = result;
          if (result.end.kind === 'queued') callers.hangup(from);
        },
        (error: unknown) => fail('the run rejected', `${from} ${String(error)}`),
      );
      void run.closed
        .then(
          (record) => {
            const why = wrong(f, record);
            if (why === undefined) completed++;
            else fail(why[0], `${from} ${why[1]}`.trim());
          },
          (error: unknown) => fail('closing rejected', `${from} ${String(error)}`),
        )
        .finally(() => followed.delete(run.contactId));
    },
  });

  const queueArn = instance.queue('q-sales')?.arn ?? '';
  const waiting = () => centers.get(instance.info.id)?.engine.counts(queueArn).size ?? 0;
  const state = async (): Promise<SoakState> => {
    const pbx = await callers.soakStats();
    return {
      liveContacts: serving.running.size,
      queued: waiting(),
      listeners: ari.listenerCount,
      timers: activeTimers(),
      pbxChannels: pbx.pbxChannels,
      pbxBridges: pbx.pbxBridges,
      followed: followed.size,
    };
  };

  const rampMs = options.rampMs ?? 10_000;
  // Memory before every call is up says nothing of growth.
  const warmUpMs = options.warmUpMs ?? Math.max(rampMs, options.durationMs * 0.2);
  const before = await state();
  callers.soak({
    concurrency: options.calls,
    rampMs,
    lines,
    keys: KEYS,
    callMaxMs: options.callMaxMs ?? 60_000,
    queueHoldMs: options.queueHoldMs ?? 2000,
  });
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const sim0 = cpuSecondsOf(callers.pid);
  const waited0 = { runtime: waitedSecondsOf(process.pid), sim: waitedSecondsOf(callers.pid) };
  let lastWaited = waited0;
  const ticks0 = cpuTicks();
  let lastTicks = ticks0;

  const samples: SoakSample[] = [];
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  let lastAt = t0;
  let lastCpu = process.cpuUsage();
  let lastSim = sim0;
  const sample = async (): Promise<SoakSample> => {
    // Read before the collection, and reset after it: the soak's own pause is not the runtime's.
    const loopDelayP99Ms = loopDelay.percentile(99) / 1e6;
    const loopDelayMaxMs = loopDelay.max / 1e6;
    collectGarbage();
    loopDelay.reset();
    const memory = process.memoryUsage();
    const stats = await callers.soakStats();
    const now = performance.now();
    const cpu = process.cpuUsage(lastCpu);
    const sim = cpuSecondsOf(callers.pid);
    const waited = { runtime: waitedSecondsOf(process.pid), sim: waitedSecondsOf(callers.pid) };
    const ticks = cpuTicks();
    const wall = (now - lastAt) / 1000;
    const s: SoakSample = {
      atS: (now - t0) / 1000,
      callsUp: stats.up,
      liveContacts: serving.running.size,
      queued: waiting(),
      listeners: ari.listenerCount,
      timers: activeTimers(),
      rssMb: mb(memory.rss),
      heapUsedMb: mb(memory.heapUsed),
      heapTotalMb: mb(memory.heapTotal),
      externalMb: mb(memory.external),
      completed,
      errors: failures.total + stats.errors,
      runtimeCpuPct: (100 * (cpu.user + cpu.system)) / 1e6 / wall,
      simCpuPct: (100 * (sim - lastSim)) / wall,
      runtimeWaitPct: (100 * (waited.runtime - lastWaited.runtime)) / wall,
      simWaitPct: (100 * (waited.sim - lastWaited.sim)) / wall,
      pbxChannels: stats.pbxChannels,
      loopDelayP99Ms,
      loopDelayMaxMs,
      loadAverage: loadavg()[0] ?? Number.NaN,
      stealPct: (100 * (ticks.steal - lastTicks.steal)) / (ticks.total - lastTicks.total),
    };
    lastAt = now;
    lastTicks = ticks;
    lastCpu = process.cpuUsage();
    lastSim = sim;
    lastWaited = waited;
    samples.push(s);
    options.onSample?.(s);
    return s;
  };

  const snapshots: string[] = [];
  const snapshot = (name: string) => {
    if (!options.heapSnapshotDir) return;
    snapshots.push(writeHeapSnapshot(join(options.heapSnapshotDir, `soak-${name}.heapsnapshot`)));
    // The stall the snapshot caused is not the runtime's.
    loopDelay.reset();
  };
  while (performance.now() - t0 < options.durationMs) {
    await sleep(Math.min(options.sampleMs, options.durationMs - (performance.now() - t0)));
    await sample();
    if (snapshots.length === 0 && performance.now() - t0 >= warmUpMs) snapshot('warm-up');
  }
  collectGarbage();
  snapshot('end');
  const loadEnd = performance.now();
  loopDelay.disable();
  const callerStats = await callers.endSoak();
  // The last calls end at the PBX before the runtime has written their records.
  for (let waited = 0; serving.running.size > 0 && waited < 30_000; waited += 100) await sleep(100);
  for (const run of serving.running) fail('still running after the calls ended', run.contactId);
  const wallS = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const simCpuS = cpuSecondsOf(callers.pid) - sim0;
  const waitedS = {
    runtime: waitedSecondsOf(process.pid) - waited0.runtime,
    sim: waitedSecondsOf(callers.pid) - waited0.sim,
  };
  collectGarbage();
  const after = await state();
  serving.close();
  centers.close();
  ari.close();
  await fn.close();

  failures.merge(callerStats.failures);
  // A call the PBX placed that the runtime never saw failed as much as one whose flow went wrong.
  const unseen = callerStats.placed - callerStats.refused - started;
  for (let n = 0; n < unseen; n++) fail('placed, but the runtime started no contact for it', '');

  const loaded = samples.filter((s) => s.atS * 1000 >= rampMs);
  const ups = loaded.map((s) => s.callsUp);
  const warm = samples.filter((s) => s.atS * 1000 >= warmUpMs).slice(0, 3);
  const last = samples.slice(-3);
  const point = (group: SoakSample[]): MemoryPoint => ({
    rssMb: median(group.map((s) => s.rssMb)),
    heapUsedMb: median(group.map((s) => s.heapUsedMb)),
    heapTotalMb: median(group.map((s) => s.heapTotalMb)),
    externalMb: median(group.map((s) => s.externalMb)),
    atS: group[0]?.atS ?? 0,
  });
  const warmUp = point(warm);
  const end = point(last);
  const growth = (from: number, to: number) => (100 * (to - from)) / from;
  const runtimeCpuS = (cpu.user + cpu.system) / 1e6;
  return {
    calls: options.calls,
    durationS: (loadEnd - t0) / 1000,
    samples,
    placed: callerStats.placed,
    completed,
    errors: failures.total,
    failures: failures.list(),
    callsPerSecond: completed / wallS,
    concurrency: {
      min: ups.length ? Math.min(...ups) : 0,
      mean: ups.length ? ups.reduce((a, b) => a + b, 0) / ups.length : 0,
      max: ups.length ? Math.max(...ups) : 0,
    },
    memory: {
      warmUp,
      end,
      rssGrowthPct: growth(warmUp.rssMb, end.rssMb),
      heapGrowthPct: growth(warmUp.heapUsedMb, end.heapUsedMb),
    },
    runtimeCpuMsPerCall: (1000 * runtimeCpuS) / completed,
    simCpuMsPerCall: (1000 * simCpuS) / completed,
    runtimeCpuPct: (100 * runtimeCpuS) / wallS,
    simCpuPct: (100 * simCpuS) / wallS,
    runtimeWaitPct: (100 * waitedS.runtime) / wallS,
    simWaitPct: (100 * waitedS.sim) / wallS,
    stealPct: (() => {
      const end = cpuTicks();
      return (100 * (end.steal - ticks0.steal)) / (end.total - ticks0.total);
    })(),
    stealMaxPct: Math.max(...samples.map((s) => s.stealPct)),
    before,
    after,
    callers: callerStats,
    lambdaInvocations: fn.invocations,
    flowLogEntries,
    contactRecords,
    snapshots,
  };
}
