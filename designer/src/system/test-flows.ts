/** Test input: our fixtures and the real Connect exports of ../shared/corpus/modern, as models. */
// biome-ignore lint/correctness/noNodejsModules: test support, imported only by tests run in Node
import { existsSync, readdirSync, readFileSync } from 'node:fs';
// biome-ignore lint/correctness/noNodejsModules: test support, imported only by tests run in Node
import { dirname, join, resolve } from 'node:path';
// biome-ignore lint/correctness/noNodejsModules: test support, imported only by tests run in Node
import { fileURLToPath } from 'node:url';
import { type FlowModel, loadFlow } from '@parley/flow';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const fixturesDir = join(repoRoot, 'fixtures/flows');
const corpusDir = join(process.env.PARLEY_CORPUS ?? resolve(repoRoot, '../shared/corpus'), 'modern');

export const hasCorpus = existsSync(corpusDir);

export interface NamedFlow {
  name: string;
  text: string;
  model: FlowModel;
}

function load(dir: string, prefix: string): NamedFlow[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .flatMap((f) => {
      const text = readFileSync(join(dir, f), 'utf8');
      const { model, format } = loadFlow(text);
      return model && format === 'modern' ? [{ name: `${prefix}/${f}`, text, model }] : [];
    });
}

let cache: NamedFlow[] | undefined;

/** Every fixture flow, then every modern corpus export that is a flow at all. */
export function allFlows(): NamedFlow[] {
  cache ??= [...load(fixturesDir, 'fixtures'), ...load(corpusDir, 'corpus')];
  return cache;
}

export const fixture = (name: string): FlowModel => {
  const flow = allFlows().find((f) => f.name === `fixtures/${name}`);
  if (!flow) throw new Error(`no fixture ${name}`);
  return flow.model;
};

/** Freezes a value and everything in it, so an edit that mutates its input throws. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
