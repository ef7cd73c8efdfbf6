import type { Clock } from '@parley/ari';
import type { Contact } from '@parley/flow';
import type { RoutingPort } from '../executors/types.js';

export interface QueuedContact {
  contactId: string;
  queueArn: string;
  queueName: string;
  /** Epoch ms on the runtime's clock. */
  enqueuedAt: number;
}

/**
 * Queues as lists of waiting contacts, with no agents behind them: this issue only hands the
 * contact over and ends the inbound flow, as Connect does; the routing engine comes later. A queue
 * with `maxContacts` refuses contacts past it with QueueAtCapacity.
 */
export class MemoryRouting implements RoutingPort {
  readonly #queues = new Map<string, QueuedContact[]>();
  readonly #clock: Clock;
  readonly #lookup: (ref: string) => { arn: string; name: string; maxContacts?: number } | undefined;

  constructor(
    clock: Clock,
    lookup: (ref: string) => { arn: string; name: string; maxContacts?: number } | undefined,
  ) {
    this.#clock = clock;
    this.#lookup = lookup;
  }

  async enqueue(
    contact: Contact,
    queueArn: string,
  ): Promise<{ ok: true } | { ok: false; errorType: string; reason: string }> {
    const queue = this.#lookup(queueArn);
    if (!queue) return { ok: false, errorType: 'NoMatchingError', reason: `no queue ${queueArn}` };
    const waiting = this.#queues.get(queue.arn) ?? [];
    if (queue.maxContacts !== undefined && waiting.length >= queue.maxContacts)
      return { ok: false, errorType: 'QueueAtCapacity', reason: `${queue.name} holds ${waiting.length}` };
    waiting.push({
      contactId: contact.ContactId,
      queueArn: queue.arn,
      queueName: queue.name,
      enqueuedAt: this.#clock.now(),
    });
    this.#queues.set(queue.arn, waiting);
    return { ok: true };
  }

  /** Where a contact waits, if it does. */
  find(contactId: string): QueuedContact | undefined {
    for (const list of this.#queues.values()) {
      const hit = list.find((q) => q.contactId === contactId);
      if (hit) return hit;
    }
    return undefined;
  }

  /** Takes a contact out of its queue (it hung up, or an agent took it); returns where it was. */
  remove(contactId: string): QueuedContact | undefined {
    for (const [arn, list] of this.#queues) {
      const i = list.findIndex((q) => q.contactId === contactId);
      if (i < 0) continue;
      const [gone] = list.splice(i, 1);
      if (list.length === 0) this.#queues.delete(arn);
      return gone;
    }
    return undefined;
  }

  waiting(queueArn: string): readonly QueuedContact[] {
    return this.#queues.get(queueArn) ?? [];
  }
}
