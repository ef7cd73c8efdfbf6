import { type AriClient, AriError, type AriEvent, type Clock, ignoreGone } from '@parley/ari';
import { createAppBridge } from './bridges.js';
import { CallEnding } from './call-end.js';
import type {
  CallEnd,
  CallPort,
  CollectOptions,
  CollectOutcome,
  HangupReason,
  ListenOptions,
  ListenOutcome,
  PlayOptions,
  PlayOutcome,
  TransferOptions,
  TransferOutcome,
} from './port.js';
import { type RecordingStart, startSnoopRecording, stopSnoopRecording } from './recorder.js';

/**
 * Where external numbers are dialled unless told otherwise: the test dialplan's PSTN
 * (docs/asterisk/etc/extensions.conf), which ari-sim and the harness answer. Production configures a
 * trunk, e.g. `PJSIP/{number}@trunk`.
 */
export const DEFAULT_PSTN_ENDPOINT = 'Local/{number}@test-pstn/n';

export interface AriCallOptions {
  /** Endpoint template for external numbers; `{number}` becomes the E.164 number. */
  pstnEndpoint?: string;
}

/** A `,` in keys sent to a third party pauses this long, as a dialler's pause does. */
const DTMF_PAUSE_MS = 500;

/**
 * The ARI user event that carries a caller's words (`userevent.text`) on a call without speech
 * recognition, such as the test harness's Local channels (docs/asterisk/README.md).
 */
export const SPEECH_EVENT = 'ParleySpeech';
/** Lex V2's DTMF defaults: input ends 5 s after the last key, at most 1024 keys. */
const DEFAULT_DTMF_END_MS = 5000;
const DEFAULT_DTMF_MAX = 1024;

/** `failed`: Asterisk could not play the media; `{ failed }`: it did not carry out the command. */
type Played = 'done' | 'failed' | { failed: string } | 'stopped' | 'interrupted' | 'hungup';
type Waited = 'ok' | 'timeout' | 'hungup' | 'stopped';

/**
 * How long a command that found the channel gone waits, with the events socket up, for the news of
 * the call's end (StasisEnd is on its way in a hang-up race) before ending the call itself.
 */
const GONE_GRACE_MS = 2000;

/** The reason a call's commands are given up with: made once, as a DOMException per call costs a stack trace. */
const CALL_ENDED = new Error('the call has ended');

/**
 * One call the runtime's Stasis app owns, driven over ARI. Keys arrive as events whatever the
 * call is doing, so they go into a buffer that prompts and collects read; ARI has no "read
 * digits" call, all of it is client logic (reference ari.md §1.9). Speech arrives the same way, as
 * `ParleySpeech` user events, into a buffer of its own.
 */
export class AriCall implements CallPort {
  readonly channelId: string;
  readonly from: string;
  readonly to: string;
  readonly #ari: AriClient;
  readonly #clock: Clock;
  #digits = '';
  /** Utterances heard since the current listen began. */
  #speech: string[] = [];
  /** Which kind of input came first since the current listen began. */
  #firstInput: 'dtmf' | 'speech' | undefined;
  /** Woken on every key and on hangup; each waiter re-checks its own condition. */
  #wakers = new Set<() => void>();
  readonly #ending = new CallEnding();
  /** Aborted when the call ends: commands for it stop being tried again. */
  readonly #live = new AbortController();
  /** Options for a command that only matters while the call lasts. */
  readonly #forCall = { signal: this.#live.signal };
  #hangingUp = false;
  /**
   * Checks of what events this call waits for, run after the events socket came back: events raised
   * while it was down are lost, so each in-flight wait asks Asterisk where things stand instead.
   */
  readonly #resyncs = new Set<() => Promise<void>>();
  /** How many resynchronisations this call has had; waits for the next one watch it change. */
  #resynced = 0;
  readonly #off: () => void;
  readonly #pstnEndpoint: string;

  constructor(
    ari: AriClient,
    clock: Clock,
    channel: { id: string; caller: { number: string }; dialplan: { exten: string } },
    options: AriCallOptions = {},
  ) {
    this.#ari = ari;
    this.#clock = clock;
    this.#pstnEndpoint = options.pstnEndpoint ?? DEFAULT_PSTN_ENDPOINT;
    this.channelId = channel.id;
    this.from = channel.caller.number;
    this.to = channel.dialplan.exten;
    this.#off = ari.onChannel(channel.id, (event) => this.#observe(event));
    // First listener: waits inside the call see the end before anyone told of it acts.
    this.#ending.onEnd(() => {
      this.#live.abort(CALL_ENDED);
      this.#wake();
    });
  }

  async answer(): Promise<void> {
    try {
      await this.#ari.channels.answer({ channelId: this.channelId }, this.#forCall);
    } catch (error) {
      if (this.ended) return;
      // The caller hung up first: resolve once the call has ended, so whoever answers sees that.
      if (!isGone(error)) throw error;
      await this.#goneNews();
    }
  }

  async play(media: readonly string[], options: PlayOptions = {}): Promise<PlayOutcome> {
    const heardBefore = this.#digits.length;
    const played = await this.#play(
      media,
      options.interruptible ? () => this.#digits.length > heardBefore : () => false,
      options.signal,
    );
    if (played === 'interrupted') return { status: 'interrupted', digit: this.#digits.charAt(heardBefore) };
    if (typeof played === 'object') return { status: 'failed', reason: played.failed };
    return { status: played };
  }

  /**
   * Plays media until it ends, `interrupted` holds, the signal aborts or the call ends. Never
   * rejects: a command Asterisk refused (after the client's retries) is a failed play, which the
   * block's error branch takes; a channel that turns out gone is a hang-up.
   */
  async #play(media: readonly string[], interrupted: () => boolean, signal?: AbortSignal): Promise<Played> {
    if (this.ended) return 'hungup';
    if (signal?.aborted) return 'stopped';
    const playbackId = this.#ari.newId('pb');
    let state: string | undefined;
    let started = false;
    // A listener rather than `waitFor`: a wait's AbortSignal costs more than the rest of a play's
    // bookkeeping, and this one is dropped in `finally` whatever happens.
    const off = this.#ari.onPlayback(playbackId, (e) => {
      if (e.type !== 'PlaybackFinished') return;
      off();
      state = e.playback.state;
      this.#wake();
    });
    // A PlaybackFinished lost while the events socket was down: a playback Asterisk no longer has is over.
    const resync = async () => {
      if (!started || state !== undefined) return;
      const found = await ignoreGone(this.#ari.playbacks.get({ playbackId }, this.#forCall));
      if (found === undefined && state === undefined) {
        state = 'done';
        this.#wake();
      }
    };
    this.#resyncs.add(resync);
    try {
      try {
        await this.#ari.channels.playWithId(
          { channelId: this.channelId, playbackId, media: [...media] },
          this.#forCall,
        );
        started = true;
      } catch (error) {
        if (this.ended) return 'hungup';
        if (isGone(error)) {
          await this.#goneNews();
          return 'hungup';
        }
        if (isUnreachable(error) && this.#ari.state !== 'open') {
          // Asterisk is out of reach, events socket included: whether the call outlived the
          // outage is known once the socket is back and the calls resynchronised.
          await this.#nextResync();
          if (this.ended) return 'hungup';
        }
        return { failed: describeFailure(error) };
      }
      let stopped = false;
      const onAbort = () => {
        stopped = true;
        this.#wake();
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      await this.#until(() => state !== undefined || stopped || !!this.ended || interrupted());
      signal?.removeEventListener('abort', onAbort);
      if (state === undefined && this.ended) return 'hungup';
      if (state === undefined) {
        // Neither DTMF nor the app's own plans stop an Asterisk playback; the app must.
        await ignoreGone(this.#ari.playbacks.stop({ playbackId })).catch(() => undefined);
        return stopped ? 'stopped' : 'interrupted';
      }
      return state === 'failed' ? 'failed' : 'done';
    } finally {
      this.#resyncs.delete(resync);
      off();
    }
  }

  async collectDigits(options: CollectOptions): Promise<CollectOutcome> {
    this.#digits = '';
    if (options.prompt?.length) {
      const played = await this.play(options.prompt, { interruptible: true });
      if (played.status === 'hungup' || played.status === 'failed') return played;
    }
    const cancel = options.cancelKey === undefined ? '*' : options.cancelKey;
    const terminators = options.terminators ?? '';
    let entered = '';
    let read = 0;
    let waitMs = options.firstDigitTimeoutMs;
    for (;;) {
      const got = await this.#nextKey(read, waitMs);
      if (got === 'hungup') return { status: 'hungup' };
      if (got === 'timeout')
        return entered ? { status: 'digits', digits: entered, ended: 'interdigit' } : { status: 'timeout' };
      read++;
      if (terminators.includes(got)) {
        if (entered) return { status: 'digits', digits: entered, ended: 'terminator' };
        continue;
      }
      if (cancel && got === cancel) entered = '';
      else entered += got;
      if (entered.length >= options.maxDigits) return { status: 'digits', digits: entered, ended: 'max' };
      waitMs = options.interDigitTimeoutMs;
    }
  }

  /**
   * One caller turn for a bot. The prompt stops at the first key or utterance, which counts; the
   * start timeout runs from the prompt's end. Speech goes on while utterances keep coming within
   * the end timeout (they are joined); keys go on until the terminator, the DTMF end timeout or
   * the maximum.
   */
  async listen(options: ListenOptions): Promise<ListenOutcome> {
    if (this.ended) return { status: 'hungup' };
    if (options.signal?.aborted) return { status: 'stopped' };
    this.#digits = '';
    this.#speech = [];
    this.#firstInput = undefined;
    const heard = () => this.#firstInput !== undefined;
    if (options.prompt?.length) {
      const played = await this.#play(options.prompt, heard, options.signal);
      if (typeof played === 'object' || played === 'failed') return { status: 'failed' };
      if (played === 'hungup' || played === 'stopped') return { status: played };
    }
    const first = await this.#wait(heard, options.startTimeoutMs, options.signal);
    if (first !== 'ok') return { status: first };
    if (this.#firstInput === 'speech') {
      for (;;) {
        const count = this.#speech.length;
        const more = await this.#wait(
          () => this.#speech.length > count,
          options.endTimeoutMs,
          options.signal,
        );
        if (more === 'hungup' || more === 'stopped') return { status: more };
        if (more === 'timeout') return { status: 'speech', text: this.#speech.join(' ') };
      }
    }
    const terminator = options.dtmfTerminator ?? '#';
    const max = options.maxDigits ?? DEFAULT_DTMF_MAX;
    const endMs = options.dtmfEndTimeoutMs ?? DEFAULT_DTMF_END_MS;
    let entered = '';
    for (let read = 0; ; read++) {
      const got = await this.#wait(() => this.#digits.length > read, endMs, options.signal);
      if (got === 'hungup' || got === 'stopped') return { status: got };
      if (got === 'timeout') return { status: 'dtmf', digits: entered };
      const key = this.#digits.charAt(read);
      if (key === terminator) return { status: 'dtmf', digits: entered };
      entered += key;
      if (entered.length >= max) return { status: 'dtmf', digits: entered };
    }
  }

  startRecording(name: string): Promise<RecordingStart> {
    return startSnoopRecording(this.#ari, this.channelId, name);
  }

  stopRecording(name: string): Promise<void> {
    return stopSnoopRecording(this.#ari, this.channelId, name);
  }

  async sendDtmf(digits: string): Promise<void> {
    await this.#ari.channels.sendDTMF({ channelId: this.channelId, dtmf: digits }, this.#forCall);
  }

  async startMusicOnHold(mohClass = 'default'): Promise<void> {
    await this.#ari.channels.startMoh({ channelId: this.channelId, mohClass }, this.#forCall);
  }

  async stopMusicOnHold(): Promise<void> {
    await ignoreGone(this.#ari.channels.stopMoh({ channelId: this.channelId }));
  }

  async hangup(reason: HangupReason = 'normal'): Promise<void> {
    if (this.ended || this.#hangingUp) return;
    this.#hangingUp = true;
    try {
      // 404: the caller hung up first; the call is over either way.
      await ignoreGone(this.#ari.channels.hangup({ channelId: this.channelId, reason }));
    } catch (error) {
      // Still up: a later hang-up must be tried, and the caller's own hang-up is still the caller's.
      this.#hangingUp = false;
      throw error;
    }
  }

  /**
   * Originates the number into this app, bridges it with the caller in a mixing bridge once it
   * answers (ari.md §1.9, "Transfer to agent or external number"), and waits for either side to
   * leave. The far leg never outlives the transfer: it is hung up when the caller goes first.
   */
  async transferToNumber(e164: string, options: TransferOptions): Promise<TransferOutcome> {
    if (this.ended) return 'failed';
    const farId = this.#ari.newId('xfer');
    let answered = false;
    let gone = false;
    let cause: number | undefined;
    let dialStatus = '';
    let originated = false;
    const off = this.#ari.onChannel(farId, (event) => {
      if (event.type === 'StasisStart') answered = true;
      else if (event.type === 'Dial' && event.dialstatus) dialStatus = event.dialstatus;
      else if (event.type === 'ChannelDestroyed') {
        gone = true;
        cause = event.cause;
      } else return;
      this.#wake();
    });
    // The far leg's answer or end may have been raised while the events socket was down.
    const resync = async () => {
      if (!originated || gone) return;
      const far = await ignoreGone(this.#ari.channels.get({ channelId: farId }));
      if (far === undefined) gone = true;
      else if (far.state === 'Up') answered = true;
      this.#wake();
    };
    this.#resyncs.add(resync);
    let bridgeId: string | undefined;
    try {
      await this.#ari.channels.originate({
        endpoint: this.#pstnEndpoint.replaceAll('{number}', e164),
        app: this.#ari.apps[0] ?? '',
        appArgs: `transfer,${this.channelId}`,
        ...(options.callerId ? { callerId: options.callerId } : {}),
        timeout: Math.max(1, Math.round(options.timeoutSeconds)),
        channelId: farId,
      });
      originated = true;
      await this.#until(() => answered || gone || !!this.ended);
      if (!answered) return this.ended ? 'failed' : dialFailure(cause, dialStatus);
      if (!this.ended && !gone) {
        bridgeId = await createAppBridge(this.#ari, 'br');
        await this.#ari.bridges.addChannel({ bridgeId, channel: [this.channelId, farId] });
        if (options.dtmf) void this.#sendKeys(farId, options.dtmf, () => gone || !!this.ended);
        await this.#until(() => gone || !!this.ended);
      }
      return 'answered';
    } catch {
      return answered ? 'answered' : 'failed';
    } finally {
      off();
      this.#resyncs.delete(resync);
      if (!gone) await ignoreGone(this.#ari.channels.hangup({ channelId: farId })).catch(() => {});
      if (bridgeId) await ignoreGone(this.#ari.bridges.destroy({ bridgeId })).catch(() => {});
    }
  }

  /** Keys to a third party, `,` pausing; stops when the conversation ends. */
  async #sendKeys(channelId: string, keys: string, over: () => boolean): Promise<void> {
    for (const [i, part] of keys.split(',').entries()) {
      if (i > 0) await new Promise<void>((resolve) => this.#clock.setTimeout(resolve, DTMF_PAUSE_MS));
      if (over()) return;
      if (part) await ignoreGone(this.#ari.channels.sendDTMF({ channelId, dtmf: part })).catch(() => {});
    }
  }

  get ended(): CallEnd | undefined {
    return this.#ending.ended;
  }

  onEnd(listener: (end: CallEnd) => void): () => void {
    return this.#ending.onEnd(listener);
  }

  /**
   * The channel vanished while events were lost (socket down): the call ends as the caller's, with
   * `cause` when the runtime knows better (Asterisk restarted: the network, not the caller, ended it).
   */
  markGone(cause?: number): void {
    this.#end({ cause, by: 'caller' });
  }

  /**
   * The events socket is back and the channel is still there: every wait asks Asterisk about what
   * it may have missed meanwhile. Never rejects; a check that fails leaves its wait as it was.
   */
  async resync(): Promise<void> {
    this.#resynced++;
    this.#wake();
    await Promise.all([...this.#resyncs].map((check) => check().catch(() => undefined)));
  }

  /** Resolves at the call's next resynchronisation, or once it has ended. */
  #nextResync(): Promise<void> {
    const seen = this.#resynced;
    return this.#until(() => this.#resynced !== seen || !!this.ended);
  }

  /**
   * A command found the channel gone. The call's end is on its way (StasisEnd in a hang-up race, or
   * the resynchronisation once the events socket is back, which knows whether Asterisk restarted),
   * so wait for it; with the socket up and no news within a grace period, end the call here.
   */
  async #goneNews(): Promise<void> {
    if (this.ended) return;
    let waited = false;
    const tick = () => {
      if (this.#ari.state === 'open') {
        waited = true;
        this.#wake();
      } else timer = this.#clock.setTimeout(tick, GONE_GRACE_MS);
    };
    let timer = this.#clock.setTimeout(tick, GONE_GRACE_MS);
    await this.#until(() => waited || !!this.ended);
    this.#clock.clearTimeout(timer);
    if (!this.ended) this.#end({ cause: undefined, by: 'caller' });
  }

  /** Stops listening to the channel; the call object is dead afterwards. */
  dispose(): void {
    this.#off();
  }

  #observe(event: AriEvent): void {
    if (event.type === 'ChannelDtmfReceived') {
      this.#digits += event.digit;
      this.#firstInput ??= 'dtmf';
      this.#wake();
      return;
    }
    if (event.type === 'ChannelUserevent') {
      const text = event.eventname === SPEECH_EVENT ? event.userevent.text : undefined;
      if (typeof text !== 'string' || text.trim() === '') return;
      this.#speech.push(text.trim());
      this.#firstInput ??= 'speech';
      this.#wake();
      return;
    }
    if (
      event.type !== 'StasisEnd' &&
      event.type !== 'ChannelHangupRequest' &&
      event.type !== 'ChannelDestroyed'
    )
      return;
    const cause = event.type === 'StasisEnd' ? undefined : event.cause;
    this.#end({ cause: this.#hangingUp ? 16 : cause, by: this.#hangingUp ? 'runtime' : 'caller' });
  }

  #end(end: CallEnd): void {
    this.#ending.end(end);
  }

  #wake(): void {
    for (const wake of [...this.#wakers]) wake();
  }

  /** Resolves once `check` holds, re-checked on every key and on hangup. */
  #until(check: () => boolean): Promise<void> {
    if (check()) return Promise.resolve();
    return new Promise((resolve) => {
      const wake = () => {
        if (!check()) return;
        this.#wakers.delete(wake);
        resolve();
      };
      this.#wakers.add(wake);
    });
  }

  /** The key at position `index` of the buffer, waiting up to `waitMs` for it. */
  async #nextKey(index: number, waitMs: number): Promise<string | 'timeout' | 'hungup'> {
    const got = await this.#wait(() => this.#digits.length > index, waitMs);
    if (got === 'ok') return this.#digits.charAt(index);
    return got === 'hungup' ? 'hungup' : 'timeout';
  }

  /** Waits up to `waitMs` for `check` to hold; what holds wins over the call's end or the timer. */
  async #wait(check: () => boolean, waitMs: number, signal?: AbortSignal): Promise<Waited> {
    if (check()) return 'ok';
    let timedOut = false;
    let stopped = !!signal?.aborted;
    const timer = this.#clock.setTimeout(() => {
      timedOut = true;
      this.#wake();
    }, waitMs);
    const onAbort = () => {
      stopped = true;
      this.#wake();
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    await this.#until(() => check() || timedOut || stopped || !!this.ended);
    this.#clock.clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
    if (check()) return 'ok';
    if (this.ended) return 'hungup';
    return stopped ? 'stopped' : 'timeout';
  }
}

const isGone = (error: unknown): boolean => error instanceof AriError && error.isGone();
const isUnreachable = (error: unknown): boolean => error instanceof AriError && error.isTransport();

/** What the flow log says about a command that failed: Asterisk's status and words, or no answer. */
function describeFailure(error: unknown): string {
  if (!(error instanceof AriError)) return error instanceof Error ? error.message : String(error);
  if (error.code === 'HTTP')
    return `Asterisk answered ${error.status} (${error.message}) to ${error.operation}`;
  return `no answer from Asterisk to ${error.operation} (${error.message})`;
}

/** Why an originate that never answered failed, from the far leg's hangup cause (Q.850) or Dial status. */
function dialFailure(cause: number | undefined, dialStatus: string): TransferOutcome {
  if (cause === 17 || (cause === undefined && dialStatus === 'BUSY')) return 'busy';
  // 16 before an answer: the far side rang and hung up without answering.
  if (cause === 16 || cause === 18 || cause === 19 || (cause === undefined && dialStatus === 'NOANSWER'))
    return 'noAnswer';
  return 'failed';
}
