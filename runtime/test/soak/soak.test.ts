import { beforeAll, describe, expect, it } from 'vitest';
import { runSoak, type SoakReport } from '../../bench/soak-run.js';

// `pnpm soak` holds 500 calls for 10 minutes; this is the same run, short: 50 calls at once for 25 s,
// over real sockets to ari-sim in a second process. The memory figure is printed, not asserted: over
// a few generations of calls it says more about V8's warming up than about leaks.
const CALLS = 50;

describe('a short soak', () => {
  let report: SoakReport;
  beforeAll(async () => {
    report = await runSoak({ calls: CALLS, durationMs: 25_000, sampleMs: 5_000, rampMs: 5_000 });
  }, 180_000);

  it('serves every call placed to the end its number promises, replacing each call that ends', () => {
    const { memory } = report;
    console.log(
      `soak: ${report.completed} calls completed, ${report.errors} errors, ${report.concurrency.min}–${report.concurrency.max} up after the ramp; heap ${memory.warmUp.heapUsedMb.toFixed(1)} → ${memory.end.heapUsedMb.toFixed(1)} MB (${memory.heapGrowthPct.toFixed(1)}%), RSS ${memory.warmUp.rssMb.toFixed(1)} → ${memory.end.rssMb.toFixed(1)} MB (${memory.rssGrowthPct.toFixed(1)}%); ${report.runtimeCpuMsPerCall.toFixed(1)} ms of runtime CPU per call`,
    );
    expect(report.failures).toEqual([]);
    expect(report.errors).toBe(0);
    expect(report.completed).toBe(report.placed);
    // Calls that ended were replaced: more were placed than are kept up at once.
    expect(report.placed).toBeGreaterThan(CALLS);
    expect(report.contactRecords).toBe(report.placed);
    expect(report.lambdaInvocations).toBe(report.placed);
  });

  it('lets go of every call once the calls are over: contacts, ARI listeners, timers, channels', () => {
    expect(report.after).toEqual({
      ...report.before,
      timers: report.after.timers,
    });
    expect(report.after.timers).toBeLessThanOrEqual(report.before.timers);
    expect(report.after.liveContacts).toBe(0);
    // The PBX never held more than the pair of channels each call up at once has.
    expect(Math.max(...report.samples.map((s) => s.pbxChannels))).toBeLessThanOrEqual(2 * CALLS);
  });
});
