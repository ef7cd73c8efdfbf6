import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DEMO_NUMBER } from '../../host/demo.js';
import { type DesignerBuild, ensureDesigner } from '../../host/designer.js';
import { type RunningParley, startParley } from '../../host/start.js';
import { ariFromEnv } from '../../host/telephony.js';
import type { CliIo } from '../io.js';

export interface StartCommandOptions {
  port?: string;
  host?: string;
  data?: string;
  demo?: boolean;
  corsOrigin?: string[];
  /** Resolves when the server should stop; SIGINT or SIGTERM when absent. */
  until?: Promise<unknown>;
  /** Told once the server runs (tests). */
  onStarted?: (running: RunningParley) => void;
}

const signalled = () =>
  new Promise<void>((done) => {
    process.once('SIGINT', () => done());
    process.once('SIGTERM', () => done());
  });

const designerLine = (url: string, build: DesignerBuild) =>
  existsSync(join(build.dist, 'index.html')) ? `${url}/` : 'not built (see the error above)';

/** `parley start`: everything in one process, until stopped. */
export async function startCommand(opts: StartCommandOptions, io: CliIo): Promise<number> {
  const port = opts.port === undefined ? 8080 : Number(opts.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    io.stderr(`--port must be a port number, not ${JSON.stringify(opts.port)}\n`);
    return 2;
  }
  const designer = await ensureDesigner((line) => io.stdout(`${line}\n`));
  if (designer.error) io.stderr(`The designer did not build; the API runs without it.\n${designer.error}\n`);
  else if (designer.ms !== undefined) io.stdout(`Designer built in ${(designer.ms / 1000).toFixed(1)} s\n`);
  let running: RunningParley;
  try {
    const databaseUrl = process.env.DATABASE_URL;
    const ari = ariFromEnv();
    const corsOrigins = [
      ...(opts.corsOrigin ?? []),
      ...(process.env.PARLEY_CORS_ORIGINS ?? '').split(',').map((o) => o.trim()),
    ].filter((o) => o !== '');
    running = await startParley({
      port,
      host: opts.host ?? '127.0.0.1',
      dataDir: resolve(io.cwd, opts.data ?? '.parley'),
      ...(databaseUrl ? { databaseUrl } : {}),
      ...(ari ? { ari } : {}),
      demo: opts.demo ?? true,
      designer: designer.dist,
      corsOrigins,
    });
  } catch (e) {
    io.stderr(`parley start failed: ${(e as Error).message}\n`);
    return 1;
  }
  const demo = running.instances.forNumber(DEMO_NUMBER);
  io.stdout(
    [
      `Parley is running at ${running.url}`,
      `  designer:    ${designerLine(running.url, designer)}`,
      `  API:         ${running.url}/api   (OpenAPI: ${running.url}/docs)`,
      `  store:       ${running.store.driver === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `embedded, in ${resolve(io.cwd, opts.data ?? '.parley')}`}`,
      `  telephony:   ${running.telephony.kind === 'asterisk' ? `Asterisk at ${running.telephony.url}` : `ari-sim at ${running.telephony.url}`}, app ${running.telephony.app}`,
      ...(demo ? [`  demo:        instance "${demo.info.alias}", ${DEMO_NUMBER} runs "Bank menu"`] : []),
      ...(running.adminToken
        ? [
            `  admin token: ${running.adminToken}`,
            '               (shown once: keep it; create more with POST /api/tokens)',
          ]
        : []),
      '',
    ].join('\n'),
  );
  opts.onStarted?.(running);
  await (opts.until ?? signalled());
  await running.close();
  return 0;
}
