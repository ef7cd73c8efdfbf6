// `pnpm bench [--json] [--only <section>[,<section>…]]`: runs every benchmark (or the sections
// named) and prints a table (or one JSON object of figures). Figures are measured in this run;
// none is a constant.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { benchDesigner } from '../designer/bench/open.bench.js';
import { benchValidate, type Figure } from '../packages/flow/bench/validate.bench.js';
import { benchAri } from '../packages/harness/bench/ari.bench.js';
import { benchEngine } from '../runtime/bench/engine.bench.js';
import { benchFailover } from '../runtime/bench/failover.bench.js';
import { benchRouting } from '../runtime/bench/routing.bench.js';
import { benchServer } from '../runtime/bench/server.bench.js';
import { CALL_SERVING_NODE_FLAGS } from '../runtime/src/host/node-flags.js';

/** A section's figures, and what it has to say beside them (what it skipped, and why). */
type Result = Figure[] | { figures: Figure[]; notes: string[] };

const suites: { name: string; run: () => Result | Promise<Result> }[] = [
  { name: 'flow core', run: benchValidate },
  { name: 'telephony', run: benchAri },
  { name: 'contact engine', run: benchEngine },
  // The runtime under calls runs as a worker does, with its V8 flags, in a process of its own: its
  // memory figures are then a worker's, not those of a process that loaded the sections before.
  { name: 'calls', run: () => asWorker('calls') },
  { name: 'contacts', run: () => asWorker('contacts') },
  { name: 'routing', run: benchRouting },
  { name: 'server', run: benchServer },
  { name: 'failover', run: benchFailover },
  { name: 'designer', run: benchDesigner },
];

/**
 * A runtime section in a child node with a call-serving worker's V8 flags (runtime/bench/as-worker.ts),
 * which prints its Result as one JSON line.
 */
async function asWorker(section: 'calls' | 'contacts'): Promise<Result> {
  const args = [...CALL_SERVING_NODE_FLAGS, '--import', './scripts/lib/ts-register.mjs'];
  const child = spawn(process.execPath, [...args, 'runtime/bench/as-worker.ts', section], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    out += chunk;
  });
  const [code] = (await once(child, 'close')) as [number | null];
  if (code !== 0) throw new Error(`as-worker.ts ${section} exited with ${code}`);
  return JSON.parse(out.trim().split('\n').at(-1) ?? '') as Result;
}

const onlyAt = process.argv.indexOf('--only');
const only = onlyAt >= 0 ? (process.argv[onlyAt + 1] ?? '').split(',').map((s) => s.trim()) : undefined;
const unknown = only?.filter((name) => !suites.some((s) => s.name === name)) ?? [];
if (unknown.length > 0 || only?.length === 0) {
  console.error(`--only takes sections among: ${suites.map((s) => s.name).join(', ')}`);
  process.exit(2);
}

const figures: Figure[] = [];
const notes: string[] = [];
const failed: string[] = [];
for (const s of suites) {
  if (only && !only.includes(s.name)) continue;
  let result: Result;
  try {
    result = await s.run();
  } catch (error) {
    // One section's failure costs its own figures, not those the others measured; the exit code says.
    failed.push(s.name);
    notes.push(`${s.name}: failed, ${error instanceof Error ? error.message : String(error)}`);
    continue;
  }
  if (Array.isArray(result)) figures.push(...result);
  else {
    figures.push(...result.figures);
    notes.push(...result.notes);
  }
}

if (process.argv.includes('--json')) {
  console.log(JSON.stringify(Object.fromEntries(figures.map((f) => [f.key, Number(f.value.toFixed(3))]))));
  // Standard output stays one JSON object.
  for (const n of notes) console.error(n);
} else {
  const rows = figures.map((f) => [
    f.label,
    `${f.value.toFixed(2)} ${f.unit}`,
    f.target ? `${f.target} ${f.unit}` : '',
  ]);
  const widths = [0, 1, 2].map((i) =>
    Math.max(...rows.map((r) => r[i]?.length ?? 0), ['benchmark', 'figure', 'target'][i]?.length ?? 0),
  );
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
  console.log(line(['benchmark', 'figure', 'target']));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
  for (const n of notes) console.log(n);
  console.log(
    `node ${process.version}; telephony figures run ari-sim in a second process; the calls and contacts figures' runtime runs in a process of its own with a worker's V8 flags (${CALL_SERVING_NODE_FLAGS.join(' ')}); server figures go through Fastify's inject (no sockets)`,
  );
}

if (failed.length > 0) {
  console.error(`pnpm bench: ${failed.length} section(s) failed: ${failed.join(', ')}`);
  process.exitCode = 1;
}
