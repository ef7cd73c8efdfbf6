/**
 * The shared fixtures (`fixtures/flows`, `fixtures/invalid`) are reused by runtime tests, designer
 * stories and browser tests. These tests keep them honest: every valid flow loads clean and
 * round-trips, together they use every block a flow author can place, and every diagnostic code a
 * single input can raise has a small input that raises it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CATALOG, CODES, type Code, LIMITS, loadFlow } from '../src/index.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const flowsDir = join(repoRoot, 'fixtures/flows');
const invalidDir = join(repoRoot, 'fixtures/invalid');

const flowFiles = readdirSync(flowsDir)
  .filter((f) => f.endsWith('.json'))
  .sort();
const invalidFiles = readdirSync(invalidDir)
  .filter((f) => /\.(json|txt)$/.test(f))
  .sort();

/** Codes no single input file can raise: the CLI reports them before any input is read. */
const NOT_FROM_AN_INPUT: ReadonlySet<string> = new Set([
  'FILE_NOT_FOUND', // the path given to the CLI does not exist
  'FILE_UNREADABLE', // the path is a directory or not readable
]);

type Input = Parameters<typeof loadFlow>[0];

/** A linear flow of `count` prompts ending in a hang-up; `text` sets each prompt's text. */
function chainOfPrompts(count: number, text: (i: number) => string = (i) => `Prompt ${i + 1}.`): string {
  const id = (i: number) => `prompt-${i + 1}`;
  const actions: unknown[] = Array.from({ length: count }, (_, i) => ({
    Parameters: { Text: text(i) },
    Identifier: id(i),
    Type: 'MessageParticipant',
    Transitions: {
      NextAction: i + 1 < count ? id(i + 1) : 'hang-up',
      Errors: [{ NextAction: 'hang-up', ErrorType: 'NoMatchingError' }],
    },
  }));
  actions.push({ Parameters: {}, Identifier: 'hang-up', Type: 'DisconnectParticipant', Transitions: {} });
  return JSON.stringify({
    Version: '2019-10-30',
    StartAction: id(0),
    Metadata: { name: `${count} prompts`, type: 'contactFlow' },
    Actions: actions,
  });
}

/**
 * Inputs that would be large or binary as files, built here instead; keyed by the code they raise.
 * Each is a function so the big ones are only built while the test runs.
 */
const generated: Record<string, () => Input> = {
  INPUT_TOO_LARGE: () => new Uint8Array(LIMITS.maxBytes + 1).fill(0x20),
  // A flow saved as Windows-1252: the é of "Café" is the single byte E9 instead of UTF-8's C3 A9.
  INPUT_NOT_UTF8: () => {
    const utf8 = new TextEncoder().encode(chainOfPrompts(1, () => 'Welcome to Café.'));
    const at = utf8.indexOf(0xc3);
    return Uint8Array.from([...utf8.subarray(0, at), 0xe9, ...utf8.subarray(at + 2)]);
  },
  JSON_TOO_DEEP: () => {
    const depth = LIMITS.maxDepth + 1;
    return `{"Version":"2019-10-30","Metadata":{"x":${'['.repeat(depth - 2)}${']'.repeat(depth - 2)}},"Actions":[]}`;
  },
  JSON_STRING_TOO_LONG: () => chainOfPrompts(1, () => 'a'.repeat(LIMITS.maxStringLength + 1)),
  DOC_TOO_MANY_ACTIONS: () => chainOfPrompts(LIMITS.maxActions),
  DOC_OVER_CONNECT_ACTION_LIMIT: () => chainOfPrompts(LIMITS.connectMaxActions),
  DOC_OVER_CONNECT_SIZE_LIMIT: () => chainOfPrompts(3, () => 'Please listen carefully. '.repeat(4000)),
};

const isCode = (name: string): name is Code => Object.hasOwn(CODES, name);

describe('shared fixtures', () => {
  it('every fixture flow loads without diagnostics and round-trips', () => {
    expect(flowFiles.length).toBeGreaterThanOrEqual(12);
    for (const file of flowFiles) {
      const loaded = loadFlow(readFileSync(join(flowsDir, file)));
      // The fixtures cover every catalog entry, blocks for services Parley lacks included, on purpose.
      const problems = loaded.diagnostics.filter((d) => d.code !== 'BLOCK_NOT_PROVIDED');
      expect(problems, file).toEqual([]);
      expect(loaded.format, file).toBe('modern');
      expect(loaded.roundTrip, file).toBe(true);
      expect(loaded.flowType, file).toBeDefined();
    }
  });

  it('the fixture flows use every documented and observed catalog entry', () => {
    const used = new Set<string>();
    for (const file of flowFiles) {
      const doc = JSON.parse(readFileSync(join(flowsDir, file), 'utf8')) as { Actions: { Type: string }[] };
      for (const action of doc.Actions) used.add(action.Type);
    }
    const placeable = [...CATALOG.values()]
      .filter((b) => b.status === 'documented' || b.status === 'observed')
      .map((b) => b.type);
    expect(placeable.filter((type) => !used.has(type))).toEqual([]);
  });

  it('each invalid fixture raises the code it is named after', () => {
    const cases: [string, () => Input][] = [
      ...invalidFiles.map((f): [string, () => Input] => [f, () => readFileSync(join(invalidDir, f))]),
      ...Object.entries(generated),
    ];
    const problems: string[] = [];
    for (const [name, input] of cases) {
      const code = name.replace(/\.(json|txt)$/, '');
      if (!isCode(code)) {
        problems.push(`${name}: not named after a diagnostic code`);
        continue;
      }
      let loaded: ReturnType<typeof loadFlow> | undefined;
      expect(() => {
        loaded = loadFlow(input());
      }, name).not.toThrow();
      const raised = loaded?.diagnostics.filter((d) => d.code === code) ?? [];
      if (raised.length === 0) {
        problems.push(`${name}: raised ${loaded?.diagnostics.map((d) => d.code).join(', ') || 'nothing'}`);
      }
      for (const d of raised) {
        if (d.severity !== CODES[code].severity) problems.push(`${name}: ${code} has severity ${d.severity}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('every diagnostic code that a file can raise has an invalid fixture', () => {
    const covered = new Set([
      ...invalidFiles.map((f) => f.replace(/\.(json|txt)$/, '')),
      ...Object.keys(generated),
    ]);
    // Codes raised while a flow runs, or by the server and its commands, are covered by the engine's and the runtime's own tests.
    const atRunTime =
      /^(ENGINE|LAMBDA|TTS|CONTACT|INSTANCE|RUN|DIFF|IMPORT|RESOURCE|STORE|PUBLISH|API|AUTH|TESTCALL|AGENT|CENTER)_/;
    const expected = Object.keys(CODES).filter((c) => !NOT_FROM_AN_INPUT.has(c) && !atRunTime.test(c));
    expect(expected.filter((c) => !covered.has(c))).toEqual([]);
  });
});
