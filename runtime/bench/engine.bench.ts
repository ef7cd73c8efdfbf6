// Contact engine figures: 1,000 contacts at once through a 20-block IVR on the simulated clock, with
// the runtime's executors and contact runner. The call side is an in-memory call whose prompts and
// keys take simulated time, so the figures are the engine's (compile cache, actors, executors, flow
// log, Lambda port); ARI and ari-sim have their own figures (packages/harness/bench).
import { performance } from 'node:perf_hooks';
import { type Clock, ManualClock } from '@parley/ari';
import { createContact } from '@parley/flow';
import type { Figure } from '../../packages/flow/bench/validate.bench.js';
import { MemoryRouting } from '../src/contact/routing.js';
import { type ContactRun, runContact } from '../src/contact/runner.js';
import { placeholderVoice, RealWork } from '../src/contact/simulate.js';
import { createExecutors } from '../src/executors/index.js';
import type { FlowLogEntry } from '../src/logs/entry.js';
import type { FlowLogSink } from '../src/logs/sinks.js';
import { CallEnding } from '../src/telephony/call-end.js';
import type {
  CallEnd,
  CallPort,
  CollectOptions,
  CollectOutcome,
  PlayOutcome,
} from '../src/telephony/port.js';
import {
  BENCH_START,
  BenchLambda,
  benchInstance,
  collectGarbage,
  cpuSince,
  cpuTime,
  IVR_20,
  mainThreadFigure,
  markingClock,
  percentile,
  startLocalFunction,
} from './support.js';

const CONTACTS = 1000;
const PROMPT_MS = 1500;
const KEY_DELAY_MS = 400;
const ARRIVAL_GAP_MS = 1;

/** A caller who listens to every prompt to its end and answers every question after a pause. */
class SimulatedCall implements CallPort {
  readonly channelId: string;
  readonly from = '+15550001111';
  readonly to = '18005550100';
  readonly #clock: Clock;
  readonly #ending = new CallEnding();
  readonly #resumed: () => void;

  constructor(id: number, clock: Clock, resumed: () => void) {
    this.channelId = `bench-${id}`;
    this.#clock = clock;
    this.#resumed = resumed;
  }

  #after<T>(ms: number, value: T): Promise<T> {
    return new Promise((resolve) =>
      this.#clock.setTimeout(() => {
        this.#resumed();
        resolve(value);
      }, ms),
    );
  }
  async answer(): Promise<void> {}
  play(): Promise<PlayOutcome> {
    return this.#after(PROMPT_MS, { status: 'done' });
  }
  collectDigits(options: CollectOptions): Promise<CollectOutcome> {
    const digits = options.maxDigits === 1 ? '1' : '12345';
    return this.#after(PROMPT_MS + KEY_DELAY_MS, {
      status: 'digits',
      digits,
      ended: options.maxDigits === 1 ? 'max' : 'terminator',
    });
  }
  async sendDtmf(): Promise<void> {}
  async startMusicOnHold(): Promise<void> {}
  async stopMusicOnHold(): Promise<void> {}
  async hangup(): Promise<void> {
    this.#end({ cause: 16, by: 'runtime' });
  }
  callerHangsUp(): void {
    this.#end({ cause: 16, by: 'caller' });
  }
  get ended(): CallEnd | undefined {
    return this.#ending.ended;
  }
  onEnd(listener: (end: CallEnd) => void): () => void {
    return this.#ending.onEnd(listener);
  }
  #end(end: CallEnd): void {
    this.#ending.end(end);
  }
}

export async function benchEngine(): Promise<Figure[]> {
  const clock = new ManualClock(BENCH_START);
  const lambdaFunction = await startLocalFunction();
  const { instance, flow } = benchInstance(IVR_20, lambdaFunction.url);
  const IVR = IVR_20;

  const executors = createExecutors();
  const voice = placeholderVoice();
  const work = new RealWork();
  const lambda = new BenchLambda({ resolve: (arn) => instance.lambda(arn), clock }, work, (contactId) => {
    ready[Number(contactId.slice(-12))] = performance.now();
  });
  const routing = new MemoryRouting(clock, (ref) => instance.queue(ref));
  let logged = 0;
  const log: FlowLogSink = {
    write: (_entry: FlowLogEntry) => {
      logged++;
    },
    flush: async () => {},
    close: async () => {},
  };

  const latencies = new Float64Array(CONTACTS * IVR.Actions.length);
  let blocks = 0;
  /** When each contact's current block could proceed: its start, or the simulated event it waited for. */
  const ready = new Float64Array(CONTACTS);

  collectGarbage();
  const heapBefore = process.memoryUsage().heapUsed;
  const started = performance.now();
  const cpuStart = cpuTime();
  const calls: SimulatedCall[] = [];
  const runs: ContactRun[] = [];
  // Calls arrive one simulated millisecond apart, so all 1,000 are in the IVR at once (it takes
  // ten seconds) without arriving in one synchronised burst.
  for (let i = 0; i < CONTACTS; i++) {
    if (i > 0) {
      await work.idle();
      await clock.advance(ARRIVAL_GAP_MS);
    }
    const call = new SimulatedCall(i, clock, () => {
      ready[i] = performance.now();
    });
    calls.push(call);
    ready[i] = performance.now();
    // The contact's own timers (the Wait block) make its next block ready too.
    const timers = markingClock(clock, () => {
      ready[i] = performance.now();
    });
    const ports = instance.ports({ call, clock: timers, voice, lambda, routing, transcript: () => {} });
    runs.push(
      runContact({
        contact: createContact({
          ContactId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
          CustomerEndpoint: { Address: call.from, Type: 'TELEPHONE_NUMBER' },
        }),
        flow,
        ports,
        executors,
        log,
        instanceArn: instance.arn,
        onStep: () => {
          const now = performance.now();
          latencies[blocks++] = now - (ready[i] ?? now);
          ready[i] = now;
        },
      }),
    );
  }
  let queued = 0;
  for (const r of runs) void r.done.then((result) => (queued += result.end.kind === 'queued' ? 1 : 0));

  // Everyone is in the IVR (the last arrivals in the welcome prompt): memory per live contact.
  await clock.advance(PROMPT_MS / 2);
  collectGarbage();
  const heapActive = process.memoryUsage().heapUsed;
  const memoryPerContactKb = (heapActive - heapBefore) / CONTACTS / 1024;

  const results = await (async () => {
    const all = Promise.all(runs.map((r) => r.done));
    let settled = false;
    void all.then(() => {
      settled = true;
    });
    while (!settled) {
      await work.idle();
      await clock.advance(10);
    }
    return all;
  })();
  const elapsedS = (performance.now() - started) / 1000;
  const { processS: cpuS, mainS } = cpuSince(cpuStart);
  for (const call of calls) call.callerHangsUp();
  await Promise.all(runs.map((r) => r.closed));
  await lambdaFunction.close();
  if (lambdaFunction.invocations !== CONTACTS)
    throw new Error(`every contact should have invoked the function once, saw ${lambdaFunction.invocations}`);

  const faults = results.filter((r) => r.end.kind !== 'queued');
  if (faults.length > 0 || queued !== CONTACTS)
    throw new Error(`every bench contact should be queued: ${JSON.stringify(faults[0]?.end)}`);
  if (blocks !== CONTACTS * IVR.Actions.length)
    throw new Error(`expected ${CONTACTS * IVR.Actions.length} block executions, saw ${blocks}`);
  if (logged < blocks) throw new Error('every block should have been logged');
  const sorted = latencies.slice(0, blocks).sort();

  return [
    {
      key: 'engine_blocks_per_s',
      label: 'contact engine: block executions per second (1,000 concurrent contacts, 20-block IVR)',
      value: blocks / elapsedS,
      unit: 'blocks/s',
    },
    {
      key: 'engine_blocks_per_cpu_s',
      label: '  block executions per CPU-second (the process: engine, in-memory calls, HTTP function)',
      value: blocks / cpuS,
      unit: 'blocks/s',
    },
    ...mainThreadFigure('engine_blocks_per_main_cpu_s', blocks, mainS),
    {
      key: 'engine_block_p50_ms',
      label: '  block latency p50 (ready → outcome applied and logged)',
      value: percentile(sorted, 0.5),
      unit: 'ms',
    },
    {
      key: 'engine_block_p99_ms',
      label: '  block latency p99',
      value: percentile(sorted, 0.99),
      unit: 'ms',
    },
    {
      key: 'engine_memory_per_contact_kb',
      label: '  heap per active contact (actor, contact, ports, executors in flight)',
      value: memoryPerContactKb,
      unit: 'KiB',
    },
  ];
}
