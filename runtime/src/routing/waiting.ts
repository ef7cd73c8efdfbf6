import type { WaitingContact } from './types.js';

const before = (a: WaitingContact, b: WaitingContact) =>
  a.since < b.since || (a.since === b.since && a.seq < b.seq);

/**
 * The contacts waiting in one queue: a list per contact priority, each kept oldest first, so the
 * head of a list is its oldest contact and the next to route. Contacts mostly arrive in time
 * order, so insertion is usually an append; a contact put back after a missed offer is inserted
 * where its age puts it, keeping its place in line.
 */
export class WaitingLine {
  readonly #byPriority = new Map<number, WaitingContact[]>();
  /** Priorities present, ascending. */
  #priorities: number[] = [];
  #size = 0;

  get size(): number {
    return this.#size;
  }

  add(c: WaitingContact): void {
    let list = this.#byPriority.get(c.priority);
    if (!list) {
      list = [];
      this.#byPriority.set(c.priority, list);
      this.#priorities = [...this.#byPriority.keys()].sort((a, b) => a - b);
    }
    let i = list.length;
    const last = list[i - 1];
    if (last && before(c, last)) {
      let lo = 0;
      let hi = list.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        const m = list[mid];
        if (m && before(m, c)) lo = mid + 1;
        else hi = mid;
      }
      i = lo;
    }
    list.splice(i, 0, c);
    this.#size++;
  }

  remove(c: WaitingContact): boolean {
    const list = this.#byPriority.get(c.priority);
    const i = list?.indexOf(c) ?? -1;
    if (!list || i < 0) return false;
    list.splice(i, 1);
    this.#size--;
    if (list.length === 0) {
      this.#byPriority.delete(c.priority);
      this.#priorities = this.#priorities.filter((p) => p !== c.priority);
    }
    return true;
  }

  /** The oldest contact of each priority, highest priority first. */
  *heads(): Generator<WaitingContact> {
    for (const p of this.#priorities) {
      const head = this.#byPriority.get(p)?.[0];
      if (head) yield head;
    }
  }

  /** The next contact to route among those that have waited `delayMs` at `now`. */
  next(now: number, delayMs: number): WaitingContact | undefined {
    for (const head of this.heads()) if (now - head.since >= delayMs) return head;
    return undefined;
  }

  oldest(): WaitingContact | undefined {
    let best: WaitingContact | undefined;
    for (const head of this.heads()) if (!best || before(head, best)) best = head;
    return best;
  }
}
