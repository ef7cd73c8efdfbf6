import { type Clock, systemClock } from '@parley/ari';
import { parseConnectArn } from '@parley/flow';
import type { ContactRecord, ContactRecordSink } from '../logs/contact-record.js';
import type { FlowLogEntry } from '../logs/entry.js';
import type { FlowLogSink } from '../logs/sinks.js';
import { StoreContactRecordSink, StoreFlowLogSink } from '../logs/store-sinks.js';
import type { EventBus } from '../services/events.js';
import type { Store } from '../store/index.js';

const instanceIdOf = (arn: unknown): string | undefined =>
  typeof arn === 'string'
    ? (parseConnectArn(arn)?.instanceId ?? /instance\/([^/]+)/.exec(arn)?.[1])
    : undefined;

/** One sink per instance, picked from the ARN each entry or record carries. */
class PerInstance<S extends { flush(): Promise<void>; close(): Promise<void> }> {
  readonly #sinks = new Map<string, S>();
  constructor(private readonly make: (instanceId: string) => S) {}
  for(instanceId: string): S {
    const sink = this.#sinks.get(instanceId) ?? this.make(instanceId);
    this.#sinks.set(instanceId, sink);
    return sink;
  }
  async flush(): Promise<void> {
    await Promise.all([...this.#sinks.values()].map((s) => s.flush()));
  }
  async close(): Promise<void> {
    await Promise.all([...this.#sinks.values()].map((s) => s.close()));
  }
}

/** Flow logs of every instance into the store (its log group), and onto the live event stream. */
export function storeFlowLogs(store: Store, events: EventBus, clock: Clock = systemClock): FlowLogSink {
  const sinks = new PerInstance((id) => new StoreFlowLogSink(store, id, { clock }));
  return {
    write(entry: FlowLogEntry) {
      const instanceId = instanceIdOf(entry.ContactFlowId);
      if (instanceId === undefined) return;
      sinks.for(instanceId).write(entry);
      events.emit({ type: 'flow.log', instanceId, contactId: entry.ContactId, entry: { ...entry } });
    },
    flush: () => sinks.flush(),
    close: () => sinks.close(),
  };
}

/** Contact records of every instance into the store; each one also announces the contact's end. */
export function storeContactRecords(
  store: Store,
  events: EventBus,
  clock: Clock = systemClock,
): ContactRecordSink {
  const sinks = new PerInstance(
    (id) => new StoreContactRecordSink(store, id, { clock, flushIntervalMs: 250 }),
  );
  return {
    write(record: ContactRecord) {
      const instanceId = instanceIdOf(record.InstanceARN);
      if (instanceId === undefined) return;
      sinks.for(instanceId).write(record);
      events.emit({
        type: 'contact.ended',
        instanceId,
        contactId: record.ContactId,
        reason: String(record.DisconnectReason ?? ''),
      });
    },
    flush: () => sinks.flush(),
    close: () => sinks.close(),
  };
}
