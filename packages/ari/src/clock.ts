/**
 * Time behind an interface, so ari-sim, the client's backoff and the runtime's block timers run
 * on real time in production and on a hand-driven clock in tests.
 */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  setTimeout(callback: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

/** Opaque: a Node timer for `systemClock`, a number for `ManualClock`. */
export type TimerHandle = { readonly __timer: never };

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms) as unknown as TimerHandle,
  clearTimeout: (handle) => clearTimeout(handle as unknown as NodeJS.Timeout),
};

interface Pending {
  id: number;
  at: number;
  callback: () => void;
}

/** Lets queued I/O callbacks and promise continuations run, so work a timer started settles first. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * A clock that moves only when told to. Timers fire in due order (ties in creation order), and
 * between two timers the event loop is allowed to settle, so a fired timer's consequences (events
 * delivered, requests answered) happen before the next timer, as they would in real time.
 */
export class ManualClock implements Clock {
  #now: number;
  #nextId = 1;
  /** Binary min-heap on (at, id); cancelled timers are dropped lazily when they surface. */
  #heap: Pending[] = [];
  #live = new Set<number>();

  constructor(start = Date.UTC(2026, 0, 1)) {
    this.#now = start;
  }

  now(): number {
    return this.#now;
  }

  setTimeout(callback: () => void, ms: number): TimerHandle {
    const id = this.#nextId++;
    this.#live.add(id);
    // NaN would poison the heap's comparisons and misorder every timer; Node runs it at once too.
    const delay = Number.isNaN(ms) ? 0 : Math.max(0, ms);
    this.#push({ id, at: this.#now + delay, callback });
    return id as unknown as TimerHandle;
  }

  clearTimeout(handle: TimerHandle): void {
    this.#live.delete(handle as unknown as number);
  }

  /** Number of timers waiting. */
  get pendingTimers(): number {
    return this.#live.size;
  }

  /** Moves time forward by `ms`, firing every timer that falls due on the way. */
  async advance(ms: number): Promise<void> {
    await this.advanceTo(this.#now + ms);
  }

  async advanceTo(time: number): Promise<void> {
    await settle();
    for (;;) {
      const next = this.#takeNext(time);
      if (!next) break;
      this.#now = next.at;
      next.callback();
      await settle();
    }
    this.#now = Math.max(this.#now, time);
  }

  /** Fires timers until none is left within `limitMs` of now; for "run the call to its end". */
  async runAll(limitMs = 24 * 3600_000): Promise<void> {
    await this.advanceTo(this.#now + limitMs);
  }

  #takeNext(limit: number): Pending | undefined {
    for (;;) {
      const top = this.#heap[0];
      if (!top || top.at > limit) return undefined;
      this.#pop();
      if (this.#live.delete(top.id)) return top;
    }
  }

  #before(a: Pending, b: Pending): boolean {
    return a.at < b.at || (a.at === b.at && a.id < b.id);
  }

  #push(item: Pending): void {
    const heap = this.#heap;
    heap.push(item);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = heap[parent] as Pending;
      if (!this.#before(item, p)) break;
      heap[i] = p;
      i = parent;
    }
    heap[i] = item;
  }

  #pop(): void {
    const heap = this.#heap;
    const last = heap.pop();
    if (!last || heap.length === 0) return;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= heap.length) break;
      const r = l + 1;
      const child = r < heap.length && this.#before(heap[r] as Pending, heap[l] as Pending) ? r : l;
      const c = heap[child] as Pending;
      if (!this.#before(c, last)) break;
      heap[i] = c;
      i = child;
    }
    heap[i] = last;
  }
}
