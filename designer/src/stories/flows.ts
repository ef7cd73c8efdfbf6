import { loadFlow } from '@parley/flow';
import type { SampleFlow } from '../nodes/block-sample.js';

// The shared fixtures, bundled as text: the tests read the same files from disk (system/test-flows.ts).
const texts = import.meta.glob<string>('../../../fixtures/flows/*.json', {
  query: '?raw',
  import: 'default',
  eager: true,
});

let flows: SampleFlow[] | undefined;

/** Every fixture flow, by file name, in the order the tests read them. */
export function storyFlows(): SampleFlow[] {
  flows ??= Object.entries(texts)
    .map(([path, text]) => ({ name: path.slice(path.lastIndexOf('/') + 1), text }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap(({ name, text }) => {
      const { model, flowType, format } = loadFlow(text);
      return model && format === 'modern' ? [{ name, model, flowType }] : [];
    });
  return flows;
}

export function storyFlow(name: string): SampleFlow {
  const flow = storyFlows().find((f) => f.name === name);
  if (!flow) throw new Error(`no fixture flow ${name}`);
  return flow;
}
