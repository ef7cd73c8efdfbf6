// Failover figures: 200 calls over three `parley worker` processes on the default one-second lease;
// one worker is killed (SIGKILL) in the middle of the calls' flows and another stopped (SIGTERM).
import type { Figure } from '../../packages/flow/bench/validate.bench.js';
import { runFailover } from './failover.js';
import { reachablePostgres } from './server.bench.js';

const CALLS = 200;

export async function benchFailover(): Promise<{ figures: Figure[]; notes: string[] }> {
  const postgres = await reachablePostgres();
  if ('skipped' in postgres) return { figures: [], notes: [`failover: skipped, ${postgres.skipped}`] };
  const run = await runFailover({ databaseUrl: postgres.url, calls: CALLS, leaseMs: 1_000 });
  const resumed = run.adoptions.flatMap((a) => a.apps).reduce((sum, a) => sum + a.resumed, 0);
  return {
    figures: [
      {
        key: 'failover_calls_survived_pct',
        label: `calls that finished their flow (${run.placed} calls, 3 workers, one SIGKILLed and one stopped mid-flow)`,
        value: (100 * run.survived) / run.placed,
        unit: '%',
        target: '≥ 99',
      },
      {
        key: 'failover_takeover_ms',
        label: '  SIGKILL → another worker adopted its app and resumed its calls (1 s lease)',
        value: run.takeoverMs,
        unit: 'ms',
        target: '< 2000',
      },
      {
        key: 'failover_handover_ms',
        label: '  SIGTERM (rolling restart) → another worker resumed its calls',
        value: run.handOverMs,
        unit: 'ms',
      },
      {
        key: 'failover_calls_resumed',
        label: '  calls resumed from a checkpoint',
        value: resumed,
        unit: 'calls',
      },
    ],
    notes: [],
  };
}
