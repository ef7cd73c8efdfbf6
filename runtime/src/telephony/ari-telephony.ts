import type { AriClient, Clock } from '@parley/ari';
import { AriCall } from './ari-call.js';
import { RESTART_CAUSE, RestartWatch } from './restarts.js';

type ChannelLike = ConstructorParameters<typeof AriCall>[2];

export interface InboundCall {
  call: AriCall;
  /** `Stasis(app, inbound, <dialled>, …)` arguments after `inbound`. */
  args: string[];
}

/** First `Stasis` argument of a call another worker moved here (`channels/move`) to resume its contact. */
export const MOVED_IN_ARG = 'parley-resume';

/** Between two tries of a resynchronisation that failed while the events socket stayed up. */
const RESYNC_RETRY_MS = 1000;

/**
 * The runtime's Stasis app: turns `StasisStart … inbound` into calls and keeps the set of live
 * calls honest across event-socket drops (events raised while disconnected are lost, so after a
 * reconnect every call is checked against what Asterisk still has, and each call still there asks
 * about what its waits may have missed). Asterisk's `startup_time` tells a restart, which took every
 * call with it, from calls the callers hung up meanwhile.
 */
export class AriTelephony {
  readonly #ari: AriClient;
  readonly #clock: Clock;
  readonly #calls = new Map<string, AriCall>();
  readonly #offs: (() => void)[] = [];
  readonly #restarts: RestartWatch;
  #resyncing: Promise<void> | undefined;
  /** A reconnect came while a resynchronisation ran: it runs again once that one is over. */
  #again = false;
  #closed = false;

  /**
   * `onMovedIn` is told of calls another worker moved into the app (`MOVED_IN_ARG, <contactId>`);
   * without it they are left alone.
   */
  constructor(
    ari: AriClient,
    clock: Clock,
    onInbound: (inbound: InboundCall) => void,
    onMovedIn?: (inbound: InboundCall) => void,
  ) {
    this.#ari = ari;
    this.#clock = clock;
    this.#offs.push(
      ari.on('StasisStart', (event) => {
        const [kind, ...args] = event.args;
        if (kind === 'inbound') onInbound({ call: this.#track(event.channel), args });
        else if (kind === MOVED_IN_ARG && onMovedIn) onMovedIn({ call: this.#track(event.channel), args });
      }),
      ari.onLifecycle((event) => {
        if (event.type === 'reconnected') void this.resynchronise();
      }),
    );
    this.#restarts = new RestartWatch(ari);
  }

  /** The app's client (commands about its calls). */
  get ari(): AriClient {
    return this.#ari;
  }

  /** Live calls by channel id. */
  get calls(): ReadonlyMap<string, AriCall> {
    return this.#calls;
  }

  /**
   * Ends every call Asterisk no longer has in the app (as the caller's, or with RESTART_CAUSE when
   * Asterisk restarted meanwhile) and has the others catch up on what they missed. Never rejects:
   * a failure is tried again while the events socket stays up; a new reconnect starts it afresh.
   */
  resynchronise(): Promise<void> {
    if (this.#resyncing) {
      this.#again = true;
      return this.#resyncing;
    }
    const run = async () => {
      do {
        this.#again = false;
        await this.#resyncOnce();
      } while (this.#again && !this.#closed);
    };
    this.#resyncing = run().finally(() => {
      this.#resyncing = undefined;
    });
    return this.#resyncing;
  }

  async #resyncOnce(): Promise<void> {
    for (;;) {
      if (this.#closed) return;
      // Calls that arrive during the look-up are not in what it sees, and are surely alive.
      const known = [...this.#calls.values()];
      try {
        const restarted = await this.#restarts.restarted();
        const { channels } = await this.#ari.resync();
        const alive = new Set(channels.map((c) => c.id));
        const staying: AriCall[] = [];
        for (const call of known) {
          if (call.ended) continue;
          if (alive.has(call.channelId)) staying.push(call);
          else call.markGone(restarted ? RESTART_CAUSE : undefined);
        }
        await Promise.all(staying.map((call) => call.resync()));
        return;
      } catch {
        // Down again: the next reconnect resynchronises. Still up: Asterisk is busy; ask again soon.
        if (this.#ari.state !== 'open') return;
        await new Promise<void>((resolve) => this.#clock.setTimeout(resolve, RESYNC_RETRY_MS));
      }
    }
  }

  /** A call already in the app (a stopped worker's, taken over): tracked as an inbound one is. */
  adopt(channel: ChannelLike): AriCall {
    return this.#calls.get(channel.id) ?? this.#track(channel);
  }

  /** Stops following a call without ending it (it moved to another worker's app). */
  release(call: AriCall): void {
    if (this.#calls.get(call.channelId) !== call) return;
    this.#calls.delete(call.channelId);
    call.dispose();
  }

  close(): void {
    this.#closed = true;
    for (const off of this.#offs.splice(0)) off();
    for (const call of this.#calls.values()) call.dispose();
    this.#calls.clear();
  }

  #track(channel: ChannelLike): AriCall {
    const call = new AriCall(this.#ari, this.#clock, channel);
    this.#calls.set(call.channelId, call);
    call.onEnd(() => {
      this.#calls.delete(call.channelId);
      call.dispose();
    });
    return call;
  }
}
