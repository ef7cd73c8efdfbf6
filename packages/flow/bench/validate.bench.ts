import { performance } from 'node:perf_hooks';
import equal from 'fast-deep-equal';
import { compile } from '../src/engine/compile.js';
import { readJson } from '../src/input/read.js';
import { loadFlow } from '../src/load.js';
import { toDocument } from '../src/model/serialize.js';
import type { JsonObject } from '../src/model/types.js';
import { validateParsed } from '../src/validate/validate.js';
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

interface Stages {
  /** Decode + JSON.parse + shape checks. */
  read: number;
  /** Schema, parameters, identifiers, branches, reachability. */
  validate: number;
  /** Model → document and the deep comparison with the input. */
  roundTrip: number;
  /** All of it, as `parley validate` does per file (loadFlow on bytes). */
  total: number;
  /** compile(model) with no cache key, so every repeat builds the machine afresh. */
  compile: number;
  /** loadFlow on bytes then compile of its model, as one repeat. */
  loadAndCompile: number;
  diagnostics: number;
  bytes: number;
}

function measure(size: number, repeats: number): Stages {
  const text = JSON.stringify(generateFlow(size), null, 2);
  const bytes = new TextEncoder().encode(text);
  const doc = JSON.parse(text) as JsonObject;
  let diagnostics = 0;
  for (let i = 0; i < 5; i++) diagnostics = loadFlow(bytes).diagnostics.length; // warm the JIT and compiled schemas
  const t = {
    read: [] as number[],
    validate: [] as number[],
    roundTrip: [] as number[],
    total: [] as number[],
    compile: [] as number[],
    loadAndCompile: [] as number[],
  };
  const model = loadFlow(bytes).model;
  if (!model) throw new Error(`generated flow of ${size} actions has no model`);
  for (let i = 0; i < 5; i++) compile(model);
  for (let i = 0; i < repeats; i++) {
    let t0 = performance.now();
    readJson(bytes);
    t.read.push(performance.now() - t0);
    t0 = performance.now();
    // As loadFlow does: the shape checks ran in `read` and are not counted twice.
    const v = validateParsed(doc, { contentLength: text.length });
    t.validate.push(performance.now() - t0);
    t0 = performance.now();
    if (!v.model || !equal(toDocument(v.model), doc))
      throw new Error(`generated flow of ${size} actions did not round-trip`);
    t.roundTrip.push(performance.now() - t0);
    t0 = performance.now();
    loadFlow(bytes);
    t.total.push(performance.now() - t0);
    t0 = performance.now();
    compile(model);
    t.compile.push(performance.now() - t0);
    t0 = performance.now();
    const loaded = loadFlow(bytes).model;
    if (loaded) compile(loaded);
    t.loadAndCompile.push(performance.now() - t0);
  }
  return {
    read: median(t.read),
    validate: median(t.validate),
    roundTrip: median(t.roundTrip),
    total: median(t.total),
    compile: median(t.compile),
    loadAndCompile: median(t.loadAndCompile),
    diagnostics,
    bytes: bytes.byteLength,
  };
}

export function benchValidate(): Figure[] {
  const small = measure(250, 200);
  const large = measure(2000, 40);
  if (small.diagnostics > 1 || large.diagnostics > 2) throw new Error('generated flows should be valid');
  const rows = (n: string, s: Stages): Figure[] => [
    { key: `read_${n}_ms`, label: `  read (decode, parse, shape), ${n} actions`, value: s.read, unit: 'ms' },
    { key: `validate_only_${n}_ms`, label: `  validate, ${n} actions`, value: s.validate, unit: 'ms' },
    { key: `roundtrip_${n}_ms`, label: `  round-trip check, ${n} actions`, value: s.roundTrip, unit: 'ms' },
    {
      key: `compile_${n}_ms`,
      label: `  compile (XState machine, cold), ${n} actions`,
      value: s.compile,
      unit: 'ms',
    },
  ];
  const combined = (n: string, s: Stages, target: string): Figure => ({
    key: `validate_compile_${n}_ms`,
    label: `read + validate + round-trip + compile, ${n === '2000' ? '2,000' : n} actions`,
    value: s.loadAndCompile,
    unit: 'ms',
    target,
  });
  return [
    {
      key: 'validate_250_ms',
      label: 'read + validate + round-trip, 250 actions',
      value: small.total,
      unit: 'ms',
      target: '< 5',
    },
    ...rows('250', small),
    combined('250', small, '< 5'),
    {
      key: 'validate_2000_ms',
      label: 'read + validate + round-trip, 2,000 actions',
      value: large.total,
      unit: 'ms',
      target: '< 50',
    },
    ...rows('2000', large),
    combined('2000', large, '< 50'),
    {
      key: 'flow_250_kib',
      label: 'size of the 250-action flow file',
      value: small.bytes / 1024,
      unit: 'KiB',
    },
  ];
}
