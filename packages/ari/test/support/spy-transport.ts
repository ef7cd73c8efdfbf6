import type { AriTransport, Clock, EventStream } from '../../src/index.js';

/**
 * Wraps a transport to record when (on the test clock) the client tried to open the events socket,
 * and the outcome of each ping, so tests can wait for a pong instead of sleeping.
 */
export class SpyTransport implements AriTransport {
  readonly openedAt: number[] = [];
  readonly pings: Promise<void>[] = [];
  #inner: AriTransport;
  #clock: Clock;

  constructor(inner: AriTransport, clock: Clock) {
    this.#inner = inner;
    this.#clock = clock;
  }

  request: AriTransport['request'] = (req) => this.#inner.request(req);

  openEvents: AriTransport['openEvents'] = async (options) => {
    this.openedAt.push(this.#clock.now());
    const stream = await this.#inner.openEvents(options);
    const spy: EventStream = {
      onMessage: (listener) => stream.onMessage(listener),
      onClose: (listener) => stream.onClose(listener),
      close: (code) => stream.close(code),
      ping: (timeoutMs) => {
        const pong = stream.ping(timeoutMs);
        this.pings.push(pong.catch(() => undefined));
        return pong;
      },
    };
    return spy;
  };
}
