// `pnpm bench [--json]`: runs every benchmark and prints a table (or one JSON object of figures).
// Figures are measured in this run; none is a constant.
import { benchValidate, type Figure } from '../packages/flow/bench/validate.bench.js';
import { benchAri } from '../packages/harness/bench/ari.bench.js';
import { benchEngine } from '../runtime/bench/engine.bench.js';

const suites: { name: string; run: () => Figure[] | Promise<Figure[]> }[] = [
  { name: 'flow core', run: benchValidate },
  { name: 'telephony', run: benchAri },
  { name: 'contact engine', run: benchEngine },
];

const figures: Figure[] = [];
for (const s of suites) figures.push(...(await s.run()));

if (process.argv.includes('--json')) {
  console.log(JSON.stringify(Object.fromEntries(figures.map((f) => [f.key, Number(f.value.toFixed(3))]))));
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
  console.log(`node ${process.version}; telephony figures run ari-sim in a second process`);
}
