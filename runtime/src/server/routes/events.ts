import type { FastifyInstance } from 'fastify';
import { instanceParams, type RouteDeps } from './shared.js';

/**
 * Live events of one instance over a WebSocket: flow saves and publishes, resource changes,
 * contacts starting and ending, flow-log entries as they are written.
 */
export const eventRoutes = (deps: RouteDeps) => async (app: FastifyInstance) => {
  app.get(
    '/events',
    { websocket: true, config: { access: 'read' }, schema: { params: instanceParams } },
    (socket, request) => {
      const instanceId = request.scope?.instance.id;
      const unsubscribe = deps.events.subscribe((event) => {
        if (event.instanceId !== instanceId) return;
        // A slow client must not hold the server's memory: drop events while its buffer is full.
        if (socket.bufferedAmount > 1_000_000) return;
        socket.send(JSON.stringify(event));
      });
      socket.on('close', unsubscribe);
      socket.on('error', unsubscribe);
      socket.send(JSON.stringify({ type: 'hello', instanceId }));
    },
  );
};
