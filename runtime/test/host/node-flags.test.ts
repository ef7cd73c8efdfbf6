import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CALL_SERVING_NODE_FLAGS } from '../../src/host/node-flags.js';

const scripts = (
  JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {
    scripts: Record<string, string>;
  }
).scripts;

/** The flags a package.json script gives node, before its first non-flag argument. */
const nodeFlags = (script: string): string[] => {
  const words = script.split(/\s+/);
  expect(words[0]).toBe('node');
  const flags: string[] = [];
  for (let i = 1; i < words.length; i++) {
    const word = words[i] ?? '';
    if (!word.startsWith('--')) break;
    // --import takes the next word as its value.
    if (word === '--import') i++;
    else flags.push(word);
  }
  return flags;
};

describe('the V8 flags of processes that serve calls', () => {
  it.each(['worker', 'soak', 'bench:pbx'])('are the flags the %s script starts node with', (name) => {
    const script = scripts[name];
    expect(script, `package.json has a ${name} script`).toBeDefined();
    expect(nodeFlags(script ?? '')).toEqual([...CALL_SERVING_NODE_FLAGS]);
  });

  it('are left out of the processes that load flows', () => {
    expect(nodeFlags(scripts.parley ?? '')).toEqual([]);
  });

  it('run the worker command', () => {
    expect(scripts.worker).toMatch(/runtime\/src\/cli\/bin\.ts worker$/);
  });
});
