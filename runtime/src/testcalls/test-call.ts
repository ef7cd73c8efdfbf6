import type { Clock, TimerHandle } from '@parley/ari';
import { type ActionNode, indexActions, resolveParameters } from '@parley/flow';
import type { CallerLeg } from '@parley/harness';
import type { ContactEnd, ContactRun, ContactStep } from '../contact/runner.js';
import type { FlowTarget, TranscriptEntry } from '../executors/types.js';
import { Problem } from '../services/problem.js';
import type { TestCallHandle, TestCallInfo, TestCallMessage, TestCallState } from './types.js';

/** Messages kept for a socket that connects late or reconnects; a call rarely runs this many blocks. */
const MAX_MESSAGES = 5_000;

export interface TestCallInit {
  id: string;
  instanceId: string;
  number: string;
  from: string;
  flow: FlowTarget;
  clock: Clock;
}

/** Why a contact's call ended, in a few words for the designer's status line. */
function endReason(end: ContactEnd | undefined): string {
  if (!end) return 'ended';
  if (end.kind === 'fault') return `stopped by ${end.problem.code}`;
  if (end.kind === 'queued') return end.toAgent ? 'transferred to an agent' : 'transferred to a queue';
  if (end.kind === 'stopped') return 'stopped';
  return end.by === 'caller' ? 'hung up' : 'disconnected by the flow';
}

/**
 * One test call: the caller's leg in the harness, the contact the runtime made of it, and every
 * message the browser is told, kept so that a socket opened after the call started misses nothing.
 */
export class TestCall implements TestCallHandle {
  readonly id: string;
  readonly instanceId: string;
  readonly number: string;
  readonly from: string;
  readonly flow: FlowTarget;
  readonly startedAt: number;
  #state: TestCallState = 'ringing';
  #contactId: string | null = null;
  #run: ContactRun | undefined;
  #leg: CallerLeg | undefined;
  /** The attributes last told, as JSON; none told yet. */
  #attributes: string | undefined;
  /** Why the call was hung up from here (the designer, its socket, the time limit). */
  #hungUpBecause: string | undefined;
  readonly #clock: Clock;
  readonly #actions: Map<string, ActionNode>;
  readonly #messages: TestCallMessage[] = [];
  readonly #listeners = new Set<(m: TestCallMessage) => void>();
  readonly #audio: string[] = [];
  readonly #onEnd: (() => void)[] = [];
  #fallback: TimerHandle | undefined;

  constructor(init: TestCallInit) {
    this.id = init.id;
    this.instanceId = init.instanceId;
    this.number = init.number;
    this.from = init.from;
    this.flow = init.flow;
    this.#clock = init.clock;
    this.startedAt = init.clock.now();
    this.#actions = indexActions(init.flow.model);
    this.#send({ type: 'state', state: 'ringing', at: this.#at() });
  }

  get state(): TestCallState {
    return this.#state;
  }

  get contactId(): string | null {
    return this.#contactId;
  }

  info(): TestCallInfo {
    return {
      id: this.id,
      state: this.#state,
      number: this.number,
      from: this.from,
      flowId: this.flow.id,
      flowArn: this.flow.arn,
      contactId: this.#contactId,
      startedAt: new Date(this.startedAt).toISOString(),
    };
  }

  subscribe(listener: (message: TestCallMessage) => void): () => void {
    for (const m of this.#messages) listener(m);
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  get listeners(): number {
    return this.#listeners.size;
  }

  /** Runs `then` once the call has ended (at once when it has). */
  onEnd(then: () => void): void {
    if (this.#state === 'ended') then();
    else this.#onEnd.push(then);
  }

  /** Follows the caller's leg: answered is "in call"; hung up ends the call once its contact closed. */
  attach(leg: CallerLeg, answerTimeoutMs: number): void {
    this.#leg = leg;
    leg.answered(answerTimeoutMs).then(
      () => {
        if (this.#state === 'ringing') this.#setState('in-call');
      },
      () => void this.hangup('not answered').finally(() => this.end('not answered')),
    );
    void leg.waitForHangup({ timeoutMs: 2 ** 31 - 1 }).then(() => {
      if (!this.#run) return this.end(this.#hungUpBecause ?? 'hung up');
      // The contact record and last log entries follow the hangup; wait for them, not forever.
      this.#fallback = this.#clock.setTimeout(() => this.end(this.#hungUpBecause ?? 'hung up'), 5_000);
    });
  }

  onContact(run: ContactRun): void {
    this.#run = run;
    this.#contactId = run.contactId;
    this.#send({
      type: 'contact',
      contactId: run.contactId,
      flowArn: this.flow.arn,
      startAction: this.flow.model.startAction ?? null,
    });
    this.#attributesChanged(run.contact.Attributes);
    const closed = async () => {
      const result = await run.done.catch(() => undefined);
      this.end(this.#hungUpBecause ?? endReason(result?.end));
    };
    run.closed.then(closed, closed);
  }

  onStep(step: ContactStep): void {
    this.#send({
      type: 'step',
      identifier: step.identifier,
      blockType: step.blockType,
      flowArn: step.flow.arn,
      branch: step.branch ?? null,
      next: step.next ?? null,
    });
    this.#attributesChanged(step.contact.Attributes);
  }

  onLog(entry: Record<string, unknown>): void {
    this.#send({ type: 'log', entry });
  }

  onTranscript(entry: TranscriptEntry): void {
    if (entry.kind !== 'prompt') {
      this.#send({ type: 'transcript', entry });
      return;
    }
    const file = entry.media.map((m) => /^sound:(\/.+)$/.exec(m)?.[1]).find((f) => f !== undefined);
    const ssml = this.#ssmlOf(entry.identifier);
    let audio: string | undefined;
    if (file !== undefined) {
      this.#audio.push(`${file}.wav`);
      audio = `/api/instances/${this.instanceId}/test-calls/${this.id}/audio/${this.#audio.length - 1}`;
    }
    this.#send({
      type: 'prompt',
      identifier: entry.identifier,
      text: entry.text,
      ...(ssml !== undefined ? { ssml } : {}),
      ...(audio !== undefined ? { audio } : {}),
    });
  }

  audioFile(n: number): string | undefined {
    return this.#audio[n];
  }

  dtmf(digits: string): Promise<void> {
    return this.#live().press(digits);
  }

  speech(text: string): Promise<void> {
    return this.#live().say(text);
  }

  async hangup(because = 'hung up'): Promise<void> {
    if (this.#state === 'ended') return;
    this.#hungUpBecause ??= because;
    await this.#leg?.hangup().catch(() => undefined);
  }

  end(reason: string): void {
    if (this.#state === 'ended') return;
    if (this.#fallback !== undefined) this.#clock.clearTimeout(this.#fallback);
    const durationMs = this.#clock.now() - this.startedAt;
    this.#setState('ended', { reason, durationMs });
    this.#leg?.dispose();
    for (const then of this.#onEnd.splice(0)) then();
  }

  #live(): CallerLeg {
    if (this.#state === 'ended') throw new Problem('TESTCALL_ENDED', 'the test call has ended');
    // The leg is in the harness's app from the answer on, a moment before `answered` resolves.
    if (!this.#leg?.inStasis) throw new Problem('API_REQUEST_INVALID', 'the test call is not answered yet');
    return this.#leg;
  }

  /** The prompt's SSML as the contact resolved it, when the draft's block speaks SSML. */
  #ssmlOf(identifier: string): string | undefined {
    const action = this.#actions.get(identifier);
    if (!action || !this.#run || action.parameters?.SSML === undefined) return undefined;
    const resolved = resolveParameters(action.parameters, this.#run.contact).SSML;
    return typeof resolved === 'string' ? resolved : undefined;
  }

  #attributesChanged(attributes: Readonly<Record<string, string>>): void {
    const key = JSON.stringify(attributes);
    if (key === this.#attributes) return;
    this.#attributes = key;
    this.#send({ type: 'attributes', attributes: { ...attributes } });
  }

  #setState(state: TestCallState, extra: { reason?: string; durationMs?: number } = {}): void {
    this.#state = state;
    this.#send({ type: 'state', state, at: this.#at(), ...extra });
  }

  #send(message: TestCallMessage): void {
    if (this.#messages.length < MAX_MESSAGES) this.#messages.push(message);
    for (const listener of this.#listeners) listener(message);
  }

  #at(): string {
    return new Date(this.#clock.now()).toISOString();
  }
}
