import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import { ADMIN_PREFIX, type AdminTarget, handleAdmin } from './admin.js';
import { AUTH_REQUIRED, authenticate } from './auth.js';
import { attachEventSink } from './event-streams.js';
import { ConnectionDropped } from './faults.js';
import type { Core } from './model/core.js';
import type { Router } from './rest/router.js';

export interface ListenOptions {
  port?: number;
  host?: string;
}

export interface RunningServer {
  /** Base URL ending in `/ari`. */
  url: string;
  /** Drops the events sockets of these apps (all when absent) without a close frame; how many. */
  dropEventSockets(apps?: readonly string[]): number;
  close(): Promise<void>;
}

const PREFIX = '/ari';

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendJson(
  res: ServerResponse,
  status: number,
  value: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(value);
  res.writeHead(status, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

function refuseUpgrade(socket: Duplex, status: number, message: string): void {
  const text = JSON.stringify({ message });
  const reason = status === 401 ? 'Unauthorized' : 'Bad Request';
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(text)}\r\nConnection: close\r\n\r\n${text}`,
  );
}

/**
 * REST at `/ari/...` and the events websocket at `/ari/events`, on one HTTP server like
 * res_http_websocket; the sim's own controls under `/ari-sim/` (admin.ts). While the sim is down
 * (`Faults.down`) every connection is dropped as it arrives, as nobody would be listening.
 */
export async function listen(
  core: Core,
  router: Router,
  admin: AdminTarget,
  options: ListenOptions = {},
): Promise<RunningServer> {
  const { faults } = admin;
  const credentialsOf = (req: IncomingMessage, url: URL) =>
    authenticate(core.config.users, req.headers.authorization, url.searchParams.get('api_key') ?? undefined);

  const server = createServer(async (req, res) => {
    if (faults.down) {
      req.socket.destroy();
      return;
    }
    const url = new URL(req.url ?? '/', 'http://ari-sim');
    const isAdmin = url.pathname.startsWith(`${ADMIN_PREFIX}/`);
    if (!url.pathname.startsWith(`${PREFIX}/`) && !isAdmin) {
      sendJson(res, 404, { message: 'Resource not found' });
      return;
    }
    const user = credentialsOf(req, url);
    if (!user) {
      sendJson(res, 401, AUTH_REQUIRED, { 'WWW-Authenticate': 'Basic realm="Asterisk REST Interface"' });
      return;
    }
    const text = await readBody(req);
    let body: Record<string, unknown> | undefined;
    if (text.trim()) {
      try {
        const parsed: unknown = JSON.parse(text);
        if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed))
          body = parsed as Record<string, unknown>;
      } catch {
        sendJson(res, 400, { message: 'Error parsing request body' });
        return;
      }
    }
    if (isAdmin) {
      if (user.readOnly) {
        sendJson(res, 403, { message: 'Write access denied' });
        return;
      }
      const reply = await handleAdmin(admin, req.method ?? 'GET', url.pathname, body);
      if (reply.status === 204) {
        res.writeHead(204);
        res.end();
      } else sendJson(res, reply.status, reply.json);
      return;
    }
    const query: Record<string, string> = {};
    for (const [key, value] of url.searchParams) if (key !== 'api_key') query[key] = value;
    let response: Awaited<ReturnType<Router['handle']>>;
    try {
      response = await router.handle({
        method: req.method ?? 'GET',
        path: url.pathname.slice(PREFIX.length),
        query,
        body,
        user,
      });
    } catch (error) {
      // A request whose answer was never coming: the connection goes, as with a dead Asterisk.
      if (error instanceof ConnectionDropped) {
        req.socket.destroy();
        return;
      }
      throw error;
    }
    if (response.status === 204) {
      res.writeHead(204);
      res.end();
      return;
    }
    const payload =
      typeof response.body === 'string' ? Buffer.from(response.body) : Buffer.from(response.body);
    res.writeHead(response.status, {
      'Content-Type': response.contentType ?? 'application/json',
      'Content-Length': payload.length,
    });
    res.end(payload);
  });

  const wss = new WebSocketServer({
    noServer: true,
    handleProtocols: (protocols) => (protocols.has('ari') ? 'ari' : false),
  });
  const sockets = new Map<WebSocket, readonly string[]>();
  server.on('upgrade', (req, socket, head) => {
    if (faults.down) {
      socket.destroy();
      return;
    }
    const url = new URL(req.url ?? '/', 'http://ari-sim');
    if (url.pathname !== `${PREFIX}/events`) {
      refuseUpgrade(socket, 404, 'Resource not found');
      return;
    }
    if (!credentialsOf(req, url)) {
      refuseUpgrade(socket, 401, AUTH_REQUIRED.message);
      return;
    }
    const apps = (url.searchParams.get('app') ?? '').split(',').filter(Boolean);
    if (apps.length === 0) {
      refuseUpgrade(socket, 400, 'Missing param app');
      return;
    }
    const subscribeAll = /^(yes|true|y|t|1|on)$/i.test(url.searchParams.get('subscribeAll') ?? '');
    wss.handleUpgrade(req, socket, head, (ws) => {
      const sink = {
        send: (text: string) => {
          if (ws.readyState === WebSocket.OPEN) ws.send(text);
        },
      };
      const detach = attachEventSink(core, apps, subscribeAll, sink);
      sockets.set(ws, apps);
      const closed = () => {
        sockets.delete(ws);
        detach();
      };
      ws.on('close', closed);
      ws.on('error', closed);
    });
  });

  await new Promise<void>((resolve) =>
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve),
  );
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}${PREFIX}`,
    dropEventSockets(apps) {
      let dropped = 0;
      for (const [ws, owned] of [...sockets]) {
        if (apps && !owned.some((app) => apps.includes(app))) continue;
        // No close frame: the peer learns of it as it would of a dead network.
        ws.terminate();
        sockets.delete(ws);
        dropped++;
      }
      return dropped;
    },
    close: async () => {
      for (const ws of wss.clients) ws.terminate();
      await new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
    },
  };
}
