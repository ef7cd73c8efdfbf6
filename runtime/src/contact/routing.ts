import type { Clock } from '@parley/ari';
import type { Contact } from '@parley/flow';
import type { CallbackRequest, QueueMetrics, RoutingPort } from '../executors/types.js';

export interface QueuedContact {
  contactId: string;
  queueArn: string;
  queueName: string;
  /** Epoch ms on the runtime's clock. */
  enqueuedAt: number;
}

export interface QueuedCallback extends CallbackRequest {
  contactId: string;
  /** The contact that asked for it. */
  previousContactId: string;
  requestedAt: number;
}

/**
 * Queues as lists of waiting contacts, with no agents behind them: this issue only hands the
 * contact over and ends the inbound flow, as Connect does; the routing engine comes later. A queue
 * with `maxContacts` refuses contacts past it with QueueAtCapacity. Metrics are exact: the waiting
 * contacts, and no agent at all. Callbacks are recorded, never dialled.
 */
export class MemoryRouting implements RoutingPort {
  readonly #queues = new Map<string, QueuedContact[]>();
  readonly callbacks: QueuedCallback[] = [];
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

  async metrics(queueArn: string): Promise<QueueMetrics | undefined> {
    const queue = this.#lookup(queueArn);
    if (!queue) return undefined;
    const waiting = this.#queues.get(queue.arn) ?? [];
    const oldest = waiting[0];
    return {
      queue: { arn: queue.arn, name: queue.name },
      size: waiting.length,
      oldestContactAgeSeconds: oldest ? Math.floor((this.#clock.now() - oldest.enqueuedAt) / 1000) : null,
      agents: {
        online: 0,
        available: 0,
        staffed: 0,
        afterContactWork: 0,
        busy: 0,
        missed: 0,
        nonProductive: 0,
      },
    };
  }

  async createCallback(
    contact: Contact,
    request: CallbackRequest,
  ): Promise<{ ok: true; contactId: string } | { ok: false; errorType: string; reason: string }> {
    if (!this.#lookup(request.queueArn))
      return { ok: false, errorType: 'NoMatchingError', reason: `no queue ${request.queueArn}` };
    const contactId = `${contact.ContactId}-callback-${this.callbacks.length + 1}`;
    this.callbacks.push({
      ...request,
      contactId,
      previousContactId: contact.ContactId,
      requestedAt: this.#clock.now(),
    });
    return { ok: true, contactId };
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
