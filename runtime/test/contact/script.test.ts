import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderContactSchemas } from '../../src/contact/schemas.js';
import { parseCallerScript } from '../../src/contact/script.js';

const root = resolve(fileURLToPath(import.meta.url), '../../../..');

describe('the caller script', () => {
  it('has an up-to-date schema in schemas/', () => {
    for (const [name, content] of renderContactSchemas())
      expect(
        readFileSync(join(root, 'schemas', name), 'utf8'),
        `${name} is stale: run \`pnpm schemas\``,
      ).toBe(content);
  });

  it('accepts the example of the issue and every golden run’s script', () => {
    const example = {
      call: { from: '+15550001111', to: '+18005550100', attributes: {} },
      steps: [{ expectPrompt: 'welcome' }, { dtmf: '1' }, { wait: 8 }, { say: 'billing' }, { hangup: true }],
    };
    expect(parseCallerScript(example).ok).toBe(true);
    const runs = join(root, 'fixtures', 'runs');
    for (const { name } of readdirSync(runs, { withFileTypes: true }).filter((d) => d.isDirectory())) {
      const script = JSON.parse(readFileSync(join(runs, name, 'caller.json'), 'utf8'));
      expect(parseCallerScript(script), name).toMatchObject({ ok: true });
    }
  });

  it('accepts an empty script: a silent caller on the default numbers', () => {
    expect(parseCallerScript({})).toEqual({ ok: true, script: {} });
  });

  it.each([
    [{ steps: [{ dtmf: '12!' }] }, '/steps/0/dtmf must match pattern'],
    [{ steps: [{ press: '1' }] }, '/steps/0 is not a step'],
    [{ steps: [{ dtmf: '1', wait: 2 }] }, '/steps/0 is not a step'],
    [{ steps: [{ wait: -1 }] }, '/steps/0/wait must be > 0'],
    [{ steps: [{ hangup: false }] }, '/steps/0/hangup must be equal to constant'],
    [{ call: { from: 'me' } }, '/call/from must match pattern'],
    [{ call: { attributes: { n: 1 } } }, '/call/attributes/n must be string'],
    [{ call: { at: '2025-02-30T10:00:00Z' } }, '/call/at "2025-02-30T10:00:00Z" is not a date'],
    [{ caller: {} }, '/ has an unknown key "caller"'],
    ['steps', '/ must be object'],
  ])('refuses %j with a coded message', (script, message) => {
    const parsed = parseCallerScript(script);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problem.code).toBe('RUN_SCRIPT_INVALID');
    expect(parsed.problem.message).toContain(message);
  });
});
