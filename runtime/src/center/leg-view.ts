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
 * A call as one contact segment sees it: media goes to the phone behind it (`inner`, once there is
 * one), but the segment's end is its own, so ending the segment need not hang up that phone, and a
 * phone not there yet plays nothing. What SegmentLeg and PendingLeg share.
 */
export abstract class LegView implements CallPort {
  protected readonly ending = new CallEnding();

  /** The phone behind the view; undefined until it is reached. */
  protected abstract get inner(): CallPort | undefined;
  abstract get channelId(): string;
  abstract get from(): string;
  abstract get to(): string;
  abstract hangup(reason?: HangupReason): Promise<void>;

  get ended(): CallEnd | undefined {
    return this.ending.ended;
  }

  answer(): Promise<void> {
    return Promise.resolve();
  }
  play(media: readonly string[], options?: PlayOptions): Promise<PlayOutcome> {
    if (this.ended) return Promise.resolve({ status: 'hungup' });
    return this.inner ? this.inner.play(media, options) : Promise.resolve({ status: 'failed' });
  }
  collectDigits(options: CollectOptions): Promise<CollectOutcome> {
    if (this.ended) return Promise.resolve({ status: 'hungup' });
    return this.inner ? this.inner.collectDigits(options) : Promise.resolve({ status: 'failed' });
  }
  listen(options: ListenOptions): Promise<ListenOutcome> {
    if (this.ended) return Promise.resolve({ status: 'hungup' });
    return this.inner?.listen ? this.inner.listen(options) : Promise.resolve({ status: 'failed' });
  }
  async sendDtmf(digits: string): Promise<void> {
    await this.inner?.sendDtmf(digits);
  }
  async startMusicOnHold(mohClass?: string): Promise<void> {
    if (!this.ended) await this.inner?.startMusicOnHold(mohClass);
  }
  async stopMusicOnHold(): Promise<void> {
    await this.inner?.stopMusicOnHold();
  }
  onEnd(listener: (end: CallEnd) => void): () => void {
    return this.ending.onEnd(listener);
  }
}
