import type { AriClient, AriEventOf } from '@parley/ari';
import { TEST_DIALPLAN } from '../../src/config.js';

type Event<T extends Parameters<AriClient['on']>[0]> = AriEventOf<T>;

export interface PlayResult {
  playbackId: string;
  started: Promise<Event<'PlaybackStarted'>>;
  finished: Promise<Event<'PlaybackFinished'>>;
}

export interface DialResult {
  channelId: string;
  /** `Dial` statuses in arrival order (`""`, `RINGING`, `ANSWER`, `BUSY` …). */
  statuses: string[];
  answered: Promise<Event<'StasisStart'>>;
  destroyed: Promise<Event<'ChannelDestroyed'>>;
}

/**
 * Stands in for the runtime at this stage: a plain ARI app under the runtime's app name that the
 * tests drive step by step, so the suite proves the telephony layer on its own.
 */
export class RuntimeApp {
  readonly #inbound: Event<'StasisStart'>[] = [];
  readonly #waiting: ((event: Event<'StasisStart'>) => void)[] = [];

  constructor(readonly ari: AriClient) {
    ari.on('StasisStart', (event) => {
      if (event.args[0] !== 'inbound') return;
      const waiter = this.#waiting.shift();
      if (waiter) waiter(event);
      else this.#inbound.push(event);
    });
  }

  /** The next inbound call that reached the app. */
  nextInbound(timeoutMs = 10_000): Promise<Event<'StasisStart'>> {
    const queued = this.#inbound.shift();
    if (queued) return Promise.resolve(queued);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no inbound call')), timeoutMs);
      this.#waiting.push((event) => {
        clearTimeout(timer);
        resolve(event);
      });
    });
  }

  /** Starts a prompt with a client-generated id, listening before the request (events can beat the reply). */
  async play(
    channelId: string,
    media: string[],
    target: 'channel' | 'bridge' = 'channel',
  ): Promise<PlayResult> {
    const playbackId = this.ari.newId('pb');
    const started = this.ari.waitFor('PlaybackStarted', (e) => e.playback.id === playbackId, {
      timeoutMs: 10_000,
    });
    const finished = this.ari.waitFor('PlaybackFinished', (e) => e.playback.id === playbackId, {
      timeoutMs: 60_000,
    });
    if (target === 'channel') await this.ari.channels.playWithId({ channelId, playbackId, media });
    else await this.ari.bridges.playWithId({ bridgeId: channelId, playbackId, media });
    return { playbackId, started, finished };
  }

  /** Calls an agent phone or external number through the test dialplan. */
  async dial(kind: 'agent' | 'pstn', ext: string, timeoutSeconds = 20): Promise<DialResult> {
    const channelId = this.ari.newId(kind);
    const statuses: string[] = [];
    const off = this.ari.on('Dial', (e) => {
      if (e.peer.id === channelId) statuses.push(e.dialstatus);
    });
    const answered = this.ari.waitFor('StasisStart', (e) => e.channel.id === channelId, {
      timeoutMs: 30_000,
    });
    const destroyed = this.ari.waitFor('ChannelDestroyed', (e) => e.channel.id === channelId, {
      timeoutMs: 60_000,
    });
    destroyed.then(off, off);
    // Nobody may wait on these; a rejected promise nobody awaits must not fail the run.
    answered.catch(() => {});
    destroyed.catch(() => {});
    const context = kind === 'agent' ? TEST_DIALPLAN.agentContext : TEST_DIALPLAN.pstnContext;
    await this.ari.channels.originate({
      endpoint: `Local/${ext}@${context}/n`,
      app: TEST_DIALPLAN.runtimeApp,
      appArgs: kind,
      channelId,
      otherChannelId: `${channelId}-ph`,
      callerId: '"Parley" <+15550009999>',
      timeout: timeoutSeconds,
    });
    return { channelId, statuses, answered, destroyed };
  }
}
