import type { AriClient, Clock } from '@parley/ari';
import type { PhoneBehaviour, PhoneKind } from './harness.js';
import { Leg, type WaitOptions } from './leg.js';

/**
 * An agent phone or external number the runtime dialled: the `;2` half of the runtime's Local
 * pair, parked in the harness's app in state Ring until the harness answers or refuses it.
 */
export class PhoneLeg extends Leg {
  readonly kind: PhoneKind;
  readonly ext: string;
  answeredAt: number | undefined;

  constructor(ari: AriClient, clock: Clock, channelId: string, kind: PhoneKind, ext: string) {
    super(ari, channelId, clock);
    this.kind = kind;
    this.ext = ext;
    this.inStasis = true;
  }

  /** Starts ringing: the runtime sees `Dial RINGING`. */
  async ring(): Promise<void> {
    await this.ari.channels.ring({ channelId: this.channelId });
  }

  /** Picks up: the runtime sees `Dial ANSWER` and its leg enters its app. */
  async answer(): Promise<void> {
    await this.ari.channels.answer({ channelId: this.channelId });
    this.answeredAt = this.clock.now();
    this.settle();
    await this.ari.channels.setChannelVar({
      channelId: this.channelId,
      variable: 'TALK_DETECT(set)',
      value: '500',
    });
  }

  /** Refuses the call with a hangup reason (`busy` → the runtime's dial ends BUSY, cause 17). */
  async reject(reason: 'busy' | 'congestion' | 'rejected' | 'unallocated' = 'busy'): Promise<void> {
    await this.hangup(reason);
  }

  /** Set when a behaviour failed while the call was still up; tests can assert it stayed unset. */
  failure: unknown;

  /** Carries out a configured behaviour; never rejects (the call vanishing meanwhile is normal). */
  async apply(behaviour: PhoneBehaviour): Promise<void> {
    try {
      if (behaviour === 'ignore') return await this.ring();
      if ('reject' in behaviour) return await this.reject(behaviour.reject);
      await this.ring();
      await this.#sleep(behaviour.answer.ringMs ?? 0);
      if (!this.hungUp) await this.answer();
    } catch (error) {
      if (!this.hungUp) this.failure = error;
    }
  }

  waitForAnswer(options: WaitOptions = {}): Promise<void> {
    return this.until(() => this.answeredAt !== undefined, 'answer', options);
  }

  #sleep(ms: number): Promise<void> {
    return new Promise((resolve) => this.clock.setTimeout(resolve, ms));
  }
}
