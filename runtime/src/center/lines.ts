import { type AriClient, type Clock, ignoreGone } from '@parley/ari';
import { AriCall } from '../telephony/ari-call.js';
import type { CallPort } from '../telephony/port.js';

export type DialOutcome =
  | { ok: true; call: CallPort }
  | { ok: false; reason: 'busy' | 'noAnswer' | 'failed' | 'cancelled' };

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
  constructor(
    private readonly ari: AriClient,
    private readonly clock: Clock,
  ) {}

  async dial(endpoint: string, options: DialOptions): Promise<DialOutcome> {
    const channelId = this.ari.newId('agent');
    let settle!: (outcome: DialOutcome) => void;
    const settled = new Promise<DialOutcome>((resolve) => {
      settle = resolve;
    });
    let cause: number | undefined;
    let status = '';
    let answered = false;
    const off = this.ari.onChannel(channelId, (event) => {
      if (event.type === 'Dial' && event.dialstatus) status = event.dialstatus;
      else if (event.type === 'StasisStart') {
        answered = true;
        const call = new AriCall(this.ari, this.clock, event.channel);
        call.onEnd(() => call.dispose());
        settle({ ok: true, call });
      } else if (event.type === 'ChannelDestroyed' && !answered) {
        cause = event.cause;
        settle({ ok: false, reason: dialFailure(cause, status) });
      }
    });
    const cancel = () => {
      if (answered) return;
      settle({ ok: false, reason: 'cancelled' });
      void ignoreGone(this.ari.channels.hangup({ channelId })).catch(() => {});
    };
    options.signal?.addEventListener('abort', cancel, { once: true });
    try {
      if (options.signal?.aborted) return { ok: false, reason: 'cancelled' };
      await this.ari.channels.originate({
        endpoint,
        app: this.ari.apps[0] ?? '',
        appArgs: `agent,${options.tag}`,
        channelId,
        timeout: Math.max(1, Math.round(options.timeoutSeconds)),
        ...(options.callerId ? { callerId: options.callerId } : {}),
      });
    } catch {
      settle({ ok: false, reason: 'failed' });
    }
    const outcome = await settled;
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
    const bridgeId = this.ari.newId('conv');
    await this.ari.bridges.createWithId({ bridgeId, type: 'mixing' });
    const ari = this.ari;
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
