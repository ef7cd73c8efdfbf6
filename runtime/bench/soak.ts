// `pnpm soak [--calls 500] [--minutes 10] [--sample-seconds 10] [--json] [--heap-snapshots <dir>]`:
// keeps N calls up at once through the 20-block IVR against ari-sim in a second process for the
// duration (soak-run.ts), printing a sample of the runtime every 10 s and then the figures. Exit
// code 1 on any error or when memory grew by 5% or more between the end of warm-up (the first 20%)
// and the end.
import { cpus, loadavg } from 'node:os';
import { runSoak, type SoakReport, type SoakSample } from './soak-run.js';

function option(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

function positive(name: string, fallback: number): number {
  const value = Number(option(name) ?? fallback);
  if (!Number.isFinite(value) || value <= 0) {
    console.error(`${name} takes a positive number`);
    process.exit(2);
  }
  return value;
}

const calls = Math.round(positive('--calls', 500));
const minutes = positive('--minutes', 10);
const sampleSeconds = positive('--sample-seconds', 10);
const json = process.argv.includes('--json');
const heapSnapshotDir = option('--heap-snapshots');
/** Growth of the heap (after a full collection) or of the RSS at or above this fails the run. */
const GROWTH_LIMIT_PCT = 5;

const columns: [string, (s: SoakSample) => string][] = [
  ['t (s)', (s) => s.atS.toFixed(0)],
  ['calls up', (s) => String(s.callsUp)],
  ['contacts', (s) => String(s.liveContacts)],
  ['queued', (s) => String(s.queued)],
  ['completed', (s) => String(s.completed)],
  ['errors', (s) => String(s.errors)],
  ['heap MB', (s) => s.heapUsedMb.toFixed(1)],
  ['RSS MB', (s) => s.rssMb.toFixed(1)],
  ['listeners', (s) => String(s.listeners)],
  ['timers', (s) => String(s.timers)],
  ['PBX chans', (s) => String(s.pbxChannels)],
  ['runtime CPU/wait %', (s) => `${s.runtimeCpuPct.toFixed(0)}/${s.runtimeWaitPct.toFixed(0)}`],
  ['sim CPU/wait %', (s) => `${s.simCpuPct.toFixed(0)}/${s.simWaitPct.toFixed(0)}`],
  ['loop delay p99/max ms', (s) => `${s.loopDelayP99Ms.toFixed(0)}/${s.loopDelayMaxMs.toFixed(0)}`],
  ['load', (s) => s.loadAverage.toFixed(1)],
  ['steal %', (s) => s.stealPct.toFixed(1)],
];
const row = (cells: string[]) => cells.map((c, i) => c.padStart(columns[i]?.[0].length ?? 0)).join('  ');

const loadAverage = loadavg()[0] ?? Number.NaN;
if (!json) {
  console.log(
    `soak: ${calls} calls at once for ${minutes} min through IVR_20 (half queued then hung up by the caller, half disconnected by the flow), ari-sim and the callers in a second process; ${cpus().length} cores, load average ${loadAverage.toFixed(1)}`,
  );
  console.log(row(columns.map(([name]) => name)));
}
const report: SoakReport = await runSoak({
  calls,
  durationMs: minutes * 60_000,
  sampleMs: sampleSeconds * 1000,
  ...(heapSnapshotDir ? { heapSnapshotDir } : {}),
  ...(json ? {} : { onSample: (s: SoakSample) => console.log(row(columns.map(([, cell]) => cell(s)))) }),
});

const { memory } = report;
const grew =
  memory.heapGrowthPct >= GROWTH_LIMIT_PCT ||
  memory.rssGrowthPct >= GROWTH_LIMIT_PCT ||
  !report.samples.length;
const failed = report.errors > 0 || report.completed === 0 || grew;

if (json) {
  console.log(JSON.stringify({ ...report, loadAverage, cores: cpus().length, node: process.version }));
} else {
  const state = (s: SoakReport['before']) =>
    `${s.liveContacts} contacts, ${s.queued} queued, ${s.listeners} ARI listeners, ${s.timers} timers, PBX ${s.pbxChannels} channels/${s.pbxBridges} bridges, ${s.followed} followed`;
  const lines: [string, string, string][] = [
    ['calls placed', String(report.placed), ''],
    ['calls completed (path, flow log, record, end all as expected)', String(report.completed), ''],
    ['errors', String(report.errors), '0'],
    ['calls per second', report.callsPerSecond.toFixed(1), ''],
    [
      'calls up at once after the ramp (min / mean / max)',
      `${report.concurrency.min} / ${report.concurrency.mean.toFixed(0)} / ${report.concurrency.max}`,
      String(calls),
    ],
    [
      `heap used after GC: warm-up (${memory.warmUp.atS.toFixed(0)} s) → end (${memory.end.atS.toFixed(0)} s)`,
      `${memory.warmUp.heapUsedMb.toFixed(1)} → ${memory.end.heapUsedMb.toFixed(1)} MB (${memory.heapGrowthPct.toFixed(2)}%)`,
      `< ${GROWTH_LIMIT_PCT}%`,
    ],
    [
      'RSS: warm-up → end',
      `${memory.warmUp.rssMb.toFixed(1)} → ${memory.end.rssMb.toFixed(1)} MB (${memory.rssGrowthPct.toFixed(2)}%)`,
      `< ${GROWTH_LIMIT_PCT}%`,
    ],
    [
      '  of which heap reserved / outside the heap: warm-up → end',
      `${memory.warmUp.heapTotalMb.toFixed(1)} / ${memory.warmUp.externalMb.toFixed(1)} → ${memory.end.heapTotalMb.toFixed(1)} / ${memory.end.externalMb.toFixed(1)} MB`,
      '',
    ],
    [
      'runtime CPU per call (with the local Lambda function)',
      `${report.runtimeCpuMsPerCall.toFixed(2)} ms (${report.runtimeCpuPct.toFixed(0)}% of a core)`,
      '',
    ],
    [
      'ari-sim CPU per call (with the callers)',
      `${report.simCpuMsPerCall.toFixed(2)} ms (${report.simCpuPct.toFixed(0)}% of a core)`,
      '',
    ],
    [
      'time each event loop waited for a core (others took it): runtime / ari-sim',
      `${report.runtimeWaitPct.toFixed(0)}% / ${report.simWaitPct.toFixed(0)}%`,
      '',
    ],
    [
      'CPU time the host took from the machine (steal): whole run / worst sample',
      `${report.stealPct.toFixed(1)}% / ${report.stealMaxPct.toFixed(1)}%`,
      '',
    ],
    ['before the calls', state(report.before), ''],
    ['after the calls', state(report.after), ''],
    [
      'Lambda invocations, flow-log entries, contact records',
      `${report.lambdaInvocations}, ${report.flowLogEntries}, ${report.contactRecords}`,
      '',
    ],
  ];
  const widths = [0, 1].map((i) => Math.max(...lines.map((l) => l[i]?.length ?? 0)));
  console.log('');
  for (const [what, value, target] of lines)
    console.log(
      `${what.padEnd(widths[0] ?? 0)}  ${value.padEnd(widths[1] ?? 0)}  ${target && `target ${target}`}`,
    );
  console.log(
    `memory figures are medians of three samples, each read after a full collection; warm-up is the first 20% of the run; node ${process.version}`,
  );
  for (const path of report.snapshots) console.log(`heap snapshot: ${path}`);
  for (const f of report.failures) console.log(`failed ×${f.count}: ${f.kind} (first: ${f.example})`);
}
process.exit(failed ? 1 : 0);
