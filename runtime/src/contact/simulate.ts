/**
 * A call without a phone (`parley run`, the golden fixtures, the corpus check): one call placed
 * into a flow through ari-sim in-process and the test harness, on a hand-driven clock, with a
 * caller following a script. The runtime side is the real one: AriTelephony, the contact runner
 * and the executors it is given.
 *
 * Time is simulated, but some work is real (text-to-speech renders, Lambda handlers). While such
 * work is in flight the simulated clock follows real time, so time limits inside it behave as they
 * would on a real call; otherwise the clock jumps ahead in small steps and a call of minutes runs in
 * a fraction of a second.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { type Clock, ManualClock } from '@parley/ari';
import { SOUNDS_DIR } from '@parley/ari-sim';
import { type CallerLeg, openSimulatedTelephony } from '@parley/harness';
import type { BlockExecutor, FlowTarget, TranscriptEntry } from '../executors/types.js';
import {
  type AsyncLambdaInvocation,
  type LambdaOutcome,
  LambdaPort,
  type LambdaRequest,
} from '../integrations/lambda.js';
import type { VoicePort } from '../integrations/tts.js';
import { type ContactRecord, MemoryContactRecordSink } from '../logs/contact-record.js';
import type { FlowLogEntry } from '../logs/entry.js';
import { type FlowLogSink, MemoryFlowLogSink, teeFlowLogSinks } from '../logs/sinks.js';
import { AriTelephony } from '../telephony/ari-telephony.js';
import { problem, type RunProblem } from './codes.js';
import { digitsOf, e164, type Instance } from './instance.js';
import { MemoryRouting } from './routing.js';
import { type ContactEnd, type ContactRun, type PathStep, runContact } from './runner.js';
import type { CallerScript, CallerStep } from './script.js';

export const DEFAULT_FROM = '+15550001111';
export const DEFAULT_TO = '+18005550100';
/** Simulated time a call may run before the caller hangs up (RUN_TIME_LIMIT). */
export const DEFAULT_TIME_LIMIT_MS = 3_600_000;
/** How far the clock jumps when nothing real is in flight. */
const STEP_MS = 20;

export interface SimulateOptions {
  instance: Instance;
  /** The flow the call enters. */
  flow: FlowTarget;
  script: CallerScript;
  executors?: Readonly<Record<string, BlockExecutor>>;
  /** Renders prompt text; a stand-in that plays one short recording unless told (see placeholderVoice). */
  voice?: VoicePort | ((clock: Clock) => VoicePort);
  /** Also receives the flow-log entries (the result has them too). */
  log?: FlowLogSink;
  timeLimitMs?: number;
  maxSteps?: number;
}

/** What the caller did, in the transcript beside what the flow did. */
export interface CallerLine {
  kind: 'caller';
  action: 'dtmf' | 'say' | 'hangup';
  text: string;
}

/** A transcript entry with its time since the call was placed, in simulated milliseconds. */
export type TranscriptLine = { at: number } & (TranscriptEntry | CallerLine);

export interface SimulatedCall {
  /** The call ran to an end without a runtime fault, and every expected prompt came. */
  ok: boolean;
  contactId: string | undefined;
  /** When the call was placed (ISO 8601, simulated clock). */
  startedAt: string;
  durationMs: number;
  end: ContactEnd | undefined;
  path: PathStep[];
  flows: string[];
  transcript: TranscriptLine[];
  logs: FlowLogEntry[];
  record: ContactRecord | undefined;
  problems: RunProblem[];
}

/**
 * A voice that says every text as the same short recording (ari-sim's hello-world, 1.4 s): runs
 * need no text-to-speech engine, and the transcript still carries the words.
 */
export function placeholderVoice(file = join(SOUNDS_DIR, 'en', 'hello-world')): VoicePort {
  return {
    render: async (request) =>
      request.text.trim() === ''
        ? { status: 'error', code: 'TTS_EMPTY_TEXT', message: 'nothing to say' }
        : { status: 'ok', file, durationMs: 1404, cached: true },
  };
}

/** Counts real work in flight (renders, Lambda handlers), so the clock waits for it. */
export class RealWork {
  #pending = 0;
  #idle: (() => void)[] = [];

  get busy(): boolean {
    return this.#pending > 0;
  }

  track<T>(work: Promise<T>): Promise<T> {
    this.#pending++;
    return work.finally(() => {
      this.#pending--;
      if (this.#pending === 0) for (const wake of this.#idle.splice(0)) wake();
    });
  }

  idle(): Promise<void> {
    return this.busy ? new Promise((resolve) => this.#idle.push(resolve)) : Promise.resolve();
  }
}

class TrackedLambda extends LambdaPort {
  readonly #real: RealWork;

  constructor(options: ConstructorParameters<typeof LambdaPort>[0], real: RealWork) {
    super(options);
    this.#real = real;
  }

  override invoke(request: LambdaRequest): Promise<LambdaOutcome> {
    return this.#real.track(super.invoke(request));
  }

  override start(request: LambdaRequest): AsyncLambdaInvocation {
    const started = super.start(request);
    void this.#real.track(started.result);
    return started;
  }
}

/** Wakes waiters when something they may be waiting for happened (a transcript line, the call's end). */
class Changes {
  #waiters = new Set<() => void>();

  notify(): void {
    for (const wake of [...this.#waiters]) wake();
  }

  /** Resolves with `check`'s first defined value, or undefined once `timeoutMs` passes on the clock. */
  until<T>(clock: Clock, check: () => T | undefined, timeoutMs?: number): Promise<T | undefined> {
    const now = check();
    if (now !== undefined) return Promise.resolve(now);
    return new Promise((resolve) => {
      const timer =
        timeoutMs === undefined
          ? undefined
          : clock.setTimeout(() => {
              this.#waiters.delete(wake);
              resolve(undefined);
            }, timeoutMs);
      const wake = () => {
        const value = check();
        if (value === undefined) return;
        this.#waiters.delete(wake);
        if (timer !== undefined) clock.clearTimeout(timer);
        resolve(value);
      };
      this.#waiters.add(wake);
    });
  }
}

/** Places one call into `options.flow` and runs it to its end. Never throws for what a flow does. */
export async function simulateCall(options: SimulateOptions): Promise<SimulatedCall> {
  const { instance, script } = options;
  const call = script.call ?? {};
  const from = e164(call.from ?? DEFAULT_FROM);
  const to = e164(call.to ?? DEFAULT_TO);
  const startAt = call.at !== undefined ? Date.parse(call.at) : Math.floor(Date.now() / 1000) * 1000;
  const timeLimitMs = options.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS;

  const clock = new ManualClock(startAt);
  const real = new RealWork();
  const changes = new Changes();
  const problems: RunProblem[] = [];
  const transcript: TranscriptLine[] = [];
  const line = (entry: TranscriptEntry | CallerLine) => {
    transcript.push({ at: clock.now() - startAt, ...entry });
    changes.notify();
  };

  const memory = new MemoryFlowLogSink();
  const log = options.log ? teeFlowLogSinks(memory, options.log) : memory;
  const records = new MemoryContactRecordSink();
  const routing = new MemoryRouting(clock, (ref) => instance.queue(ref) ?? instance.agentQueue(ref));
  const baseVoice =
    typeof options.voice === 'function' ? options.voice(clock) : (options.voice ?? placeholderVoice());
  const voice: VoicePort = { render: (request) => real.track(baseVoice.render(request)) };
  const lambda = new TrackedLambda({ resolve: (arn) => instance.lambda(arn), clock }, real);

  let run: ContactRun | undefined;
  let contactOver = false;
  let over = false;
  let timedOut = false;
  let caller: CallerLeg | undefined;

  const driving = (async () => {
    while (!over) {
      if (real.busy) {
        const t0 = performance.now();
        await Promise.race([real.idle(), new Promise((resolve) => setTimeout(resolve, 5))]);
        await clock.advance(Math.max(1, Math.round(performance.now() - t0)));
      } else await clock.advance(STEP_MS);
      if (!timedOut && clock.now() - startAt >= timeLimitMs) {
        timedOut = true;
        problems.push(
          problem('RUN_TIME_LIMIT', `the call was still running after ${Math.round(timeLimitMs / 1000)} s`),
        );
        if (caller) void caller.hangup().catch(() => undefined);
        else over = true;
      }
    }
  })();

  const simulated = await openSimulatedTelephony(clock);
  const { runtimeAri, harness } = simulated;
  let arrived!: (run: ContactRun) => void;
  const arrival = new Promise<ContactRun>((resolve) => {
    arrived = resolve;
  });
  const telephony = new AriTelephony(runtimeAri, clock, ({ call: inbound }) => {
    if (run) {
      void inbound.hangup('busy');
      return;
    }
    const contact = instance.inboundContact({
      contactId: call.contactId ?? randomUUID(),
      from,
      to,
      ...(call.attributes ? { attributes: call.attributes } : {}),
    });
    run = runContact({
      contact,
      flow: options.flow,
      ports: instance.ports({ call: inbound, clock, voice, lambda, routing, transcript: line }),
      ...(options.executors ? { executors: options.executors } : {}),
      log,
      records,
      instanceArn: instance.arn,
      ...(options.maxSteps !== undefined ? { maxSteps: options.maxSteps } : {}),
    });
    void run.done.then(() => {
      contactOver = true;
      changes.notify();
    });
    arrived(run);
    changes.notify();
  });

  let record: ContactRecord | undefined;
  let result: Awaited<ContactRun['done']> | undefined;
  try {
    caller = await harness.call(digitsOf(to), { callerId: `"Caller" <${from}>` });
    const leg = caller;
    const first = await changes.until(clock, () => run ?? (timedOut ? null : undefined), 30_000);
    if (!first) throw problem('RUN_CALL_FAILED', `no inbound call reached the runtime for ${to}`);
    const contactRun = await arrival;
    await leg.answered().catch(() => {
      // The runtime hung up before answering; the runner tells why.
    });
    const callerDone = callerScript(script.steps ?? [], {
      leg,
      clock,
      changes,
      transcript,
      line,
      over: () => contactOver || leg.hungUp,
      problems,
    });
    result = await contactRun.done;
    if (result.end.kind === 'queued' && !leg.hungUp) {
      // This issue ends the run when the contact is queued; the customer queue flow comes with routing.
      line({ kind: 'caller', action: 'hangup', text: 'hangs up while queued' });
      await leg.hangup().catch(() => undefined);
    }
    record = await contactRun.closed;
    await callerDone;
  } catch (e) {
    problems.push(isProblem(e) ? e : problem('RUN_CALL_FAILED', e instanceof Error ? e.message : String(e)));
  } finally {
    over = true;
    await driving;
    telephony.close();
    await simulated.close();
  }

  if (result?.end.kind === 'fault') problems.unshift(result.end.problem);
  return {
    ok: problems.length === 0 && result !== undefined,
    contactId: run?.contactId,
    startedAt: new Date(startAt).toISOString(),
    durationMs: clock.now() - startAt,
    end: result?.end,
    path: result?.path ?? [],
    flows: result?.flows ?? [],
    transcript,
    logs: memory.entries,
    record,
    problems,
  };
}

const isProblem = (e: unknown): e is RunProblem =>
  typeof e === 'object' && e !== null && 'code' in e && 'message' in e && !(e instanceof Error);

interface CallerContext {
  leg: CallerLeg;
  clock: Clock;
  changes: Changes;
  transcript: TranscriptLine[];
  line: (entry: CallerLine) => void;
  over: () => boolean;
  problems: RunProblem[];
}

/** The caller follows the script, then stays silent until the flow ends. */
async function callerScript(steps: readonly CallerStep[], c: CallerContext): Promise<void> {
  let heard = 0;
  for (const [index, step] of steps.entries()) {
    if ('expectPrompt' in step) {
      const needle = step.expectPrompt.toLowerCase();
      const found = await c.changes.until(
        c.clock,
        () => {
          for (let i = heard; i < c.transcript.length; i++) {
            const l = c.transcript[i];
            if (l?.kind === 'prompt' && l.text.toLowerCase().includes(needle)) return i;
          }
          return c.over() ? -1 : undefined;
        },
        step.within === undefined ? undefined : step.within * 1000,
      );
      if (found === undefined || found < 0) {
        c.problems.push(
          problem(
            'RUN_PROMPT_NOT_HEARD',
            `step ${index + 1}: no prompt containing "${step.expectPrompt}" ${found === undefined ? `within ${step.within} s` : 'before the call ended'}`,
          ),
        );
        if (!c.over()) {
          c.line({ kind: 'caller', action: 'hangup', text: 'hangs up' });
          await c.leg.hangup().catch(() => undefined);
        }
        return;
      }
      heard = found + 1;
    } else if (c.over()) return;
    else if ('dtmf' in step) {
      c.line({ kind: 'caller', action: 'dtmf', text: `presses ${step.dtmf}` });
      await c.leg.press(step.dtmf).catch(() => undefined);
    } else if ('wait' in step) {
      await c.changes.until(c.clock, () => (c.over() ? true : undefined), step.wait * 1000);
    } else if ('say' in step) {
      c.line({ kind: 'caller', action: 'say', text: `says "${step.say}"` });
      await c.leg.say(step.say).catch(() => undefined);
    } else if ('hangup' in step) {
      c.line({ kind: 'caller', action: 'hangup', text: 'hangs up' });
      await c.leg.hangup().catch(() => undefined);
      return;
    }
  }
}
