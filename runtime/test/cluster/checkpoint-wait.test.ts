import { ManualClock } from '@parley/ari';
import { describe, expect, it } from 'vitest';
import { CheckpointWait } from '../../src/cluster/checkpoint-wait.js';

/** A write the test settles by hand, as a store answers (or never does). */
function write() {
  let settle!: (error?: Error) => void;
  const promise = new Promise<void>((resolve, reject) => {
    settle = (error) => (error ? reject(error) : resolve());
  });
  return { promise, settle };
}

/** Whether `promise` has settled once the microtasks queued so far ran. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  void promise.then(() => {
    done = true;
  });
  for (let i = 0; i < 10; i++) await Promise.resolve();
  return done;
}

describe('waiting for checkpoints', () => {
  it('waits for a store that answers, and for one that refuses, as long as it answers', async () => {
    const clock = new ManualClock();
    const waits = new CheckpointWait(clock, 1000);
    const ok = write();
    const waited = waits.wait(ok.promise);
    expect(await settled(waited)).toBe(false);
    ok.settle();
    expect(await settled(waited)).toBe(true);
    const refused = write();
    const waitedRefused = waits.wait(refused.promise);
    refused.settle(new Error('store down'));
    await expect(waitedRefused).resolves.toBeUndefined();
  });

  it('lets the block run once the wait is over, and no block waits while a write stays unanswered', async () => {
    const clock = new ManualClock();
    const waits = new CheckpointWait(clock, 1000);
    const hung = write();
    const first = waits.wait(hung.promise);
    await clock.advance(999);
    expect(await settled(first)).toBe(false);
    await clock.advance(1);
    expect(await settled(first)).toBe(true);
    expect(waits.stalled).toBe(true);

    // The store is stalled: the next blocks go on at once, their writes queued behind the first.
    const next = write();
    expect(await settled(waits.wait(next.promise))).toBe(true);

    // It answers again: blocks wait for their checkpoints as before.
    hung.settle();
    next.settle();
    await settled(Promise.resolve());
    expect(waits.stalled).toBe(false);
    const later = write();
    const waitedLater = waits.wait(later.promise);
    expect(await settled(waitedLater)).toBe(false);
    later.settle();
    expect(await settled(waitedLater)).toBe(true);
  });
});
