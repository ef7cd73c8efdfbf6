import { resolve } from 'node:path';
import { startParley } from '../../host/start.js';
import { ariFromEnv } from '../../host/telephony.js';
import type { CliIo } from '../io.js';

export interface WorkerCommandOptions {
  id: string;
  port?: string;
  host?: string;
  data?: string;
  leaseMs?: string;
}

/**
 * `parley worker --id <id>`: one runtime worker of several sharing DATABASE_URL and the PBX in
 * PARLEY_ARI_URL, serving the Stasis app PARLEY_ARI_APP (default `parley-<id>`). No designer, no
 * demo. PARLEY_WORKER_URL is where the other workers reach its API (default the address it listens
 * on), PARLEY_AGENT_ENDPOINT where agents' phones ring (StartOptions.agentEndpoint). Prints one
 * line per event (`ready`, `adopted`) for supervisors and tests to read.
 */
export async function workerCommand(opts: WorkerCommandOptions, io: CliIo): Promise<number> {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    io.stderr('parley worker needs the shared PostgreSQL in DATABASE_URL\n');
    return 2;
  }
  const leaseMs = opts.leaseMs === undefined ? undefined : Number(opts.leaseMs);
  if (leaseMs !== undefined && !(leaseMs >= 100)) {
    io.stderr('--lease-ms must be a number of milliseconds, at least 100\n');
    return 2;
  }
  let ari: ReturnType<typeof ariFromEnv>;
  try {
    ari = ariFromEnv({ PARLEY_ARI_APP: `parley-${opts.id}`, ...process.env });
  } catch (e) {
    io.stderr(`${(e as Error).message}\n`);
    return 2;
  }
  if (!ari) {
    io.stderr('parley worker needs the shared PBX in PARLEY_ARI_URL (with _USER and _PASSWORD)\n');
    return 2;
  }
  let fenced!: () => void;
  const stopped = new Promise<'fenced' | 'signal'>((done) => {
    fenced = () => done('fenced');
    process.once('SIGINT', () => done('signal'));
    process.once('SIGTERM', () => done('signal'));
  });
  const say = (event: Record<string, unknown>) => io.stdout(`${JSON.stringify(event)}\n`);
  let running: Awaited<ReturnType<typeof startParley>>;
  try {
    running = await startParley({
      port: opts.port === undefined ? 0 : Number(opts.port),
      host: opts.host ?? '127.0.0.1',
      dataDir: resolve(io.cwd, opts.data ?? `.parley-worker-${opts.id}`),
      databaseUrl,
      ari,
      demo: false,
      designer: false,
      ...(process.env.PARLEY_AGENT_ENDPOINT ? { agentEndpoint: process.env.PARLEY_AGENT_ENDPOINT } : {}),
      cluster: {
        workerId: opts.id,
        ...(process.env.PARLEY_WORKER_URL ? { url: process.env.PARLEY_WORKER_URL } : {}),
        ...(leaseMs !== undefined ? { leaseMs } : {}),
        onFenced: fenced,
        onAdopted: (adoption) => say({ adopted: adoption }),
      },
    });
  } catch (e) {
    io.stderr(`parley worker failed: ${(e as Error).message}\n`);
    return 1;
  }
  say({ ready: { worker: opts.id, app: ari.app, url: running.url } });
  const why = await stopped;
  if (why === 'fenced') {
    // Its calls are the adopter's now: closing them here would record and hang them up twice.
    io.stderr(`worker ${opts.id} was adopted by another worker; stopping\n`);
    process.exit(1);
  }
  // Stopped on purpose (a rolling restart): the calls go on, on the worker that adopts them.
  await running.handOver?.();
  say({ handedOver: { worker: opts.id } });
  process.exit(0);
}
