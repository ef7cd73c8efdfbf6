import type { Clock, TimerHandle } from './clock.js';
import { AriError } from './errors.js';
import type { AriEvent } from './generated/models.js';
import { withTimeout } from './timeout.js';
import type { AriTransport, EventStream } from './transport.js';

const EVENTS_OPERATION = 'events.eventWebsocket';

/** What happened to the events connection. */
export type LifecycleEvent =
  | { type: 'connected' }
  /** The socket closed without us asking (or failed a ping); events are being lost until reconnected. */
  | { type: 'disconnected'; code: number; reason: string }
  /** A new attempt is scheduled; `error` is why the previous one failed, if one did. */
  | { type: 'reconnecting'; attempt: number; delayMs: number; error?: unknown }
  /** Open again. Events raised meanwhile are gone: resynchronise (`resync()`). */
  | { type: 'reconnected' }
  /** Another connection took the app over; this client stopped and will not reconnect by itself. */
  | { type: 'replaced'; application: string }
  | { type: 'closed' }
  /** A frame that is not an event, or a handler that threw; the connection carries on. */
  | { type: 'error'; error: unknown; event?: AriEvent; text?: string };

export type ConnectionState = 'idle' | 'connecting' | 'open' | 'backoff' | 'replaced' | 'closed';

export interface ReconnectOptions {
  /** Delay before the first retry; doubles per failed attempt. Default 500 ms. */
  initialDelayMs?: number;
  /** Ceiling for the delay; retries never stop. Default 30 s. */
  maxDelayMs?: number;
  /** Fraction (0–1) of the delay taken off at random, so many clients do not retry in step. Default 0.2. */
  jitter?: number;
  /** A connection open this long counts as stable: the next drop starts again from the initial delay. Default 10 s. */
  stableAfterMs?: number;
}

export interface EventConnectionOptions {
  transport: AriTransport;
  apps: readonly string[];
  subscribeAll?: boolean;
  clock: Clock;
  reconnect?: ReconnectOptions;
  /** Ping period for detecting dead sockets; 0 turns pings off. Default 15 s. */
  pingIntervalMs?: number;
  /** How long a ping may go unanswered. Default 5 s. */
  pingTimeoutMs?: number;
  /** How long opening the socket may take before the attempt counts as failed. Default 10 s. */
  connectTimeoutMs?: number;
  /** Source of jitter; injectable so tests can pin the delays. */
  random?: () => number;
  onEvent(event: AriEvent): void;
  onLifecycle(event: LifecycleEvent): void;
}

/**
 * Keeps one events websocket open for the apps: reconnects after any close it did not ask for, with
 * capped exponential backoff and jitter and no retry limit, and pings so a silently dead socket is
 * noticed. `ApplicationReplaced` is the exception: another process now owns the app, and taking it
 * back would make the two steal it from each other forever, so the connection stops.
 */
export class EventConnection {
  #options: EventConnectionOptions;
  #reconnect: Required<ReconnectOptions>;
  #state: ConnectionState = 'idle';
  /** Bumped whenever the current stream or attempt is abandoned, so their late callbacks are ignored. */
  #generation = 0;
  #stream: EventStream | undefined;
  /** When the current connection opened; undefined while none is open. */
  #openedAt: number | undefined;
  #attempt = 0;
  #retryTimer: TimerHandle | undefined;
  #pingTimer: TimerHandle | undefined;
  #waiters: { resolve: () => void; reject: (error: unknown) => void }[] = [];

  constructor(options: EventConnectionOptions) {
    this.#options = options;
    this.#reconnect = {
      initialDelayMs: options.reconnect?.initialDelayMs ?? 500,
      maxDelayMs: options.reconnect?.maxDelayMs ?? 30_000,
      jitter: options.reconnect?.jitter ?? 0.2,
      stableAfterMs: options.reconnect?.stableAfterMs ?? 10_000,
    };
  }

  get state(): ConnectionState {
    return this.#state;
  }

  /**
   * Resolves once the socket is open. The first attempt's failure (bad credentials, nothing
   * listening) rejects, so misconfiguration shows; once connected, later drops are retried.
   */
  connect(): Promise<void> {
    if (this.#state === 'open') return Promise.resolve();
    const opened = new Promise<void>((resolve, reject) => this.#waiters.push({ resolve, reject }));
    if (this.#state === 'idle' || this.#state === 'replaced' || this.#state === 'closed') {
      this.#attempt = 0;
      void this.#open(true);
    }
    return opened;
  }

  /** Closes the socket and stops reconnecting; `connect()` starts again. */
  close(): void {
    if (this.#state === 'closed') return;
    const stream = this.#abandon();
    stream?.close(1000);
    this.#state = 'closed';
    this.#settleWaiters(new Error('ARI client closed before the events socket opened'));
    this.#emit({ type: 'closed' });
  }

  async #open(initial: boolean): Promise<void> {
    const generation = ++this.#generation;
    this.#state = 'connecting';
    const { transport, apps, subscribeAll, clock, connectTimeoutMs = 10_000 } = this.#options;
    // Wrapped so a transport that throws instead of rejecting still counts as a failed attempt.
    const opening = new Promise<EventStream>((resolve) =>
      resolve(transport.openEvents({ apps, subscribeAll })),
    );
    let stream: EventStream;
    try {
      // Without a limit, a handshake into a black hole would stall reconnection for good.
      stream = await withTimeout(opening, clock, connectTimeoutMs, () => {
        opening.then(
          (late) => late.close(1000),
          () => {},
        );
        return new AriError({
          code: 'TIMEOUT',
          status: 0,
          message: `Events socket not open within ${connectTimeoutMs} ms`,
          operation: EVENTS_OPERATION,
        });
      });
    } catch (error) {
      if (generation !== this.#generation) return;
      if (initial) {
        this.#state = 'idle';
        this.#settleWaiters(error);
      } else {
        this.#scheduleRetry(error);
      }
      return;
    }
    if (generation !== this.#generation) {
      stream.close(1000);
      return;
    }
    this.#stream = stream;
    this.#state = 'open';
    this.#openedAt = this.#options.clock.now();
    this.#settleWaiters();
    this.#emit({ type: initial ? 'connected' : 'reconnected' });
    if (generation !== this.#generation) return;
    stream.onMessage((text) => this.#receive(stream, text));
    stream.onClose((code, reason) => this.#lost(stream, code, reason));
    this.#schedulePing(stream);
  }

  #receive(stream: EventStream, text: string): void {
    if (stream !== this.#stream) return;
    let event: AriEvent;
    try {
      event = parseEvent(text);
    } catch (error) {
      this.#emit({ type: 'error', error, text });
      return;
    }
    try {
      this.#options.onEvent(event);
    } catch (error) {
      this.#emit({ type: 'error', error, event });
    }
    if (event.type === 'ApplicationReplaced' && stream === this.#stream) {
      // Asterisk leaves the replaced socket open but silent; close it ourselves and stay down.
      this.#abandon();
      stream.close(1000);
      this.#state = 'replaced';
      this.#emit({ type: 'replaced', application: event.application });
    }
  }

  #lost(stream: EventStream, code: number, reason: string): void {
    if (stream !== this.#stream) return;
    this.#abandon();
    this.#emit({ type: 'disconnected', code, reason });
    this.#scheduleRetry();
  }

  #schedulePing(stream: EventStream): void {
    const { clock, pingIntervalMs = 15_000, pingTimeoutMs = 5_000 } = this.#options;
    if (pingIntervalMs <= 0) return;
    this.#pingTimer = clock.setTimeout(() => {
      this.#pingTimer = undefined;
      // Our own timer too: a transport whose ping never settles must not keep a dead socket alive.
      const pong = withTimeout(
        stream.ping(pingTimeoutMs),
        clock,
        pingTimeoutMs,
        () =>
          new AriError({
            code: 'TIMEOUT',
            status: 0,
            message: `No pong within ${pingTimeoutMs} ms`,
            operation: EVENTS_OPERATION,
          }),
      );
      pong.then(
        () => {
          if (stream === this.#stream) this.#schedulePing(stream);
        },
        (error: unknown) => {
          if (stream !== this.#stream) return;
          this.#abandon();
          // 1006: abandon without a closing handshake, which a dead peer would never finish.
          stream.close(1006);
          const reason = error instanceof Error ? error.message : String(error);
          this.#emit({ type: 'disconnected', code: 1006, reason: `ping failed: ${reason}` });
          this.#scheduleRetry(error);
        },
      );
    }, pingIntervalMs);
  }

  #scheduleRetry(error?: unknown): void {
    const { initialDelayMs, maxDelayMs, jitter, stableAfterMs } = this.#reconnect;
    const { clock, random = Math.random } = this.#options;
    if (this.#openedAt !== undefined && clock.now() - this.#openedAt >= stableAfterMs) this.#attempt = 0;
    this.#openedAt = undefined;
    this.#attempt += 1;
    const base = Math.min(maxDelayMs, initialDelayMs * 2 ** (this.#attempt - 1));
    const delayMs = Math.round(base * (1 - jitter * random()));
    this.#state = 'backoff';
    const generation = this.#generation;
    this.#retryTimer = clock.setTimeout(() => {
      this.#retryTimer = undefined;
      if (generation === this.#generation) void this.#open(false);
    }, delayMs);
    this.#emit({
      type: 'reconnecting',
      attempt: this.#attempt,
      delayMs,
      ...(error === undefined ? {} : { error }),
    });
  }

  /** Forgets the current stream and timers; returns the stream so the caller can close it. */
  #abandon(): EventStream | undefined {
    const { clock } = this.#options;
    this.#generation += 1;
    if (this.#retryTimer !== undefined) clock.clearTimeout(this.#retryTimer);
    if (this.#pingTimer !== undefined) clock.clearTimeout(this.#pingTimer);
    this.#retryTimer = undefined;
    this.#pingTimer = undefined;
    const stream = this.#stream;
    this.#stream = undefined;
    return stream;
  }

  #settleWaiters(error?: unknown): void {
    const waiters = this.#waiters;
    this.#waiters = [];
    for (const waiter of waiters) {
      if (error === undefined) waiter.resolve();
      else waiter.reject(error);
    }
  }

  #emit(event: LifecycleEvent): void {
    try {
      this.#options.onLifecycle(event);
    } catch {
      // A lifecycle listener's failure must not leave the connection half-updated.
    }
  }
}

/** JSON text → event; anything without a string `type` is not one. */
export function parseEvent(text: string): AriEvent {
  const value: unknown = JSON.parse(text);
  if (typeof value !== 'object' || value === null || typeof (value as { type?: unknown }).type !== 'string') {
    throw new TypeError('Events socket frame is not an ARI event');
  }
  return value as AriEvent;
}
