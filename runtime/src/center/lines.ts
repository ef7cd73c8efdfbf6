import { type AriClient, type Clock, ignoreGone } from '@parley/ari';
import { AriCall } from '../telephony/ari-call.js';
import { createAppBridge } from '../telephony/bridges.js';
import type { CallPort } from '../telephony/port.js';
import { RESTART_CAUSE, RestartWatch } from '../telephony/restarts.js';

/** Why a dial never answered. `lost`: an Asterisk restart took the ringing leg, no fault of whoever it rang. */
export type DialFailure = 'busy' | 'noAnswer' | 'failed' | 'cancelled' | 'lost';

export type DialOutcome = { ok: true; call: CallPort } | { ok: false; reason: DialFailure };

export interface DialOptions {
  timeoutSeconds: number;
  /** What the agent's phone shows, `"Name" <+15550001111>`. */
  callerId?: string;
  /** Aborting hangs up a dial still ringing (the offer was withdrawn or timed out). */
  signal?: AbortSignal;
  /** Names the leg in the app's arguments (`agent,<tag>`), for whoever reads ARI traces. */
  tag: string;
}

/** A mixing bridge joining the legs of one conversation. */
export interface Conversation {
  readonly id: string;
  add(channelId: string): Promise<void>;
  remove(channelId: string): Promise<void>;
  destroy(): Promise<void>;
}

/**
 * What the contact center does to phones besides running flows on them: ringing agents' endpoints,
 * bridging legs, muting. Behind an interface so that routing decisions are testable without ARI.
 */
export interface AgentLines {
  dial(endpoint: string, options: DialOptions): Promise<DialOutcome>;
  bridge(channelIds: readonly string[]): Promise<Conversation>;
  mute(channelId: string, muted: boolean): Promise<void>;
}

/**
 * Agent legs over ARI: originated into the runtime's own app (`agent,<tag>`, which inbound
 * handling ignores), so an answered leg is a call like any other and flows (whispers) run on it.
 */
export class AriAgentLines implements AgentLines {
  /** Answered legs still up: after an events-socket drop each is checked against Asterisk. */
  readonly #live = new Set<AriCall>();
  /** Dials still ringing, by channel: their answer or end may come while events are lost. */
  readonly #ringing = new Map<string, (restarted: boolean) => Promise<void>>();
  readonly #offLifecycle: () => void;
  readonly #restarts: RestartWatch;

  constructor(
    private readonly ari: AriClient,
    private readonly clock: Clock,
  ) {
    this.#offLifecycle = ari.onLifecycle((event) => {
      if (event.type === 'reconnected') void this.resynchronise();
    });
    this.#restarts = new RestartWatch(ari);
  }

  /** Stops following the client's reconnects: the client may outlive the lines (tests, restarts). */
  close(): void {
    this.#offLifecycle();
  }

  /**
   * What the events lost while the socket was down would have said: a leg Asterisk no longer has
   * ended (its conversation goes on without it; with RESTART_CAUSE when Asterisk restarted), a leg
   * still there catches up on its own waits, and a dial that was answered or ended meanwhile
   * settles. Never rejects.
   */
  async resynchronise(): Promise<void> {
    // Not knowing only loses the distinction: a lost ring then counts as the agent's.
    const restarted = await this.#restarts.restarted().catch(() => false);
    await Promise.all([
      ...[...this.#ringing.values()].map((check) => check(restarted).catch(() => undefined)),
      ...[...this.#live].map(async (call) => {
        try {
          const found = await ignoreGone(this.ari.channels.get({ channelId: call.channelId }));
          if (found === undefined) call.markGone(restarted ? RESTART_CAUSE : undefined);
          else await call.resync();
        } catch {
          // Asterisk did not answer: the next reconnect asks again.
        }
      }),
    ]);
  }

  #track(call: AriCall): AriCall {
    this.#live.add(call);
    call.onEnd(() => {
      this.#live.delete(call);
      call.dispose();
    });
    return call;
  }

  async dial(endpoint: string, options: DialOptions): Promise<DialOutcome> {
    const channelId = this.ari.newId('agent');
    let settle!: (outcome: DialOutcome) => void;
    const settled = new Promise<DialOutcome>((resolve) => {
      settle = resolve;
    });
    let cause: number | undefined;
    let status = '';
    let answered = false;
    const answer = (channel: ConstructorParameters<typeof AriCall>[2]) => {
      if (answered) return;
      answered = true;
      settle({ ok: true, call: this.#track(new AriCall(this.ari, this.clock, channel)) });
    };
    const off = this.ari.onChannel(channelId, (event) => {
      if (event.type === 'Dial' && event.dialstatus) status = event.dialstatus;
      else if (event.type === 'StasisStart') answer(event.channel);
      else if (event.type === 'ChannelDestroyed' && !answered) {
        cause = event.cause;
        settle({ ok: false, reason: dialFailure(cause, status) });
      }
    });
    let originated = false;
    this.#ringing.set(channelId, async (restarted) => {
      if (!originated || answered) return;
      const leg = await ignoreGone(this.ari.channels.get({ channelId }));
      if (leg === undefined) settle({ ok: false, reason: restarted ? 'lost' : dialFailure(cause, status) });
      // Up is past the answer: the leg entered the app (its StasisStart was lost).
      else if (leg.state === 'Up') answer(leg);
    });
    const cancel = () => {
      if (answered) return;
      settle({ ok: false, reason: 'cancelled' });
      void ignoreGone(this.ari.channels.hangup({ channelId })).catch(() => {});
    };
    if (options.signal?.aborted) {
      // Withdrawn before it rang: nothing to listen for.
      off();
      this.#ringing.delete(channelId);
      return { ok: false, reason: 'cancelled' };
    }
    options.signal?.addEventListener('abort', cancel, { once: true });
    try {
      await this.ari.channels.originate({
        endpoint,
        app: this.ari.apps[0] ?? '',
        appArgs: `agent,${options.tag}`,
        channelId,
        timeout: Math.max(1, Math.round(options.timeoutSeconds)),
        ...(options.callerId ? { callerId: options.callerId } : {}),
      });
      originated = true;
    } catch {
      settle({ ok: false, reason: 'failed' });
    }
    const outcome = await settled;
    this.#ringing.delete(channelId);
    options.signal?.removeEventListener('abort', cancel);
    off();
    // Withdrawn while the answer was on its way: nobody will use this leg.
    if (outcome.ok && options.signal?.aborted) {
      await outcome.call.hangup();
      return { ok: false, reason: 'cancelled' };
    }
    return outcome;
  }

  async bridge(channelIds: readonly string[]): Promise<Conversation> {
    const ari = this.ari;
    const bridgeId = await createAppBridge(ari, 'conv');
    if (channelIds.length > 0) await ari.bridges.addChannel({ bridgeId, channel: [...channelIds] });
    return {
      id: bridgeId,
      add: async (channel) => {
        await ari.bridges.addChannel({ bridgeId, channel: [channel] });
      },
      remove: async (channel) => {
        await ignoreGone(ari.bridges.removeChannel({ bridgeId, channel: [channel] }));
      },
      destroy: async () => {
        await ignoreGone(ari.bridges.destroy({ bridgeId })).catch(() => {});
      },
    };
  }

  async mute(channelId: string, muted: boolean): Promise<void> {
    // Muting a participant silences what they say to the others: the audio coming in from them.
    if (muted) await this.ari.channels.mute({ channelId, direction: 'in' });
    else await ignoreGone(this.ari.channels.unmute({ channelId, direction: 'in' }));
  }
}

/** Why a dial never answered, from the leg's hangup cause (Q.850) or the Dial status. */
function dialFailure(cause: number | undefined, status: string): 'busy' | 'noAnswer' | 'failed' {
  if (cause === 17 || status === 'BUSY') return 'busy';
  if (cause === 16 || cause === 18 || cause === 19 || status === 'NOANSWER') return 'noAnswer';
  return 'failed';
}
