// Calls over real sockets: the runtime in this process serves hundreds of concurrent calls through a
// 20-block IVR on the real clock, its ARI client over HTTP and WebSocket; ari-sim and the callers
// that press the keys run in a second process (calls-sim.ts), so the callers do not load the process
// measured. The engine bench has the interpreter's own figures; this one is the whole path.
import { spawn } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { monitorEventLoopDelay, PerformanceObserver, performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { ARI_EVENT_TYPES, createAriClient, httpTransport, systemClock } from '@parley/ari';
import type { Figure } from '../../packages/flow/bench/validate.bench.js';
import { MemoryRouting } from '../src/contact/routing.js';
import type { ContactResult } from '../src/contact/runner.js';
import { serveInbound } from '../src/contact/serve.js';
import { placeholderVoice } from '../src/contact/simulate.js';
import { LambdaPort } from '../src/integrations/lambda.js';
import type { FlowLogSink } from '../src/logs/sinks.js';
import type { CallerPlan, CallerResult } from './calls-sim.js';
import type { SoakCallerStats, SoakPlan } from './soak-callers.js';
import {
  BENCH_NUMBER,
  benchInstance,
  cpuSecondsOf,
  IVR_20,
  percentile,
  startLocalFunction,
} from './support.js';

const here = dirname(fileURLToPath(import.meta.url));

export interface CallerProcess {
  /** The ARI URL the runtime should use: the sim's, or the PBX the callers were pointed at. */
  url: string;
  pid: number;
  run(plan: CallerPlan): Promise<CallerResult>;
  /** Tells the caller with this number to hang up. */
  hangup(from: string): void;
  /** The soak run's callers (soak-callers.ts): keep `plan.concurrency` calls up until `endSoak`. */
  soak(plan: SoakPlan): void;
  soakStats(): Promise<SoakCallerStats>;
  /** Places no more calls; resolves once every call placed has ended. */
  endSoak(): Promise<SoakCallerStats>;
  stop(): void;
}

/** Starts calls-sim.ts: ari-sim and the callers, or only the callers when `pbx` is a PBX's ARI URL. */
export async function startCallerProcess(pbx?: string): Promise<CallerProcess> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(here, 'calls-sim.ts'), ...(pbx ? ['--ari', pbx] : [])],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  // Each wait is rejected when the process exits rather than raced against one promise of its exit:
  // a race leaves a reaction on that promise per message, which the soak's sampling would pile up.
  let exited: Error | undefined;
  const messages: {
    resolve: (message: Record<string, unknown>) => void;
    reject: (error: Error) => void;
  }[] = [];
  child.once('exit', (code) => {
    exited = new Error(`the caller process exited early (${code})`);
    for (const waiting of messages.splice(0)) waiting.reject(exited);
  });
  createInterface({ input: child.stdout }).on('line', (line) =>
    messages.shift()?.resolve(JSON.parse(line) as Record<string, unknown>),
  );
  const next = () =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      if (exited) reject(exited);
      else messages.push({ resolve, reject });
    });
  const { ready } = (await next()) as { ready: { url: string } };
  const send = (message: object) => child.stdin.write(`${JSON.stringify(message)}\n`);
  return {
    url: ready.url,
    pid: child.pid ?? 0,
    async run(plan) {
      const reply = next();
      send({ run: plan });
      return ((await reply) as { result: CallerResult }).result;
    },
    hangup: (from) => send({ hangup: from }),
    soak: (plan) => send({ soak: plan }),
    async soakStats() {
      const reply = next();
      send({ stats: true });
      return ((await reply) as { stats: SoakCallerStats }).stats;
    },
    async endSoak() {
      const reply = next();
      send({ stop: true });
      return ((await reply) as { soaked: SoakCallerStats }).soaked;
    },
    stop: () => child.stdin.end(),
  };
}

export interface LoadOptions {
  callers: CallerProcess;
  /** ARI credentials of the runtime's app. */
  username: string;
  password: string;
  ivr: object;
  calls: number;
  rampMs: number;
  /** Calls placed at once and served before the measured ones, through the same client. */
  warmUpCalls?: number;
  keys: Record<number, string>;
  /**
   * What a queued contact must also show to count as served: the flow-log `Results` of blocks (the
   * keys the caller pressed) and contact attributes (what the input and the Lambda set).
   */
  expect: { results: Record<string, string>; attributes: Record<string, string> };
  /** The process whose CPU is the telephony's (ari-sim's, or Asterisk's); none when not readable. */
  pbxPid?: number;
}

export interface LoadRun {
  placed: number;
  served: number;
  /** Calls that did not reach the queue with the caller's input heard, and why (first few). */
  failed: number;
  failures: string[];
  peakCalls: number;
  caller: CallerResult;
  /** The machine's 1-minute load average as the calls started (others' work competes for the cores). */
  loadAverage: number;
  /** ARI events the runtime received, and per event: sim/PBX timestamp → dispatch, and its own handling. */
  events: number;
  eventLatencyMs: Float64Array;
  handlingMs: Float64Array;
  wallSeconds: number;
  parleyCpuSeconds: number;
  pbxCpuSeconds: number | undefined;
  /** How late the runtime's event loop ran timers over the phase, p99 (ms): its own stalls. */
  loopDelayP99Ms: number;
  /** The runtime's GC pauses over the phase (ms, sorted): each one holds every event arriving. */
  gcPausesMs: Float64Array;
  lambdaInvocations: number;
  logEntries: number;
}

/** What one phase of a run counts; contacts count in the phase they started in. */
class Tally {
  served = 0;
  failed = 0;
  readonly failures: string[] = [];
  peakCalls = 0;
  contacts = 0;
  logEntries = 0;
  readonly closed: Promise<unknown>[] = [];
  /** Per contact, how many of the expected block results its flow log showed. */
  readonly heard = new Map<string, number>();

  fail(why: string): void {
    this.failed++;
    if (this.failures.length < 5) this.failures.push(why);
  }
}

/**
 * Serves the calls with `serveInbound` on the real clock while the caller process places them,
 * hangs each caller up once its contact is queued, and measures the runtime's side. Warm-up calls
 * go first through the same client: the first calls of a process pay for V8's first compilations of
 * the paths they take, which under load stalls the event loop past the Lambda's time limit.
 */
export async function runLoad(options: LoadOptions): Promise<LoadRun> {
  const fn = await startLocalFunction();
  const { instance } = benchInstance(options.ivr, fn.url);
  const ari = createAriClient({
    transport: httpTransport({
      url: options.callers.url,
      username: options.username,
      password: options.password,
    }),
    app: 'parley',
  });

  // Registered before serveInbound: type handlers run first, in the order they were added, and
  // `onAny` after every other handler, so the two bracket what the runtime does with the event
  // before dispatch returns. Sim timestamps are truncated to the ms, so the latency errs high.
  const capacity = options.calls * 200;
  const eventLatencyMs = new Float64Array(capacity);
  const handlingMs = new Float64Array(capacity);
  let events = 0;
  let dispatchedAt = 0;
  const stamp = (event: { timestamp?: string }) => {
    dispatchedAt = performance.now();
    if (events < capacity && event.timestamp)
      eventLatencyMs[events] = performance.timeOrigin + dispatchedAt - Date.parse(event.timestamp);
  };
  for (const type of ARI_EVENT_TYPES) ari.on(type, stamp);
  ari.onAny(() => {
    if (events < capacity) handlingMs[events] = performance.now() - dispatchedAt;
    events++;
  });
  await ari.connect();

  let tally = new Tally();
  const expected = Object.entries(options.expect.results);
  const log: FlowLogSink = {
    write: (entry) => {
      tally.logEntries++;
      if (expected.some(([id, results]) => entry.Identifier === id && entry.Results === results))
        tally.heard.set(entry.ContactId, (tally.heard.get(entry.ContactId) ?? 0) + 1);
    },
    flush: async () => {},
    close: async () => {},
  };
  const unserved = (result: ContactResult, inputsHeard: number): string | undefined => {
    if (result.end.kind !== 'queued')
      return `${JSON.stringify(result.end)} after ${result.path.at(-1)?.identifier ?? 'no block'}`;
    const attributes = result.contact.Attributes;
    if (
      inputsHeard !== expected.length ||
      Object.entries(options.expect.attributes).some(([key, value]) => attributes[key] !== value)
    )
      return `queued with ${inputsHeard}/${expected.length} inputs heard, attributes ${JSON.stringify(attributes)}`;
    return undefined;
  };
  const serving = serveInbound({
    ari,
    clock: systemClock,
    instance,
    voice: placeholderVoice('hello-world'),
    lambda: new LambdaPort({ resolve: (arn) => instance.lambda(arn), clock: systemClock }),
    routing: new MemoryRouting(systemClock, (ref) => instance.queue(ref)),
    log,
    onContact: (run, { from }) => {
      const t = tally;
      t.contacts++;
      t.peakCalls = Math.max(t.peakCalls, serving.running.size);
      t.closed.push(run.closed.catch(() => undefined));
      void run.done.then(
        (result) => {
          const why = unserved(result, t.heard.get(result.contactId) ?? 0);
          t.heard.delete(result.contactId);
          if (why === undefined) t.served++;
          else t.fail(`${from}: ${why}`);
          options.callers.hangup(from);
        },
        (error: unknown) => {
          t.fail(`${from}: ${String(error)}`);
          options.callers.hangup(from);
        },
      );
    },
  });

  const phase = async (calls: number, rampMs: number): Promise<LoadRun> => {
    tally = new Tally();
    events = 0;
    const t = tally;
    const invocationsBefore = fn.invocations;
    const loadAverage = loadavg()[0] ?? Number.NaN;
    const cpuBefore = process.cpuUsage();
    const pbxBefore = options.pbxPid ? cpuSecondsOf(options.pbxPid) : undefined;
    const loop = monitorEventLoopDelay({ resolution: 1 });
    loop.enable();
    const gcPauses: number[] = [];
    const gc = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) gcPauses.push(entry.duration);
    });
    gc.observe({ entryTypes: ['gc'] });
    const started = performance.now();
    const caller = await options.callers.run({
      calls,
      rampMs,
      number: BENCH_NUMBER,
      keys: options.keys,
      deadlineMs: rampMs + 60_000,
    });
    await Promise.all(t.closed);
    loop.disable();
    gc.disconnect();
    const wallSeconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    const pbxCpuSeconds =
      options.pbxPid && pbxBefore !== undefined ? cpuSecondsOf(options.pbxPid) - pbxBefore : undefined;
    const recorded = Math.min(events, capacity);
    return {
      placed: caller.placed,
      served: t.served,
      // A call the runtime never saw failed as much as one its flow dropped.
      failed: t.failed + Math.max(0, caller.placed - t.contacts),
      failures: t.failures,
      peakCalls: t.peakCalls,
      caller,
      loadAverage,
      events,
      eventLatencyMs: eventLatencyMs.slice(0, recorded).sort(),
      handlingMs: handlingMs.slice(0, recorded).sort(),
      wallSeconds,
      parleyCpuSeconds: (cpu.user + cpu.system) / 1e6,
      pbxCpuSeconds,
      loopDelayP99Ms: loop.percentile(99) / 1e6,
      gcPausesMs: Float64Array.from(gcPauses).sort(),
      lambdaInvocations: fn.invocations - invocationsBefore,
      logEntries: t.logEntries,
    };
  };

  try {
    if (options.warmUpCalls) await phase(options.warmUpCalls, 0);
    return await phase(options.calls, options.rampMs);
  } finally {
    serving.close();
    ari.close();
    await fn.close();
  }
}

const CALLS = 500;
/** Shorter than a call's IVR (five 1.4 s prompts and a 1 s Wait), so all of them are up at once. */
const RAMP_MS = 6000;
const WARM_UP_CALLS = 20;

export async function benchCalls(): Promise<{ figures: Figure[]; notes: string[] }> {
  const callers = await startCallerProcess();
  const options: LoadOptions = {
    callers,
    username: 'parley',
    password: 'parley',
    ivr: IVR_20,
    calls: CALLS,
    rampMs: RAMP_MS,
    warmUpCalls: WARM_UP_CALLS,
    // The menu is the 2nd prompt, the account number the 3rd.
    keys: { 2: '1', 3: '12345#' },
    expect: { results: { menu: '1' }, attributes: { account: '12345', name: 'Ada' } },
    pbxPid: callers.pid,
  };
  let run: LoadRun;
  try {
    run = await runLoad(options);
  } finally {
    callers.stop();
  }
  if (run.placed !== CALLS || run.served === 0 || run.events === 0)
    throw new Error(
      `the calls bench did not run: ${run.placed} placed, ${run.served} served, ${run.events} events; ${run.failures.join('; ')}`,
    );
  const pct = (seconds: number) => (100 * seconds) / run.wallSeconds;
  const over4ms = run.gcPausesMs.filter((ms) => ms > 4).length;
  return {
    figures: [
      {
        key: 'ari_calls_concurrent',
        label: `calls up at once in the runtime, peak (${CALLS} placed over ${RAMP_MS / 1000} s, 20-block IVR, real sockets)`,
        value: run.peakCalls,
        unit: 'calls',
      },
      {
        key: 'ari_calls_failed',
        label: '  calls that did not reach the queue with the keys heard and the Lambda answered',
        value: run.failed,
        unit: 'calls',
        target: '0',
      },
      {
        key: 'ari_event_p50_ms',
        label: '  ARI event latency p50 (ari-sim timestamp, truncated to the ms so it errs high → dispatch)',
        value: percentile(run.eventLatencyMs, 0.5),
        unit: 'ms',
      },
      {
        key: 'ari_event_p99_ms',
        label: '  ARI event latency p99',
        value: percentile(run.eventLatencyMs, 0.99),
        unit: 'ms',
        target: '< 5',
      },
      {
        key: 'ari_event_handling_p50_ms',
        label: "  runtime's synchronous handling of an event p50 (its listeners, inside dispatch)",
        value: percentile(run.handlingMs, 0.5),
        unit: 'ms',
      },
      {
        key: 'ari_event_handling_p99_ms',
        label: "  runtime's synchronous handling of an event p99",
        value: percentile(run.handlingMs, 0.99),
        unit: 'ms',
      },
      {
        key: 'ari_calls_loop_delay_p99_ms',
        label: "  runtime's event-loop delay p99 (how late its timers ran: the wait an event can meet)",
        value: run.loopDelayP99Ms,
        unit: 'ms',
      },
      {
        key: 'ari_calls_gc_pause_p99_ms',
        label: `  runtime's GC pauses p99 (${run.gcPausesMs.length} pauses, ${over4ms} over 4 ms; an event arriving in one waits it out)`,
        value: percentile(run.gcPausesMs, 0.99),
        unit: 'ms',
      },
      {
        key: 'ari_calls_pbx_loop_delay_p99_ms',
        label: "  ari-sim's event-loop delay p99 (with the callers: how late it can stamp and send events)",
        value: run.caller.loopDelayP99Ms,
        unit: 'ms',
      },
      {
        key: 'ari_calls_runtime_cpu_pct',
        label: '  runtime process CPU over the run (with the local Lambda function)',
        value: pct(run.parleyCpuSeconds),
        unit: '% of a core',
      },
      {
        key: 'ari_calls_sim_cpu_pct',
        label: '  ari-sim process CPU over the run (with the callers)',
        value: pct(run.pbxCpuSeconds ?? Number.NaN),
        unit: '% of a core',
      },
    ],
    notes: [
      `calls: ${run.events} events to the runtime in ${run.wallSeconds.toFixed(1)} s (after ${WARM_UP_CALLS} warm-up calls); ${run.lambdaInvocations} Lambda invocations, ${run.logEntries} flow-log entries; ${run.caller.endedByPbx} calls ended by the runtime, ${run.caller.stuck} stuck; ${cpus().length} cores, load average ${run.loadAverage.toFixed(1)} as the calls started`,
      ...run.failures.map((f) => `calls: failed ${f}`),
    ],
  };
}
