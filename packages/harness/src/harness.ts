import { type AriClient, type AriEventOf, type Clock, systemClock } from '@parley/ari';
import { CallerLeg } from './caller.js';
import { TEST_DIALPLAN, type TestDialplan } from './config.js';
import { PhoneLeg } from './phone.js';

export type PhoneKind = 'agent' | 'pstn';

/** What a phone does when the runtime calls it. */
export type PhoneBehaviour =
  /** Ring for `ringMs` (the runtime sees `Dial RINGING`), then answer. */
  | { answer: { ringMs?: number } }
  /** Refuse at once with a hangup reason (`busy` gives the runtime `Dial BUSY`, cause 17). */
  | { reject: 'busy' | 'congestion' | 'rejected' | 'unallocated' }
  /** Ring and never answer: the runtime's dial timeout fires (cause 19). */
  | 'ignore';

export interface HarnessOptions {
  ari: AriClient;
  /** The clock the harness's waits run on; the client's, when it was given one. */
  clock?: Clock;
  dialplan?: Partial<TestDialplan>;
  /** How long `call()` waits for the runtime to answer. */
  answerTimeoutMs?: number;
}

export interface CallOptions {
  /** `"Name" <+15550001111>`. */
  callerId?: string;
  /** Originate timeout in seconds: how long the runtime may leave the call unanswered. */
  timeoutSeconds?: number;
}

/**
 * The test-side ARI application. It places calls into the runtime's Stasis app through Local
 * channels (the `;1` half stays with the harness as "the caller's phone"), and plays the agent
 * phones and external numbers the runtime dials. Everything goes through ARI, so the same
 * harness drives ari-sim and a real Asterisk.
 */
export class Harness {
  readonly ari: AriClient;
  readonly clock: Clock;
  readonly dialplan: TestDialplan;
  readonly #behaviours = new Map<string, PhoneBehaviour>();
  readonly #waiting = new Map<string, ((leg: PhoneLeg) => void)[]>();
  readonly #arrived = new Map<string, PhoneLeg[]>();
  readonly #unsubscribe: () => void;
  readonly #answerTimeoutMs: number;

  constructor(options: HarnessOptions) {
    this.ari = options.ari;
    this.clock = options.clock ?? systemClock;
    this.dialplan = { ...TEST_DIALPLAN, ...options.dialplan };
    this.#answerTimeoutMs = options.answerTimeoutMs ?? 10_000;
    this.#unsubscribe = this.ari.on('StasisStart', (event) => this.#onStasisStart(event));
  }

  /** Calls `number` as a customer would; resolves once the runtime's app has the call (not yet answered). */
  async call(number: string, options: CallOptions = {}): Promise<CallerLeg> {
    const id = this.ari.newId('call');
    const leg = new CallerLeg(
      this.ari,
      this.clock,
      id,
      `${id}-caller`,
      `${id}-flow`,
      this.dialplan.runtimeApp,
    );
    await this.ari.channels.originate({
      endpoint: `Local/${number}@${this.dialplan.inboundContext}/n`,
      app: this.dialplan.harnessApp,
      appArgs: `caller,${id}`,
      callerId: options.callerId ?? '"Parley Test" <+15550001111>',
      channelId: leg.channelId,
      otherChannelId: leg.runtimeChannelId,
      timeout: options.timeoutSeconds ?? 30,
    });
    return leg;
  }

  /** Places a call and waits until the runtime has answered it. */
  async callAnswered(number: string, options: CallOptions = {}): Promise<CallerLeg> {
    const leg = await this.call(number, options);
    await leg.answered(this.#answerTimeoutMs);
    return leg;
  }

  /** Sets what the phone at `ext` does when the runtime calls it (default: `'ignore'`). */
  phone(kind: PhoneKind, ext: string, behaviour: PhoneBehaviour): void {
    this.#behaviours.set(`${kind}:${ext}`, behaviour);
  }

  /** The next call the runtime places to this phone (or one that already arrived and was not taken). */
  incoming(kind: PhoneKind, ext: string, timeoutMs = 10_000): Promise<PhoneLeg> {
    const key = `${kind}:${ext}`;
    const queued = this.#arrived.get(key)?.shift();
    if (queued) return Promise.resolve(queued);
    return new Promise((resolve, reject) => {
      const timer = this.clock.setTimeout(() => {
        const list = this.#waiting.get(key) ?? [];
        list.splice(list.indexOf(deliver), 1);
        reject(new Error(`no call reached ${key} within ${timeoutMs} ms`));
      }, timeoutMs);
      const deliver = (leg: PhoneLeg) => {
        this.clock.clearTimeout(timer);
        resolve(leg);
      };
      this.#waiting.set(key, [...(this.#waiting.get(key) ?? []), deliver]);
    });
  }

  close(): void {
    this.#unsubscribe();
  }

  #onStasisStart(event: AriEventOf<'StasisStart'>): void {
    const [kind, ext] = event.args;
    if ((kind !== 'agent' && kind !== 'pstn') || !ext) return;
    const key = `${kind}:${ext}`;
    const leg = new PhoneLeg(this.ari, this.clock, event.channel.id, kind, ext);
    void leg.apply(this.#behaviours.get(key) ?? 'ignore');
    const waiter = this.#waiting.get(key)?.shift();
    if (waiter) waiter(leg);
    else this.#arrived.set(key, [...(this.#arrived.get(key) ?? []), leg]);
  }
}
