import { type Clock, withTimeout } from '@parley/ari';

/** How long a block waits for its contact's checkpoint to be stored (see CheckpointWait). */
export const CHECKPOINT_WAIT_MS = 1000;

/**
 * Bounds how long blocks wait for their checkpoints (a block's flow-log entries, then the snapshot
 * saying it ran). A store that stops answering must not hold every caller in silence: a network
 * partition leaves PostgreSQL's sockets hanging rather than refused, for as long as TCP retries.
 * Past `maxWaitMs` the block runs and the write goes on; and while a write has been open that long
 * the store is stalled, so blocks do not wait at all rather than each paying the full wait. A worker
 * that takes the calls over meanwhile repeats the blocks since the last checkpoint that landed.
 */
export class CheckpointWait {
  /** When each write still open began; a Set keeps insertion order, so the first is the oldest. */
  readonly #open = new Set<{ at: number }>();

  constructor(
    private readonly clock: Clock,
    private readonly maxWaitMs = CHECKPOINT_WAIT_MS,
  ) {}

  /** Settles when `write` does, or once it is clear the store will not answer in time; never rejects. */
  wait(write: Promise<void>): Promise<void> {
    const stalled = this.stalled;
    const opened = { at: this.clock.now() };
    this.#open.add(opened);
    const settled = write.then(
      () => undefined,
      () => undefined,
    );
    void settled.then(() => this.#open.delete(opened));
    if (stalled) return Promise.resolve();
    return withTimeout(settled, this.clock, this.maxWaitMs, () => new Error('checkpoint wait over')).catch(
      () => undefined,
    );
  }

  /** Whether the store has left a write unanswered for as long as a block waits. */
  get stalled(): boolean {
    const oldest = this.#open.values().next().value;
    return oldest !== undefined && this.clock.now() - oldest.at >= this.maxWaitMs;
  }
}
