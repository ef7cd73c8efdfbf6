import type { CallEnd, CallPort, HangupReason } from '../telephony/port.js';
import { LegView } from './leg-view.js';

/**
 * The agent's phone as the "customer" of a consult segment: the contact an agent or queue quick
 * connect creates (seed 004), whose transfer flow and whispers play to the agent who used it. The
 * segment ends without hanging up that agent: a DisconnectParticipant in the transfer flow, the
 * consult cancelled, or the consulted agent leaving all end the segment, and the agent stays on
 * their call. Until the consult is answered the agent hanging up ends it too; after, the segment
 * belongs to the consulted agent and outlives the one who started it.
 */
export class SegmentLeg extends LegView {
  #offUnderlying: () => void;

  constructor(
    readonly underlying: CallPort,
    private readonly onHangup: () => void,
  ) {
    super();
    this.#offUnderlying = underlying.onEnd((end) => this.ending.end(end));
  }

  protected get inner(): CallPort {
    return this.underlying;
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

  /** The consult was answered: the segment no longer ends with the agent who started it. */
  detach(): void {
    this.#offUnderlying();
  }

  /** The segment is over (its agent left, or the consult was cancelled). */
  finish(by: CallEnd['by'] = 'runtime'): void {
    this.#offUnderlying();
    this.ending.end({ cause: 16, by });
  }

  /** A flow disconnecting the segment ends the consult; the agent's own phone stays up. */
  async hangup(_reason?: HangupReason): Promise<void> {
    if (this.ended) return;
    await this.underlying.stopMusicOnHold().catch(() => {});
    this.finish();
    this.onHangup();
  }
}
