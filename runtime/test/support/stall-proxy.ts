import { connect, createServer, type Server, type Socket } from 'node:net';

/**
 * A TCP proxy that can stall: while stalled it holds every byte either way, on connections open and
 * opened meanwhile, as a network partition does to a database (no refusal, no reset: sockets that
 * just hang). `resume` delivers what it held, in order, as a partition that heals.
 */
export class StallProxy {
  readonly #server: Server;
  readonly #held: (() => void)[] = [];
  readonly #sockets = new Set<Socket>();
  #stalled = false;

  private constructor(target: { host: string; port: number }) {
    this.#server = createServer((client) => {
      const upstream = connect(target.port, target.host);
      for (const s of [client, upstream]) {
        this.#sockets.add(s);
        s.on('close', () => this.#sockets.delete(s));
        s.on('error', () => undefined);
      }
      const forward = (from: Socket, to: Socket) =>
        from.on('data', (chunk) => {
          if (this.#stalled) this.#held.push(() => to.write(chunk));
          else to.write(chunk);
        });
      forward(client, upstream);
      forward(upstream, client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
  }

  static async start(target: { host: string; port: number }): Promise<StallProxy> {
    const proxy = new StallProxy(target);
    await new Promise<void>((resolve) => proxy.#server.listen(0, '127.0.0.1', resolve));
    return proxy;
  }

  get port(): number {
    const address = this.#server.address();
    return typeof address === 'object' && address ? address.port : 0;
  }

  stall(): void {
    this.#stalled = true;
  }

  resume(): void {
    this.#stalled = false;
    for (const deliver of this.#held.splice(0)) deliver();
  }

  async close(): Promise<void> {
    for (const s of this.#sockets) s.destroy();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }
}
