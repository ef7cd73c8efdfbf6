/**
 * The golden runs of fixtures/runs: each folder is a call (caller.json) into a flow (flow.json, or
 * the flow instance.json maps the dialled number to) with the path and key outcomes it must have
 * (expected.json). Any difference in the path fails.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { addFlowsFromDir, Instance, loadInstanceBundle } from '../../src/contact/instance.js';
import type { ContactEnd } from '../../src/contact/runner.js';
import { parseCallerScript } from '../../src/contact/script.js';
import { DEFAULT_TO, placeholderVoice, simulateCall } from '../../src/contact/simulate.js';
import { createExecutors } from '../../src/executors/index.js';
import type { FlowTarget } from '../../src/executors/types.js';

const runsDir = resolve(fileURLToPath(import.meta.url), '../../../../fixtures/runs');

interface Expected {
  /** Identifiers of the blocks executed, in order, across flows and modules. */
  path: string[];
  /** Flows and modules entered, in order (default: just the first). */
  flows?: string[];
  end: Partial<ContactEnd>;
  /** Attributes the contact ends with (these at least). */
  attributes?: Record<string, string>;
  /** Texts the prompts start with or contain, in the order they played (every prompt). */
  prompts?: string[];
  /** Digits the flow collected, in order. */
  inputs?: string[];
  /** Intents bots recognised, in order. */
  intents?: string[];
}

const fixtures = readdirSync(runsDir, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

async function setUp(dir: string, to: string): Promise<{ instance: Instance; flow: FlowTarget }> {
  let instance = new Instance();
  if (existsSync(join(dir, 'instance.json'))) {
    const loaded = await loadInstanceBundle(join(dir, 'instance.json'));
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
    instance = loaded.instance;
  }
  if (existsSync(join(dir, 'flows'))) {
    const added = await addFlowsFromDir(instance, join(dir, 'flows'));
    expect(added.problems).toEqual([]);
  }
  if (existsSync(join(dir, 'flow.json'))) {
    const loaded = instance.loadFlow(readFileSync(join(dir, 'flow.json')), { file: join(dir, 'flow.json') });
    if (!loaded.ok) throw new Error(loaded.problem.message);
    expect(loaded.warnings).toEqual([]);
    return { instance, flow: loaded.flow };
  }
  const flow = instance.flowForNumber(to);
  if (!flow) throw new Error(`${dir}: no flow.json and no flow for ${to}`);
  return { instance, flow };
}

describe('the golden runs in fixtures/runs', () => {
  it('are there, each with a caller script and expectations', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(9);
    for (const name of fixtures) {
      expect(existsSync(join(runsDir, name, 'caller.json')), name).toBe(true);
      expect(existsSync(join(runsDir, name, 'expected.json')), name).toBe(true);
    }
  });

  describe.each(fixtures)('%s', (name) => {
    it('takes the expected path to the expected end', async () => {
      const dir = join(runsDir, name);
      const parsed = parseCallerScript(JSON.parse(readFileSync(join(dir, 'caller.json'), 'utf8')));
      if (!parsed.ok) throw new Error(parsed.problem.message);
      const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Expected;
      const { instance, flow } = await setUp(dir, parsed.script.call?.to ?? DEFAULT_TO);

      const result = await simulateCall({
        instance,
        flow,
        script: parsed.script,
        executors: createExecutors(),
        voice: placeholderVoice(),
      });

      expect(result.problems).toEqual([]);
      expect(result.ok).toBe(true);
      expect(result.path.map((p) => p.identifier)).toEqual(expected.path);
      expect(result.flows).toEqual(expected.flows ?? [flow.name]);
      expect(result.end).toMatchObject(expected.end);
      if (expected.attributes) expect(result.record?.Attributes).toMatchObject(expected.attributes);
      const prompts = result.transcript.flatMap((l) => (l.kind === 'prompt' ? [l.text] : []));
      if (expected.prompts) {
        expect(prompts).toHaveLength(expected.prompts.length);
        for (const [i, text] of expected.prompts.entries()) expect(prompts[i]).toContain(text);
      }
      if (expected.inputs)
        expect(result.transcript.flatMap((l) => (l.kind === 'input' ? [l.digits] : []))).toEqual(
          expected.inputs,
        );
      if (expected.intents)
        expect(result.transcript.flatMap((l) => (l.kind === 'intent' ? [l.intent] : []))).toEqual(
          expected.intents,
        );

      // The flow log tells the same path from where logging was turned on (one entry per attribute).
      const logged = result.logs.map((e) => e.Identifier).filter((id, i, all) => id !== all[i - 1]);
      const from = expected.path.indexOf(logged[0] ?? '');
      if (logged.length > 0) expect(logged).toEqual(expected.path.slice(from));
      expect(result.record?.ContactId).toBe(result.contactId);
    });
  });
});
