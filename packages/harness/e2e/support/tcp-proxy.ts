import { connect, createServer, type Socket } from 'node:net';

/**
 * A TCP relay in front of ARI so a test can drop the events websocket the way a network does
 * (no close frame), against ari-sim or a real Asterisk alike. REST connections are left alone.
 */
export async function startEventSocketCutter(
  target: URL,
): Promise<{ url: string; cut(): number; close(): Promise<void> }> {
  const events = new Set<Socket>();
  const all = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = connect(Number(target.port || 80), target.hostname);
    all.add(client);
    client.once('data', (first) => {
      if (first.toString('latin1').startsWith('GET ') && first.includes('/events?')) events.add(client);
      upstream.write(first);
      client.pipe(upstream);
    });
    upstream.pipe(client);
    const end = () => {
      events.delete(client);
      all.delete(client);
      client.destroy();
      upstream.destroy();
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('proxy did not bind');
  const url = new URL(target.href);
  url.host = `127.0.0.1:${address.port}`;
  return {
    url: url.href.replace(/\/$/, ''),
    cut() {
      const n = events.size;
      for (const socket of events) socket.resetAndDestroy();
      return n;
    },
    close: () =>
      new Promise((resolve) => {
        for (const socket of all) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
