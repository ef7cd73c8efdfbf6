import type { CheckpointSink, LiveContact } from '../contact/serve.js';
import type { LiveContactRow, Store } from '../store/index.js';

/**
 * Contacts' checkpoints into the shared store, group-committed: every checkpoint asked for while a
 * write is in flight goes into the next one statement (the latest snapshot per contact), so a
 * block waits about one round trip however many calls run. A failed write is reported and the
 * contacts go on: a call stays up even when its checkpoint could not be stored.
 */
export class StoreCheckpoints implements CheckpointSink {
  readonly #pending = new Map<string, LiveContactRow>();
  readonly #removed = new Set<string>();
  #waiters: (() => void)[] = [];
  #running: Promise<void> | undefined;

  constructor(
    private readonly store: Store,
    private readonly workerId: string,
    private readonly onError: (error: unknown) => void = () => {},
  ) {}

  save(contact: LiveContact): Promise<void> {
    this.#removed.delete(contact.contactId);
    this.#pending.set(contact.contactId, contact);
    return new Promise((resolve) => {
      this.#waiters.push(resolve);
      this.#kick();
    });
  }

  remove(contactId: string): void {
    this.#pending.delete(contactId);
    this.#removed.add(contactId);
    this.#kick();
  }

  /** Settles once everything asked for so far is written (or failed). */
  async drain(): Promise<void> {
    while (this.#running) await this.#running;
  }

  #kick(): void {
    this.#running ??= this.#write().finally(() => {
      this.#running = undefined;
      if (this.#pending.size > 0 || this.#removed.size > 0) this.#kick();
    });
  }

  async #write(): Promise<void> {
    // One turn of the event loop lets the other contacts' checkpoints of this moment join in.
    await new Promise((resolve) => setImmediate(resolve));
    const rows = [...this.#pending.values()];
    const removed = [...this.#removed];
    const waiters = this.#waiters;
    this.#pending.clear();
    this.#removed.clear();
    this.#waiters = [];
    try {
      await this.store.cluster.saveContacts(this.workerId, rows);
      await this.store.cluster.removeContacts(this.workerId, removed);
    } catch (error) {
      this.onError(error);
    } finally {
      for (const resolve of waiters) resolve();
    }
  }
}
