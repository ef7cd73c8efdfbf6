import { describe, expect, it } from 'vitest';
import { runFailover } from '../../bench/failover.js';
import { testDatabaseUrl } from '../support/stores.js';

const url = testDatabaseUrl();

describe.skipIf(!url)('runtime workers on one PostgreSQL', () => {
  it('take over the calls of a worker killed mid-flow and of one stopped, each from its last block', async () => {
    const run = await runFailover({
      databaseUrl: url ?? '',
      calls: 40,
      // Longer than the default second: on a loaded machine (the whole suite on two cores) a worker
      // may stall past a short lease and be adopted while alive. Speed is the benchmark's to show.
      leaseMs: 3_000,
    });
    console.log(`failover: ${JSON.stringify(run)}`);
    expect(run.contacts).toBe(run.placed);
    expect(run.survived / run.contacts).toBeGreaterThanOrEqual(0.99);
    // A survivor's log is the flow's path with nothing but single entries written twice in a row
    // (survived compares the path once those are folded), and a call was taken over at most twice
    // (a's calls by b, then by c): at most the interrupted block repeated, once per takeover.
    expect(run.mostRepeatedInOneContact).toBeLessThanOrEqual(2);
    expect(run.endedByPbx).toBe(run.placed);
    expect(run.handedOver).toBe(true);
    const apps = run.adoptions.flatMap((a) => a.apps);
    expect(new Set(apps.map((a) => a.workerId))).toEqual(new Set(['a', 'b']));
    // No call was restarted from its first block: every one resumed from its checkpoint.
    expect(apps.map((a) => a.started)).toEqual(apps.map(() => 0));
    expect(apps.reduce((sum, a) => sum + a.resumed, 0)).toBeGreaterThanOrEqual(40);
    expect(run.checkpointsLeft).toBe(0);
  }, 300_000);
});
