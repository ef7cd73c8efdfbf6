import type { AriRequest, AriTransport, EventStream } from '@parley/ari';
import { eventKey, responseKey } from './normalize.js';
import { type RequestLine, socketKey, type Trace } from './trace.js';

/** Where a trace is replayed: ari-sim in-process on a ManualClock, or any ARI server in real time. */
export interface ReplayTarget {
  transport(username: string, password: string): AriTransport;
  /** Moves the target's time to `ms` after the scenario started (sleeps, for a real server). */
  advanceTo(ms: number): Promise<void>;
}

export interface ReplayedRequest {
  line: RequestLine;
  status: number;
  response: unknown;
}

export interface ReplayResult {
  requests: ReplayedRequest[];
  /** Events received per socket (`parley`, `parley#2`), comparable form, in arrival order. */
  events: Map<string, Record<string, unknown>[]>;
}

/** The recorder used one ARI user per app, password = name; one request says it used a wrong one. */
function credentials(line: RequestLine): [string, string] {
  return line.note?.includes('wrong password') ? [line.app, 'wrong'] : [line.app, line.app];
}

function toRequest(line: RequestLine): AriRequest {
  const url = new URL(line.path, 'http://ari.invalid');
  const query: Record<string, string> = {};
  for (const [k, v] of url.searchParams) query[k] = v;
  const request: AriRequest = { method: line.method, path: decodeURI(url.pathname), query };
  if (line.body) request.body = line.body;
  return request;
}

function parseBody(body: string | Uint8Array, contentType?: string): unknown {
  if (typeof body !== 'string') {
    // The recorder kept only these facts of a binary download; keep the same.
    const riff = new TextDecoder().decode(body.subarray(0, 4));
    return {
      note: 'binary body not stored',
      content_type: contentType,
      content_length: body.byteLength,
      riff_header: riff,
    };
  }
  if (!body) return null;
  try {
    return JSON.parse(body);
  } catch {
    return body;
  }
}

/**
 * Sends a trace's requests at their recorded offsets and opens/closes event sockets where the
 * recording did, collecting what each socket receives. The recorder awaited most requests
 * before the next step; so does the replay, which keeps causality without reproducing its timing.
 */
export async function replayTrace(trace: Trace, target: ReplayTarget): Promise<ReplayResult> {
  const events = new Map<string, Record<string, unknown>[]>();
  const streams = new Map<string, EventStream>();
  const requests: ReplayedRequest[] = [];
  let last = 0;
  for (const line of trace.lines) {
    if (line.kind === 'note' || line.kind === 'event') continue;
    await target.advanceTo(line.t);
    last = Math.max(last, line.kind === 'request' ? line.t_response : line.t);
    if (line.kind === 'ws') {
      const key = socketKey(line.app, line.socket);
      if (line.state === 'open') {
        const stream = await target.transport(line.app, line.app).openEvents({ apps: [line.app] });
        const list = events.get(key) ?? [];
        events.set(key, list);
        stream.onMessage((text) => list.push(eventKey(JSON.parse(text) as Record<string, unknown>)));
        streams.set(key, stream);
      } else {
        streams.get(key)?.close(line.code ?? 1000);
        streams.delete(key);
      }
      continue;
    }
    const [user, password] = credentials(line);
    const response = await target.transport(user, password).request(toRequest(line));
    requests.push({
      line,
      status: response.status,
      response: parseBody(response.body, response.contentType),
    });
  }
  // Let what the last steps started (hangups, destroys) finish, as the recorder waited for them.
  await target.advanceTo(last + 3000);
  for (const stream of streams.values()) stream.close(1000);
  return { requests, events };
}

/** The recorded events per socket, in the comparable form. */
export function recordedEvents(trace: Trace): Map<string, Record<string, unknown>[]> {
  const out = new Map<string, Record<string, unknown>[]>();
  for (const line of trace.lines) {
    if (line.kind !== 'event') continue;
    const key = socketKey(line.app, line.socket);
    out.set(key, [...(out.get(key) ?? []), eventKey(line.event as unknown as Record<string, unknown>)]);
  }
  return out;
}

export { responseKey };
