export type Unsubscribe = () => void;

interface Entry<E> {
  handler: (event: E) => void;
  active: boolean;
}

/**
 * Handlers grouped by key (event type, channel id …). Each registration is its own entry, so the same
 * function registered twice is two subscriptions, and removing one is a Set delete: O(1), and the
 * key disappears with its last handler, so ids of finished calls do not pile up.
 */
export class KeyedListeners<K, E> {
  #byKey = new Map<K, Set<Entry<E>>>();

  add(key: K, handler: (event: E) => void): Unsubscribe {
    let entries = this.#byKey.get(key);
    if (!entries) {
      entries = new Set();
      this.#byKey.set(key, entries);
    }
    const set = entries;
    const entry: Entry<E> = { handler, active: true };
    set.add(entry);
    return () => {
      if (!entry.active) return;
      entry.active = false;
      set.delete(entry);
      if (set.size === 0 && this.#byKey.get(key) === set) this.#byKey.delete(key);
    };
  }

  /**
   * Calls the key's handlers as they were when the event arrived: a handler added while dispatching
   * waits for the next event, one removed while dispatching is not called.
   */
  emit(key: K, event: E, onError: (error: unknown) => void): void {
    const entries = this.#byKey.get(key);
    if (!entries) return;
    for (const entry of [...entries]) {
      if (!entry.active) continue;
      try {
        entry.handler(event);
      } catch (error) {
        onError(error);
      }
    }
  }

  /** Keys with at least one handler. */
  get keyCount(): number {
    return this.#byKey.size;
  }

  get handlerCount(): number {
    let count = 0;
    for (const entries of this.#byKey.values()) count += entries.size;
    return count;
  }
}
