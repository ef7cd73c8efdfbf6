import { randomInt, randomUUID } from 'node:crypto';
import type { Clock, TimerHandle } from '@parley/ari';
import type { Harness } from '@parley/harness';
import { digitsOf, type Instance } from '../contact/instance.js';
import type { ContactRun, ContactStep } from '../contact/runner.js';
import type { TranscriptEntry } from '../executors/types.js';
import type { InstanceScope } from '../services/context.js';
import type { EventBus } from '../services/events.js';
import { Problem } from '../services/problem.js';
import type { InstanceRow } from '../store/index.js';
import { checkDraft } from './draft.js';
import { TestInstance } from './instance.js';
import { TestCall } from './test-call.js';
import type { TestCallHandle, TestCallInfo, TestCallRequest, TestCallService } from './types.js';

export interface TestCallsOptions {
  /** The harness that places the calls; undefined when this server's telephony has none. */
  harness: (() => Promise<Harness>) | undefined;
  /** A fresh instance from the store, made by `make` (LiveInstances.detached). */
  detached(instanceId: string, make: (row: InstanceRow) => Instance): Promise<Instance | undefined>;
  clock: Clock;
  /** A test call is hung up after this long. Default 10 minutes. */
  maxDurationMs?: number;
  /** Live test calls per instance. Default 4. */
  maxPerInstance?: number;
  /** How long an ended call's messages and audio stay available. Default 10 minutes. */
  keepEndedMs?: number;
}

/** E.164 country code 999 is reserved and never assigned, so a test number can be no one's. */
const testNumber = () =>
  `999${String(randomInt(1e9)).padStart(9, '0')}${String(randomInt(1e3)).padStart(3, '0')}`;
const DEFAULT_FROM = '+15550100999';

/**
 * The designer's test calls: each one gets a number of its own that the runtime's inbound lookup
 * answers with the draft (serveInbound asks `instanceFor` first), is placed through the harness as
 * a customer's call, and is followed through the hooks serveInbound and the event bus give.
 */
export class TestCalls implements TestCallService {
  readonly #options: TestCallsOptions;
  readonly #calls = new Map<string, TestCall>();
  readonly #byNumber = new Map<string, { call: TestCall; instance: TestInstance }>();
  readonly #byContact = new Map<string, TestCall>();
  readonly #timers = new Set<TimerHandle>();

  constructor(options: TestCallsOptions) {
    this.#options = options;
  }

  /** Follows flow-log entries of test contacts; returns the unsubscribe function. */
  follow(events: EventBus): () => void {
    return events.subscribe((event) => {
      if (event.type === 'flow.log') this.#byContact.get(event.contactId)?.onLog(event.entry);
    });
  }

  /** The inbound lookup's first question: is the dialled number a test call's? */
  instanceFor(dialled: string): Instance | undefined {
    return this.#byNumber.get(digitsOf(dialled))?.instance;
  }

  onContact(run: ContactRun, info: { to: string }): void {
    const call = this.#byNumber.get(digitsOf(info.to))?.call;
    if (!call) return;
    this.#byContact.set(run.contactId, call);
    call.onContact(run);
  }

  onStep(contactId: string, step: ContactStep): void {
    this.#byContact.get(contactId)?.onStep(step);
  }

  transcript(contactId: string, entry: TranscriptEntry): void {
    this.#byContact.get(contactId)?.onTranscript(entry);
  }

  /** Whether a contact is a test call's (contact records mark them). */
  isTestContact(contactId: string): boolean {
    return this.#byContact.has(contactId);
  }

  get(instanceId: string, id: string): TestCallHandle | undefined {
    const call = this.#calls.get(id);
    return call?.instanceId === instanceId ? call : undefined;
  }

  async start(scope: InstanceScope, request: TestCallRequest): Promise<TestCallInfo> {
    const draft = await checkDraft(scope, request);
    const connect = this.#options.harness;
    if (!connect)
      throw new Problem('TESTCALL_UNAVAILABLE', 'this server has no harness to place test calls through');
    const instanceId = scope.instance.id;
    const live = [...this.#calls.values()].filter((c) => c.instanceId === instanceId && c.state !== 'ended');
    const max = this.#options.maxPerInstance ?? 4;
    if (live.length >= max)
      throw new Problem('TESTCALL_LIMIT', `${max} test calls of this instance are running already`);
    const harness = await connect().catch((e: unknown) => {
      throw new Problem('TESTCALL_UNAVAILABLE', `the harness could not connect: ${String(e)}`);
    });
    const number = testNumber();
    const instance = await this.#options.detached(instanceId, (row) => new TestInstance(row, draft, number));
    if (!(instance instanceof TestInstance)) throw new Problem('API_NOT_FOUND', 'the instance is gone');
    const from = request.from?.trim() || DEFAULT_FROM;
    const call = new TestCall({
      id: randomUUID(),
      instanceId,
      number: `+${number}`,
      from,
      flow: instance.draft,
      clock: this.#options.clock,
    });
    this.#calls.set(call.id, call);
    this.#byNumber.set(number, { call, instance });
    call.onEnd(() => this.#ended(call, number));
    this.#later(() => void call.hangup('time limit'), this.#options.maxDurationMs ?? 10 * 60_000, call);
    try {
      const leg = await harness.call(number, { callerId: `"Test call" <${from}>` });
      call.attach(leg, 30_000);
    } catch (e) {
      call.end(`could not be placed: ${e instanceof Error ? e.message : String(e)}`);
    }
    return call.info();
  }

  /** Hangs up every live test call. */
  async close(): Promise<void> {
    for (const t of this.#timers) this.#options.clock.clearTimeout(t);
    this.#timers.clear();
    await Promise.all([...this.#calls.values()].map((c) => c.hangup()));
  }

  #ended(call: TestCall, number: string): void {
    this.#byNumber.delete(number);
    this.#later(
      () => {
        this.#calls.delete(call.id);
        if (call.contactId) this.#byContact.delete(call.contactId);
      },
      this.#options.keepEndedMs ?? 10 * 60_000,
    );
  }

  /** A timer that dies with the server; `until` ends it early when that call ends first. */
  #later(run: () => void, ms: number, until?: TestCall): void {
    const timer = this.#options.clock.setTimeout(() => {
      this.#timers.delete(timer);
      run();
    }, ms);
    this.#timers.add(timer);
    until?.onEnd(() => {
      this.#options.clock.clearTimeout(timer);
      this.#timers.delete(timer);
    });
  }
}
