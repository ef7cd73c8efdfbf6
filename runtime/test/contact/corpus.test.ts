/**
 * Every flow of the shared corpus of real Connect exports, run as a call with a silent caller: no
 * runtime fault on any of them. Their queues, prompts, Lambdas and other flows are not in the
 * instance, so blocks take their error branches; that is the flows' business, not a fault.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Instance } from '../../src/contact/instance.js';
import { placeholderVoice, type SimulatedCall, simulateCall } from '../../src/contact/simulate.js';
import { createExecutors } from '../../src/executors/index.js';

// The lookup of packages/flow/test/support/paths.ts, as much of it as this test needs.
const repoRoot = resolve(fileURLToPath(import.meta.url), '../../../..');
const corpusDir = process.env.PARLEY_CORPUS ?? resolve(repoRoot, '../shared/corpus');
const hasCorpus = existsSync(join(corpusDir, 'MANIFEST.tsv'));
const corpusFiles = (): string[] =>
  hasCorpus
    ? ['modern', 'embedded', 'legacy'].flatMap((kind) =>
        readdirSync(join(corpusDir, kind))
          .sort()
          .map((name) => `${kind}/${name}`),
      )
    : [];

/** Problems that are the runtime's, not the flow's: a throwing or misbehaving executor, a runaway contact. */
const FAULTS = /^(CONTACT_|ENGINE_EXECUTOR_FAILED|ENGINE_BAD_STEP|RUN_CALL_FAILED)/;

const executors = createExecutors();
const SIMULATED_LIMIT_MS = 10 * 60_000;

async function runCorpusFlow(file: string): Promise<SimulatedCall | undefined> {
  const instance = new Instance();
  const loaded = instance.loadFlow(readFileSync(join(corpusDir, file)), { file });
  if (!loaded.ok) return undefined;
  return simulateCall({
    instance,
    flow: loaded.flow,
    script: { call: { at: '2025-06-02T15:00:00Z', contactId: 'corpus-0000-4000-8000-000000000001' } },
    executors,
    voice: placeholderVoice(),
    timeLimitMs: SIMULATED_LIMIT_MS,
  });
}

describe.skipIf(!hasCorpus)('the corpus flows with a silent caller', () => {
  const files = corpusFiles();

  it('are there to run', () => {
    expect(files.length).toBeGreaterThan(100);
  });

  it('run without a runtime fault', { timeout: 600_000 }, async () => {
    const faults: string[] = [];
    let ran = 0;
    // A few calls at a time: each has its own simulated telephony server and clock.
    const queue = [...files];
    const worker = async () => {
      for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
        const result = await runCorpusFlow(file);
        if (!result) continue;
        ran++;
        const fault =
          result.end?.kind === 'fault'
            ? result.end.problem
            : result.problems.find((p) => FAULTS.test(p.code));
        if (fault)
          faults.push(`${file}: ${fault.code}: ${fault.message}${fault.at ? ` at ${fault.at}` : ''}`);
        else expect(result.record?.ContactId, file).toBe('corpus-0000-4000-8000-000000000001');
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    expect(faults).toEqual([]);
    expect(ran).toBeGreaterThan(files.length * 0.9);
  });
});
