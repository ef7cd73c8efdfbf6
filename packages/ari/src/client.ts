import { randomUUID } from 'node:crypto';
import { type Clock, systemClock } from './clock.js';
import { ignoreGone } from './errors.js';
import {
  type ConnectionState,
  EventConnection,
  type LifecycleEvent,
  type ReconnectOptions,
} from './events.js';
import type { Application, Bridge, Channel } from './generated/models.js';
import { OPERATIONS, type OperationId } from './generated/operations.js';
import { KeyedListeners, type Unsubscribe } from './listeners.js';
import { type AriCall, type AriParams, type AriResult, type CallOptions, createCall } from './rest.js';
import { type RetryOptions, withRetries } from './retry.js';
import { EventRouter } from './router.js';
import type { AriTransport } from './transport.js';

type ResourceOf<Id> = Id extends `${infer R}.${string}` ? R : never;
type NicknameOf<Id, R extends string> = Id extends `${R}.${infer N}` ? N : never;

/** Parameters may be left out when the operation has no required one. */
export type AriMethod<Id extends OperationId> =
  Partial<AriParams<Id>> extends AriParams<Id>
    ? (params?: AriParams<Id>, options?: CallOptions) => Promise<AriResult<Id>>
    : (params: AriParams<Id>, options?: CallOptions) => Promise<AriResult<Id>>;

/** `ari.channels.play(…)`, `ari.bridges.addChannel(…)` …: every REST operation, grouped by resource. */
export type AriResources = {
  [R in ResourceOf<OperationId>]: {
    [Id in OperationId as NicknameOf<Id, R>]: AriMethod<Id>;
  };
};

export interface ResyncResult {
  application: Application;
  /** The app's channels that still exist; ids that 404 in the meantime are left out. */
  channels: Channel[];
  bridges: Bridge[];
}

interface CommonOptions {
  transport: AriTransport;
  /** Ask Asterisk for every event, not only those of the app's channels and bridges (debug taps). */
  subscribeAll?: boolean;
  clock?: Clock;
  reconnect?: ReconnectOptions;
  /** Events-socket ping period; 0 turns pings off. Default 15 s. */
  pingIntervalMs?: number;
  pingTimeoutMs?: number;
  /** Limit for opening the events socket; a slower attempt counts as failed (and is retried). Default 10 s. */
  connectTimeoutMs?: number;
  /** Default timeout of REST calls, on `clock`; none when absent. */
  requestTimeoutMs?: number;
  /**
   * Repeat operations that are safe to repeat after a 5xx, a timeout or a lost connection (reads,
   * removals, creates under a client id, answer...; never DTMF or an id-less play). Off when absent.
   */
  retry?: RetryOptions;
  /** Prepended to every `newId()`, e.g. to tell instances or test runs apart. */
  idPrefix?: string;
  random?: () => number;
}

export type AriClientOptions = CommonOptions & ({ app: string } | { apps: readonly [string, ...string[]] });

export interface AriClient extends AriResources {
  readonly apps: readonly string[];
  readonly state: ConnectionState;
  /** Any operation by id: `ari.call('channels.answer', { channelId })`. */
  call: AriCall;
  /** A fresh id for channelId, otherChannelId, bridgeId, playbackId, snoopId or a recording name. */
  newId(kind?: string): string;
  /** Opens the events socket; resolves once it is open. */
  connect(): Promise<void>;
  /** Closes the socket, stops reconnecting and rejects pending `waitFor`s. */
  close(): void;
  on: EventRouter['on'];
  onAny: EventRouter['onAny'];
  onChannel: EventRouter['onChannel'];
  onBridge: EventRouter['onBridge'];
  onPlayback: EventRouter['onPlayback'];
  onRecording: EventRouter['onRecording'];
  waitFor: EventRouter['waitFor'];
  onLifecycle(listener: (event: LifecycleEvent) => void): Unsubscribe;
  /**
   * What the app owns now, after a reconnect: `GET /applications/{app}` and each listed channel and
   * bridge. Events raised while disconnected are lost; this is how to catch up.
   */
  resync(app?: string): Promise<ResyncResult>;
  /** Handlers currently registered (waits included); for leak checks. */
  readonly listenerCount: number;
}

export function createAriClient(options: AriClientOptions): AriClient {
  const apps: readonly string[] = 'apps' in options ? options.apps : [options.app];
  const [primaryApp = ''] = apps;
  const clock = options.clock ?? systemClock;
  const once = createCall({
    transport: options.transport,
    clock,
    requestTimeoutMs: options.requestTimeoutMs,
  });
  const call = options.retry ? withRetries(once, clock, options.retry) : once;
  const lifecycle = new KeyedListeners<true, LifecycleEvent>();
  const emitLifecycle = (event: LifecycleEvent) =>
    lifecycle.emit(true, event, (error) => {
      // Nobody to tell but the console: a lifecycle listener itself failed.
      if (event.type !== 'error') emitLifecycle({ type: 'error', error });
      else console.error('@parley/ari lifecycle listener failed', error);
    });
  const router = new EventRouter(clock, (error, event) => {
    if (lifecycle.handlerCount === 0) console.error('@parley/ari event handler failed', error);
    emitLifecycle({ type: 'error', error, event });
  });
  const connection = new EventConnection({
    transport: options.transport,
    apps,
    clock,
    subscribeAll: options.subscribeAll,
    reconnect: options.reconnect,
    pingIntervalMs: options.pingIntervalMs,
    pingTimeoutMs: options.pingTimeoutMs,
    connectTimeoutMs: options.connectTimeoutMs,
    random: options.random,
    onEvent: (event) => router.dispatch(event),
    onLifecycle: (event) => {
      if (event.type === 'replaced' || event.type === 'closed') {
        router.cancelWaits(event.type);
      }
      emitLifecycle(event);
    },
  });

  const client = {
    ...buildResources(call),
    apps,
    get state() {
      return connection.state;
    },
    call,
    newId: (kind?: string) => `${options.idPrefix ?? ''}${kind ? `${kind}-` : ''}${randomUUID()}`,
    connect: () => connection.connect(),
    close: () => connection.close(),
    on: router.on.bind(router),
    onAny: router.onAny.bind(router),
    onChannel: router.onChannel.bind(router),
    onBridge: router.onBridge.bind(router),
    onPlayback: router.onPlayback.bind(router),
    onRecording: router.onRecording.bind(router),
    waitFor: router.waitFor.bind(router),
    onLifecycle: (listener: (event: LifecycleEvent) => void) => lifecycle.add(true, listener),
    async resync(app = primaryApp): Promise<ResyncResult> {
      const application = await call('applications.get', { applicationName: app });
      const [channels, bridges] = await Promise.all([
        Promise.all(
          application.channel_ids.map((channelId) => ignoreGone(call('channels.get', { channelId }))),
        ),
        Promise.all(application.bridge_ids.map((bridgeId) => ignoreGone(call('bridges.get', { bridgeId })))),
      ]);
      return { application, channels: present(channels), bridges: present(bridges) };
    },
    get listenerCount() {
      return router.listenerCount;
    },
  };
  return client;
}

/**
 * The resource facades, built from the OPERATIONS table rather than written per operation. The
 * table and `AriResources` come from the same swagger files, which is what the cast relies on.
 */
function buildResources(call: AriCall): AriResources {
  const resources: Record<
    string,
    Record<string, (params?: object, options?: CallOptions) => Promise<unknown>>
  > = {};
  for (const [id, spec] of Object.entries(OPERATIONS)) {
    if ('upgrade' in spec) continue;
    const resource = resources[spec.resource] ?? {};
    resources[spec.resource] = resource;
    resource[spec.nickname] = (params = {}, callOptions) =>
      call(id as OperationId, params as AriParams<OperationId>, callOptions);
  }
  return resources as unknown as AriResources;
}

function present<T>(items: (T | undefined)[]): T[] {
  return items.filter((item): item is T => item !== undefined);
}
