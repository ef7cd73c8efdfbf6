/**
 * A short, seed-fixed run of the runtime's fuzz targets (`pnpm fuzz` runs a million documents across
 * every target). A failure prints the shrunk case and the command that replays it.
 */
import { describe, expect, it } from 'vitest';
import { formatFailure, runTarget } from '../../../packages/flow/test/fuzz/run.js';
import { RUNTIME_TARGETS } from './targets.js';

const SEED = 20_250_901;

const RUNS: Readonly<Record<string, [runs: number, sentence: string]>> = {
  wav: [
    4000,
    'WAV files whose headers lie are refused with a reason or a code, and honest prompts are accepted',
  ],
  api: [
    600,
    'the API answers hostile requests below 500 with a catalogued code, and what it saves reads back',
  ],
};

describe('fuzzing the runtime (seed-fixed)', () => {
  for (const target of RUNTIME_TARGETS) {
    const [runs, sentence] = RUNS[target.name] ?? [500, `${target.name} survives hostile input`];
    // The limit only catches a hang; it times nothing.
    it(sentence, { timeout: 300_000 }, async () => {
      const report = await runTarget(target, { runs, seed: SEED });
      expect(report.failure, formatFailure(report)).toBeUndefined();
      expect(report.runs).toBe(runs);
    });
  }
});
