// `pnpm bench:pbx [--calls N] [--ramp-ms MS] [--pbx-pid PID]`: N concurrent calls (200 unless told)
// through the 10-block IVR against the Asterisk in PARLEY_TEST_ARI_URL (docs/asterisk/LOAD.md), or
// against ari-sim in a second process when the variable is unset. Prints the failures and Parley's
// CPU beside the PBX's. Exit code 1 when a call failed or the run did not happen.
import { readdirSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { asteriskFromEnv } from '@parley/harness';
import { type CallerProcess, type LoadRun, runLoad, startCallerProcess } from './calls.bench.js';
import { cpuSecondsOf, IVR_10, percentile } from './support.js';

function option(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

function count(name: string, fallback: number): number {
  const value = Number(option(name) ?? fallback);
  if (!Number.isInteger(value) || value <= 0) {
    console.error(`${name} takes a positive whole number`);
    process.exit(2);
  }
  return value;
}

/**
 * The pid of the process named `asterisk` on this machine that has used the most CPU: the server,
 * not a remote console (`asterisk -rx …`) that happens to run at the same time.
 */
function localAsterisk(): number | undefined {
  let found: { pid: number; cpu: number } | undefined;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() !== 'asterisk') continue;
      const cpu = cpuSecondsOf(Number(entry));
      if (!found || cpu > found.cpu) found = { pid: Number(entry), cpu };
    } catch {
      // The process ended while we looked.
    }
  }
  return found?.pid;
}

const calls = count('--calls', 200);
const WARM_UP_CALLS = 10;
// Shorter than a call's IVR (three 1.4 s prompts, a key, a Lambda), so all of them are up at once.
const rampMs = count('--ramp-ms', 3000);
const pbxPidOption = option('--pbx-pid');
const target = asteriskFromEnv();

let callers: CallerProcess;
let pbx: string;
let pbxPid: number | undefined;
let cpuNote = '';
if (target) {
  callers = await startCallerProcess(target.url);
  const host = new URL(target.url).hostname;
  const local = ['127.0.0.1', 'localhost', '::1', '[::1]'].includes(host);
  pbxPid = pbxPidOption ? Number(pbxPidOption) : local ? localAsterisk() : undefined;
  pbx = `Asterisk at ${target.url}`;
  if (pbxPid === undefined)
    cpuNote = local
      ? 'no process named asterisk found here: pass --pbx-pid <pid>'
      : "the PBX is on another host, its CPU is not readable from here: run this on the PBX's host, or pass --pbx-pid <pid> of a process here";
} else {
  callers = await startCallerProcess();
  pbxPid = pbxPidOption ? Number(pbxPidOption) : callers.pid;
  pbx = `ari-sim at ${callers.url} (pid ${callers.pid}, PARLEY_TEST_ARI_URL unset)`;
  cpuNote = 'the ari-sim process also runs the callers';
}

console.log(
  `${calls} calls through IVR_10 against ${pbx}, placed over ${rampMs / 1000} s after ${WARM_UP_CALLS} warm-up calls`,
);
let run: LoadRun;
try {
  run = await runLoad({
    warmUpCalls: WARM_UP_CALLS,
    callers,
    username: target?.username ?? 'parley',
    password: target?.password ?? 'parley',
    ivr: IVR_10,
    calls,
    rampMs,
    // The menu is the 2nd prompt.
    keys: { 2: '1' },
    expect: { results: { menu: '1' }, attributes: { entry: 'load', name: 'Ada' } },
    ...(pbxPid !== undefined ? { pbxPid } : {}),
  });
} finally {
  callers.stop();
}

const seconds = (s: number | undefined) =>
  s === undefined
    ? 'not readable'
    : `${s.toFixed(2)} s (${((100 * s) / run.wallSeconds).toFixed(0)}% of a core)`;
const ratio = run.pbxCpuSeconds ? run.parleyCpuSeconds / run.pbxCpuSeconds : undefined;
const rows: [string, string, string][] = [
  ['calls placed', String(run.placed), ''],
  ['calls up at once (peak, in Parley)', String(run.peakCalls), String(calls)],
  ['calls failed (did not reach the queue with the key heard)', String(run.failed), '0'],
  ['wall time', `${run.wallSeconds.toFixed(1)} s`, ''],
  [
    // Across hosts the PBX's clock is not this one's, and the figure means nothing.
    'ARI event latency p50 / p99 (PBX timestamp → dispatch)',
    `${percentile(run.eventLatencyMs, 0.5).toFixed(1)} / ${percentile(run.eventLatencyMs, 0.99).toFixed(1)} ms`,
    '',
  ],
  ["Parley's CPU (this process, with the local Lambda function)", seconds(run.parleyCpuSeconds), ''],
  [`PBX's CPU (pid ${pbxPid ?? '?'})`, seconds(run.pbxCpuSeconds), ''],
  ['Parley / PBX CPU', ratio === undefined ? 'not readable' : ratio.toFixed(2), '≤ 0.5'],
];
const widths = [0, 1].map((i) => Math.max(...rows.map((r) => r[i]?.length ?? 0)));
for (const [what, value, target] of rows)
  console.log(
    `${what.padEnd(widths[0] ?? 0)}  ${value.padEnd(widths[1] ?? 0)}  ${target && `target ${target}`}`,
  );
if (cpuNote) console.log(`CPU: ${cpuNote}`);
console.log(
  `machine: ${cpus().length} cores, load average ${run.loadAverage.toFixed(1)} as the calls started; node ${process.version}`,
);
for (const failure of run.failures) console.log(`failed: ${failure}`);

if (run.placed !== calls || run.events === 0) {
  console.error('the load run did not happen');
  process.exit(1);
}
process.exit(run.failed > 0 ? 1 : 0);
