// What the runtime benchmarks share: the IVRs they call, the local HTTP function their Lambda block
// invokes, the instance around them, and the arithmetic of their figures.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { Clock } from '@parley/ari';
import type { Figure } from '../../packages/flow/bench/validate.bench.js';
import { Instance } from '../src/contact/instance.js';
import type { RealWork } from '../src/contact/simulate.js';
import type { FlowTarget } from '../src/executors/types.js';
import {
  type LambdaOutcome,
  LambdaPort,
  type LambdaPortOptions,
  type LambdaRequest,
} from '../src/integrations/lambda.js';

/** A Monday 11:00 in New York: inside the bench hours. */
export const BENCH_START = Date.parse('2025-06-02T15:00:00Z');
export const BENCH_NUMBER = '+18005550100';
export const LAMBDA_ARN = 'arn:aws:lambda:us-east-1:000000000000:function:bench-lookup';

const act = (id: string, type: string, parameters: object, next?: string, extra: object = {}) => ({
  Identifier: id,
  Type: type,
  Parameters: parameters,
  Transitions: { ...(next ? { NextAction: next } : {}), ...extra },
});
const onError = (next: string) => ({ Errors: [{ NextAction: next, ErrorType: 'NoMatchingError' }] });
const when = (next: string, operator: string, value: string) => ({
  Conditions: [{ NextAction: next, Condition: { Operator: operator, Operands: [value] } }],
});

const flowDoc = (name: string, start: string, actions: object[]) => ({
  Version: '2019-10-30',
  StartAction: start,
  Metadata: { name, type: 'contactFlow' },
  Actions: actions,
});

// Blocks both IVRs use, each leading to `next`.
const logging = (next: string) =>
  act('log', 'UpdateFlowLoggingBehavior', { FlowLoggingBehavior: 'Enabled' }, next);
const hours = (next: string) =>
  act('hours', 'CheckHoursOfOperation', { HoursOfOperationId: 'h-1' }, next, {
    ...when(next, 'Equals', 'True'),
    ...onError(next),
  });
const menu = (next: string) =>
  act(
    'menu',
    'GetParticipantInput',
    { Text: 'For sales press 1.', StoreInput: 'False', InputTimeLimitSeconds: '5' },
    next,
    { ...when(next, 'Equals', '1'), ...onError(next) },
  );
const lookup = (next: string, parameters: object = {}) =>
  act(
    'lookup',
    'InvokeLambdaFunction',
    { LambdaFunctionARN: LAMBDA_ARN, InvocationTimeLimitSeconds: '3', ...parameters },
    next,
    onError(next),
  );
const name = (next: string) =>
  act(
    'name',
    'UpdateContactAttributes',
    { Attributes: { name: '$.External.name' }, TargetContact: 'Current' },
    next,
    onError(next),
  );
const say = (id: string, text: string, next: string) =>
  act(id, 'MessageParticipant', { Text: text }, next, onError(next));
const attributes = (id: string, values: object, next: string) =>
  act(id, 'UpdateContactAttributes', { Attributes: values, TargetContact: 'Current' }, next, onError(next));
const targetQueue = (next: string) =>
  act('queue', 'UpdateContactTargetQueue', { QueueId: 'q-sales' }, next, onError(next));
const transfer = () => act('transfer', 'TransferContactToQueue', {}, undefined, onError('transfer'));

/**
 * Twenty blocks, every one executed by every contact that presses 1 at the menu and enters 12345#:
 * prompts, a DTMF menu, stored input, attributes, a Lambda, a Wait, an hours check and a transfer
 * to queue. Its prompts, in order: welcome, menu, account, thanks, hold.
 */
export const IVR_20 = flowDoc('Bench IVR', 'log', [
  logging('voice'),
  act('voice', 'UpdateContactTextToSpeechVoice', { TextToSpeechVoice: 'Joanna' }, 'attrs', onError('attrs')),
  attributes('attrs', { tier: 'gold', entry: 'bench' }, 'welcome'),
  say('welcome', 'Welcome to the benchmark.', 'hours'),
  hours('tier'),
  act('tier', 'Compare', { ComparisonValue: '$.Attributes.tier' }, 'menu', when('menu', 'Equals', 'gold')),
  menu('choice'),
  attributes('choice', { menu: 'sales' }, 'pause'),
  act('pause', 'Wait', { TimeLimitSeconds: '1' }, 'tag', {
    ...when('tag', 'Equals', 'WaitCompleted'),
    ...onError('tag'),
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
  attributes('save', { account: '$.StoredCustomerInput' }, 'known'),
  act(
    'known',
    'Compare',
    { ComparisonValue: '$.Attributes.account' },
    'lookup',
    when('lookup', 'Equals', '12345'),
  ),
  lookup('name', { LambdaInvocationAttributes: { account: '$.Attributes.account' } }),
  name('thanks'),
  say('thanks', 'Thank you, $.Attributes.name.', 'queue'),
  targetQueue('priority'),
  act('priority', 'UpdateContactRoutingBehavior', { QueuePriority: '2' }, 'hold', onError('hold')),
  say('hold', 'Please hold for the next agent.', 'transfer'),
  transfer(),
]);

/**
 * Ten blocks for the load run against a PBX: a prompt, an hours check, a one-key menu, a Lambda,
 * attributes and a transfer to queue. Its prompts: welcome, menu, thanks.
 */
export const IVR_10 = flowDoc('Load IVR', 'log', [
  logging('attrs'),
  attributes('attrs', { entry: 'load' }, 'welcome'),
  say('welcome', 'Welcome.', 'hours'),
  hours('menu'),
  menu('lookup'),
  lookup('name'),
  name('thanks'),
  say('thanks', 'Thank you, $.Attributes.name.', 'queue'),
  targetQueue('transfer'),
  transfer(),
]);

export interface LocalFunction {
  /** `http://127.0.0.1:<port>/lookup`. */
  url: string;
  readonly invocations: number;
  close(): Promise<void>;
}

/** The Lambda the IVRs invoke, as a local HTTP function answering what a CRM lookup would. */
export async function startLocalFunction(): Promise<LocalFunction> {
  let invocations = 0;
  const reply = JSON.stringify({ name: 'Ada', tier: 'gold' });
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      invocations++;
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': reply.length });
      res.end(reply);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/lookup`,
    get invocations() {
      return invocations;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** An instance with the IVR's hours, queue and function, the IVR published on BENCH_NUMBER. */
export function benchInstance(ivr: object, lambdaUrl: string): { instance: Instance; flow: FlowTarget } {
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
  instance.addFunction({ arn: LAMBDA_ARN, resource: { kind: 'http', url: lambdaUrl } });
  const loaded = instance.loadFlow(Buffer.from(JSON.stringify(ivr)), { id: 'bench-ivr' });
  if (!loaded.ok) throw new Error('the bench IVR should load');
  instance.addPhoneNumber(BENCH_NUMBER, 'bench-ivr');
  return { instance, flow: loaded.flow };
}

let ticksPerSecond: number | undefined;
/** /proc's clock ticks per second, asked of getconf once, when a figure first needs it. */
function clockTicks(): number {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

/**
 * CPU seconds (user + system) a process has used so far, from /proc/<pid>/stat; with `thread`, one
 * of its threads' alone (/proc/<pid>/task/<tid>/stat).
 */
export function cpuSecondsOf(pid: number, thread?: number): number {
  const stat = readFileSync(`/proc/${pid}${thread === undefined ? '' : `/task/${thread}`}/stat`, 'utf8');
  // The command name may hold spaces and parentheses: the fields start after its last `)`.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / clockTicks();
}

/**
 * CPU seconds this process has used, and its main thread alone (its task id is the pid), without
 * V8's GC helpers or libuv's pool; the main thread's is undefined where /proc is not there.
 */
export interface CpuTime {
  processS: number;
  mainS: number | undefined;
}

export function cpuTime(): CpuTime {
  const { user, system } = process.cpuUsage();
  let mainS: number | undefined;
  try {
    mainS = cpuSecondsOf(process.pid, process.pid);
  } catch {
    mainS = undefined;
  }
  return { processS: (user + system) / 1e6, mainS };
}

/** The CPU time used from `start` to `end`, plus `more` (a span before a pause that is not counted). */
export function cpuSince(start: CpuTime, end: CpuTime = cpuTime(), more?: CpuTime): CpuTime {
  const mainS =
    start.mainS === undefined || end.mainS === undefined || (more && more.mainS === undefined)
      ? undefined
      : end.mainS - start.mainS + (more?.mainS ?? 0);
  return { processS: end.processS - start.processS + (more?.processS ?? 0), mainS };
}

/** Blocks per CPU-second of the main thread alone, where /proc told its CPU time (else no figure). */
export function mainThreadFigure(key: string, blocks: number, mainS: number | undefined): Figure[] {
  if (mainS === undefined) return [];
  return [
    {
      key,
      label: "  block executions per CPU-second of the main thread (less V8's GC helper threads)",
      value: blocks / mainS,
      unit: 'blocks/s',
    },
  ];
}

export function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

export const percentile = (sorted: Float64Array, p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN;

/**
 * The Lambda port the simulated clock waits for (a request takes no simulated time), telling
 * `answered` whose function answered.
 */
export class BenchLambda extends LambdaPort {
  readonly #work: RealWork;
  readonly #answered: (contactId: string) => void;

  constructor(options: LambdaPortOptions, work: RealWork, answered: (contactId: string) => void) {
    super(options);
    this.#work = work;
    this.#answered = answered;
  }

  override async invoke(request: LambdaRequest): Promise<LambdaOutcome> {
    const outcome = await this.#work.track(super.invoke(request));
    this.#answered(request.contact.contactId);
    return outcome;
  }
}

/** `clock` whose timers tell `fired` as they fire: a timer that fires makes a waiting block ready. */
export function markingClock(clock: Clock, fired: () => void): Clock {
  return {
    now: () => clock.now(),
    setTimeout: (callback, ms) =>
      clock.setTimeout(() => {
        fired();
        callback();
      }, ms),
    clearTimeout: (handle) => clock.clearTimeout(handle),
  };
}
