import { describe, expect, it } from 'vitest';
import { ManualClock, systemClock } from '../src/index.js';

describe('ManualClock', () => {
  it('fires timers in due order, whatever order they were created in', async () => {
    const clock = new ManualClock(0);
    const fired: string[] = [];
    clock.setTimeout(() => fired.push('c'), 30);
    clock.setTimeout(() => fired.push('a'), 10);
    clock.setTimeout(() => fired.push('b'), 20);
    await clock.advance(30);
    expect(fired).toEqual(['a', 'b', 'c']);
  });

  it('fires timers due at the same time in creation order', async () => {
    const clock = new ManualClock(0);
    const fired: number[] = [];
    for (let i = 0; i < 10; i++) clock.setTimeout(() => fired.push(i), 5);
    await clock.advance(5);
    expect(fired).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('shows each timer its own due time as now', async () => {
    const clock = new ManualClock(1000);
    const seen: number[] = [];
    clock.setTimeout(() => seen.push(clock.now()), 7);
    clock.setTimeout(() => seen.push(clock.now()), 3);
    await clock.advance(100);
    expect(seen).toEqual([1003, 1007]);
    expect(clock.now()).toBe(1100);
  });

  it('does not fire a timer before it is due', async () => {
    const clock = new ManualClock(0);
    let fired = false;
    clock.setTimeout(() => {
      fired = true;
    }, 10);
    await clock.advance(9);
    expect(fired).toBe(false);
    await clock.advance(1);
    expect(fired).toBe(true);
  });

  it('never fires a cancelled timer and stops counting it', async () => {
    const clock = new ManualClock(0);
    const fired: string[] = [];
    const handle = clock.setTimeout(() => fired.push('cancelled'), 5);
    clock.setTimeout(() => fired.push('kept'), 5);
    expect(clock.pendingTimers).toBe(2);
    clock.clearTimeout(handle);
    expect(clock.pendingTimers).toBe(1);
    await clock.runAll();
    expect(fired).toEqual(['kept']);
    expect(clock.pendingTimers).toBe(0);
  });

  it('lets a timer cancel a later one', async () => {
    const clock = new ManualClock(0);
    const fired: string[] = [];
    const later = clock.setTimeout(() => fired.push('later'), 20);
    clock.setTimeout(() => clock.clearTimeout(later), 10);
    await clock.advance(50);
    expect(fired).toEqual([]);
  });

  it('fires timers that a timer schedules within the advanced span', async () => {
    const clock = new ManualClock(0);
    const fired: number[] = [];
    clock.setTimeout(() => {
      fired.push(clock.now());
      clock.setTimeout(() => fired.push(clock.now()), 5);
    }, 10);
    await clock.advance(15);
    expect(fired).toEqual([10, 15]);
  });

  it('lets the consequences of one timer settle before the next fires', async () => {
    const clock = new ManualClock(0);
    const done: string[] = [];
    let seenBySecond: string[] = [];
    clock.setTimeout(() => {
      // A promise chain and an I/O-phase callback, like a handler reacting to a delivered event.
      void Promise.resolve()
        .then(() => Promise.resolve())
        .then(() => done.push('promise chain'));
      setImmediate(() => done.push('immediate'));
    }, 10);
    clock.setTimeout(() => {
      seenBySecond = [...done];
    }, 10);
    await clock.advance(10);
    expect(seenBySecond).toEqual(['promise chain', 'immediate']);
  });

  it('treats a negative delay as zero', async () => {
    const clock = new ManualClock(0);
    let fired = false;
    clock.setTimeout(() => {
      fired = true;
    }, -5);
    await clock.advance(0);
    expect(fired).toBe(true);
  });

  it('treats a delay that is not a number as zero without disturbing the order of other timers', async () => {
    const clock = new ManualClock(0);
    const fired: string[] = [];
    clock.setTimeout(() => fired.push('30'), 30);
    clock.setTimeout(() => fired.push('NaN'), Number.NaN);
    clock.setTimeout(() => fired.push('20'), 20);
    clock.setTimeout(() => fired.push('10'), 10);
    await clock.advance(30);
    expect(fired).toEqual(['NaN', '10', '20', '30']);
  });

  it('does not move time backwards when advanced to the past', async () => {
    const clock = new ManualClock(100);
    await clock.advanceTo(50);
    expect(clock.now()).toBe(100);
  });
});

describe('systemClock', () => {
  it('runs and cancels real timers', async () => {
    let cancelledFired = false;
    const cancelled = systemClock.setTimeout(() => {
      cancelledFired = true;
    }, 1);
    systemClock.clearTimeout(cancelled);
    await new Promise<void>((resolve) => systemClock.setTimeout(resolve, 5));
    expect(cancelledFired).toBe(false);
  });
});
