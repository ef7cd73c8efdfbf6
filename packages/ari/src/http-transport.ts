import { type Dispatcher, request } from 'undici';
import WebSocket from 'ws';
import { type Clock, systemClock } from './clock.js';
import { AriError, httpError } from './errors.js';
import { withTimeout } from './timeout.js';
import type { AriRequest, AriResponse, AriTransport, EventStream, EventStreamOptions } from './transport.js';

/** Where Asterisk listens (`http://host:8088/ari`, with http.conf's prefix if any) and who we are. */
export type HttpTransportConfig =
  | { url: string; username: string; password: string }
  /** `user:password`, sent as the `api_key` query parameter instead of a Basic header. */
  | { url: string; apiKey: string };

export interface HttpTransportOptions {
  /** Limit for each REST request and for the websocket handshake; none when absent. */
  requestTimeoutMs?: number;
  /** Runs the request and ping timeouts; a ManualClock in tests. */
  clock?: Clock;
}

const EVENTS_OPERATION = 'events.eventWebsocket';

/**
 * REST over undici's request (a fraction of fetch's CPU per call, and a runtime makes several per
 * block) and the events stream over `ws`, authenticated the same way for both.
 */
export function httpTransport(config: HttpTransportConfig, options: HttpTransportOptions = {}): AriTransport {
  const base = config.url.replace(/\/+$/, '');
  const clock = options.clock ?? systemClock;
  const headers: Record<string, string> =
    'apiKey' in config
      ? {}
      : { authorization: `Basic ${Buffer.from(`${config.username}:${config.password}`).toString('base64')}` };
  const urlFor = (path: string, query: Record<string, string>) => {
    const url = new URL(base + path);
    for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
    if ('apiKey' in config) url.searchParams.set('api_key', config.apiKey);
    return url;
  };

  return {
    async request(req: AriRequest): Promise<AriResponse> {
      const operation = `${req.method} ${req.path}`;
      const abort = new AbortController();
      const sent = request(urlFor(req.path, req.query), {
        method: req.method as Dispatcher.HttpMethod,
        headers: req.body ? { ...headers, 'content-type': 'application/json' } : headers,
        body: req.body ? JSON.stringify(req.body) : undefined,
        signal: abort.signal,
      }).then(readBody);
      try {
        return await withTimeout(sent, clock, options.requestTimeoutMs, () => {
          abort.abort();
          return transportError('TIMEOUT', `No answer within ${options.requestTimeoutMs} ms`, operation);
        });
      } catch (error) {
        if (error instanceof AriError) throw error;
        throw transportError('NETWORK', networkMessage(error), operation, error);
      }
    },

    openEvents({ apps, subscribeAll }: EventStreamOptions): Promise<EventStream> {
      const url = urlFor('/events', {
        app: apps.join(','),
        ...(subscribeAll === undefined ? {} : { subscribeAll: String(subscribeAll) }),
      });
      url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
      return openSocket(url, headers, clock, options.requestTimeoutMs);
    },
  };
}

async function readBody(res: Dispatcher.ResponseData): Promise<AriResponse> {
  const header = res.headers['content-type'];
  const contentType = Array.isArray(header) ? header[0] : header;
  // Recordings download as audio/*; everything else Asterisk sends is JSON text or empty.
  const isText = !contentType || /json|^text\//i.test(contentType);
  const body = isText ? await res.body.text() : new Uint8Array(await res.body.arrayBuffer());
  return { status: res.statusCode, body, contentType };
}

function transportError(
  code: 'NETWORK' | 'TIMEOUT',
  message: string,
  operation: string,
  cause?: unknown,
): AriError {
  return new AriError({ code, status: 0, message, operation, cause });
}

/** Where the useful part (ECONNREFUSED 127.0.0.1:8088) is in an error's cause, say that. */
function networkMessage(error: unknown): string {
  const cause = error instanceof Error ? error.cause : undefined;
  if (cause instanceof Error && cause.message) return cause.message;
  return error instanceof Error ? error.message : String(error);
}

function openSocket(
  url: URL,
  headers: Record<string, string>,
  clock: Clock,
  timeoutMs: number | undefined,
): Promise<EventStream> {
  const ws = new WebSocket(url, { headers });
  const opened = new Promise<EventStream>((resolve, reject) => {
    let settled = false;
    const fail = (error: AriError) => {
      if (settled) return;
      settled = true;
      ws.terminate();
      reject(error);
    };
    ws.on('unexpected-response', (_req, res) => {
      // A refused upgrade (401 for bad credentials, 400 without app) carries Asterisk's JSON reason.
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        fail(httpError(EVENTS_OPERATION, res.statusCode ?? 0, Buffer.concat(chunks).toString())),
      );
      res.on('error', () => fail(httpError(EVENTS_OPERATION, res.statusCode ?? 0, '')));
    });
    // Both stay attached once open, as no-ops: a late socket error is followed by 'close', which the
    // stream reports, and an 'error' without a listener would crash the process.
    ws.on('error', (error) => fail(transportError('NETWORK', error.message, EVENTS_OPERATION, error)));
    ws.on('close', (code) =>
      fail(transportError('NETWORK', `Closed during handshake (${code})`, EVENTS_OPERATION)),
    );
    ws.once('open', () => {
      settled = true;
      resolve(new WsEventStream(ws, clock));
    });
  });
  return withTimeout(opened, clock, timeoutMs, () => {
    ws.terminate();
    return transportError('TIMEOUT', `No websocket handshake within ${timeoutMs} ms`, EVENTS_OPERATION);
  });
}

/**
 * One open events socket. Frames that arrive before the owner attaches its listeners are kept, so
 * nothing is lost between the handshake and the owner's first `onMessage`.
 */
class WsEventStream implements EventStream {
  #ws: WebSocket;
  #clock: Clock;
  #messageListeners: ((text: string) => void)[] = [];
  #closeListeners: ((code: number, reason: string) => void)[] = [];
  #backlog: string[] = [];
  #closed: { code: number; reason: string } | undefined;

  constructor(ws: WebSocket, clock: Clock) {
    this.#ws = ws;
    this.#clock = clock;
    ws.on('message', (data) => {
      const text = rawText(data);
      if (this.#messageListeners.length === 0) this.#backlog.push(text);
      for (const listener of this.#messageListeners) listener(text);
    });
    ws.on('close', (code, reason) => {
      this.#closed = { code, reason: reason.toString() };
      for (const listener of this.#closeListeners) listener(code, this.#closed.reason);
    });
  }

  onMessage(listener: (text: string) => void): void {
    this.#messageListeners.push(listener);
    const backlog = this.#backlog;
    this.#backlog = [];
    for (const text of backlog) listener(text);
  }

  onClose(listener: (code: number, reason: string) => void): void {
    this.#closeListeners.push(listener);
    if (this.#closed) listener(this.#closed.code, this.#closed.reason);
  }

  close(code = 1000): void {
    // A socket that just failed a ping cannot complete a closing handshake; drop it at once.
    if (code === 1006 || this.#ws.readyState !== WebSocket.OPEN) this.#ws.terminate();
    else this.#ws.close(code);
  }

  ping(timeoutMs: number): Promise<void> {
    const ws = this.#ws;
    if (ws.readyState !== WebSocket.OPEN) {
      return Promise.reject(transportError('NETWORK', 'Events socket is not open', EVENTS_OPERATION));
    }
    let onPong = () => {};
    const pong = new Promise<void>((resolve) => {
      onPong = () => resolve();
      ws.once('pong', onPong);
    });
    ws.ping();
    return withTimeout(pong, this.#clock, timeoutMs, () => {
      ws.off('pong', onPong);
      return transportError('TIMEOUT', `No pong within ${timeoutMs} ms`, EVENTS_OPERATION);
    });
  }
}

function rawText(data: WebSocket.RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString();
  if (data instanceof ArrayBuffer) return Buffer.from(data).toString();
  return data.toString();
}
