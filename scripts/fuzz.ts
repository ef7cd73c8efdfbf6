// `pnpm fuzz [--runs N] [--seed S] [--only a,b] [--jobs J] [--hang-seconds H] [--path P]`: runs the
// fuzz targets (packages/flow/test/fuzz, runtime/test/fuzz) over N documents in all (1,000,000 by
// default), shared by weight, J targets at a time in worker threads. Prints per target the documents,
// findings, hangs and documents per second; on any finding prints the seed, the shrunk case and the
// command that replays it, and exits 1. A case that runs H seconds (60) without returning is a hang:
// its worker is terminated and the case generated again to be shown. --path replays one case.
import { cpus } from 'node:os';
import { Worker } from 'node:worker_threads';
import { caseAt, type FuzzReport, formatFailure, runTarget } from '../packages/flow/test/fuzz/run.js';
import { ALL_TARGETS } from './fuzz-targets.js';
import type { WorkerTask } from './fuzz-worker.js';

function option(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

function numberOption(name: string, fallback: number): number {
  const raw = option(name);
  if (raw === undefined) return fallback;
  const n = Number(raw.replaceAll('_', '').replaceAll(',', ''));
  if (!Number.isSafeInteger(n)) {
    console.error(`--${name} takes an integer, not ${raw}`);
    process.exit(2);
  }
  return n;
}

const runs = numberOption('runs', 1_000_000);
const seed = numberOption('seed', Math.floor(Math.random() * 2 ** 31));
const jobs = Math.max(1, numberOption('jobs', Math.min(2, cpus().length)));
const hangMs = numberOption('hang-seconds', 60) * 1000;
const path = option('path');
const only = option('only')
  ?.split(',')
  .map((s) => s.trim());
const unknown = only?.filter((name) => !ALL_TARGETS.some((t) => t.name === name)) ?? [];
if (unknown.length > 0 || only?.length === 0) {
  console.error(`--only takes targets among: ${ALL_TARGETS.map((t) => t.name).join(', ')}`);
  process.exit(2);
}
const targets = ALL_TARGETS.filter((t) => !only || only.includes(t.name));

if (path !== undefined) {
  const [target] = targets;
  if (targets.length !== 1 || !target) {
    console.error('--path replays one case: name its target with --only');
    process.exit(2);
  }
  // A replay runs in this thread: a debugger or a stack trace sees the code under test directly.
  const report = await runTarget(target, { runs: 1, seed, path });
  console.log(formatFailure(report));
  process.exit(report.failure ? 1 : 0);
}

const totalWeight = targets.reduce((n, t) => n + t.weight, 0);
const plan = targets.map((t) => ({
  target: t,
  runs: Math.max(1, Math.ceil((runs * t.weight) / totalWeight)),
}));

interface Outcome {
  report: FuzzReport;
  hang: boolean;
  slowestMs: number;
}

/** Each running target's heartbeat, for the progress line. */
const running = new Map<string, Int32Array>();
let finished = 0;

function runInWorker(name: string, count: number): Promise<Outcome> {
  const heartbeat = new SharedArrayBuffer(8);
  const beat = new Int32Array(heartbeat);
  running.set(name, beat);
  const task: WorkerTask = { target: name, runs: count, seed, heartbeat };
  const worker = new Worker(new URL('./fuzz-worker.ts', import.meta.url), { workerData: task });
  const started = performance.now();
  return new Promise((resolve, reject) => {
    let seen = 0;
    let since = performance.now();
    const watchdog = setInterval(async () => {
      const now = Atomics.load(beat, 0);
      if (now !== seen) {
        seen = now;
        since = performance.now();
        return;
      }
      // Opening a target (an embedded store) happens before its first case.
      if (performance.now() - since < (seen === 0 ? 5 * hangMs : hangMs)) return;
      clearInterval(watchdog);
      await worker.terminate();
      const index = seen - 1;
      const target = targets.find((t) => t.name === name);
      const counterexample =
        target && index >= 0 && index < count
          ? await caseAt(target, seed, String(index))
          : '(while shrinking)';
      resolve({
        hang: true,
        slowestMs: performance.now() - since,
        report: {
          target: name,
          seed,
          runs: Math.max(0, index),
          ms: performance.now() - started,
          failure: {
            kind: 'hang',
            message: `case ${index} ran ${Math.round((performance.now() - since) / 1000)} s without returning`,
            counterexample,
            path: String(index),
          },
        },
      });
    }, 1000);
    worker.once('message', (report: FuzzReport) => {
      clearInterval(watchdog);
      resolve({ report, hang: false, slowestMs: Atomics.load(beat, 1) });
    });
    worker.once('error', (e) => {
      clearInterval(watchdog);
      reject(e);
    });
  });
}

console.log(
  `fuzzing ${runs.toLocaleString('en')} documents over ${targets.length} target(s), seed ${seed}, ${jobs} at a time`,
);
for (const p of plan)
  console.log(`  ${p.target.name.padEnd(9)} ${String(p.runs).padStart(9)}  ${p.target.description}`);

const started = performance.now();
const outcomes = new Map<string, Outcome>();
const total = plan.reduce((n, p) => n + p.runs, 0);
const progress = setInterval(() => {
  const now = finished + [...running.values()].reduce((n, b) => n + Atomics.load(b, 0), 0);
  const s = (performance.now() - started) / 1000;
  console.log(
    `  … ${now.toLocaleString('en')} / ${total.toLocaleString('en')} after ${s.toFixed(0)} s (${(now / s).toFixed(0)} docs/s)`,
  );
}, 60_000);
// Largest first, so a long target does not start last and leave the other workers idle at the end.
const queue = [...plan].sort((a, b) => b.runs - a.runs);
await Promise.all(
  Array.from({ length: jobs }, async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const outcome = await runInWorker(next.target.name, next.runs);
      running.delete(next.target.name);
      finished += outcome.report.runs;
      outcomes.set(next.target.name, outcome);
      const r = outcome.report;
      console.log(
        `  done ${r.target}: ${r.runs.toLocaleString('en')} in ${(r.ms / 1000).toFixed(0)} s${r.failure ? ` — ${r.failure.kind}` : ''}`,
      );
    }
  }),
);
const seconds = (performance.now() - started) / 1000;
clearInterval(progress);

const rows = plan.map(({ target }) => {
  const o = outcomes.get(target.name);
  const r = o?.report;
  const failed = r?.failure && !o?.hang ? 1 : 0;
  return [
    target.name,
    (r?.runs ?? 0).toLocaleString('en'),
    String(failed),
    String(o?.hang ? 1 : 0),
    r ? ((r.runs * 1000) / r.ms).toFixed(0) : '',
    r ? (r.ms / 1000).toFixed(0) : '',
    o ? String(o.slowestMs) : '',
  ];
});
const header = ['target', 'documents', 'crashes', 'hangs', 'docs/s', 'seconds', 'slowest ms'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]?.length ?? 0)));
const line = (r: string[]) =>
  r.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
console.log(`\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
for (const r of rows) console.log(line(r));
const documents = [...outcomes.values()].reduce((n, o) => n + o.report.runs, 0);
const findings = [...outcomes.values()].filter((o) => o.report.failure);
console.log(
  `\n${documents.toLocaleString('en')} documents in ${seconds.toFixed(0)} s (${(documents / seconds).toFixed(0)} docs/s over ${jobs} worker(s)), ${findings.length} finding(s), seed ${seed}; node ${process.version}`,
);
for (const f of findings) console.log(`\n${formatFailure(f.report)}`);
process.exit(findings.length > 0 ? 1 : 0);
