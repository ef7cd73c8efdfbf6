import type { TimerHandle } from '@parley/ari';
import { type AudioSource, clipsSource, toneSource } from './audio.js';
import type { SimChannel } from './channel.js';
import type { Core } from './core.js';
import type { Clip } from './media.js';
import { characterFiles, digitFiles, numberFiles, parseTone } from './say.js';

/** Where a playback runs and where its events and sound go (a channel, or a bridge's announcer). */
export interface PlaybackHost {
  /** The channel whose command queue runs the playback. */
  chan: SimChannel;
  publish(type: string, playback: object): void;
  setAudio(source: AudioSource | undefined): void;
  /** A channel play suspends the channel's MOH or silence for good. */
  beforeStart(): void;
}

type State = 'queued' | 'playing' | 'paused' | 'continuing' | 'canceled' | 'stopped' | 'done' | 'failed';
export type ControlOp = 'restart' | 'pause' | 'unpause' | 'reverse' | 'forward';
export type OperationResult = 'ok' | 'not-playing' | 'failed';

interface Item {
  clips: Clip[];
  /** Say-style media cannot be stopped or controlled (res_stasis_playback.c). */
  controllable: boolean;
  /** Some files were missing: play the ones before, then fail. */
  complete: boolean;
  tone?: ReturnType<typeof parseTone>;
}

const EVENT_FOR: Partial<Record<State, string>> = {
  playing: 'PlaybackStarted',
  continuing: 'PlaybackContinuing',
  done: 'PlaybackFinished',
  canceled: 'PlaybackFinished',
  stopped: 'PlaybackFinished',
  failed: 'PlaybackFinished',
};

export interface PlaybackOptions {
  id: string;
  media: string[];
  language: string;
  targetUri: string;
  offsetMs: number;
  skipMs: number;
}

export class SimPlayback {
  state: State = 'queued';
  index = 0;
  #item: Item | undefined;
  #controllable = false;
  #itemStart = 0;
  #pausedAt = 0;
  #timer: TimerHandle | undefined;
  #done: (() => void) | undefined;

  constructor(
    readonly core: Core,
    readonly host: PlaybackHost,
    readonly options: PlaybackOptions,
  ) {}

  get id(): string {
    return this.options.id;
  }

  toJson() {
    const media = this.options.media;
    const next = media[this.index + 1];
    const state = this.state === 'canceled' || this.state === 'stopped' ? 'done' : this.state;
    return {
      id: this.id,
      media_uri: media[this.index] ?? '',
      ...(next === undefined ? {} : { next_media_uri: next }),
      target_uri: this.options.targetUri,
      language: this.options.language,
      state,
    };
  }

  #publish(): void {
    const type = EVENT_FOR[this.state];
    if (type) this.host.publish(type, { playback: this.toJson() });
  }

  /** The queued command runs: Started, then each item in turn. */
  run(done: () => void): void {
    this.#done = done;
    if (this.state === 'canceled') {
      this.#publish();
      this.#finish();
      return;
    }
    this.host.beforeStart();
    this.state = 'playing';
    this.#publish();
    this.#playItem(this.options.offsetMs);
  }

  #playItem(offsetMs: number): void {
    const uri = this.options.media[this.index] ?? '';
    if (/^sound:https?:\/\//.test(uri)) {
      const url = uri.slice('sound:'.length);
      void this.core.track(this.core.remoteMedia.fetch(url)).then((clip) => {
        if (this.state !== 'playing') return;
        this.#startItem(clip ? { clips: [clip], controllable: true, complete: true } : undefined, offsetMs);
      });
      return;
    }
    const item = this.#resolve(uri);
    if (item === 'unsupported') {
      // "scheme is unsupported": Asterisk logs and returns without a final update.
      if (this.index + 1 < this.options.media.length) {
        this.index++;
        this.#publish();
        this.#playItem(0);
      } else this.#finish();
      return;
    }
    this.#startItem(item, offsetMs);
  }

  #resolve(uri: string): Item | undefined | 'unsupported' {
    const lang = this.options.language;
    const files = (names: string[], controllable: boolean): Item => {
      const clips: Clip[] = [];
      for (const name of names) {
        const clip = this.core.media.sound(name, lang);
        if (!clip) return { clips, controllable, complete: false };
        clips.push(clip);
      }
      return { clips, controllable, complete: true };
    };
    const [scheme = '', ...rest] = uri.split(':');
    const arg = rest.join(':');
    switch (scheme) {
      case 'sound': {
        const clip = this.core.media.sound(arg, lang);
        return clip ? { clips: [clip], controllable: true, complete: true } : undefined;
      }
      case 'recording': {
        const clip = this.core.recordings.storedClip(arg);
        return clip ? { clips: [clip], controllable: true, complete: true } : undefined;
      }
      case 'number':
        return /^-?\d+$/.test(arg.trim()) ? files(numberFiles(Number(arg)), false) : undefined;
      case 'digits':
        return files(digitFiles(arg), false);
      case 'characters':
        return files(characterFiles(arg), false);
      case 'tone': {
        const tone = parseTone(arg);
        return tone ? { clips: [], controllable: true, complete: true, tone } : undefined;
      }
      default:
        return 'unsupported';
    }
  }

  #startItem(item: Item | undefined, offsetMs: number): void {
    this.#item = item;
    this.#controllable = item?.controllable ?? false;
    if (!item) {
      this.#itemEnded(false);
      return;
    }
    this.#itemStart = this.core.now() - offsetMs;
    this.#schedule();
  }

  #lengthMs(): number {
    const item = this.#item;
    if (!item || item.tone) return Number.POSITIVE_INFINITY;
    return item.clips.reduce((sum, c) => sum + c.durationMs, 0);
  }

  #schedule(): void {
    const item = this.#item;
    if (!item) return;
    this.host.setAudio(
      item.tone ? toneSource(this.#itemStart, item.tone) : clipsSource(this.#itemStart, item.clips),
    );
    this.core.cancel(this.#timer);
    const left = this.#lengthMs() - (this.core.now() - this.#itemStart);
    if (Number.isFinite(left)) {
      this.#timer = this.core.after(Math.max(0, left), () => this.#itemEnded(item.complete));
    }
  }

  #itemEnded(ok: boolean): void {
    this.core.cancel(this.#timer);
    if (this.index + 1 < this.options.media.length) {
      this.state = 'continuing';
      this.#publish();
      this.index++;
      this.state = 'playing';
      this.#publish();
      this.#playItem(0);
      return;
    }
    this.state = ok ? 'done' : 'failed';
    this.#publish();
    this.#finish();
  }

  #finish(): void {
    this.core.cancel(this.#timer);
    this.host.setAudio(undefined);
    this.core.playbacks.remove(this);
    const done = this.#done;
    this.#done = undefined;
    done?.();
  }

  /** `DELETE /playbacks/{id}`: a queued one is cancelled, a playing one ends now as done. */
  stop(): OperationResult {
    if (this.state === 'queued') {
      this.state = 'canceled';
      return 'ok';
    }
    if (this.state !== 'playing' && this.state !== 'paused') return 'ok';
    if (!this.#controllable) return 'failed';
    this.state = 'stopped';
    this.#publish();
    this.#finish();
    return 'ok';
  }

  control(op: ControlOp): OperationResult {
    if (this.state === 'queued') return op === 'restart' ? 'ok' : 'not-playing';
    if (this.state === 'paused') {
      if (op === 'pause') return 'ok';
      if (op !== 'unpause') return 'not-playing';
    } else if (this.state !== 'playing') return 'not-playing';
    if (!this.#controllable) return 'failed';
    const now = this.core.now();
    const position = this.state === 'paused' ? this.#pausedAt : now - this.#itemStart;
    switch (op) {
      case 'pause':
        this.state = 'paused';
        this.#pausedAt = position;
        this.core.cancel(this.#timer);
        this.host.setAudio(undefined);
        return 'ok';
      case 'unpause':
        if (this.state !== 'paused') return 'ok';
        this.state = 'playing';
        this.#publish();
        this.#itemStart = now - position;
        break;
      case 'restart':
        this.#itemStart = now;
        break;
      case 'forward':
        this.#itemStart = now - Math.min(position + this.options.skipMs, this.#lengthMs());
        break;
      case 'reverse':
        this.#itemStart = now - Math.max(0, position - this.options.skipMs);
        break;
    }
    this.#schedule();
    return 'ok';
  }

  /** The channel hung up: a playing item fails; a queued one just goes away. */
  abort(): void {
    if (this.state === 'playing' || this.state === 'paused' || this.state === 'continuing') {
      this.state = 'failed';
      this.#publish();
    }
    this.#finish();
  }
}

/**
 * Live playbacks by id; ids may repeat (a reused id queues behind the first), lookups find the oldest.
 * Indexed by id and by channel: a load of thousands of calls plays, finds and ends a playback per
 * prompt, and scanning every live playback each time made that quadratic.
 */
export class PlaybackRegistry {
  readonly #byId = new Map<string, SimPlayback[]>();
  readonly #byChannel = new Map<SimChannel, Set<SimPlayback>>();

  add(playback: SimPlayback): void {
    const same = this.#byId.get(playback.id);
    if (same) same.push(playback);
    else this.#byId.set(playback.id, [playback]);
    const chan = playback.host.chan;
    const hosted = this.#byChannel.get(chan);
    if (hosted) hosted.add(playback);
    else this.#byChannel.set(chan, new Set([playback]));
  }

  find(id: string): SimPlayback | undefined {
    return this.#byId.get(id)?.[0];
  }

  remove(playback: SimPlayback): void {
    const same = this.#byId.get(playback.id);
    const i = same ? same.indexOf(playback) : -1;
    if (same && i >= 0) {
      same.splice(i, 1);
      if (same.length === 0) this.#byId.delete(playback.id);
    }
    const chan = playback.host.chan;
    const hosted = this.#byChannel.get(chan);
    if (hosted?.delete(playback) && hosted.size === 0) this.#byChannel.delete(chan);
  }

  forHost(chan: SimChannel): SimPlayback[] {
    return [...(this.#byChannel.get(chan) ?? [])];
  }
}
