import { randomBytes } from 'node:crypto';
import { type AriClient, createAriClient, httpTransport, type RetryOptions, systemClock } from '@parley/ari';
import { type AriSim, createAriSim } from '@parley/ari-sim';

/**
 * How the runtime's ARI client treats commands: an answer within 10 s, and what is safe to repeat
 * (reads, hang-ups, answer, plays under their own id...) tried three times, 250 ms then 500 ms apart,
 * before the block takes its error branch.
 */
export const RUNTIME_ARI: { requestTimeoutMs: number; retry: Required<RetryOptions> } = {
  requestTimeoutMs: 10_000,
  retry: { attempts: 3, delayMs: 250 },
};

export interface AriTarget {
  /** Base URL ending in `/ari`. */
  url: string;
  username: string;
  password: string;
  /** The runtime's Stasis app; inbound calls arrive as `Stasis(<app>, inbound, <number>)`. */
  app: string;
  /** An ARI user of the `harness` app, for the designer's test calls (the `from-test` dialplan). */
  harness?: { username: string; password: string };
}

export interface Telephony {
  kind: 'asterisk' | 'ari-sim';
  url: string;
  app: string;
  /** The runtime's ARI client, connected. */
  ari: AriClient;
  /** The simulated Asterisk, when there is no real one; its `harness` app places test calls. */
  sim?: AriSim;
  /** Credentials of the harness app (ari-sim's, or Asterisk's when given): test calls. Never printed. */
  harness?: { username: string; password: string };
  close(): Promise<void>;
}

/**
 * `PARLEY_ARI_URL`, `_USER`, `_PASSWORD`, `_APP`: a real Asterisk to drive instead of ari-sim;
 * `_HARNESS_USER` and `_HARNESS_PASSWORD`: the harness app's ARI user, for test calls.
 */
export function ariFromEnv(env: NodeJS.ProcessEnv = process.env): AriTarget | undefined {
  const url = env.PARLEY_ARI_URL;
  if (!url) return undefined;
  const username = env.PARLEY_ARI_USER;
  const password = env.PARLEY_ARI_PASSWORD;
  if (!username || !password)
    throw new Error('PARLEY_ARI_URL is set: PARLEY_ARI_USER and PARLEY_ARI_PASSWORD are needed too');
  const harnessUser = env.PARLEY_ARI_HARNESS_USER;
  const harnessPassword = env.PARLEY_ARI_HARNESS_PASSWORD;
  return {
    url: url.replace(/\/$/, ''),
    username,
    password,
    app: env.PARLEY_ARI_APP ?? 'parley',
    ...(harnessUser && harnessPassword
      ? { harness: { username: harnessUser, password: harnessPassword } }
      : {}),
  };
}

/**
 * The runtime's ARI connection: to a real Asterisk when one is given, else to an ari-sim server
 * started here on a free local port. Either way it is ARI over HTTP and a WebSocket.
 */
export async function openTelephony(target?: AriTarget): Promise<Telephony> {
  if (target) {
    const ari = createAriClient({
      transport: httpTransport(target, { requestTimeoutMs: RUNTIME_ARI.requestTimeoutMs }),
      app: target.app,
      retry: RUNTIME_ARI.retry,
    });
    await ari.connect();
    return {
      kind: 'asterisk',
      url: target.url,
      app: target.app,
      ari,
      ...(target.harness ? { harness: target.harness } : {}),
      close: async () => ari.close(),
    };
  }
  const runtime = { username: 'parley', password: randomBytes(16).toString('hex') };
  const harness = { username: 'harness', password: randomBytes(16).toString('hex') };
  const sim = createAriSim({ clock: systemClock, config: { users: [runtime, harness] } });
  const server = await sim.listen({ port: 0, host: '127.0.0.1' });
  const ari = createAriClient({
    transport: httpTransport(
      { url: server.url, ...runtime },
      { requestTimeoutMs: RUNTIME_ARI.requestTimeoutMs },
    ),
    app: 'parley',
    retry: RUNTIME_ARI.retry,
  });
  await ari.connect();
  return {
    kind: 'ari-sim',
    url: server.url,
    app: 'parley',
    ari,
    sim,
    harness,
    async close() {
      ari.close();
      await server.close();
      await sim.close();
    },
  };
}
