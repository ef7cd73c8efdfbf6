import type { AriClient, AriEvent, Clock } from '@parley/ari';

interface Pending {
  check: () => boolean;
  resolve: () => void;
}

export interface WaitOptions {
  timeoutMs?: number;
}

/**
 * One phone the harness holds: a channel in the harness's Stasis app. It keeps what the phone
 * has observed (audio, DTMF heard, hangup) so tests ask for states, not for single events they
 * might have missed.
 */
export class Leg {
  readonly ari: AriClient;
  readonly channelId: string;
  protected readonly clock: Clock;
  /** Digits the far end sent to this phone, in order. */
  digitsHeard = '';
  /** Talk detection says audio is reaching this phone. */
  talking = false;
  /** Times audio started reaching this phone since it was set up. */
  audioBursts = 0;
  inStasis = false;
  hungUp = false;
  /** Q.850 cause of the hangup, when Asterisk gave one. */
  cause: number | undefined;
  readonly #pending = new Set<Pending>();
  readonly #unsubscribe: (() => void)[] = [];

  constructor(ari: AriClient, channelId: string, clock: Clock) {
    this.ari = ari;
    this.channelId = channelId;
    this.clock = clock;
    this.#unsubscribe.push(ari.onChannel(channelId, (event) => this.observe(event)));
  }

  /** Presses keys on this phone; the far end receives them as `ChannelDtmfReceived`. */
  async press(digits: string, options: { betweenMs?: number; durationMs?: number } = {}): Promise<void> {
    await this.ari.channels.sendDTMF({
      channelId: this.channelId,
      dtmf: digits,
      between: options.betweenMs ?? 100,
      duration: options.durationMs ?? 100,
    });
  }

  async hangup(reason = 'normal'): Promise<void> {
    if (this.hungUp) return;
    try {
      await this.ari.channels.hangup({ channelId: this.channelId, reason });
    } catch (error) {
      // Already gone: the far end hung up first, which is what a hangup race looks like in ARI.
      if (!(error instanceof Error && 'status' in error && error.status === 404)) throw error;
    }
  }

  /** Resolves while audio reaches this phone (talk detection), waiting for it if needed. */
  waitForAudio(options: WaitOptions = {}): Promise<void> {
    return this.until(() => this.talking, 'audio', options);
  }

  /** Resolves once a new burst of audio starts after this call. */
  waitForNewAudio(options: WaitOptions = {}): Promise<void> {
    const seen = this.audioBursts;
    return this.until(() => this.audioBursts > seen, 'new audio', options);
  }

  /** Resolves when no audio reaches this phone. */
  waitForSilence(options: WaitOptions = {}): Promise<void> {
    return this.until(() => !this.talking, 'silence', options);
  }

  /** Resolves when at least `count` digits have been heard; returns them. */
  async waitForDigits(count: number, options: WaitOptions = {}): Promise<string> {
    await this.until(() => this.digitsHeard.length >= count, `${count} digits`, options);
    return this.digitsHeard;
  }

  waitForHangup(options: WaitOptions = {}): Promise<void> {
    return this.until(() => this.hungUp, 'hangup', options);
  }

  dispose(): void {
    for (const off of this.#unsubscribe.splice(0)) off();
  }

  protected onDispose(off: () => void): void {
    this.#unsubscribe.push(off);
  }

  protected observe(event: AriEvent): void {
    switch (event.type) {
      case 'StasisStart':
        this.inStasis = true;
        break;
      case 'ChannelTalkingStarted':
        this.talking = true;
        this.audioBursts++;
        break;
      case 'ChannelTalkingFinished':
        this.talking = false;
        break;
      case 'ChannelDtmfReceived':
        this.digitsHeard += event.digit;
        break;
      case 'ChannelHangupRequest':
        if (event.cause !== undefined && !event.soft) this.cause ??= event.cause;
        break;
      case 'StasisEnd':
        this.inStasis = false;
        this.hungUp = true;
        break;
      case 'ChannelDestroyed':
        this.cause ??= event.cause;
        this.hungUp = true;
        break;
    }
    this.settle();
  }

  /** Re-evaluates pending waits; subclasses call it after changing state. */
  protected settle(): void {
    for (const p of this.#pending) if (p.check()) p.resolve();
  }

  protected until(check: () => boolean, what: string, options: WaitOptions): Promise<void> {
    if (check()) return Promise.resolve();
    const timeoutMs = options.timeoutMs ?? 10_000;
    return new Promise((resolve, reject) => {
      const pending: Pending = {
        check,
        resolve: () => {
          this.#pending.delete(pending);
          this.clock.clearTimeout(timer);
          resolve();
        },
      };
      const timer = this.clock.setTimeout(() => {
        this.#pending.delete(pending);
        reject(new Error(`${this.channelId}: no ${what} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.#pending.add(pending);
    });
  }
}
