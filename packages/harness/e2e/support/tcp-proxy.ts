import { connect, createServer, type Socket } from 'node:net';

/**
 * A TCP relay in front of ARI so a test can drop the events websocket the way a network does
 * (no close frame), against ari-sim or a real Asterisk alike. REST connections are left alone.
 */
export async function startEventSocketCutter(
  target: URL,
): Promise<{ url: string; cut(): Promise<number>; close(): Promise<void> }> {
  /** Each events socket, and how to cut it. */
  const events = new Map<Socket, () => Promise<void>>();
  const all = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = connect(Number(target.port || 80), target.hostname);
    all.add(client).add(upstream);
    let cutting = false;
    client.once('data', (first) => {
      if (first.toString('latin1').startsWith('GET ') && first.includes('/events?'))
        events.set(client, () => {
          cutting = true;
          const closed = new Promise<void>((resolve) => upstream.once('close', () => resolve()));
          upstream.unpipe(client);
          client.resetAndDestroy();
          // A FIN rather than a reset: the telephony closes its side once it has taken the apps
          // off the socket, so when that close arrives the cut has happened for it too. What it
          // still sends meanwhile is dropped, as its close only shows once that has been read.
          upstream.end();
          upstream.resume();
          return closed;
        });
      upstream.write(first);
      client.pipe(upstream);
    });
    upstream.pipe(client);
    const end = () => {
      events.delete(client);
      all.delete(client);
      client.destroy();
      // A cut upstream stays half open until the telephony closes it.
      if (cutting && !upstream.readableEnded) return;
      all.delete(upstream);
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
    /** Cuts every events socket; resolves with how many once the telephony has closed its side. */
    async cut() {
      const cuts = [...events.values()];
      events.clear();
      await Promise.all(cuts.map((cut) => cut()));
      return cuts.length;
    },
    close: () =>
      new Promise((resolve) => {
        for (const socket of all) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
