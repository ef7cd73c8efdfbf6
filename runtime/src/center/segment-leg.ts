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

/**
 * The agent's phone as the "customer" of a consult segment: the contact an agent or queue quick
 * connect creates (seed 004), whose transfer flow and whispers play to the agent who used it. The
 * segment ends without hanging up that agent: a DisconnectParticipant in the transfer flow, the
 * consult cancelled, or the consulted agent leaving all end the segment, and the agent stays on
 * their call. Until the consult is answered the agent hanging up ends it too; after, the segment
 * belongs to the consulted agent and outlives the one who started it.
 */
export class SegmentLeg implements CallPort {
  readonly #ending = new CallEnding();
  #offUnderlying: () => void;

  constructor(
    readonly underlying: CallPort,
    private readonly onHangup: () => void,
  ) {
    this.#offUnderlying = underlying.onEnd((end) => this.#ending.end(end));
  }

  get channelId(): string {
    return this.underlying.channelId;
  }
  get from(): string {
    return this.underlying.from;
  }
  get to(): string {
    return this.underlying.to;
  }
  get ended(): CallEnd | undefined {
    return this.#ending.ended;
  }

  /** The consult was answered: the segment no longer ends with the agent who started it. */
  detach(): void {
    this.#offUnderlying();
  }

  /** The segment is over (its agent left, or the consult was cancelled). */
  finish(by: CallEnd['by'] = 'runtime'): void {
    this.#offUnderlying();
    this.#ending.end({ cause: 16, by });
  }

  answer(): Promise<void> {
    return Promise.resolve();
  }
  play(media: readonly string[], options?: PlayOptions): Promise<PlayOutcome> {
    if (this.ended) return Promise.resolve({ status: 'hungup' });
    return this.underlying.play(media, options);
  }
  collectDigits(options: CollectOptions): Promise<CollectOutcome> {
    if (this.ended) return Promise.resolve({ status: 'hungup' });
    return this.underlying.collectDigits(options);
  }
  listen(options: ListenOptions): Promise<ListenOutcome> {
    if (this.ended) return Promise.resolve({ status: 'hungup' });
    return this.underlying.listen ? this.underlying.listen(options) : Promise.resolve({ status: 'failed' });
  }
  sendDtmf(digits: string): Promise<void> {
    return this.underlying.sendDtmf(digits);
  }
  startMusicOnHold(mohClass?: string): Promise<void> {
    return this.ended ? Promise.resolve() : this.underlying.startMusicOnHold(mohClass);
  }
  stopMusicOnHold(): Promise<void> {
    return this.underlying.stopMusicOnHold();
  }
  /** A flow disconnecting the segment ends the consult; the agent's own phone stays up. */
  async hangup(_reason?: HangupReason): Promise<void> {
    if (this.ended) return;
    await this.underlying.stopMusicOnHold().catch(() => {});
    this.finish();
    this.onHangup();
  }
  onEnd(listener: (end: CallEnd) => void): () => void {
    return this.#ending.onEnd(listener);
  }
}
