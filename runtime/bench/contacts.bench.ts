// Ten thousand contacts at once in one process: each calls IVR_20 through ari-sim in-process, on the
// simulated clock, and the runtime serves them as it serves real calls (serveInbound: the ARI
// client, the call port, compiled flows, executors, the HTTP Lambda, flow-log files and contact
// records). The same callers then run through a bare table-walking interpreter (baseline.ts) on the
// same ports, and the ratio of the two CPU times says what the engine costs over the least that
// could do the job.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ARI_EVENT_TYPES, type AriEvent, ManualClock } from '@parley/ari';
import { openSimulatedTelephony } from '@parley/harness';
import type { Figure } from '../../packages/flow/bench/validate.bench.js';
import { MemoryRouting } from '../src/contact/routing.js';
import { serveInbound } from '../src/contact/serve.js';
import { placeholderVoice, RealWork } from '../src/contact/simulate.js';
import { ContactRecordFile } from '../src/logs/contact-record.js';
import { FlowLogFiles } from '../src/logs/sinks.js';
import { AriTelephony } from '../src/telephony/ari-telephony.js';
import { bareFlow, runBare } from './baseline.js';
import { BenchCallers, IVR_20_KEYS } from './callers.js';
import {
  BENCH_NUMBER,
  BENCH_START,
  BenchLambda,
  benchInstance,
  collectGarbage,
  cpuSince,
  cpuTime,
  IVR_20,
  type LocalFunction,
  mainThreadFigure,
  markingClock,
  percentile,
  startLocalFunction,
} from './support.js';

const CONTACTS = Number(process.env.PARLEY_BENCH_CONTACTS ?? 10_000);
const BLOCKS = IVR_20.Actions.length;
/** Calls arrive two per simulated millisecond: all are in the IVR (about ten seconds) at once. */
const ARRIVALS_PER_MS = 2;
const STEP_MS = 10;

interface Run {
  blocks: number;
  queued: number;
  cpuS: number;
  /** CPU seconds of the main thread alone, when /proc tells them. */
  mainCpuS: number | undefined;
  wallS: number;
  latencies: Float64Array;
  peak: number;
  /** Heap and RSS growth per contact with all of them in the IVR, KiB. */
  heapPerContactKb: number;
  rssPerContactKb: number;
}

/** Which call an ARI event is about: its channel, or the channel a playback plays to. */
function channelOf(e: AriEvent): string | undefined {
  const ev = e as { channel?: { id: string }; playback?: { target_uri: string } };
  if (ev.channel) return ev.channel.id;
  const uri = ev.playback?.target_uri;
  return uri?.startsWith('channel:') ? uri.slice(8) : undefined;
}

async function drive(mode: 'runtime' | 'baseline', fn: LocalFunction): Promise<Run> {
  const clock = new ManualClock(BENCH_START);
  const tel = await openSimulatedTelephony(clock);
  const { instance } = benchInstance(IVR_20, fn.url);
  const work = new RealWork();
  const dir = mkdtempSync(join(tmpdir(), 'parley-bench-'));

  // A block is ready when what it waited for happened: an event on its call, its function's
  // answer, a timer of its own (the Wait), or else the end of the block before it.
  const ready = new Map<string, number>();
  const channelOfContact = new Map<string, string>();
  const latencies = new Float64Array(CONTACTS * BLOCKS);
  let blocks = 0;
  let lastTimer = 0;
  // Type handlers run in the order they were added, before `onAny`: these, added before the
  // runtime's, stamp an event before the runtime sees it.
  const stamp = (e: AriEvent) => {
    const ch = channelOf(e);
    if (ch !== undefined) ready.set(ch, performance.now());
  };
  for (const type of ARI_EVENT_TYPES) tel.runtimeAri.on(type, stamp);
  const timers = markingClock(clock, () => {
    lastTimer = performance.now();
  });
  const stepped = (channel: string, waited: boolean) => {
    const now = performance.now();
    const since = Math.max(ready.get(channel) ?? now, waited ? lastTimer : 0);
    latencies[blocks++] = now - since;
    ready.set(channel, now);
  };
  const lambda = new BenchLambda(
    { resolve: (arn) => instance.lambda(arn), clock: timers },
    work,
    (contactId) => {
      const ch = channelOfContact.get(contactId) ?? contactId;
      ready.set(ch, performance.now());
    },
  );
  const voice = placeholderVoice();

  let queued = 0;
  let finished = 0;
  let active = 0;
  let peak = 0;
  const closing: Promise<unknown>[] = [];
  const logs = new FlowLogFiles({ dir, clock: timers });
  const records = new ContactRecordFile(join(dir, 'records.jsonl'), { clock: timers });
  let stop: () => void;
  if (mode === 'runtime') {
    const serving = serveInbound({
      ari: tel.runtimeAri,
      clock: timers,
      instance,
      voice,
      lambda,
      routing: new MemoryRouting(timers, (ref) => instance.queue(ref)),
      log: logs.group(instance.info.alias),
      records,
      attach: (_instance, call, contactId) => {
        channelOfContact.set(contactId, call.channelId);
        return undefined;
      },
      onContact: (run) => {
        peak = Math.max(peak, serving.running.size);
        void run.done.then((r) => {
          finished++;
          if (r.end.kind === 'queued') queued++;
        });
        closing.push(run.closed);
      },
      onStep: (contactId, step) =>
        stepped(channelOfContact.get(contactId) ?? contactId, step.blockType === 'Wait'),
    });
    stop = () => serving.close();
  } else {
    const flow = bareFlow(IVR_20);
    const telephony = new AriTelephony(tel.runtimeAri, timers, ({ call }) => {
      active++;
      peak = Math.max(peak, active);
      const contactId = call.channelId;
      const deps = {
        instance,
        clock: timers,
        voice,
        lambda,
        onStep: (blockType: string) => stepped(contactId, blockType === 'Wait'),
      };
      const run = call
        .answer()
        .then(() => runBare(flow, call, contactId, deps))
        .then((queue) => {
          finished++;
          if (queue !== undefined) queued++;
        });
      const over = new Promise<void>((resolve) => call.onEnd(() => resolve()));
      closing.push(
        Promise.all([run, over]).finally(() => {
          active--;
        }),
      );
    });
    stop = () => telephony.close();
  }

  const callers = new BenchCallers(tel.harnessAri, IVR_20_KEYS);
  collectGarbage();
  const heapBefore = process.memoryUsage().heapUsed;
  const rssBefore = process.memoryUsage().rss;
  const cpuStart = cpuTime();
  const started = performance.now();
  const advance = async (ms: number) => {
    await work.idle();
    await clock.advance(ms);
  };

  for (let i = 0; i < CONTACTS; i++) {
    if (i > 0 && i % ARRIVALS_PER_MS === 0) await advance(1);
    void callers.place(BENCH_NUMBER).catch(() => undefined);
  }
  // Every call placed; the first to arrive are still in the IVR. Memory with all of them in it:
  await advance(STEP_MS);
  const concurrent = mode === 'runtime' ? peak : active;
  const beforePause = cpuSince(cpuStart);
  const pauseStarted = performance.now();
  collectGarbage();
  const heapPerContactKb = (process.memoryUsage().heapUsed - heapBefore) / concurrent / 1024;
  const rssPerContactKb = (process.memoryUsage().rss - rssBefore) / concurrent / 1024;
  const paused = performance.now() - pauseStarted;
  const cpuResume = cpuTime();

  while (finished < CONTACTS - callers.lost) await advance(STEP_MS);
  const cpu = cpuSince(cpuResume, cpuTime(), beforePause);
  const wallS = (performance.now() - started - paused) / 1000;

  await callers.hangupAll();
  const over = Promise.all(closing);
  let done = false;
  void over.then(() => {
    done = true;
  });
  while (!done) await advance(100);
  await logs.close();
  await records.close();
  callers.close();
  stop();
  await tel.close();
  rmSync(dir, { recursive: true, force: true });

  if (queued !== CONTACTS)
    throw new Error(
      `${mode}: ${queued} of ${CONTACTS} contacts reached the queue (${callers.lost} calls lost)`,
    );
  if (blocks !== CONTACTS * BLOCKS)
    throw new Error(`${mode}: expected ${CONTACTS * BLOCKS} block executions, saw ${blocks}`);
  return {
    blocks,
    queued,
    cpuS: cpu.processS,
    mainCpuS: cpu.mainS,
    wallS,
    latencies: latencies.slice(0, blocks).sort(),
    peak: concurrent,
    heapPerContactKb,
    rssPerContactKb,
  };
}

export async function benchContacts(): Promise<{ figures: Figure[]; notes: string[] }> {
  const fn = await startLocalFunction();
  const runtime = await drive('runtime', fn);
  const invoked = fn.invocations;
  const baseline = await drive('baseline', fn);
  await fn.close();
  if (invoked !== CONTACTS || fn.invocations !== 2 * CONTACTS)
    throw new Error(`every contact should invoke the function once: ${invoked}, ${fn.invocations}`);
  const n = CONTACTS.toLocaleString('en-US');
  return {
    figures: [
      {
        key: 'contacts_concurrent',
        label: `contacts active at once (${n} calls into a 20-block IVR, ari-sim in-process, simulated clock)`,
        value: runtime.peak,
        unit: 'contacts',
        target: '≥ 10000',
      },
      {
        key: 'block_exec_per_s',
        label:
          '  block executions per CPU-second (runtime, ARI client, ari-sim, callers, function: one process)',
        value: runtime.blocks / runtime.cpuS,
        unit: 'blocks/s',
        target: '≥ 20000',
      },
      ...mainThreadFigure('block_exec_per_main_cpu_s', runtime.blocks, runtime.mainCpuS),
      {
        key: 'block_exec_per_wall_s',
        label: '  block executions per second of wall time',
        value: runtime.blocks / runtime.wallS,
        unit: 'blocks/s',
      },
      {
        key: 'block_p50_ms',
        label: '  block latency p50 (what it waited for happened → next block ready, logged)',
        value: percentile(runtime.latencies, 0.5),
        unit: 'ms',
      },
      {
        key: 'block_p99_ms',
        label: '  block latency p99',
        value: percentile(runtime.latencies, 0.99),
        unit: 'ms',
        target: '< 10',
      },
      {
        key: 'rss_per_contact_kb',
        label: '  RSS growth per active contact (runtime and ari-sim channels)',
        value: runtime.rssPerContactKb,
        unit: 'KiB',
        target: '≤ 50',
      },
      {
        key: 'heap_per_contact_kb',
        label: '  heap growth per active contact',
        value: runtime.heapPerContactKb,
        unit: 'KiB',
      },
      {
        key: 'baseline_ratio',
        label: '  CPU time, runtime / bare table-walking interpreter on the same calls',
        value: runtime.cpuS / baseline.cpuS,
        unit: '×',
        target: '≤ 3',
      },
      {
        key: 'engine_cpu_per_block_us',
        label:
          '  CPU per block the runtime spends beyond the bare interpreter (XState, executors, logs, records)',
        value: ((runtime.cpuS - baseline.cpuS) / runtime.blocks) * 1e6,
        unit: 'µs',
      },
      {
        key: 'baseline_block_exec_per_s',
        label: '  bare interpreter: block executions per CPU-second',
        value: baseline.blocks / baseline.cpuS,
        unit: 'blocks/s',
      },
    ],
    notes: [],
  };
}
