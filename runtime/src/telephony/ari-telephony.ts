import type { AriClient, Clock } from '@parley/ari';
import { AriCall } from './ari-call.js';

type ChannelLike = ConstructorParameters<typeof AriCall>[2];

export interface InboundCall {
  call: AriCall;
  /** `Stasis(app, inbound, <dialled>, …)` arguments after `inbound`. */
  args: string[];
}

/**
 * The runtime's Stasis app: turns `StasisStart … inbound` into calls and keeps the set of live
 * calls honest across event-socket drops (events raised while disconnected are lost, so after a
 * reconnect every call is checked against what Asterisk still has).
 */
export class AriTelephony {
  readonly #ari: AriClient;
  readonly #clock: Clock;
  readonly #calls = new Map<string, AriCall>();
  readonly #offs: (() => void)[] = [];

  constructor(ari: AriClient, clock: Clock, onInbound: (inbound: InboundCall) => void) {
    this.#ari = ari;
    this.#clock = clock;
    this.#offs.push(
      ari.on('StasisStart', (event) => {
        if (event.args[0] === 'inbound') onInbound({ call: this.#track(event.channel), args: event.args.slice(1) });
      }),
      ari.onLifecycle((event) => {
        if (event.type === 'reconnected') void this.resynchronise();
      }),
    );
  }

  /** Live calls by channel id. */
  get calls(): ReadonlyMap<string, AriCall> {
    return this.#calls;
  }

  /** Ends, as hung up by the caller, every call Asterisk no longer has in the app. */
  async resynchronise(): Promise<void> {
    const { channels } = await this.#ari.resync();
    const alive = new Set(channels.map((c) => c.id));
    for (const [id, call] of this.#calls) {
      if (alive.has(id)) continue;
      call.markGone();
      this.#calls.delete(id);
    }
  }

  /** A call already in the app (a stopped worker's, taken over): tracked as an inbound one is. */
  adopt(channel: ChannelLike): AriCall {
    return this.#calls.get(channel.id) ?? this.#track(channel);
  }

  close(): void {
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
