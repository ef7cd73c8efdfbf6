import { join } from 'node:path';
import type { TimerHandle } from '@parley/ari';
import type { SimChannel } from './channel.js';
import type { Core } from './core.js';
import { type Failure, fail } from './failure.js';
import type { Clip } from './media.js';
import { RecordingStore, recordedFrames, type StoredFile, silentAudio } from './recording-files.js';

export interface RecordingOptions {
  name: string;
  format: string;
  targetUri: string;
  maxDurationSeconds: number;
  maxSilenceSeconds: number;
  ifExists: 'fail' | 'overwrite' | 'append';
  beep: boolean;
  terminateOn: 'none' | 'any' | '*' | '#';
}

type State = 'queued' | 'recording' | 'paused' | 'done' | 'failed' | 'canceled';

/** Where a recording's events go: the channel's subscribers, or the bridge's. */
export type Publish = (type: string, body: object) => void;

/**
 * One live recording (res_stasis_recording.c). It holds its channel's command queue from start
 * to end; its duration counts recorded time only (not paused time), reported in whole seconds.
 */
export class LiveRecording {
  state: State = 'queued';
  cause: string | undefined;
  muted = false;
  #recordedMs = 0;
  #since = 0;
  #timers: TimerHandle[] = [];
  #maxTimer: TimerHandle | undefined;
  #unwatch: (() => void) | undefined;
  #done: (() => void) | undefined;

  constructor(
    readonly core: Core,
    readonly registry: RecordingRegistry,
    readonly chan: SimChannel,
    readonly options: RecordingOptions,
    readonly path: string,
    readonly publish: Publish,
  ) {}

  get name(): string {
    return this.options.name;
  }

  toJson(withDuration = false) {
    return {
      name: this.name,
      format: this.options.format,
      state: this.state,
      target_uri: this.options.targetUri,
      ...(withDuration ? { duration: Math.floor(this.#elapsed() / 1000) } : {}),
    };
  }

  #elapsed(): number {
    return this.#recordedMs + (this.state === 'recording' ? this.core.now() - this.#since : 0);
  }

  /** The command reaches the front of the queue: optional beep, then RecordingStarted. */
  run(done: () => void): void {
    this.#done = done;
    if (this.state !== 'queued') {
      this.#end();
      return;
    }
    if (!this.options.beep) {
      this.#begin();
      return;
    }
    const beep = this.core.media.sound('beep', this.chan.language)?.durationMs ?? 0;
    this.#timers.push(this.core.after(beep, () => this.#begin()));
  }

  #begin(): void {
    if (this.state !== 'queued') return;
    this.state = 'recording';
    this.#since = this.core.now();
    this.publish('RecordingStarted', { recording: this.toJson() });
    this.#armMaxDuration();
    const silence = this.options.maxSilenceSeconds;
    if (silence > 0)
      this.#unwatch = this.core.talk.watchSilence(this.chan, silence * 1000, () => this.stop());
  }

  /** maxDurationSeconds counts recorded time: a pause holds it. */
  #armMaxDuration(): void {
    this.core.cancel(this.#maxTimer);
    const max = this.options.maxDurationSeconds;
    if (max > 0 && this.state === 'recording') {
      this.#maxTimer = this.core.after(Math.max(0, max * 1000 - this.#elapsed()), () => this.stop());
    }
  }

  fail(cause: string): void {
    this.state = 'failed';
    this.cause = cause;
    // The cause travels in the event only; `GET` and the REST reply show none (recording trace).
    this.publish('RecordingFailed', { recording: { ...this.toJson(), cause } });
    this.registry.forget(this);
    this.#end();
  }

  /** Stop and keep: the file is written and RecordingFinished carries the duration. */
  stop(): void {
    if (this.state !== 'recording' && this.state !== 'paused' && this.state !== 'queued') return;
    const ms = this.#elapsed();
    const started = this.state !== 'queued';
    this.#recordedMs = ms;
    this.state = 'done';
    if (started) this.#write(ms);
    this.publish('RecordingFinished', { recording: this.toJson(true) });
    this.registry.forget(this);
    this.#end();
  }

  /** The channel left Stasis before the recording started: the command is dropped, unannounced. */
  discard(): void {
    this.state = 'canceled';
    this.registry.forget(this);
    this.#end();
  }

  /** `DELETE /recordings/live/{name}`: stop and throw the file away. */
  cancel(): void {
    this.state = 'canceled';
    this.registry.store.remove(this.path);
    this.publish('RecordingFinished', { recording: this.toJson() });
    this.registry.forget(this);
    this.#end();
  }

  pause(paused: boolean): boolean {
    if (this.state !== 'recording' && this.state !== 'paused') return false;
    if (paused && this.state === 'recording') {
      this.#recordedMs = this.#elapsed();
      this.state = 'paused';
    } else if (!paused && this.state === 'paused') {
      this.state = 'recording';
      this.#since = this.core.now();
    }
    this.#armMaxDuration();
    return true;
  }

  mute(on: boolean): boolean {
    if (this.state !== 'recording' && this.state !== 'paused') return false;
    this.muted = on;
    return true;
  }

  /** `terminateOn`: a matching key read on the recorded channel ends the recording. */
  dtmf(digit: string): void {
    const on = this.options.terminateOn;
    if (this.state === 'recording' && (on === 'any' || on === digit)) this.stop();
  }

  #write(ms: number): void {
    const existing = this.options.ifExists === 'append' ? this.registry.store.read(this.path) : undefined;
    this.registry.store.write(this.path, silentAudio(this.options.format, recordedFrames(ms), existing));
  }

  #end(): void {
    for (const timer of this.#timers) this.core.cancel(timer);
    this.#timers = [];
    this.core.cancel(this.#maxTimer);
    this.#unwatch?.();
    this.#unwatch = undefined;
    const done = this.#done;
    this.#done = undefined;
    done?.();
  }
}

export class RecordingRegistry {
  readonly store: RecordingStore;
  readonly #live = new Map<string, LiveRecording>();

  constructor(readonly core: Core) {
    this.store = new RecordingStore(join(core.config.spoolDir, 'recording'));
  }

  live(name: string): LiveRecording | undefined {
    return this.#live.get(name);
  }

  forget(recording: LiveRecording): void {
    if (this.#live.get(recording.name) === recording) this.#live.delete(recording.name);
  }

  /** stasis_app_control_record's checks, in its order; the recording is queued on `chan`. */
  create(chan: SimChannel, options: RecordingOptions, publish: Publish): LiveRecording | Failure {
    const path = this.store.pathFor(options.name, options.format);
    if (!path) return fail(400, 'Recording name invalid');
    if (!this.store.exists()) return fail(500, 'Internal Server Error');
    const taken = this.#live.has(options.name) || this.store.read(path) !== undefined;
    if (taken && options.ifExists === 'fail') {
      return fail(409, `Recording '${options.name}' already exists and can not be overwritten`);
    }
    const recording = new LiveRecording(this.core, this, chan, options, path, publish);
    this.#live.set(options.name, recording);
    return recording;
  }

  /** A recorded channel hung up: its recordings end as if stopped. */
  channelGone(chan: SimChannel): void {
    for (const recording of [...this.#live.values()]) if (recording.chan === chan) recording.stop();
  }

  dtmf(chan: SimChannel, digit: string): void {
    for (const recording of [...this.#live.values()]) if (recording.chan === chan) recording.dtmf(digit);
  }

  isRecording(chan: SimChannel): boolean {
    return [...this.#live.values()].some(
      (r) => r.chan === chan && (r.state === 'recording' || r.state === 'paused'),
    );
  }

  stored(name: string): StoredFile | undefined {
    return this.store.find(name);
  }

  storedClip(name: string): Clip | undefined {
    const file = this.store.find(name);
    return file ? this.core.media.file(file.path) : undefined;
  }
}
