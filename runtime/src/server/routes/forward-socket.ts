import type { FastifyRequest } from 'fastify';
import WebSocket from 'ws';

/** Messages a slow client has not taken yet beyond which more are dropped, as the routes do. */
const MAX_BUFFERED = 1_000_000;

/**
 * Relays a WebSocket a client opened here to the same route on another worker: what that worker
 * sends goes to the client, what the client sends goes there, and either side closing closes the
 * other. The client's token goes along (header or `access_token`), so the other worker checks it.
 */
export function forwardSocket(client: WebSocket, url: string, request: FastifyRequest): void {
  const headers: Record<string, string> = {};
  if (request.headers.authorization) headers.authorization = request.headers.authorization;
  const upstream = new WebSocket(url, { headers, handshakeTimeout: 10_000 });
  const pending: WebSocket.RawData[] = [];
  upstream.on('open', () => {
    for (const data of pending.splice(0)) upstream.send(data);
  });
  upstream.on('message', (data, isBinary) => {
    if (client.readyState === WebSocket.OPEN && client.bufferedAmount <= MAX_BUFFERED)
      client.send(data, { binary: isBinary });
  });
  client.on('message', (data) => {
    if (upstream.readyState === WebSocket.OPEN) upstream.send(data);
    else if (upstream.readyState === WebSocket.CONNECTING) pending.push(data);
  });
  // A refusal there (a revoked token, a user removed) reaches the client as the close it caused.
  upstream.on('unexpected-response', (_req, res) => {
    close(client, 1008, `refused by the contact center's worker (HTTP ${res.statusCode})`);
    upstream.terminate();
  });
  upstream.on('close', (code, reason) => close(client, code, reason.toString()));
  upstream.on('error', () => close(client, 1011, "the contact center's worker is out of reach"));
  client.on('close', () => upstream.terminate());
  client.on('error', () => upstream.terminate());
}

function close(socket: WebSocket, code: number, reason: string): void {
  if (socket.readyState === WebSocket.CLOSED || socket.readyState === WebSocket.CLOSING) return;
  // 1005/1006 are never sent on the wire: a socket that ended without a code closes as going away.
  socket.close(code === 1005 || code === 1006 ? 1001 : code, reason.slice(0, 120));
}
