import { randomUUID } from 'node:crypto';
import type { Clock, TimerHandle } from '@parley/ari';
import type { SimConfig } from '../config.js';
import { AppRegistry } from './apps.js';
import type { SimBridge } from './bridge.js';
import { channelSnapshot, formatTimestamp, type SimChannel } from './channel.js';
import type { Dialplan } from './dialplan.js';
import type { MediaLibrary } from './media.js';
import type { PlaybackRegistry } from './playback.js';
import type { RecordingRegistry } from './recording.js';
import type { RemoteMediaCache } from './remote-media.js';
import type { TalkDetectors } from './talk-detect.js';

export type EventBody = Record<string, unknown>;

/**
 * The shared state of one simulated Asterisk: registries, counters, the clock and event delivery.
 * Behaviour lives in the modules that take a Core (channels, bridges, playbacks...).
 *
 * Asterisk runs each channel on its own thread; the sim runs on one. Work Asterisk does on another
 * channel's thread (the far Local half hanging up, say) is `defer`red so it happens after the
 * current channel's work, in the order the traces show, and before control returns to the caller.
 */
export class Core {
  readonly channels = new Map<string, SimChannel>();
  readonly bridges = new Map<string, SimBridge>();
  readonly apps = new AppRegistry();
  /** When this Asterisk (re)started: `startup_time` in `GET /asterisk/info`. */
  startedAt: number;
  playbacks!: PlaybackRegistry;
  recordings!: RecordingRegistry;
  talk!: TalkDetectors;
  remoteMedia!: RemoteMediaCache;
  readonly globals = new Map<string, string>();
  readonly deviceStates = new Map<string, string>();
  readonly mailboxes = new Map<string, { old_messages: number; new_messages: number }>();
  #unreal = 0;
  #unique = 0;
  #snoop = 0;
  #deferred: (() => void)[] = [];
  #drainScheduled = false;
  #timers = new Set<TimerHandle>();
  #pending = new Set<Promise<unknown>>();

  constructor(
    readonly clock: Clock,
    readonly config: SimConfig,
    readonly dialplan: Dialplan,
    readonly media: MediaLibrary,
  ) {
    this.startedAt = clock.now();
  }

  now(): number {
    return this.clock.now();
  }

  /** The 8-hex suffix Local, Announcer and Recorder names share (`-0000001c;2`). */
  nextUnrealSuffix(): string {
    this.#unreal += 1;
    return this.#unreal.toString(16).padStart(8, '0');
  }

  nextSnoopSuffix(): string {
    this.#snoop += 1;
    return this.#snoop.toString(16).padStart(8, '0');
  }

  /** Asterisk's own ids: creation second and a global counter (`1795231408.66`). */
  generateChannelId(): string {
    this.#unique += 1;
    return `${Math.floor(this.now() / 1000)}.${this.#unique}`;
  }

  uuid(): string {
    return randomUUID();
  }

  timestamp(): string {
    return formatTimestamp(this.now());
  }

  /** Runs `task` after the current channel's work, like another channel's thread would. */
  defer(task: () => void): void {
    this.#deferred.push(task);
    if (this.#drainScheduled) return;
    this.#drainScheduled = true;
    queueMicrotask(() => {
      for (let task = this.#deferred.shift(); task; task = this.#deferred.shift()) task();
      this.#drainScheduled = false;
    });
  }

  after(ms: number, callback: () => void): TimerHandle {
    const handle = this.clock.setTimeout(() => {
      this.#timers.delete(handle);
      callback();
    }, ms);
    this.#timers.add(handle);
    return handle;
  }

  cancel(handle: TimerHandle | undefined): void {
    if (!handle) return;
    this.#timers.delete(handle);
    this.clock.clearTimeout(handle);
  }

  /** Tracks real I/O (HTTP media fetches) so tests can wait for it with `settled()`. */
  track<T>(work: Promise<T>): Promise<T> {
    this.#pending.add(work);
    const forget = () => this.#pending.delete(work);
    work.then(forget, forget);
    return work;
  }

  async settled(): Promise<void> {
    while (this.#pending.size > 0) await Promise.allSettled([...this.#pending]);
    await new Promise<void>((resolve) => setImmediate(resolve));
  }

  shutdown(): void {
    for (const handle of this.#timers) this.clock.clearTimeout(handle);
    this.#timers.clear();
  }

  /**
   * Asterisk restarted: every channel, bridge, app registration and global variable it held in
   * memory is gone without a single event, its id counters start again and `startup_time` moves.
   * What it keeps on disk (stored recordings) and in astdb (device states, mailboxes) survives. The
   * registries that hold live media are replaced by the caller (`createAriSim`).
   */
  restart(): void {
    this.shutdown();
    this.#deferred.length = 0;
    this.channels.clear();
    this.bridges.clear();
    this.apps.clear();
    this.globals.clear();
    this.#unreal = 0;
    this.#unique = 0;
    this.#snoop = 0;
    this.startedAt = this.now();
  }

  snapshot(chan: SimChannel) {
    return channelSnapshot(chan, this.config.channelVars);
  }

  /** A channel-topic event (with the channel's snapshot) for every app subscribed to it. */
  publishChannel(chan: SimChannel, type: string, body: EventBody = {}, onlyApp?: string): void {
    if (chan.internal) return;
    this.publishOn(chan, type, { ...body, channel: this.snapshot(chan) }, onlyApp);
  }

  /** An event routed by a channel's subscriptions whose body is built by the caller (Dial). */
  publishOn(chan: SimChannel, type: string, body: EventBody, onlyApp?: string): void {
    if (chan.internal) return;
    const apps = onlyApp ? [onlyApp] : this.apps.forChannel(chan.id).map((a) => a.name);
    this.deliver(apps, type, body);
  }

  publishBridge(bridge: SimBridge, type: string, body: EventBody): void {
    this.deliver(
      this.apps.forBridge(bridge.id).map((a) => a.name),
      type,
      body,
    );
  }

  deliver(appNames: readonly string[], type: string, body: EventBody): void {
    let json: string | undefined;
    for (const name of appNames) {
      const app = this.apps.get(name);
      if (!app?.sink || !app.accepts(type)) continue;
      // Serialised once, whatever the number of apps: only `application`, added last, differs
      // (after any of the body's own, which JSON.parse then overrides, as the spread did).
      json ??= `${JSON.stringify({ type, timestamp: this.timestamp(), ...body, asterisk_id: this.config.asteriskId }).slice(0, -1)},`;
      app.sink.send(`${json}"application":${JSON.stringify(name)}}`);
    }
  }
}
