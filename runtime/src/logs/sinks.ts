import { createReadStream } from 'node:fs';
import { appendFile, mkdir, readdir, stat } from 'node:fs/promises';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Clock, TimerHandle } from '@parley/ari';
import type { FlowLogEntry } from './entry.js';

/**
 * Where flow-log entries go. `write` never blocks and never throws: block executors call it on the
 * contact's hot path, and the sink does its I/O later. `close` resolves once everything written
 * before it is stored.
 */
export interface FlowLogSink {
  write(entry: FlowLogEntry): void;
  flush(): Promise<void>;
  close(): Promise<void>;
}

export interface BatchOptions {
  clock: Clock;
  /** Longest an entry waits in memory before a write is started. */
  flushIntervalMs?: number;
  /** A write starts at once when this many lines, or this many characters, are waiting. */
  maxLines?: number;
  maxChars?: number;
  /** Failures of writes nobody awaits (timer and size flushes); the lines stay queued for the next try. */
  onError?: (error: unknown) => void;
}

const DEFAULT_FLUSH_MS = 1000;
const DEFAULT_MAX_LINES = 500;
const DEFAULT_MAX_CHARS = 256 * 1024;

/**
 * Lines buffered in memory and handed to `write` in batches, one batch at a time and in order. A
 * failed batch goes back to the front of the queue, so nothing is dropped; after `close`, every
 * line is written straight away.
 */
export class LineBatcher {
  readonly #write: (chunk: string) => Promise<void>;
  readonly #clock: Clock;
  readonly #intervalMs: number;
  readonly #maxLines: number;
  readonly #maxChars: number;
  readonly #onError: (error: unknown) => void;
  #lines: string[] = [];
  #chars = 0;
  #timer: TimerHandle | undefined;
  #queue: Promise<void> = Promise.resolve();
  #closed = false;

  constructor(write: (chunk: string) => Promise<void>, options: BatchOptions) {
    this.#write = write;
    this.#clock = options.clock;
    this.#intervalMs = options.flushIntervalMs ?? DEFAULT_FLUSH_MS;
    this.#maxLines = options.maxLines ?? DEFAULT_MAX_LINES;
    this.#maxChars = options.maxChars ?? DEFAULT_MAX_CHARS;
    this.#onError = options.onError ?? ((error) => console.error('parley: a log write failed:', error));
  }

  /** Lines waiting to be written. */
  get pending(): number {
    return this.#lines.length;
  }

  push(line: string): void {
    this.#lines.push(line);
    this.#chars += line.length;
    if (this.#closed || this.#lines.length >= this.#maxLines || this.#chars >= this.#maxChars) {
      this.flush().catch(this.#onError);
    } else {
      this.#arm();
    }
  }

  flush(): Promise<void> {
    this.#disarm();
    const run = this.#queue.then(() => this.#drain());
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async close(): Promise<void> {
    this.#closed = true;
    await this.flush();
  }

  async #drain(): Promise<void> {
    if (this.#lines.length === 0) return;
    const batch = this.#lines;
    this.#lines = [];
    this.#chars = 0;
    try {
      await this.#write(batch.join(''));
    } catch (error) {
      this.#lines = batch.concat(this.#lines);
      this.#chars = this.#lines.reduce((n, l) => n + l.length, 0);
      if (!this.#closed) this.#arm();
      throw error;
    }
  }

  #arm(): void {
    if (this.#timer !== undefined) return;
    this.#timer = this.#clock.setTimeout(() => {
      this.#timer = undefined;
      this.flush().catch(this.#onError);
    }, this.#intervalMs);
  }

  #disarm(): void {
    if (this.#timer === undefined) return;
    this.#clock.clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}

/** Appends JSON values, one per line, to a file, in batches. */
export class JsonLinesFile<T> {
  readonly path: string;
  readonly #batcher: LineBatcher;
  #dir: Promise<unknown> | undefined;

  constructor(path: string, options: BatchOptions) {
    this.path = path;
    this.#batcher = new LineBatcher(async (chunk) => {
      this.#dir ??= mkdir(dirname(path), { recursive: true });
      try {
        await this.#dir;
      } catch (error) {
        this.#dir = undefined;
        throw error;
      }
      await appendFile(path, chunk, 'utf8');
    }, options);
  }

  get pending(): number {
    return this.#batcher.pending;
  }

  write(value: T): void {
    this.#batcher.push(`${JSON.stringify(value)}\n`);
  }

  flush(): Promise<void> {
    return this.#batcher.flush();
  }

  close(): Promise<void> {
    return this.#batcher.close();
  }
}

/** Connect's log group of an instance. */
export const logGroupName = (instanceAlias: string): string => `/aws/connect/${instanceAlias}`;

/** A name safe as one path segment: no separators, no `..`, nothing a shell or a glob would read. */
const segment = (name: string): string =>
  name.length === 0 ? '%' : name.replace(/[^A-Za-z0-9_-]/g, (c) => `%${c.charCodeAt(0).toString(16)}`);

/** A stream name for this worker process: host and pid, as CloudWatch agents name theirs. */
export const workerStreamName = (): string => `${hostname()}-${process.pid}`;

export interface FlowLogFilesOptions extends BatchOptions {
  /** Root of the log store; groups are folders under it. */
  dir: string;
  /** This worker's stream; defaults to host and pid. */
  stream?: string;
}

/**
 * Flow logs on disk the way CloudWatch arranges them: a log group per instance
 * (`<dir>/aws/connect/<alias>/`) and in it one stream per runtime worker (`<stream>.jsonl`), so
 * workers never share a file. A contact that moves between workers shows in several streams;
 * `searchLogs` reads them all.
 */
export class FlowLogFiles {
  readonly dir: string;
  readonly stream: string;
  readonly #options: BatchOptions;
  readonly #groups = new Map<string, FlowLogSink & { readonly path: string }>();

  constructor(options: FlowLogFilesOptions) {
    const { dir, stream, ...batch } = options;
    this.dir = dir;
    this.stream = stream ?? workerStreamName();
    this.#options = batch;
  }

  /** The file this worker writes for an instance's log group. */
  pathOf(instanceAlias: string): string {
    return join(this.dir, 'aws', 'connect', segment(instanceAlias), `${segment(this.stream)}.jsonl`);
  }

  /** The sink of one instance's log group. */
  group(instanceAlias: string): FlowLogSink & { readonly path: string } {
    let sink = this.#groups.get(instanceAlias);
    if (!sink) {
      const file = new JsonLinesFile<FlowLogEntry>(this.pathOf(instanceAlias), this.#options);
      sink = {
        path: file.path,
        write: (entry) => file.write(entry),
        flush: () => file.flush(),
        close: () => file.close(),
      };
      this.#groups.set(instanceAlias, sink);
    }
    return sink;
  }

  async flush(): Promise<void> {
    await Promise.all([...this.#groups.values()].map((g) => g.flush()));
  }

  async close(): Promise<void> {
    await Promise.all([...this.#groups.values()].map((g) => g.close()));
  }
}

/** One JSON line per entry to a writable stream (stdout by default), batched like the files. */
export class StreamFlowLogSink implements FlowLogSink {
  readonly #batcher: LineBatcher;

  constructor(options: BatchOptions & { out?: NodeJS.WritableStream }) {
    const out = options.out ?? process.stdout;
    this.#batcher = new LineBatcher(
      (chunk) => new Promise<void>((resolve, reject) => out.write(chunk, (e) => (e ? reject(e) : resolve()))),
      options,
    );
  }

  write(entry: FlowLogEntry): void {
    this.#batcher.push(`${JSON.stringify(entry)}\n`);
  }

  flush(): Promise<void> {
    return this.#batcher.flush();
  }

  close(): Promise<void> {
    return this.#batcher.close();
  }
}

/** Keeps entries in memory, for tests and for `parley run`'s transcript. */
export class MemoryFlowLogSink implements FlowLogSink {
  readonly entries: FlowLogEntry[] = [];

  write(entry: FlowLogEntry): void {
    this.entries.push(entry);
  }

  forContact(contactId: string): FlowLogEntry[] {
    return this.entries.filter((e) => e.ContactId === contactId);
  }

  async flush(): Promise<void> {}

  async close(): Promise<void> {}
}

/** Every entry to each of `sinks`. */
export function teeFlowLogSinks(...sinks: FlowLogSink[]): FlowLogSink {
  return {
    write: (entry) => {
      for (const sink of sinks) sink.write(entry);
    },
    flush: async () => {
      await Promise.all(sinks.map((s) => s.flush()));
    },
    close: async () => {
      await Promise.all(sinks.map((s) => s.close()));
    },
  };
}

/**
 * A contact's flow-log entries from every group and stream under `dir` (or in the one file `dir` names), oldest first (entries of
 * the same millisecond keep their file order). Lines that are not flow-log entries (a torn last
 * line, a contact record) are skipped; a missing directory has no entries.
 */
export async function searchLogs(dir: string, contactId: string): Promise<FlowLogEntry[]> {
  let files: string[];
  try {
    // One file (`parley run --logs`) is searched as it is; a folder, every stream below it.
    files = (await stat(dir)).isFile()
      ? [dir]
      : (await readdir(dir, { recursive: true, withFileTypes: true }))
          .filter((d) => d.isFile() && d.name.endsWith('.jsonl'))
          .map((d) => join(d.parentPath, d.name))
          .sort();
  } catch {
    return [];
  }
  const found: FlowLogEntry[] = [];
  for (const file of files) {
    const lines = createInterface({
      input: createReadStream(file, 'utf8'),
      crlfDelay: Number.POSITIVE_INFINITY,
    });
    for await (const line of lines) {
      if (!line.includes(contactId)) continue;
      const entry = parseEntry(line);
      if (entry?.ContactId === contactId) found.push(entry);
    }
  }
  return found
    .map((entry, i) => ({ entry, i }))
    .sort((a, b) =>
      a.entry.Timestamp < b.entry.Timestamp ? -1 : a.entry.Timestamp > b.entry.Timestamp ? 1 : a.i - b.i,
    )
    .map(({ entry }) => entry);
}

function parseEntry(line: string): FlowLogEntry | undefined {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  return typeof v.ContactId === 'string' &&
    typeof v.ContactFlowModuleType === 'string' &&
    typeof v.Timestamp === 'string'
    ? (v as unknown as FlowLogEntry)
    : undefined;
}
