import { performance } from 'node:perf_hooks';
import { loadFlow } from '../src/load.js';
import { generateFlow } from './generate.js';

export interface Figure {
  key: string;
  label: string;
  value: number;
  unit: string;
  target?: string;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
}

/** Read + parse + validate + round-trip check of a flow given as text: what `parley validate` does per file. */
function measure(size: number, repeats: number): { ms: number; diagnostics: number; bytes: number } {
  const text = JSON.stringify(generateFlow(size), null, 2);
  const bytes = new TextEncoder().encode(text);
  let diagnostics = 0;
  for (let i = 0; i < 5; i++) diagnostics = loadFlow(bytes).diagnostics.length; // warm the JIT and compiled schemas
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t0 = performance.now();
    const r = loadFlow(bytes);
    times.push(performance.now() - t0);
    if (!r.roundTrip) throw new Error(`generated flow of ${size} actions did not round-trip`);
  }
  return { ms: median(times), diagnostics, bytes: bytes.byteLength };
}

export function benchValidate(): Figure[] {
  const small = measure(250, 200);
  const large = measure(2000, 40);
  if (small.diagnostics > 1 || large.diagnostics > 2) throw new Error('generated flows should be valid');
  return [
    {
      key: 'validate_250_ms',
      label: 'validate + round-trip, 250 actions',
      value: small.ms,
      unit: 'ms',
      target: '< 5',
    },
    {
      key: 'validate_2000_ms',
      label: 'validate + round-trip, 2,000 actions',
      value: large.ms,
      unit: 'ms',
      target: '< 50',
    },
    { key: 'validate_250_kb', label: 'size of the 250-action flow', value: small.bytes / 1024, unit: 'KiB' },
  ];
}
