import { CallEnding } from '../telephony/call-end.js';
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
} from '../telephony/port.js';
import type { AgentLines } from './lines.js';

/**
 * The customer of an agent-dialled (OUTBOUND) contact before and after they are dialled: the
 * contact exists, and its outbound whisper flow runs, before the call is placed, which happens at
 * the flow's CompleteOutboundCall ("Call phone number", with its caller ID) or, without one, before
 * the flow. Until then the leg has no channel: prompts fail, and hanging up cancels the contact.
 */
export class PendingLeg implements CallPort {
  readonly #ending = new CallEnding();
  #call: CallPort | undefined;
  #dialling: Promise<boolean> | undefined;

  constructor(
    private readonly lines: AgentLines,
    /** The number dialled, E.164. */
    readonly to: string,
    private readonly options: { endpoint: string; ringSeconds: number; tag: string; from: string },
  ) {}

  get placed(): boolean {
    return this.#call !== undefined;
  }
  get channelId(): string {
    return this.#call?.channelId ?? '';
  }
  get from(): string {
    return this.options.from;
  }
  get ended(): CallEnd | undefined {
    return this.#ending.ended;
  }

  /** Dials the customer once (later calls share the first); true once they answered. */
  dial(callerId: string | undefined): Promise<boolean> {
    this.#dialling ??= this.#dial(callerId);
    return this.#dialling;
  }

  async #dial(callerId: string | undefined): Promise<boolean> {
    if (this.ended) return false;
    const dialled = await this.lines.dial(this.options.endpoint.replaceAll('{number}', this.to), {
      timeoutSeconds: this.options.ringSeconds,
      tag: this.options.tag,
      ...(callerId ? { callerId: `<${callerId}>` } : {}),
    });
    if (!dialled.ok) {
      this.#ending.end({ cause: dialled.reason === 'busy' ? 17 : 19, by: 'caller' });
      return false;
    }
    if (this.ended) {
      await dialled.call.hangup();
      return false;
    }
    this.#call = dialled.call;
    dialled.call.onEnd((end) => this.#ending.end(end));
    return true;
  }

  answer(): Promise<void> {
    return Promise.resolve();
  }
  play(media: readonly string[], options?: PlayOptions): Promise<PlayOutcome> {
    if (this.ended) return Promise.resolve({ status: 'hungup' });
    return this.#call ? this.#call.play(media, options) : Promise.resolve({ status: 'failed' });
  }
  collectDigits(options: CollectOptions): Promise<CollectOutcome> {
    if (this.ended) return Promise.resolve({ status: 'hungup' });
    return this.#call ? this.#call.collectDigits(options) : Promise.resolve({ status: 'failed' });
  }
  listen(options: ListenOptions): Promise<ListenOutcome> {
    if (this.ended) return Promise.resolve({ status: 'hungup' });
    return this.#call?.listen ? this.#call.listen(options) : Promise.resolve({ status: 'failed' });
  }
  async sendDtmf(digits: string): Promise<void> {
    await this.#call?.sendDtmf(digits);
  }
  async startMusicOnHold(mohClass?: string): Promise<void> {
    await this.#call?.startMusicOnHold(mohClass);
  }
  async stopMusicOnHold(): Promise<void> {
    await this.#call?.stopMusicOnHold();
  }
  async hangup(_reason?: HangupReason): Promise<void> {
    if (this.#call) return this.#call.hangup();
    this.#ending.end({ cause: 16, by: 'runtime' });
  }
  onEnd(listener: (end: CallEnd) => void): () => void {
    return this.#ending.onEnd(listener);
  }
}
