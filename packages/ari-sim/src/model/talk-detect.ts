import type { TimerHandle } from '@parley/ari';
import { type AudioSource, NO_AUDIO } from './audio.js';
import type { SimChannel } from './channel.js';
import type { Core } from './core.js';

/** func_talkdetect needs a few frames of sound before it calls it talking (~80 ms in the traces). */
const ONSET_MS = 80;
const DEFAULT_SILENCE_MS = 2500;
const HORIZON_MS = 24 * 3600_000;

type Found = { at: number; kind: 'started' | 'finished' } | undefined;

/**
 * TALK_DETECT(set) on one channel: the DSP reads the frames arriving from the channel. Silence is
 * counted in frames, so it only accumulates while frames flow: after a prompt on an idle Local
 * channel nothing flows and Finished waits (talk-detect trace). Finished comes once the silence
 * reaches the threshold, with `duration` = (Finished − Started) − threshold, as Asterisk reports it.
 */
interface DetectorHooks {
  /** Recording silence detection counts silence from the start, talking or not. */
  requireTalk: boolean;
  started(): void;
  finished(durationMs: number): void;
}

class TalkDetector {
  silenceMs = DEFAULT_SILENCE_MS;
  #source: AudioSource = NO_AUDIO;
  #last: number;
  #talking = false;
  #talkStart = 0;
  #quiet = 0;
  #soundSince: number | undefined;
  #timer: TimerHandle | undefined;
  #stopped = false;

  constructor(
    readonly core: Core,
    readonly read: () => AudioSource,
    readonly hooks: DetectorHooks,
  ) {
    this.#last = core.now();
  }

  /** Replays [last, to) on the source captured last time; emits what happens exactly at `to`. */
  #walk(to: number, emit: boolean): Found {
    let t = this.#last;
    const talking = this.#talking;
    let quiet = this.#quiet;
    let soundSince = this.#soundSince;
    let found: Found;
    while (t < to && !found) {
      const s = this.#source(t);
      const end = Math.min(s.until, to);
      if (!s.flowing) soundSince = undefined;
      else if (s.audible) {
        quiet = 0;
        soundSince ??= t;
        if (!talking && end - soundSince >= ONSET_MS) found = { at: soundSince + ONSET_MS, kind: 'started' };
      } else {
        soundSince = undefined;
        if (talking && quiet + (end - t) >= this.silenceMs)
          found = { at: t + (this.silenceMs - quiet), kind: 'finished' };
        else if (talking) quiet += end - t;
      }
      if (found) break;
      t = Math.max(end, t + 1e-9);
    }
    if (emit) {
      this.#last = Math.min(found?.at ?? to, to);
      this.#quiet = quiet;
      this.#soundSince = soundSince;
      if (found) this.#fire(found);
    }
    return found;
  }

  #fire(found: NonNullable<Found>): void {
    if (found.kind === 'started') {
      this.#talking = true;
      this.#talkStart = found.at;
      this.#quiet = 0;
      this.hooks.started();
    } else {
      this.#talking = false;
      this.#quiet = 0;
      this.hooks.finished(Math.round(found.at - this.#talkStart - this.silenceMs));
    }
  }

  /** Brings the state up to now on the old source, then follows the new one. */
  refresh(): void {
    const now = this.core.now();
    while (!this.#stopped && this.#walk(now, true)) {
      // each event found before `now` has been emitted; keep replaying the rest of the stretch
    }
    this.core.cancel(this.#timer);
    if (this.#stopped) return;
    this.#source = this.read();
    const saved = this.#last;
    const next = this.#walk(now + HORIZON_MS, false);
    this.#last = saved;
    if (next) this.#timer = this.core.after(Math.max(0, next.at - now), () => this.refresh());
  }

  stop(): void {
    this.#stopped = true;
    this.core.cancel(this.#timer);
  }
}

export class TalkDetectors {
  readonly #detectors = new Map<string, TalkDetector>();
  readonly #watches = new Set<TalkDetector>();

  constructor(
    readonly core: Core,
    readonly readSource: (chan: SimChannel) => AudioSource,
  ) {}

  /** `TALK_DETECT(set)=[silence[,talk]]` / `TALK_DETECT(remove)=`. */
  configure(chan: SimChannel, args: string, value: string): boolean {
    if (args === 'remove') {
      this.#detectors.get(chan.id)?.stop();
      this.#detectors.delete(chan.id);
      return true;
    }
    if (args !== 'set') return false;
    const silence = value.split(',')[0]?.trim();
    if (silence && !/^\d+$/.test(silence)) return false;
    let detector = this.#detectors.get(chan.id);
    if (!detector) {
      detector = new TalkDetector(this.core, () => this.readSource(chan), {
        requireTalk: true,
        started: () => this.core.publishChannel(chan, 'ChannelTalkingStarted'),
        finished: (duration) => this.core.publishChannel(chan, 'ChannelTalkingFinished', { duration }),
      });
      this.#detectors.set(chan.id, detector);
    } else detector.refresh();
    detector.silenceMs = silence ? Number(silence) : DEFAULT_SILENCE_MS;
    detector.refresh();
    return true;
  }

  /**
   * A recording's maxSilenceSeconds: `onSilence` runs once `ms` of silent frames have been read
   * from the channel. Like the recorder's DSP, no frames means no silence. Returns the cancel.
   */
  watchSilence(chan: SimChannel, ms: number, onSilence: () => void): () => void {
    const watch = new TalkDetector(this.core, () => this.readSource(chan), {
      requireTalk: false,
      started: () => {},
      finished: () => {
        stop();
        onSilence();
      },
    });
    const stop = () => {
      watch.stop();
      this.#watches.delete(watch);
    };
    watch.silenceMs = ms;
    this.#watches.add(watch);
    watch.refresh();
    return stop;
  }

  /** Something changed what some channel hears: every detector catches up and re-plans. */
  audioChanged(): void {
    for (const detector of this.#detectors.values()) detector.refresh();
    for (const watch of [...this.#watches]) watch.refresh();
  }

  remove(chan: SimChannel): void {
    this.#detectors.get(chan.id)?.stop();
    this.#detectors.delete(chan.id);
  }
}
