/**
 * A short, seed-fixed run of every flow-core fuzz target (`pnpm fuzz` runs a million documents).
 * A failure prints the shrunk case and the command that replays it.
 */
import { describe, expect, it } from 'vitest';
import { formatFailure, runTarget } from './run.js';
import { FLOW_TARGETS } from './targets.js';

const SEED = 20_250_901;

/** Cases per target, sized to a few seconds each on a loaded two-core machine. */
const RUNS: Readonly<Record<string, [runs: number, sentence: string]>> = {
  read: [
    1500,
    'the reader refuses mutated, deep, huge and non-UTF-8 input with a code, and keeps its limits',
  ],
  load: [1500, 'loadFlow reads mutated real documents without throwing, and what it keeps round-trips'],
  validate: [
    1500,
    'the validator codes every problem of generated flows mutated as values, and keeps them whole',
  ],
  legacy: [1500, 'the legacy converter notes what it drops and keeps unknown blocks’ parameters'],
  import: [
    2000,
    'an import resolves references with hostile names and mappings without throwing or rewriting blindly',
  ],
  jsonpath: [
    3000,
    'JSONPath resolution refuses scripts, recursion and prototype walks, and finds only own flow data',
  ],
};

describe('fuzzing the flow core (seed-fixed)', () => {
  for (const target of FLOW_TARGETS) {
    const [runs, sentence] = RUNS[target.name] ?? [1000, `${target.name} survives hostile input`];
    // The limit only catches a hang; it times nothing.
    it(sentence, { timeout: 180_000 }, async () => {
      const report = await runTarget(target, { runs, seed: SEED });
      expect(report.failure, formatFailure(report)).toBeUndefined();
      expect(report.runs).toBe(runs);
    });
  }
});
