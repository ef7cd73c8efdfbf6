// The callers of the soak run (soak-run.ts), driven by calls-sim.ts in the process that also runs
// ari-sim: they keep a number of calls up at once, replacing each call that ends with a new one, until
// told to stop. Unlike the load bench's callers they never wait for one another: a queued caller
// hangs up as soon as the runtime says so, and its replacement is placed at once.
import type { AriClient } from '@parley/ari';
import { TEST_DIALPLAN } from '@parley/harness';

/** What a dialled number's calls must do to count as completed. */
export interface SoakLine {
  number: string;
  /**
   * `caller`: the runtime queues the call and tells the caller to hang up; the PBX ending it first
   * is an error. `flow`: the flow disconnects it; a call the runtime asks the caller to hang up is
   * an error.
   */
  endedBy: 'caller' | 'flow';
}

export interface SoakPlan {
  /** Calls kept up at once. */
  concurrency: number;
  /** The first calls are placed evenly over this long; each one that ends is replaced at once. */
  rampMs: number;
  /** Calls go to these numbers in turn. */
  lines: SoakLine[];
  /** Digits the caller presses once the runtime's nth prompt (1-based) has finished playing. */
  keys: Record<number, string>;
  /** A call up longer than this is hung up and counted as stuck. */
  callMaxMs: number;
  /** How long a caller the runtime queued waits before hanging up. */
  queueHoldMs: number;
}

/** Errors of one kind: how many, and the first one's details. */
export interface FailureKind {
  kind: string;
  count: number;
  example: string;
}

/** Errors counted by kind, so that thousands of one kind do not hide a single one of another. */
export class Failures {
  readonly #kinds = new Map<string, FailureKind>();
  total = 0;

  add(kind: string, example: string): void {
    this.total++;
    const known = this.#kinds.get(kind);
    if (known) known.count++;
    else this.#kinds.set(kind, { kind, count: 1, example });
  }

  merge(kinds: readonly FailureKind[]): void {
    for (const k of kinds) {
      this.total += k.count;
      const known = this.#kinds.get(k.kind);
      if (known) known.count += k.count;
      else this.#kinds.set(k.kind, { ...k });
    }
  }

  list(): FailureKind[] {
    return [...this.#kinds.values()].sort((a, b) => b.count - a.count);
  }
}

export interface SoakCallerStats {
  placed: number;
  /** Calls up now (originated and not yet destroyed). */
  up: number;
  /** Calls that ended as their line says, with every key pressed. */
  completed: number;
  errors: number;
  failures: FailureKind[];
  refused: number;
  stuck: number;
  keysSent: number;
  /** Channels and bridges the PBX holds now (each call is a pair of Local channels). */
  pbxChannels: number;
  pbxBridges: number;
  /** The caller process's own memory, MB. */
  rssMb: number;
  heapUsedMb: number;
}

interface Call {
  from: string;
  line: SoakLine;
  callerChannelId: string;
  runtimeChannelId: string;
  placedAt: number;
  prompts: number;
  keysSent: number;
  /** Told to hang up by the runtime (its contact was queued). */
  toldToHangUp: boolean;
  hangingUp: boolean;
}

/** What the PBX holds, from the sim's model when it runs here, else over ARI. */
export interface PbxCounts {
  channels(): Promise<number>;
  bridges(): Promise<number>;
}

/** Stats before any soak: what the PBX holds. */
export async function idleStats(pbx: PbxCounts): Promise<SoakCallerStats> {
  const memory = process.memoryUsage();
  return {
    placed: 0,
    up: 0,
    completed: 0,
    errors: 0,
    failures: [],
    refused: 0,
    stuck: 0,
    keysSent: 0,
    pbxChannels: await pbx.channels(),
    pbxBridges: await pbx.bridges(),
    rssMb: memory.rss / 2 ** 20,
    heapUsedMb: memory.heapUsed / 2 ** 20,
  };
}

const callerNumber = (n: number) => `+1556${String(n).padStart(7, '0')}`;
/** A refused originate is replaced after this long, so a PBX that refuses everything is not hammered. */
const REFUSED_BACKOFF_MS = 200;
const STUCK_SWEEP_MS = 1000;

export class SoakCallers {
  readonly #ari: AriClient;
  readonly #plan: SoakPlan;
  readonly #pbx: PbxCounts;
  readonly #byRuntimeChannel = new Map<string, Call>();
  readonly #byCallerChannel = new Map<string, Call>();
  readonly #byNumber = new Map<string, Call>();
  readonly #offs: (() => void)[];
  readonly #sweep: ReturnType<typeof setInterval>;
  readonly #keysPerCall: number;
  #next = 0;
  #stopping = false;
  #placed = 0;
  #completed = 0;
  readonly #failures = new Failures();
  #refused = 0;
  #stuck = 0;
  #keysSent = 0;
  #drained: () => void = () => {};
  readonly #done: Promise<void>;

  constructor(ari: AriClient, plan: SoakPlan, pbx: PbxCounts) {
    this.#ari = ari;
    this.#plan = plan;
    this.#pbx = pbx;
    this.#keysPerCall = Object.keys(plan.keys).length;
    this.#done = new Promise((resolve) => {
      this.#drained = resolve;
    });
    this.#offs = [
      ari.on('PlaybackFinished', (e) => {
        const call = this.#byRuntimeChannel.get(e.playback.target_uri.replace(/^channel:/, ''));
        if (!call || call.hangingUp) return;
        call.prompts++;
        const digits = plan.keys[call.prompts];
        if (digits === undefined) return;
        call.keysSent++;
        this.#keysSent++;
        void ari.channels.sendDTMF({ channelId: call.callerChannelId, dtmf: digits }).catch(() => {});
      }),
      ari.on('ChannelDestroyed', (e) => {
        const call = this.#byCallerChannel.get(e.channel.id);
        if (call) this.#ended(call);
      }),
    ];
    this.#sweep = setInterval(() => this.#hangUpStuck(), STUCK_SWEEP_MS);
    const gap = plan.rampMs / plan.concurrency;
    for (let n = 0; n < plan.concurrency; n++) setTimeout(() => this.#place(), n * gap);
  }

  get stopped(): boolean {
    return this.#stopping;
  }

  /** The runtime queued this caller's contact: the caller waits in the queue a while, then hangs up. */
  hangup(from: string): void {
    const call = this.#byNumber.get(from);
    if (!call || call.toldToHangUp) return;
    call.toldToHangUp = true;
    setTimeout(() => {
      if (!call.hangingUp && this.#byCallerChannel.has(call.callerChannelId)) this.#hangup(call);
    }, this.#plan.queueHoldMs);
  }

  async stats(): Promise<SoakCallerStats> {
    const memory = process.memoryUsage();
    return {
      placed: this.#placed,
      up: this.#byCallerChannel.size,
      completed: this.#completed,
      errors: this.#failures.total,
      failures: this.#failures.list(),
      refused: this.#refused,
      stuck: this.#stuck,
      keysSent: this.#keysSent,
      pbxChannels: await this.#pbx.channels(),
      pbxBridges: await this.#pbx.bridges(),
      rssMb: memory.rss / 2 ** 20,
      heapUsedMb: memory.heapUsed / 2 ** 20,
    };
  }

  /** Places no more calls; resolves with the figures once every call placed has ended. */
  async stop(): Promise<SoakCallerStats> {
    this.#stopping = true;
    this.#settle();
    await this.#done;
    clearInterval(this.#sweep);
    for (const off of this.#offs) off();
    return this.stats();
  }

  #place(): void {
    if (this.#stopping) return;
    const n = this.#next++;
    const line = this.#plan.lines[n % this.#plan.lines.length];
    if (!line) throw new Error('a soak plan needs at least one line');
    const id = this.#ari.newId('soak');
    const call: Call = {
      from: callerNumber(n),
      line,
      callerChannelId: `${id}-caller`,
      runtimeChannelId: `${id}-flow`,
      placedAt: performance.now(),
      prompts: 0,
      keysSent: 0,
      toldToHangUp: false,
      hangingUp: false,
    };
    this.#byRuntimeChannel.set(call.runtimeChannelId, call);
    this.#byCallerChannel.set(call.callerChannelId, call);
    this.#byNumber.set(call.from, call);
    this.#placed++;
    this.#ari.channels
      .originate({
        endpoint: `Local/${line.number}@${TEST_DIALPLAN.inboundContext}/n`,
        app: TEST_DIALPLAN.harnessApp,
        appArgs: `caller,${id}`,
        callerId: `"Soak ${n}" <${call.from}>`,
        channelId: call.callerChannelId,
        otherChannelId: call.runtimeChannelId,
        timeout: 30,
      })
      .catch((error: unknown) => {
        this.#refused++;
        this.#fail(call, 'originate refused', String(error));
        this.#forget(call);
        setTimeout(() => this.#place(), REFUSED_BACKOFF_MS);
        this.#settle();
      });
  }

  #ended(call: Call): void {
    this.#forget(call);
    if (call.hangingUp && !call.toldToHangUp) {
      // Hung up as stuck: already counted.
    } else if (call.line.endedBy === 'caller' && !call.toldToHangUp) {
      this.#fail(call, 'ended by the PBX, though its flow queues it', `after ${call.prompts} prompts`);
    } else if (call.line.endedBy === 'flow' && call.toldToHangUp) {
      this.#fail(call, 'queued, though its flow disconnects it', '');
    } else if (call.keysSent !== this.#keysPerCall) {
      this.#fail(call, 'ended before every key was pressed', `${call.keysSent} of ${this.#keysPerCall}`);
    } else {
      this.#completed++;
    }
    this.#place();
    this.#settle();
  }

  #hangUpStuck(): void {
    const now = performance.now();
    for (const call of this.#byCallerChannel.values()) {
      if (call.hangingUp || now - call.placedAt < this.#plan.callMaxMs) continue;
      this.#stuck++;
      this.#fail(call, `stuck: still up after ${this.#plan.callMaxMs / 1000} s`, `at prompt ${call.prompts}`);
      this.#hangup(call);
    }
  }

  #hangup(call: Call): void {
    call.hangingUp = true;
    void this.#ari.channels.hangup({ channelId: call.callerChannelId, reason: 'normal' }).catch(() => {});
  }

  #forget(call: Call): void {
    this.#byCallerChannel.delete(call.callerChannelId);
    this.#byRuntimeChannel.delete(call.runtimeChannelId);
    this.#byNumber.delete(call.from);
  }

  #fail(call: Call, kind: string, detail: string): void {
    this.#failures.add(`caller: ${kind}`, `${call.from} ${detail}`.trim());
  }

  #settle(): void {
    if (this.#stopping && this.#byCallerChannel.size === 0) this.#drained();
  }
}
