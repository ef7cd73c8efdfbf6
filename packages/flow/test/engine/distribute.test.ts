import { describe, expect, it } from 'vitest';
import { applyPatch, type Contact, nextRandom, randomInt, seedFrom } from '../../src/index.js';
import { action, contact, deciderOf, env, flow, runFlow } from './support.js';

const distribute = deciderOf('DistributeByPercentage');
const block = action({ Type: 'DistributeByPercentage' });

/** The values a contact draws in a row, the contact carrying the generator state. */
function draws(c: Contact, n: number): number[] {
  const out: number[] = [];
  let current = c;
  for (let i = 0; i < n; i++) {
    const r = distribute(block, current, env());
    if (r.outcome.kind !== 'condition') throw new Error('no value');
    out.push(r.outcome.value as number);
    current = applyPatch(current, r.contactPatch);
  }
  return out;
}

/** Deterministic, varied ContactIds. */
const ids = (n: number) =>
  Array.from(
    { length: n },
    (_, i) => `${String((i * 2654435761) >>> 0).padStart(10, '0')}-4${i.toString(16)}`,
  );

describe('seeded randomness', () => {
  it('seeds the generator from the ContactId', () => {
    expect(contact({ ContactId: 'abc' }).random).toBe(seedFrom('abc'));
    expect(seedFrom('abc')).toBe(seedFrom('abc'));
    expect(seedFrom('abc')).not.toBe(seedFrom('abd'));
  });

  it('gives floats in [0, 1) and integers in range', () => {
    let state = 42;
    for (let i = 0; i < 1000; i++) {
      const f = nextRandom(state);
      expect(f.value).toBeGreaterThanOrEqual(0);
      expect(f.value).toBeLessThan(1);
      const n = randomInt(f.state, 1, 100);
      expect(Number.isInteger(n.value) && n.value >= 1 && n.value <= 100).toBe(true);
      state = n.state;
    }
  });
});

describe('DistributeByPercentage', () => {
  it('draws the same numbers for the same contact every time', () => {
    const c = contact({ ContactId: '8f2d7c1e-0b5a-4c11-9e7d-3a6b2c1d0e9f' });
    expect(draws(c, 5)).toEqual(draws(c, 5));
    expect(draws(contact({ ContactId: 'another' }), 5)).not.toEqual(draws(c, 5));
  });

  it('moves the contact’s generator on, so successive draws differ', () => {
    const values = draws(contact(), 20);
    expect(new Set(values).size).toBeGreaterThan(10);
  });

  it('spreads draws from 1 to 100 evenly over many contacts', () => {
    const counts = new Array<number>(10).fill(0);
    const contacts = ids(20000);
    let below21 = 0;
    for (const id of contacts) {
      const [v] = draws(contact({ ContactId: id }), 1);
      if (v === undefined || v < 1 || v > 100) throw new Error(`out of range: ${v}`);
      counts[Math.floor((v - 1) / 10)] = (counts[Math.floor((v - 1) / 10)] ?? 0) + 1;
      if (v < 21) below21++;
    }
    // NumberLessThan 21 is a 20% branch; each decile holds about a tenth.
    expect(below21 / contacts.length).toBeGreaterThan(0.18);
    expect(below21 / contacts.length).toBeLessThan(0.22);
    for (const c of counts) expect(Math.abs(c / contacts.length - 0.1)).toBeLessThan(0.015);
  });

  it('routes a flow the same way for the same contact, and by the percentages over many', async () => {
    const split = flow([
      {
        Identifier: 'split',
        Type: 'DistributeByPercentage',
        Transitions: {
          NextAction: 'c',
          Conditions: [
            { NextAction: 'a', Condition: { Operator: 'NumberLessThan', Operands: ['21'] } },
            { NextAction: 'b', Condition: { Operator: 'NumberLessThan', Operands: ['61'] } },
          ],
          Errors: [{ NextAction: 'c', ErrorType: 'NoMatchingCondition' }],
        },
      },
      { Identifier: 'a', Type: 'EndFlowExecution' },
      { Identifier: 'b', Type: 'EndFlowExecution' },
      { Identifier: 'c', Type: 'EndFlowExecution' },
    ]);
    const once = await runFlow(split, {}, contact({ ContactId: 'same' }));
    const again = await runFlow(split, {}, contact({ ContactId: 'same' }));
    expect(again.path).toEqual(once.path);

    const tally: Record<string, number> = { a: 0, b: 0, c: 0 };
    const many = ids(1000);
    for (const id of many) {
      const out = await runFlow(split, {}, contact({ ContactId: id }));
      const last = out.path.at(-1) ?? '';
      tally[last] = (tally[last] ?? 0) + 1;
    }
    expect((tally.a ?? 0) / many.length).toBeCloseTo(0.2, 1);
    expect((tally.b ?? 0) / many.length).toBeCloseTo(0.4, 1);
    expect((tally.c ?? 0) / many.length).toBeCloseTo(0.4, 1);
  });
});
