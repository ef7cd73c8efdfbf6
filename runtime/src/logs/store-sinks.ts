import type { Store } from '../store/index.js';
import type { ContactRecord, ContactRecordSink } from './contact-record.js';
import type { FlowLogEntry } from './entry.js';
import { type BatchOptions, type FlowLogSink, LineBatcher } from './sinks.js';

/** JSON lines in, parsed values out: the batcher's unit is a line, the store's a row. */
const rows = (chunk: string): Record<string, unknown>[] =>
  chunk
    .split('\n')
    .filter((l) => l.length > 0)
    .map((l) => JSON.parse(l) as Record<string, unknown>);

/**
 * Flow-log entries of one instance into the store, batched off the call path like the file sink;
 * `onEntry` sees each entry at once (the live event stream).
 */
export class StoreFlowLogSink implements FlowLogSink {
  readonly #batcher: LineBatcher;
  constructor(
    store: Store,
    instanceId: string,
    options: BatchOptions & { onEntry?: (entry: FlowLogEntry) => void },
    private readonly onEntry = options.onEntry,
  ) {
    this.#batcher = new LineBatcher(
      (chunk) => store.contacts.appendFlowLogs(instanceId, rows(chunk)),
      options,
    );
  }
  write(entry: FlowLogEntry): void {
    this.#batcher.push(`${JSON.stringify(entry)}\n`);
    this.onEntry?.(entry);
  }
  flush(): Promise<void> {
    return this.#batcher.flush();
  }
  close(): Promise<void> {
    return this.#batcher.close();
  }
}

/** Contact records of one instance into the store, batched. */
export class StoreContactRecordSink implements ContactRecordSink {
  readonly #batcher: LineBatcher;
  constructor(store: Store, instanceId: string, options: BatchOptions) {
    this.#batcher = new LineBatcher(async (chunk) => {
      await store.transaction(async (tx) => {
        for (const record of rows(chunk)) await tx.contacts.putContactRecord(instanceId, record);
      });
    }, options);
  }
  write(record: ContactRecord): void {
    this.#batcher.push(`${JSON.stringify(record)}\n`);
  }
  flush(): Promise<void> {
    return this.#batcher.flush();
  }
  close(): Promise<void> {
    return this.#batcher.close();
  }
}
