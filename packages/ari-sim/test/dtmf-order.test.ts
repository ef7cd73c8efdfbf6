import { type Clock, ManualClock, type TimerHandle } from '@parley/ari';
import { describe, expect, it } from 'vitest';
import { answeredInbound, bench, eventsOf, START } from './support/sim.js';

interface Held {
  at: number;
  callback: () => void;
  cancelled: boolean;
}

/**
 * A manual clock whose timers, while it is stalled, are held and then fired latest first, as Node
 * may fire them once its event loop comes back from a stall: it runs overdue timers one list per
 * duration, each list whole, so a 400 ms timer can run before a 200 ms one set at the same moment.
 */
class StallingClock implements Clock {
  readonly #inner = new ManualClock(START);
  #held: Held[] | undefined;

  now(): number {
    return this.#inner.now();
  }

  setTimeout(callback: () => void, ms: number): TimerHandle {
    if (!this.#held) return this.#inner.setTimeout(callback, ms);
    const held: Held = { at: this.now() + ms, callback, cancelled: false };
    this.#held.push(held);
    return held as unknown as TimerHandle;
  }

  clearTimeout(handle: TimerHandle): void {
    const held = this.#held?.find((h) => (h as unknown) === handle);
    if (held) held.cancelled = true;
    else this.#inner.clearTimeout(handle);
  }

  stall(): void {
    this.#held = [];
  }

  async release(): Promise<void> {
    const held = (this.#held ?? []).sort((a, b) => b.at - a.at);
    this.#held = undefined;
    await this.#inner.advanceTo(held[0]?.at ?? this.now());
    for (const h of held) {
      if (h.cancelled) continue;
      h.callback();
      await new Promise((resolve) => setImmediate(resolve));
    }
    await this.#inner.advance(0);
  }
}

describe('DTMF sent to a Local half', () => {
  it('reaches the other half in the order sent even when its timers fire out of order', async () => {
    const clock = new StallingClock();
    const b = await bench({ clock });
    try {
      await answeredInbound(b);
      b.parley.clear();
      clock.stall();
      await b.harness.call('POST', '/channels/s01-caller/dtmf', { dtmf: '12345#' });
      await clock.release();
      expect(eventsOf(b.parley, 'ChannelDtmfReceived').map((e) => e.digit)).toEqual([
        '1',
        '2',
        '3',
        '4',
        '5',
        '#',
      ]);
    } finally {
      await b.close();
    }
  });
});
