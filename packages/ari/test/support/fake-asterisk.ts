import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { type WebSocket, WebSocketServer } from 'ws';

/** A request as the fake received it, path still percent-encoded. */
export interface SeenRequest {
  method: string;
  /** Below `/ari`, as sent: `/channels/a%20b/answer`. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** Parsed JSON body, or undefined when none was sent. */
  body: unknown;
}

export interface Reply {
  status: number;
  /** Objects are sent as JSON; strings and bytes as they are. */
  body?: unknown;
  contentType?: string;
}

type Route = (request: SeenRequest) => Reply | Promise<Reply>;

export interface EventSocket {
  ws: WebSocket;
  apps: string[];
  query: URLSearchParams;
}

/**
 * Just enough Asterisk for the client's tests: ARI's auth rules (Basic header, else `api_key`), REST
 * routes the test declares, and the events websocket with its app list. Pings are answered by hand
 * so a test can make the server go deaf.
 */
export class FakeAsterisk {
  readonly requests: SeenRequest[] = [];
  readonly sockets: EventSocket[] = [];
  /** When set, websocket upgrades are refused with this reply. */
  refuseUpgrades: Reply | undefined;
  answerPings = true;
  /** When set, websocket upgrades get no answer at all (a black-holed handshake). */
  stallUpgrades = false;
  #stalled: Duplex[] = [];
  /** Requests the client gave up on before the fake answered. */
  abortedRequests = 0;
  #routes = new Map<string, Route>();
  #server: Server;
  #wss = new WebSocketServer({ noServer: true, autoPong: false });
  #users: Record<string, string>;
  #socketWaiters: { count: number; resolve: (socket: EventSocket) => void }[] = [];
  #port = 0;

  private constructor(users: Record<string, string>) {
    this.#users = users;
    this.#server = createServer((req, res) => {
      res.on('close', () => {
        if (!res.writableEnded) this.abortedRequests += 1;
      });
      void this.#handle(req).then((reply) => {
        const { body, contentType } = encode(reply);
        res.writeHead(reply.status, contentType ? { 'content-type': contentType } : {});
        res.end(body);
      });
    });
    this.#server.on('upgrade', (req, socket, head) => this.#upgrade(req, socket, head));
  }

  static async start(users: Record<string, string> = { parley: 'secret' }): Promise<FakeAsterisk> {
    const fake = new FakeAsterisk(users);
    await new Promise<void>((resolve) => fake.#server.listen(0, '127.0.0.1', resolve));
    fake.#port = (fake.#server.address() as AddressInfo).port;
    return fake;
  }

  get url(): string {
    return `http://127.0.0.1:${this.#port}/ari`;
  }

  /** Answers `METHOD path` (path below /ari, percent-encoded as sent) with a fixed reply or a function. */
  route(method: string, path: string, reply: Reply | Route): void {
    this.#routes.set(`${method} ${path}`, typeof reply === 'function' ? reply : () => reply);
  }

  /** Resolves with the `count`-th events socket (1-based) once it is open. */
  socket(count: number): Promise<EventSocket> {
    const existing = this.sockets[count - 1];
    if (existing) return Promise.resolve(existing);
    return new Promise((resolve) => this.#socketWaiters.push({ count, resolve }));
  }

  /** Sends an event to every open events socket, as Asterisk would to the app's socket. */
  send(event: Record<string, unknown>): Promise<void> {
    const text = JSON.stringify({
      application: 'parley',
      timestamp: '2026-01-01T00:00:00.000+0000',
      ...event,
    });
    const open = this.sockets.filter((s) => s.ws.readyState === s.ws.OPEN);
    return Promise.all(
      open.map(
        (s) => new Promise<void>((resolve, reject) => s.ws.send(text, (e) => (e ? reject(e) : resolve()))),
      ),
    ).then(() => undefined);
  }

  /** Drops every events socket: with a close frame, or by cutting TCP (what a crash looks like). */
  drop(how: 'close' | 'terminate', code = 1011): void {
    for (const { ws } of this.sockets) {
      if (how === 'close') ws.close(code, 'going away');
      else ws.terminate();
    }
  }

  async stop(): Promise<void> {
    for (const { ws } of this.sockets) ws.terminate();
    for (const socket of this.#stalled) socket.destroy();
    this.#wss.close();
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  async #handle(req: IncomingMessage): Promise<Reply> {
    const url = new URL(req.url ?? '/', 'http://fake');
    const raw = await readAll(req);
    const request: SeenRequest = {
      method: req.method ?? 'GET',
      // req.url keeps the encoding; URL#pathname would too, but be explicit about the raw form.
      path: (req.url ?? '').split('?')[0]?.replace(/^\/ari/, '') ?? '',
      query: url.searchParams,
      headers: req.headers,
      body: raw ? JSON.parse(raw) : undefined,
    };
    this.requests.push(request);
    if (!this.#authorized(req, url)) return { status: 401, body: { message: 'Authentication required' } };
    const route = this.#routes.get(`${request.method} ${request.path}`);
    if (!route) return { status: 404, body: { message: 'Resource not found' } };
    return route(request);
  }

  #upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    if (this.stallUpgrades) {
      this.#stalled.push(socket);
      return;
    }
    const url = new URL(req.url ?? '/', 'http://fake');
    const refusal =
      url.pathname !== '/ari/events'
        ? { status: 404, body: { message: 'Resource not found' } }
        : !this.#authorized(req, url)
          ? { status: 401, body: { message: 'Authentication required' } }
          : this.refuseUpgrades;
    if (refusal) {
      const { body, contentType } = encode(refusal);
      socket.end(
        `HTTP/1.1 ${refusal.status} Refused\r\nContent-Type: ${contentType}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
      );
      return;
    }
    this.#wss.handleUpgrade(req, socket, head, (ws) => {
      ws.on('ping', (data) => {
        if (this.answerPings) ws.pong(data);
      });
      const entry = { ws, apps: (url.searchParams.get('app') ?? '').split(','), query: url.searchParams };
      this.sockets.push(entry);
      const count = this.sockets.length;
      for (const waiter of this.#socketWaiters.filter((w) => w.count === count)) waiter.resolve(entry);
      this.#socketWaiters = this.#socketWaiters.filter((w) => w.count !== count);
    });
  }

  #authorized(req: IncomingMessage, url: URL): boolean {
    const header = req.headers.authorization;
    const credentials = header?.startsWith('Basic ')
      ? Buffer.from(header.slice(6), 'base64').toString()
      : url.searchParams.get('api_key');
    if (!credentials) return false;
    const colon = credentials.indexOf(':');
    const user = credentials.slice(0, colon);
    return colon > 0 && this.#users[user] === credentials.slice(colon + 1);
  }
}

function encode(reply: Reply): { body: string | Uint8Array; contentType: string } {
  const { body } = reply;
  if (body instanceof Uint8Array)
    return { body, contentType: reply.contentType ?? 'application/octet-stream' };
  if (typeof body === 'string') return { body, contentType: reply.contentType ?? 'text/plain' };
  if (body === undefined) return { body: '', contentType: reply.contentType ?? 'application/json' };
  return { body: JSON.stringify(body), contentType: reply.contentType ?? 'application/json' };
}

async function readAll(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString();
}
