import type { Clock, TimerHandle } from './clock.js';
import { AriWaitError, type AriWaitFailure } from './errors.js';
import type { AriEvent, AriEventOf, AriEventType } from './generated/models.js';
import { KeyedListeners, type Unsubscribe } from './listeners.js';

/** The events of the union that carry property `K`. */
type EventWith<K extends PropertyKey, E = AriEvent> = E extends unknown
  ? K extends keyof E
    ? E
    : never
  : never;

/** Events about one channel: those whose `channel.id` it is, and `Dial`s whose `peer.id` it is. */
export type ChannelEvent = EventWith<'channel'> | AriEventOf<'Dial'>;
export type BridgeEvent = EventWith<'bridge'>;
export type PlaybackEvent = EventWith<'playback'>;
export type RecordingEvent = EventWith<'recording'>;

export interface WaitOptions {
  /** Rejects with `AriWaitError('timeout')` after this long on the client's clock. */
  timeoutMs?: number;
  /** Aborting rejects with the signal's reason and removes the wait. */
  signal?: AbortSignal;
  /**
   * Only events about this channel (or playback) are offered to the predicate: the wait is filed
   * under the id, so thousands of calls waiting at once do not each test every event of the type.
   */
  channelId?: string;
  playbackId?: string;
}

/**
 * Routes each event to the handlers of its type, then to those of the ids it carries, then to the
 * catch-all ones. Id lookups are Map hits, so dispatch cost does not grow with the number of calls.
 *
 * An app also receives events for ids it does not own (originating a Local channel subscribes it to
 * both halves); they reach only handlers registered for those ids, and `onAny`.
 */
export class EventRouter {
  #clock: Clock;
  #onError: (error: unknown, event: AriEvent) => void;
  #byType = new KeyedListeners<string, AriEvent>();
  #byChannel = new KeyedListeners<string, AriEvent>();
  #byBridge = new KeyedListeners<string, AriEvent>();
  #byPlayback = new KeyedListeners<string, AriEvent>();
  #byRecording = new KeyedListeners<string, AriEvent>();
  #any = new KeyedListeners<true, AriEvent>();
  #waits = new Set<(reason: AriWaitFailure) => void>();

  constructor(clock: Clock, onError: (error: unknown, event: AriEvent) => void) {
    this.#clock = clock;
    this.#onError = onError;
  }

  on<T extends AriEventType>(type: T, handler: (event: AriEventOf<T>) => void): Unsubscribe {
    return this.#byType.add(type, handler as (event: AriEvent) => void);
  }

  onAny(handler: (event: AriEvent) => void): Unsubscribe {
    return this.#any.add(true, handler);
  }

  onChannel(channelId: string, handler: (event: ChannelEvent) => void): Unsubscribe {
    return this.#byChannel.add(channelId, handler as (event: AriEvent) => void);
  }

  onBridge(bridgeId: string, handler: (event: BridgeEvent) => void): Unsubscribe {
    return this.#byBridge.add(bridgeId, handler as (event: AriEvent) => void);
  }

  onPlayback(playbackId: string, handler: (event: PlaybackEvent) => void): Unsubscribe {
    return this.#byPlayback.add(playbackId, handler as (event: AriEvent) => void);
  }

  onRecording(name: string, handler: (event: RecordingEvent) => void): Unsubscribe {
    return this.#byRecording.add(name, handler as (event: AriEvent) => void);
  }

  /**
   * The first event of `type` matching `predicate`. The wait exists as soon as this returns, so
   * create it before sending the request whose events may arrive ahead of the HTTP reply.
   */
  waitFor<T extends AriEventType>(
    type: T,
    predicate?: (event: AriEventOf<T>) => boolean,
    options: WaitOptions = {},
  ): Promise<AriEventOf<T>> {
    const { timeoutMs, signal } = options;
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise<AriEventOf<T>>((resolve, reject) => {
      let timer: TimerHandle | undefined;
      let off: Unsubscribe = () => {};
      const finish = () => {
        off();
        if (timer !== undefined) this.#clock.clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        this.#waits.delete(cancel);
      };
      const fail = (error: unknown) => {
        finish();
        reject(error);
      };
      const onAbort = () => fail(signal?.reason);
      const cancel = (reason: AriWaitFailure) => fail(new AriWaitError(reason, type, timeoutMs));
      const listen = (handler: (event: AriEvent) => void): Unsubscribe => {
        if (options.playbackId !== undefined) return this.#byPlayback.add(options.playbackId, handler);
        if (options.channelId !== undefined) return this.#byChannel.add(options.channelId, handler);
        return this.#byType.add(type, handler);
      };
      off = listen((event) => {
        if (event.type !== type) return;
        let matched: boolean;
        try {
          matched = predicate ? predicate(event as AriEventOf<T>) : true;
        } catch (error) {
          fail(error);
          return;
        }
        if (!matched) return;
        finish();
        resolve(event as AriEventOf<T>);
      });
      this.#waits.add(cancel);
      if (timeoutMs !== undefined) timer = this.#clock.setTimeout(() => cancel('timeout'), timeoutMs);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** Rejects every pending `waitFor`: no more events will come. */
  cancelWaits(reason: 'closed' | 'replaced'): void {
    for (const cancel of [...this.#waits]) cancel(reason);
  }

  dispatch(event: AriEvent): void {
    const onError = (error: unknown) => this.#onError(error, event);
    this.#byType.emit(event.type, event, onError);
    const fields = event as unknown as Record<string, unknown>;
    const channelId = idOf(fields.channel, 'id');
    if (channelId !== undefined) this.#byChannel.emit(channelId, event, onError);
    if (event.type === 'Dial') {
      const peerId = idOf(fields.peer, 'id');
      if (peerId !== undefined && peerId !== channelId) this.#byChannel.emit(peerId, event, onError);
    }
    const bridgeId = idOf(fields.bridge, 'id');
    if (bridgeId !== undefined) this.#byBridge.emit(bridgeId, event, onError);
    const playbackId = idOf(fields.playback, 'id');
    if (playbackId !== undefined) this.#byPlayback.emit(playbackId, event, onError);
    const recordingName = idOf(fields.recording, 'name');
    if (recordingName !== undefined) this.#byRecording.emit(recordingName, event, onError);
    this.#any.emit(true, event, onError);
  }

  /** Registered handlers (waits included), for leak checks. */
  get listenerCount(): number {
    return this.#all().reduce((sum, listeners) => sum + listeners.handlerCount, 0);
  }

  /** Ids and types that still have handlers; a finished call's ids must not stay here. */
  get keyCount(): number {
    return this.#all().reduce((sum, listeners) => sum + listeners.keyCount, 0);
  }

  #all(): { handlerCount: number; keyCount: number }[] {
    return [this.#byType, this.#byChannel, this.#byBridge, this.#byPlayback, this.#byRecording, this.#any];
  }
}

/** Events are parsed JSON: read ids defensively rather than trust the declared shape. */
function idOf(value: unknown, key: 'id' | 'name'): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const id = (value as Record<string, unknown>)[key];
  return typeof id === 'string' ? id : undefined;
}
