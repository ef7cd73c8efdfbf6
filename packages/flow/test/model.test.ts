import equal from 'fast-deep-equal';
import { describe, expect, it } from 'vitest';
import { END_OF_FLOW, edgesOf, toModel } from '../src/model/model.js';
import { normalize } from '../src/model/normalize.js';
import { serialize, toDocument } from '../src/model/serialize.js';
import type { JsonObject } from '../src/model/types.js';

const flow = (): JsonObject => ({
  Version: '2019-10-30',
  StartAction: 'menu',
  Metadata: {
    entryPointPosition: { x: 14, y: 14 },
    ActionMetadata: { menu: { position: { x: 200, y: 20 } } },
    futureKey: [1],
  },
  Actions: [
    {
      Parameters: { Text: 'Press 1', StoreInput: 'False', InputTimeLimitSeconds: '5' },
      Identifier: 'menu',
      Type: 'GetParticipantInput',
      Transitions: {
        NextAction: 'bye',
        Conditions: [{ NextAction: 'bye', Condition: { Operator: 'Equals', Operands: ['1'] }, note: 'kept' }],
        Errors: [
          { NextAction: 'bye', ErrorType: 'NoMatchingError' },
          { NextAction: '', ErrorType: 'InputTimeLimitExceeded' },
          { NextAction: END_OF_FLOW, ErrorType: 'NoMatchingCondition' },
        ],
      },
      UnknownActionKey: true,
    },
    { Identifier: 'bye', Type: 'DisconnectParticipant', Parameters: {}, Transitions: {} },
  ],
  UnknownTopLevel: { x: 1 },
});

describe('the flow model', () => {
  it('turns transitions into edges and skips unconnected and end-of-flow branches', () => {
    const model = toModel(flow());
    const menu = model?.actions[0];
    expect(menu && edgesOf(menu)).toEqual([
      { kind: 'next', target: 'bye' },
      { kind: 'condition', index: 0, operator: 'Equals', operands: ['1'], target: 'bye' },
      { kind: 'error', index: 0, errorType: 'NoMatchingError', target: 'bye' },
    ]);
  });

  it('serializes back to an equal document, unknown keys included', () => {
    const model = toModel(flow());
    expect(model).toBeDefined();
    if (model) expect(equal(toDocument(model), flow())).toBe(true);
  });

  it("writes actions with Connect's key order", () => {
    const model = toModel(flow());
    const text = model ? serialize(model) : '';
    const menu = JSON.parse(text).Actions[0];
    expect(Object.keys(menu).slice(0, 4)).toEqual(['Parameters', 'Identifier', 'Type', 'Transitions']);
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('keeps malformed entries from hand-written files exactly as read', () => {
    const odd = {
      Version: '2019-10-30',
      StartAction: 7,
      Actions: [
        { Type: 'MessageParticipant' },
        'not an action',
        {
          Identifier: 'a',
          Type: 'Compare',
          Parameters: 'oops',
          Transitions: {
            NextAction: 3,
            Conditions: [{ NextAction: 'a', Condition: { Operands: 'x' } }, 5],
            Errors: 'no',
          },
        },
      ],
    };
    const model = toModel(odd);
    expect(model && equal(toDocument(model), odd)).toBe(true);
  });

  it('is not built from something that is not a flow', () => {
    expect(toModel({ Actions: [] })).toBeUndefined();
    expect(toModel({ Version: '2019-10-30', Actions: {} })).toBeUndefined();
    expect(toModel([])).toBeUndefined();
  });

  it('normalizes so that key order, action order, empty arrays and error order do not matter', () => {
    const a = flow();
    const b = structuredClone(a) as { Actions: JsonObject[] };
    b.Actions.reverse();
    const bye = b.Actions[0] as { Transitions: JsonObject };
    bye.Transitions = { Errors: [], Conditions: [] };
    const menu = b.Actions[1] as { Transitions: { Errors: unknown[] } };
    menu.Transitions.Errors.reverse();
    expect(normalize(b as JsonObject)).toEqual(normalize(a));
  });

  it('can ignore layout when comparing', () => {
    const moved = flow() as { Metadata: { entryPointPosition: unknown } };
    moved.Metadata.entryPointPosition = { x: 999, y: 1 };
    expect(normalize(moved as JsonObject, { layout: false })).toEqual(normalize(flow(), { layout: false }));
    expect(normalize(moved as JsonObject)).not.toEqual(normalize(flow()));
  });
});
