// Contact engine figures: 1,000 contacts at once through a 20-block IVR on the simulated clock, with
// the runtime's executors and contact runner. The call side is an in-memory call whose prompts and
// keys take simulated time, so the figures are the engine's (compile cache, actors, executors, flow
// log, Lambda port); ARI and ari-sim have their own figures (packages/harness/bench).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { type Clock, ManualClock } from '@parley/ari';
import { createContact, loadFlow } from '@parley/flow';
import type { Figure } from '../../packages/flow/bench/validate.bench.js';
import { Instance } from '../src/contact/instance.js';
import { MemoryRouting } from '../src/contact/routing.js';
import { type ContactRun, runContact } from '../src/contact/runner.js';
import { placeholderVoice } from '../src/contact/simulate.js';
import { createExecutors } from '../src/executors/index.js';
import { LambdaPort } from '../src/integrations/lambda.js';
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

const act = (id: string, type: string, parameters: object, next?: string, extra: object = {}) => ({
  Identifier: id,
  Type: type,
  Parameters: parameters,
  Transitions: { ...(next ? { NextAction: next } : {}), ...extra },
});
const onError = (next: string) => ({ Errors: [{ NextAction: next, ErrorType: 'NoMatchingError' }] });

/** Twenty blocks, every one executed by every contact: prompts, a menu, stored input, Lambda, queueing. */
const IVR = {
  Version: '2019-10-30',
  StartAction: 'log',
  Metadata: { name: 'Bench IVR', type: 'contactFlow' },
  Actions: [
    act('log', 'UpdateFlowLoggingBehavior', { FlowLoggingBehavior: 'Enabled' }, 'voice'),
    act(
      'voice',
      'UpdateContactTextToSpeechVoice',
      { TextToSpeechVoice: 'Joanna' },
      'attrs',
      onError('attrs'),
    ),
    act(
      'attrs',
      'UpdateContactAttributes',
      { Attributes: { tier: 'gold', entry: 'bench' }, TargetContact: 'Current' },
      'welcome',
      onError('welcome'),
    ),
    act('welcome', 'MessageParticipant', { Text: 'Welcome to the benchmark.' }, 'hours', onError('hours')),
    act('hours', 'CheckHoursOfOperation', { HoursOfOperationId: 'h-1' }, 'tier', {
      Conditions: [{ NextAction: 'tier', Condition: { Operator: 'Equals', Operands: ['True'] } }],
      ...onError('tier'),
    }),
    act('tier', 'Compare', { ComparisonValue: '$.Attributes.tier' }, 'menu', {
      Conditions: [{ NextAction: 'menu', Condition: { Operator: 'Equals', Operands: ['gold'] } }],
    }),
    act(
      'menu',
      'GetParticipantInput',
      { Text: 'For sales press 1.', StoreInput: 'False', InputTimeLimitSeconds: '5' },
      'choice',
      {
        Conditions: [{ NextAction: 'choice', Condition: { Operator: 'Equals', Operands: ['1'] } }],
        ...onError('choice'),
      },
    ),
    act(
      'choice',
      'UpdateContactAttributes',
      { Attributes: { menu: 'sales' }, TargetContact: 'Current' },
      'split',
      onError('split'),
    ),
    act('split', 'DistributeByPercentage', {}, 'tag', {
      Conditions: [{ NextAction: 'tag', Condition: { Operator: 'NumberLessThan', Operands: ['50'] } }],
    }),
    act('tag', 'TagContact', { Tags: { campaign: 'bench' } }, 'account', onError('account')),
    act(
      'account',
      'GetParticipantInput',
      {
        Text: 'Enter your account number and press pound.',
        StoreInput: 'True',
        InputTimeLimitSeconds: '5',
        InputValidation: { CustomValidation: { MaximumLength: '10' } },
      },
      'save',
      onError('save'),
    ),
    act(
      'save',
      'UpdateContactAttributes',
      { Attributes: { account: '$.StoredCustomerInput' }, TargetContact: 'Current' },
      'known',
      onError('known'),
    ),
    act('known', 'Compare', { ComparisonValue: '$.Attributes.account' }, 'lookup', {
      Conditions: [{ NextAction: 'lookup', Condition: { Operator: 'Equals', Operands: ['12345'] } }],
    }),
    act(
      'lookup',
      'InvokeLambdaFunction',
      {
        LambdaFunctionARN: 'arn:aws:lambda:us-east-1:000000000000:function:bench-lookup',
        InvocationTimeLimitSeconds: '3',
        LambdaInvocationAttributes: { account: '$.Attributes.account' },
      },
      'name',
      onError('name'),
    ),
    act(
      'name',
      'UpdateContactAttributes',
      { Attributes: { name: '$.External.name' }, TargetContact: 'Current' },
      'thanks',
      onError('thanks'),
    ),
    act('thanks', 'MessageParticipant', { Text: 'Thank you, $.Attributes.name.' }, 'queue', onError('queue')),
    act('queue', 'UpdateContactTargetQueue', { QueueId: 'q-sales' }, 'priority', onError('priority')),
    act('priority', 'UpdateContactRoutingBehavior', { QueuePriority: '2' }, 'hold', onError('hold')),
    act(
      'hold',
      'MessageParticipant',
      { Text: 'Please hold for the next agent.' },
      'transfer',
      onError('transfer'),
    ),
    act('transfer', 'TransferContactToQueue', {}, undefined, onError('transfer')),
  ],
};

function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

const percentile = (sorted: Float64Array, p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN;

export async function benchEngine(): Promise<Figure[]> {
  const clock = new ManualClock(Date.parse('2025-06-02T15:00:00Z'));
  const instance = new Instance();
  instance.addHours({
    id: 'h-1',
    timeZone: 'America/New_York',
    config: (['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'] as const).map((Day) => ({
      Day,
      StartTime: { Hours: 8, Minutes: 0 },
      EndTime: { Hours: 20, Minutes: 0 },
    })),
  });
  instance.addQueue({ id: 'q-sales', name: 'Sales', hoursOfOperation: 'h-1' });
  const lambdaDir = mkdtempSync(join(tmpdir(), 'parley-bench-'));
  writeFileSync(
    join(lambdaDir, 'lookup.mjs'),
    "export const handler = async () => ({ name: 'Ada', tier: 'gold' });\n",
  );
  instance.addFunction({
    name: 'bench-lookup',
    resource: { kind: 'module', path: join(lambdaDir, 'lookup.mjs') },
  });
  const loaded = instance.loadFlow(Buffer.from(JSON.stringify(IVR)), { id: 'bench-ivr' });
  if (!loaded.ok || loadFlow(JSON.stringify(IVR)).diagnostics.some((d) => d.severity === 'error'))
    throw new Error('the bench IVR should be a valid flow');
  const flow = loaded.flow;

  const executors = createExecutors();
  const voice = placeholderVoice();
  const lambda = new LambdaPort({ resolve: (arn) => instance.lambda(arn), clock });
  // The handler's module is imported once, for real; later calls are in memory.
  await lambda.invoke({
    functionArn: 'arn:aws:lambda:us-east-1:000000000000:function:bench-lookup',
    contact: {
      contactId: 'warm-up',
      channel: 'VOICE',
      initiationMethod: 'INBOUND',
      instanceArn: instance.arn,
      attributes: {},
    },
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
  const calls: SimulatedCall[] = [];
  const runs: ContactRun[] = [];
  // Calls arrive one simulated millisecond apart, so all 1,000 are in the IVR at once (it takes
  // ten seconds) without arriving in one synchronised burst.
  for (let i = 0; i < CONTACTS; i++) {
    if (i > 0) await clock.advance(ARRIVAL_GAP_MS);
    const call = new SimulatedCall(i, clock, () => {
      ready[i] = performance.now();
    });
    calls.push(call);
    ready[i] = performance.now();
    const ports = instance.ports({ call, clock, voice, lambda, routing, transcript: () => {} });
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
    while (!settled) await clock.advance(100);
    return all;
  })();
  const elapsedS = (performance.now() - started) / 1000;
  for (const call of calls) call.callerHangsUp();
  await Promise.all(runs.map((r) => r.closed));

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
