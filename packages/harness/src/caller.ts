import type { AriClient, AriEvent, Clock } from '@parley/ari';
import { Leg, type WaitOptions } from './leg.js';

/**
 * The ARI user event that carries a caller's words to the runtime (docs/asterisk/README.md): a
 * Local channel has no speech recognition, so the test caller sends the text itself.
 */
export const SPEECH_EVENT = 'ParleySpeech';

/**
 * The customer's phone: the `;1` half of a Local pair whose `;2` half runs the dialplan into the
 * runtime. It enters the harness's app when the runtime answers.
 */
export class CallerLeg extends Leg {
  /** The call's id in the harness (`appArgs` = `caller,<id>`). */
  readonly id: string;
  /** The `;2` half the runtime controls; known in advance through `otherChannelId`. */
  readonly runtimeChannelId: string;
  /** The runtime's Stasis app, which `say` addresses. */
  readonly runtimeApp: string;
  /** Prompts the runtime is playing to the caller, seen on the `;2` half the harness is subscribed to. */
  readonly #playing = new Set<string>();
  /** The current burst of audio comes from a prompt (rather than hold music or a bridged party). */
  #promptAudio = false;

  constructor(
    ari: AriClient,
    clock: Clock,
    id: string,
    channelId: string,
    runtimeChannelId: string,
    runtimeApp = 'parley',
  ) {
    super(ari, channelId, clock);
    this.id = id;
    this.runtimeChannelId = runtimeChannelId;
    this.runtimeApp = runtimeApp;
    // Originating a Local pair subscribes the harness to both halves, so it sees the runtime's
    // playbacks; they end "talking" where talk detection cannot (no frames flow after a prompt).
    this.onDispose(ari.on('PlaybackStarted', (e) => this.#playback(e)));
    this.onDispose(ari.on('PlaybackFinished', (e) => this.#playback(e)));
  }

  /** Resolves once the runtime has answered (the `;1` half entered the harness's app). */
  async answered(timeoutMs = 10_000): Promise<void> {
    await this.until(() => this.inStasis || this.hungUp, 'answer', { timeoutMs });
    if (!this.inStasis)
      throw new Error(`${this.channelId}: the runtime hung up without answering (cause ${this.cause})`);
    // 500 ms silence threshold instead of 2.5 s, so `waitForSilence` settles quickly.
    await this.ari.channels.setChannelVar({
      channelId: this.channelId,
      variable: 'TALK_DETECT(set)',
      value: '500',
    });
  }

  /**
   * Speaks `text` to the runtime: a `ParleySpeech` user event for the runtime's app about its half
   * of the call, `{ text }` in the variables. Works the same on ari-sim and Asterisk.
   */
  async say(text: string): Promise<void> {
    await this.ari.events.userEvent({
      eventName: SPEECH_EVENT,
      application: this.runtimeApp,
      source: `channel:${this.runtimeChannelId}`,
      variables: { text },
    });
  }

  /** Prompt ids currently playing to the caller. */
  get prompts(): string[] {
    return [...this.#playing];
  }

  /**
   * Talk detection only reports the end of audio while frames flow, and none flow on a Local
   * channel once a prompt ends; so audio that came from the runtime's prompts ends when they do.
   */
  override waitForSilence(options: WaitOptions = {}): Promise<void> {
    return this.until(
      () => !this.talking || (this.#playing.size === 0 && this.#promptAudio),
      'silence',
      options,
    );
  }

  protected override observe(event: AriEvent): void {
    if (event.type === 'ChannelTalkingStarted') this.#promptAudio = this.#playing.size > 0;
    super.observe(event);
  }

  #playback(event: AriEvent & { playback: { id: string; target_uri: string } }): void {
    if (event.playback.target_uri !== `channel:${this.runtimeChannelId}`) return;
    if (event.type === 'PlaybackStarted') {
      this.#playing.add(event.playback.id);
      // Talk detection reports ~80 ms after audio starts; a prompt that started is audio already.
      this.#promptAudio = true;
    } else this.#playing.delete(event.playback.id);
    this.settle();
  }
}
