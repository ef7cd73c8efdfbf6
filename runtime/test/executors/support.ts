/**
 * Small stand-ins for the executors' ports: a scripted call on a ManualClock, a voice that names its
 * renders after the text, routing and instance lookups from tables, and a real Lambda port whose
 * functions are local modules. `runBlock` runs one executor while the clock moves.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ManualClock } from '@parley/ari';
import {
  type Contact,
  type ContactInit,
  createContact,
  type EngineEnv,
  type ExecutorInput,
  type HoursOfOperation,
  type QueueInfo,
  type StepResult,
  toModel,
} from '@parley/flow';
import { createExecutors } from '../../src/executors/index.js';
import type {
  CallbackRequest,
  FlowTarget,
  PromptAudio,
  QueueMetrics,
  RoutingPort,
  RuntimePorts,
  TranscriptEntry,
} from '../../src/executors/types.js';
import type { BotResource, LexPort } from '../../src/integrations/bot.js';
import { type FunctionResource, LambdaPort } from '../../src/integrations/lambda.js';
import type { SpeechOutcome, SpeechRequest, VoicePort } from '../../src/integrations/tts.js';
import { CallEnding } from '../../src/telephony/call-end.js';
import type {
  CallEnd,
  CallPort,
  CollectOptions,
  CollectOutcome,
  HangupReason,
  ListenOptions,
  ListenOutcome,
  PlayOutcome,
  TransferOptions,
  TransferOutcome,
} from '../../src/telephony/port.js';

export const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');

export const INSTANCE =
  'arn:aws:connect:us-east-1:123456789012:instance/11111111-2222-3333-4444-555555555555';
export const queueArn = (id: string) => `${INSTANCE}/queue/${id}`;
export const flowArn = (id: string) => `${INSTANCE}/contact-flow/${id}`;
export const moduleArn = (id: string) => `${INSTANCE}/flow-module/${id}`;
export const promptArn = (id: string) => `${INSTANCE}/prompt/${id}`;
export const agentArn = (id: string) => `${INSTANCE}/agent/${id}`;
export const fnArn = (name: string) => `arn:aws:lambda:us-east-1:123456789012:function:${name}`;

/** A call whose keys, playback failures and transfers the test scripts; time passes on the clock. */
export class ScriptedCall implements CallPort {
  readonly channelId = 'chan-1';
  readonly from = '+15550001111';
  readonly to = '+18005550100';
  readonly plays: { media: readonly string[]; interruptible: boolean }[] = [];
  readonly collects: CollectOptions[] = [];
  readonly listens: ListenOptions[] = [];
  readonly hangups: HangupReason[] = [];
  readonly transfers: { number: string; options: TransferOptions }[] = [];
  /** Media URIs that fail to play (missing files). */
  readonly failing = new Set<string>();
  /** How long each media URI plays. */
  playMs = 1000;
  readonly #collectScript: { outcome: CollectOutcome; afterMs: number }[] = [];
  readonly #listenScript: { outcome: ListenOutcome; afterMs: number }[] = [];
  readonly #transferScript: { outcome: TransferOutcome; afterMs: number }[] = [];
  readonly #clock: ManualClock;
  readonly #ending = new CallEnding();
  transferToNumber?: CallPort['transferToNumber'];
  listen?: CallPort['listen'];
  /** Recording starts and stops, in order; `recordingRefused` makes every start fail. */
  readonly recordings: string[] = [];
  recordingRefused: string | undefined;

  constructor(clock: ManualClock) {
    this.#clock = clock;
    this.transferToNumber = (number, options) => {
      this.transfers.push({ number, options });
      const next = this.#transferScript.shift();
      if (!next) return this.#after<TransferOutcome>(undefined, 'failed', 'failed');
      return this.#after<TransferOutcome>(next.afterMs, next.outcome, 'answered');
    };
    this.listen = (options) => {
      this.listens.push(options);
      if (this.ended) return Promise.resolve({ status: 'hungup' });
      if (options.prompt?.some((m) => this.failing.has(m))) return Promise.resolve({ status: 'failed' });
      const next = this.#listenScript.shift();
      // Nothing scripted: the caller says nothing and the call stays up until someone hangs up.
      return this.#after<ListenOutcome>(next?.afterMs, next?.outcome ?? { status: 'hungup' }, {
        status: 'hungup',
      });
    };
  }

  /** The next listen hears `outcome` after `afterMs`. */
  willHear(outcome: ListenOutcome, afterMs = 500): this {
    this.#listenScript.push({ outcome, afterMs });
    return this;
  }

  /** The next collect returns `outcome` after `afterMs` (keys are typed while the prompt plays). */
  willCollect(outcome: CollectOutcome, afterMs = 500): this {
    this.#collectScript.push({ outcome, afterMs });
    return this;
  }

  willTransfer(outcome: TransferOutcome, afterMs = 2000): this {
    this.#transferScript.push({ outcome, afterMs });
    return this;
  }

  async startRecording(name: string): Promise<{ ok: true; name: string } | { ok: false; reason: string }> {
    if (this.recordingRefused) return { ok: false, reason: this.recordingRefused };
    this.recordings.push(`start ${name}`);
    return { ok: true, name };
  }

  async stopRecording(name: string): Promise<void> {
    this.recordings.push(`stop ${name}`);
  }

  async answer(): Promise<void> {}

  play(media: readonly string[], options: { interruptible?: boolean } = {}): Promise<PlayOutcome> {
    this.plays.push({ media, interruptible: !!options.interruptible });
    if (this.ended) return Promise.resolve({ status: 'hungup' });
    if (media.some((m) => this.failing.has(m)))
      return this.#after(10, { status: 'failed' }, { status: 'hungup' });
    return this.#after(this.playMs * media.length, { status: 'done' }, { status: 'hungup' });
  }

  collectDigits(options: CollectOptions): Promise<CollectOutcome> {
    this.collects.push(options);
    if (this.ended) return Promise.resolve({ status: 'hungup' });
    if (options.prompt?.some((m) => this.failing.has(m))) return Promise.resolve({ status: 'failed' });
    const next = this.#collectScript.shift();
    // Nothing scripted: the caller never types and the call stays up until someone hangs up.
    return this.#after(next?.afterMs, next?.outcome ?? { status: 'hungup' }, { status: 'hungup' });
  }

  async sendDtmf(): Promise<void> {}
  async startMusicOnHold(): Promise<void> {}
  async stopMusicOnHold(): Promise<void> {}

  /** Hang-ups the telephony refuses before one goes through (Asterisk answering 5xx). */
  hangupRefusals = 0;

  async hangup(reason: HangupReason = 'normal'): Promise<void> {
    this.hangups.push(reason);
    if (this.hangupRefusals > 0) {
      this.hangupRefusals--;
      throw new Error('Asterisk answered 500 to channels.hangup');
    }
    this.#end({ cause: 16, by: 'runtime' });
  }

  /** The caller puts the phone down. */
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

  /** `value` after `ms` on the clock (never, when undefined), or `onHangup` if the call ends first. */
  #after<T>(ms: number | undefined, value: T, onHangup: T): Promise<T> {
    return new Promise((resolve) => {
      let off = () => {};
      const timer =
        ms === undefined
          ? undefined
          : this.#clock.setTimeout(() => {
              off();
              resolve(value);
            }, ms);
      off = this.onEnd(() => {
        if (timer !== undefined) this.#clock.clearTimeout(timer);
        resolve(onHangup);
      });
    });
  }
}

/** Renders every text to a file named after it, or fails as told. */
export class FakeVoice implements VoicePort {
  readonly requests: SpeechRequest[] = [];
  failure: { code: 'TTS_ENGINE_MISSING' | 'TTS_INVALID_SSML'; message: string } | undefined;
  /** Thrown instead of answering, as a port that breaks its promise would. */
  crash: Error | undefined;

  async render(request: SpeechRequest): Promise<SpeechOutcome> {
    this.requests.push(request);
    if (this.crash) throw this.crash;
    if (this.failure) return { status: 'error', ...this.failure };
    const slug = request.text.replace(/[^A-Za-z0-9]+/g, '-').slice(0, 40);
    return { status: 'ok', file: `/tts/${request.voice}/${slug}`, durationMs: 1000, cached: false };
  }
}

/** Routing that records what it was handed and answers as scripted. */
export class FakeRouting implements RoutingPort {
  readonly enqueued: { contact: Contact; queueArn: string }[] = [];
  readonly callbacks: CallbackRequest[] = [];
  refuse: { errorType: string; reason: string } | undefined;
  queueMetrics: Record<string, QueueMetrics> | undefined;
  metrics?: RoutingPort['metrics'];
  createCallback?: RoutingPort['createCallback'];

  constructor(options: { metrics?: boolean; callbacks?: boolean } = {}) {
    if (options.metrics)
      this.metrics = async (arn) => (this.queueMetrics ? this.queueMetrics[arn] : undefined);
    if (options.callbacks)
      this.createCallback = async (_contact, request) => {
        if (this.refuse) return { ok: false, ...this.refuse };
        this.callbacks.push(request);
        return { ok: true, contactId: `cb-${this.callbacks.length}` };
      };
  }

  async enqueue(contact: Contact, queueArn: string) {
    if (this.refuse) return { ok: false as const, ...this.refuse };
    this.enqueued.push({ contact, queueArn });
    return { ok: true as const };
  }
}

export const SALES: QueueInfo = {
  id: 'q-sales',
  arn: queueArn('q-sales'),
  name: 'Sales',
  outboundCallerId: { Address: '+18005550100', Type: 'TELEPHONE_NUMBER' },
  hoursOfOperationId: 'h-office',
};
export const BILLING: QueueInfo = { id: 'q-billing', arn: queueArn('q-billing'), name: 'Billing' };
export const ALICE: QueueInfo = { id: 'alice', arn: agentArn('alice'), name: 'alice', agentId: 'alice' };

export const OFFICE_HOURS: HoursOfOperation = {
  HoursOfOperationId: 'h-office',
  HoursOfOperationArn: `${INSTANCE}/operating-hours/h-office`,
  Name: 'Office',
  TimeZone: 'America/New_York',
  Config: (['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'] as const).map((Day) => ({
    Day,
    StartTime: { Hours: 9, Minutes: 0 },
    EndTime: { Hours: 17, Minutes: 0 },
  })),
};

const byRef =
  <T extends { id: string; arn: string }>(items: readonly T[]) =>
  (ref: string) =>
    items.find((i) => i.id === ref || i.arn === ref);

export const FLOWS: FlowTarget[] = [
  flowTarget('f-billing', 'Billing IVR', 'CONTACT_FLOW'),
  flowTarget('m-auth', 'Authenticate caller', 'MODULE'),
];

function flowTarget(id: string, name: string, type: string): FlowTarget {
  const model = toModel({ Version: '2019-10-30', StartAction: 'x', Actions: [] });
  if (!model) throw new Error('no model');
  return { id, arn: type === 'MODULE' ? moduleArn(id) : flowArn(id), name, type, model, key: id };
}

export const PROMPTS: PromptAudio[] = [
  { arn: promptArn('p-welcome'), name: 'Welcome greeting', file: '/prompts/welcome' },
  { arn: promptArn('p-music'), name: 'Hold music', file: '/prompts/music' },
];

export interface World {
  clock: ManualClock;
  call: ScriptedCall;
  voice: FakeVoice;
  routing: FakeRouting;
  lambda: LambdaPort;
  transcript: TranscriptEntry[];
  env: EngineEnv;
  ports: RuntimePorts;
}

/** Functions the Lambda port can run: local modules under fixtures/, or whatever a test maps. */
export const FUNCTIONS: Record<string, FunctionResource> = {
  [fnArn('lookup')]: { kind: 'module', path: join(fixtures, 'lambda.mjs'), handler: 'lookup' },
  [fnArn('nested')]: { kind: 'module', path: join(fixtures, 'lambda.mjs'), handler: 'nested' },
  [fnArn('broken')]: { kind: 'module', path: join(fixtures, 'lambda.mjs'), handler: 'broken' },
  [fnArn('silent')]: { kind: 'module', path: join(fixtures, 'lambda.mjs'), handler: 'silent' },
};

export function world(
  options: {
    routing?: FakeRouting;
    functions?: Record<string, FunctionResource>;
    now?: number;
    bots?: BotResource[];
    lex?: LexPort;
  } = {},
): World {
  // A Monday, 11:00 in New York: the office is open.
  const clock = new ManualClock(options.now ?? Date.parse('2025-06-02T15:00:00Z'));
  const call = new ScriptedCall(clock);
  const voice = new FakeVoice();
  const routing = options.routing ?? new FakeRouting();
  const functions = { ...FUNCTIONS, ...options.functions };
  let id = 0;
  const lambda = new LambdaPort({ resolve: (arn) => functions[arn], clock, newId: () => `inv-${++id}` });
  const transcript: TranscriptEntry[] = [];
  const env: EngineEnv = {
    now: () => clock.now(),
    queue: byRef([SALES, BILLING]),
    agentQueue: byRef([ALICE]),
    hoursOfOperation: (ref) =>
      [OFFICE_HOURS].find((h) => h.HoursOfOperationId === ref || h.HoursOfOperationArn === ref),
    flow: (ref) => FLOWS.find((f) => f.id === ref || f.arn === ref),
  };
  const ports: RuntimePorts = {
    call,
    voice,
    lambda,
    prompt: (ref) => PROMPTS.find((p) => p.arn === ref || p.arn.endsWith(`/${ref}`)),
    flow: (ref) => FLOWS.find((f) => f.id === ref || f.arn === ref),
    bot: (ref) => options.bots?.find((b) => b.arn === ref || b.name === ref),
    ...(options.lex ? { lex: options.lex } : {}),
    routing,
    env,
    clock,
    transcript: (entry) => transcript.push(entry),
  };
  return { clock, call, voice, routing, lambda, transcript, env, ports };
}

export const contact = (init: Partial<ContactInit> = {}): Contact =>
  createContact({
    ContactId: 'c0ffee00-0000-4000-8000-000000000001',
    InstanceARN: INSTANCE,
    CustomerEndpoint: { Address: '+15550001111', Type: 'TELEPHONE_NUMBER' },
    SystemEndpoint: { Address: '+18005550100', Type: 'TELEPHONE_NUMBER' },
    ...init,
  });

export interface BlockSpec {
  Type: string;
  Parameters?: Record<string, unknown>;
  Transitions?: Record<string, unknown>;
  Identifier?: string;
}

export function blockInput(block: BlockSpec, c: Contact = contact()): ExecutorInput {
  const model = toModel({
    Version: '2019-10-30',
    StartAction: block.Identifier ?? 'block',
    Actions: [{ Identifier: 'block', Parameters: {}, Transitions: {}, ...block }],
  });
  const action = model?.actions[0];
  if (!action) throw new Error('not an action');
  return { action, contact: c, flowKey: 'test', step: 1 };
}

const executors = createExecutors();

/**
 * Runs one block's executor, moving the clock in steps until it settles (at most `limitMs` of call
 * time). `drive: false` leaves the clock alone, for blocks that wait on real I/O.
 */
export async function runBlock(
  w: World,
  block: BlockSpec,
  options: { contact?: Contact; stepMs?: number; limitMs?: number; drive?: boolean } = {},
): Promise<StepResult> {
  const exec = executors[block.Type];
  if (!exec) throw new Error(`no executor for ${block.Type}`);
  let settled = false;
  const pending = exec(blockInput(block, options.contact), w.ports).finally(() => {
    settled = true;
  });
  if (options.drive === false) return pending;
  const step = options.stepMs ?? 100;
  for (let t = 0; !settled; t += step) {
    if (t > (options.limitMs ?? 600_000)) throw new Error(`${block.Type} did not settle`);
    await w.clock.advance(step);
  }
  return pending;
}
