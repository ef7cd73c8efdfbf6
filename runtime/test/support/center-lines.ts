import type { AgentLines, Conversation, DialOptions, DialOutcome } from '../../src/center/lines.js';
import type { CallEnd, CallPort, PlayOutcome } from '../../src/telephony/port.js';

/**
 * TEST DOUBLE of one phone call for the contact center's unit tests: plays finish at once, music on
 * hold and hang-ups are flags, and `farEndHangsUp` is the other party putting the phone down. The
 * real call port is runtime/src/telephony/ari-call.ts.
 */
export class FakeCall implements CallPort {
  ended: CallEnd | undefined;
  played: string[][] = [];
  music = false;
  readonly #listeners = new Set<(end: CallEnd) => void>();

  constructor(
    readonly channelId: string,
    readonly from = '+15550001111',
    readonly to = '+18005550100',
  ) {}

  async answer(): Promise<void> {}
  async play(media: readonly string[]): Promise<PlayOutcome> {
    this.played.push([...media]);
    return { status: 'done' };
  }
  async collectDigits(): Promise<never> {
    throw new Error('FakeCall collects no digits');
  }
  async sendDtmf(): Promise<void> {}
  async startMusicOnHold(): Promise<void> {
    this.music = true;
  }
  async stopMusicOnHold(): Promise<void> {
    this.music = false;
  }
  async hangup(): Promise<void> {
    this.#end({ cause: 16, by: 'runtime' });
  }
  farEndHangsUp(): void {
    this.#end({ cause: 16, by: 'caller' });
  }
  onEnd(listener: (end: CallEnd) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
  #end(end: CallEnd): void {
    if (this.ended) return;
    this.ended = end;
    for (const listener of this.#listeners) listener(end);
  }
}

/** A dial the contact center placed, ringing until the test answers or refuses it. */
export interface Ringing {
  endpoint: string;
  options: DialOptions;
  answer(): FakeCall;
  refuse(reason: 'busy' | 'noAnswer' | 'failed'): void;
  readonly settled: boolean;
}

/**
 * TEST DOUBLE of AgentLines: dials wait for the test (`rings`), bridges and mutes are recorded. The
 * real lines are runtime/src/center/lines.ts over ARI.
 */
export class FakeLines implements AgentLines {
  readonly rings: Ringing[] = [];
  readonly bridges: { id: string; members: Set<string>; destroyed: boolean }[] = [];
  readonly muted = new Set<string>();
  #n = 0;

  dial(endpoint: string, options: DialOptions): Promise<DialOutcome> {
    return new Promise((resolve) => {
      let settled = false;
      const settle = (outcome: DialOutcome) => {
        if (settled) return;
        settled = true;
        resolve(outcome);
      };
      options.signal?.addEventListener('abort', () => settle({ ok: false, reason: 'cancelled' }), {
        once: true,
      });
      const channelId = `leg-${++this.#n}`;
      this.rings.push({
        endpoint,
        options,
        answer: () => {
          const call = new FakeCall(channelId, '', endpoint);
          settle({ ok: true, call });
          return call;
        },
        refuse: (reason) => settle({ ok: false, reason }),
        get settled() {
          return settled;
        },
      });
    });
  }

  async bridge(channelIds: readonly string[]): Promise<Conversation> {
    const entry = { id: `conv-${this.bridges.length + 1}`, members: new Set(channelIds), destroyed: false };
    this.bridges.push(entry);
    return {
      id: entry.id,
      add: async (c) => void entry.members.add(c),
      remove: async (c) => void entry.members.delete(c),
      destroy: async () => {
        entry.destroyed = true;
      },
    };
  }

  async mute(channelId: string, muted: boolean): Promise<void> {
    if (muted) this.muted.add(channelId);
    else this.muted.delete(channelId);
  }
}
