import { describe, expect, it } from 'vitest';
import { applyPatch, type Contact } from '../../src/index.js';
import { action, contact, deciderOf, env, flow, returns, runFlow } from './support.js';

const loop = deciderOf('Loop');

/** The results of running the same Loop action n times on one contact. */
function results(LoopCount: unknown, n: number, start: Contact = contact(), id = 'loop'): unknown[] {
  const a = action({ Identifier: id, Type: 'Loop', Parameters: { LoopCount } });
  const out: unknown[] = [];
  let c = start;
  for (let i = 0; i < n; i++) {
    const r = loop(a, c, env());
    out.push(r.outcome.kind === 'condition' ? r.outcome.value : r.outcome);
    c = applyPatch(c, r.contactPatch);
  }
  return out;
}

describe('Loop', () => {
  it('continues LoopCount times, is done once, then starts over', () => {
    expect(results('2', 6)).toEqual([
      'ContinueLooping',
      'ContinueLooping',
      'DoneLooping',
      'ContinueLooping',
      'ContinueLooping',
      'DoneLooping',
    ]);
  });

  it('is done at once with a count of 0', () => {
    expect(results('0', 2)).toEqual(['DoneLooping', 'DoneLooping']);
  });

  it('reads the count from a number or a JSONPath', () => {
    expect(results(1, 2)).toEqual(['ContinueLooping', 'DoneLooping']);
    expect(results('$.Attributes.tries', 2, contact({ Attributes: { tries: '1' } }))).toEqual([
      'ContinueLooping',
      'DoneLooping',
    ]);
  });

  it('takes the error branch for a count that is not 0–100', () => {
    for (const bad of ['abc', '101', '-1', '1.5', '$.Attributes.none', undefined])
      expect(results(bad, 1)).toEqual([{ kind: 'error', errorType: 'NoMatchingError' }]);
  });

  it('counts each loop action separately', () => {
    const a = action({ Identifier: 'first', Type: 'Loop', Parameters: { LoopCount: '1' } });
    const b = action({ Identifier: 'second', Type: 'Loop', Parameters: { LoopCount: '1' } });
    const afterA = applyPatch(contact(), loop(a, contact(), env()).contactPatch);
    expect(afterA.loops).toEqual({ first: 1 });
    expect(loop(b, afterA, env()).outcome).toEqual({ kind: 'condition', value: 'ContinueLooping' });
  });

  it('repeats the looped blocks in a running flow, then leaves by Complete', async () => {
    const retry = flow([
      {
        Identifier: 'menu',
        Type: 'MessageParticipant',
        Parameters: { Text: 'Press 1' },
        Transitions: { NextAction: 'loop' },
      },
      {
        Identifier: 'loop',
        Type: 'Loop',
        Parameters: { LoopCount: '2' },
        Transitions: {
          NextAction: 'bye',
          Conditions: [
            { NextAction: 'menu', Condition: { Operator: 'Equals', Operands: ['ContinueLooping'] } },
            { NextAction: 'bye', Condition: { Operator: 'Equals', Operands: ['DoneLooping'] } },
          ],
        },
      },
      { Identifier: 'bye', Type: 'DisconnectParticipant' },
    ]);
    const out = await runFlow(retry, { MessageParticipant: returns({ outcome: { kind: 'next' } }) });
    expect(out.path).toEqual(['menu', 'loop', 'menu', 'loop', 'menu', 'loop', 'bye']);
    expect(out.contact.loops).toEqual({});
  });
});
