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
class TalkDetector {
  silenceMs = DEFAULT_SILENCE_MS;
  #source: AudioSource = NO_AUDIO;
  #last: number;
  #talking = false;
  #talkStart = 0;
  #quiet = 0;
  #soundSince: number | undefined;
  #timer: TimerHandle | undefined;

  constructor(
    readonly core: Core,
    readonly chan: SimChannel,
    readonly read: () => AudioSource,
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
      this.core.publishChannel(this.chan, 'ChannelTalkingStarted');
    } else {
      this.#talking = false;
      this.#quiet = 0;
      const duration = Math.round(found.at - this.#talkStart - this.silenceMs);
      this.core.publishChannel(this.chan, 'ChannelTalkingFinished', { duration });
    }
  }

  /** Brings the state up to now on the old source, then follows the new one. */
  refresh(): void {
    const now = this.core.now();
    while (this.#walk(now, true)) {
      // each event found before `now` has been emitted; keep replaying the rest of the stretch
    }
    this.#source = this.read();
    this.core.cancel(this.#timer);
    const saved = this.#last;
    const next = this.#walk(now + HORIZON_MS, false);
    this.#last = saved;
    if (next) this.#timer = this.core.after(Math.max(0, next.at - now), () => this.refresh());
  }

  stop(): void {
    this.core.cancel(this.#timer);
  }
}

export class TalkDetectors {
  readonly #detectors = new Map<string, TalkDetector>();

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
      detector = new TalkDetector(this.core, chan, () => this.readSource(chan));
      this.#detectors.set(chan.id, detector);
    } else detector.refresh();
    detector.silenceMs = silence ? Number(silence) : DEFAULT_SILENCE_MS;
    detector.refresh();
    return true;
  }

  /** Something changed what some channel hears: every detector catches up and re-plans. */
  audioChanged(): void {
    for (const detector of this.#detectors.values()) detector.refresh();
  }

  remove(chan: SimChannel): void {
    this.#detectors.get(chan.id)?.stop();
    this.#detectors.delete(chan.id);
  }
}
