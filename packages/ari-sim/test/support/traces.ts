import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type AriRequest, type EventStream, ManualClock } from '@parley/ari';
import { type AriSimOptions, createAriSim } from '../../src/index.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');

/** Like the swagger files: beside the clone, or wherever ASTERISK_TRACES points. */
export function tracesDir(): string {
  return process.env.ASTERISK_TRACES ?? resolve(repoRoot, '../shared/reference/asterisk-traces');
}

export function hasTraces(): boolean {
  return existsSync(join(tracesDir(), 'README.md'));
}

export type Json = Record<string, unknown>;

export interface RequestLine {
  kind: 'request';
  t: number;
  t_response: number;
  app: string;
  method: AriRequest['method'];
  path: string;
  body: Json | null;
  status: number;
  response: unknown;
  note?: string;
}
export interface EventLine {
  kind: 'event';
  t: number;
  app: string;
  socket?: number;
  event: Json;
}
export interface WsLine {
  kind: 'ws';
  t: number;
  app: string;
  socket?: number;
  state: 'open' | 'closed';
  code?: number;
}
export type Line = RequestLine | EventLine | WsLine | { kind: 'note'; t: number; text: string };

export interface Trace {
  name: string;
  header: { name: string; dropped?: Record<string, number> };
  lines: Line[];
}

export function loadTraces(): Trace[] {
  const dir = tracesDir();
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .map((file) => {
      const [header, ...lines] = readFileSync(join(dir, file), 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as Json);
      return {
        name: String(header?.name),
        header: header as Trace['header'],
        lines: lines as unknown as Line[],
      };
    });
}

export function socketKey(app: string, socket: number | undefined): string {
  return socket ? `${app}#${socket}` : app;
}

export interface ReceivedEvent {
  t: number;
  event: Json;
}

export interface ReplayedRequest {
  line: RequestLine;
  status: number;
  response: unknown;
}

export interface Replay {
  requests: ReplayedRequest[];
  events: Map<string, ReceivedEvent[]>;
}

/** The recorder fetched `/file` downloads itself and kept only these facts, JSON errors included. */
function bodyOf(
  raw: { body: string | Uint8Array; contentType?: string | undefined },
  binaryNote: boolean,
): unknown {
  if (typeof raw.body !== 'string' || binaryNote) {
    const bytes = typeof raw.body === 'string' ? Buffer.from(raw.body) : raw.body;
    return {
      note: 'binary body not stored',
      content_type: raw.contentType,
      content_length: bytes.byteLength,
      riff_header: Buffer.from(bytes.subarray(0, 4)).toString('latin1'),
    };
  }
  return raw.body ? (JSON.parse(raw.body) as unknown) : null;
}

/** Ids Asterisk made up itself (`1795231408.66`), which the sim makes up differently. */
const GENERATED_ID = /^\d+\.\d+$/;

/**
 * Sends the trace's requests at their recorded `t` on a ManualClock (without waiting for a reply
 * before the next step: a real request can be held up by the channel's command queue) and opens
 * and closes event streams where the recorder did, recording what each socket receives and when.
 */
export async function replay(trace: Trace, options: AriSimOptions = {}): Promise<Replay> {
  const clock = new ManualClock(Date.UTC(2026, 10, 21, 3, 20, 0));
  const start = clock.now();
  const sim = createAriSim({ clock, ...options });
  const events = new Map<string, ReceivedEvent[]>();
  const streams = new Map<string, EventStream>();
  const pending: Promise<ReplayedRequest>[] = [];
  const ids = new Map<string, string>();
  let last = 0;
  try {
    for (const line of trace.lines) {
      if (line.kind === 'note' || line.kind === 'event') continue;
      await clock.advanceTo(start + line.t);
      last = Math.max(last, line.t);
      if (line.kind === 'ws') {
        const key = socketKey(line.app, line.socket);
        if (line.state === 'open') {
          const stream = await sim
            .transport({ username: line.app, password: line.app })
            .openEvents({ apps: [line.app] });
          const received = events.get(key) ?? [];
          events.set(key, received);
          stream.onMessage((text) =>
            received.push({ t: clock.now() - start, event: JSON.parse(text) as Json }),
          );
          streams.set(key, stream);
        } else {
          streams.get(key)?.close(line.code ?? 1000);
          streams.delete(key);
        }
        continue;
      }
      let path = line.path;
      for (const [recorded, actual] of ids) path = path.split(recorded).join(actual);
      const url = new URL(path, 'http://trace.invalid');
      const query: Record<string, string> = {};
      for (const [k, v] of url.searchParams) query[k] = v;
      const password = line.note?.includes('wrong password') ? 'wrong' : line.app;
      const transport = sim.transport({ username: line.app, password });
      const request: AriRequest = {
        method: line.method,
        path: url.pathname,
        query,
        ...(line.body ? { body: line.body } : {}),
      };
      const done = transport.request(request).then((raw) => {
        const binaryNote = (line.response as Json | null)?.note === 'binary body not stored';
        const response = bodyOf(raw, binaryNote);
        const recordedId = (line.response as Json | null)?.id;
        const actualId = (response as Json | null)?.id;
        if (typeof recordedId === 'string' && GENERATED_ID.test(recordedId) && typeof actualId === 'string') {
          ids.set(recordedId, actualId);
        }
        return { line, status: raw.status, response };
      });
      pending.push(done);
      // Lets a request that is not held up finish before the next line, as the recorder awaited it.
      await new Promise<void>((r) => setImmediate(r));
    }
    await clock.advanceTo(start + last + 3000);
    for (const stream of streams.values()) stream.close(1000);
    return { requests: await Promise.all(pending), events };
  } finally {
    await sim.close();
  }
}
