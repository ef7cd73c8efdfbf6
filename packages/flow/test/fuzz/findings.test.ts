/**
 * What fuzzing found in the flow core, each kept as the smallest input that showed it. Every one of
 * these threw, lost data or let a prototype member through before its fix.
 */
import { describe, expect, it } from 'vitest';
import {
  diffFlows,
  LIMITS,
  loadFlow,
  normalize,
  readJson,
  serialize,
  validateDocument,
} from '../../src/index.js';
import { deepText, deepValue, jsonText, ownObject } from './json.js';

const codes = (ds: readonly { code: string }[]) => ds.map((d) => d.code);

/** A one-action flow whose action (or transitions) carry `extra`. */
function flowWith(action: Record<string, unknown>): Record<string, unknown> {
  return {
    Version: '2019-10-30',
    StartAction: 'a',
    Actions: [{ Identifier: 'a', Type: 'DisconnectParticipant', Parameters: {}, Transitions: {}, ...action }],
  };
}

describe('fuzz findings in the flow core', () => {
  it('a document with its own valueOf or toString key loads and round-trips', () => {
    // fast-deep-equal called a.valueOf() when it was not Object.prototype's: "a.valueOf is not a function".
    for (const text of [
      '{"Version":"2019-10-30","valueOf":0,"Actions":[]}',
      '{"Version":"2019-10-30","StartAction":"a","Actions":[{"Identifier":"a","Type":"DisconnectParticipant","Parameters":{},"Transitions":{},"toString":1}]}',
    ]) {
      const loaded = loadFlow(text);
      expect(loaded.model).toBeDefined();
      expect(loaded.roundTrip).toBe(true);
    }
  });

  it('the diff of two versions compares values with their own valueOf key', () => {
    const before = loadFlow(JSON.stringify(flowWith({ Parameters: { valueOf: 1 } }))).model;
    const after = loadFlow(JSON.stringify(flowWith({ Parameters: { valueOf: 2 } }))).model;
    if (!before || !after) throw new Error('fixtures did not load');
    expect(JSON.stringify(diffFlows(before, after))).toContain('valueOf');
  });

  it('malformed text thousands of brackets deep is refused as JSON_SYNTAX, not with a stack overflow', () => {
    // jsonc-parser, which locates syntax errors, recurses once per level.
    for (const text of [deepText(100_000, 'array', false), '['.repeat(LIMITS.maxBytes)]) {
      const read = readJson(text);
      expect(read.ok ? [] : codes(read.diagnostics)).toEqual(['JSON_SYNTAX']);
    }
  });

  it('a value parsed elsewhere gets the limits text gets, so validators never recurse 10,000 levels', () => {
    const deep = { Version: '2019-10-30', Actions: [], Metadata: deepValue(10_000, 'array') };
    expect(codes(loadFlow({ json: deep }).diagnostics)).toEqual(['JSON_TOO_DEEP']);
    expect(codes(validateDocument(deep).diagnostics)).toEqual(['JSON_TOO_DEEP']);
    const long = {
      Version: '2019-10-30',
      Actions: [],
      Metadata: { name: 'x'.repeat(LIMITS.maxStringLength + 1) },
    };
    expect(codes(loadFlow({ json: long }).diagnostics)).toEqual(['JSON_STRING_TOO_LONG']);
  });

  it('a legacy file that conversion would nest too deeply to read back is refused', () => {
    // An unknown block is kept whole two levels further down (Metadata.ActionMetadata[id].legacyModule).
    const module = { id: 'a', type: 'Mystery', parameters: [{ name: 'p', value: deepValue(58, 'array') }] };
    const text = JSON.stringify({ modules: [module], start: 'a' });
    expect(readJson(text).ok).toBe(true);
    const loaded = loadFlow(text);
    expect(loaded.model).toBeUndefined();
    expect(codes(loaded.diagnostics)).toContain('JSON_TOO_DEEP');
  });

  it('a __proto__ key of a condition, error or transition entry survives the round trip', () => {
    // Assigning it set the prototype of the model's `rest` instead, and saving lost it.
    const text = jsonText(
      flowWith({
        Type: 'Compare',
        Parameters: { ComparisonValue: '$.Attributes.x' },
        Transitions: {
          NextAction: 'a',
          Conditions: [
            {
              NextAction: 'a',
              Condition: ownObject([
                ['Operator', 'Equals'],
                ['Operands', ['1']],
                ['__proto__', { polluted: true }],
              ]),
            },
          ],
          Errors: [
            ownObject([
              ['NextAction', 'a'],
              ['ErrorType', 'NoMatchingCondition'],
              ['__proto__', 'x'],
            ]),
          ],
        },
      }),
    );
    const loaded = loadFlow(text);
    expect(loaded.roundTrip).toBe(true);
    expect(serialize(loaded.model ?? (undefined as never))).toContain('"__proto__": {');
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it('a Metadata.type naming an Object.prototype member is an unknown flow type, not a function', () => {
    for (const type of ['hasOwnProperty', 'constructor', 'toString']) {
      const loaded = loadFlow(JSON.stringify({ Version: '2019-10-30', Metadata: { type }, Actions: [] }));
      expect(loaded.flowType).toBeUndefined();
      expect(codes(loaded.diagnostics)).toContain('FLOW_TYPE_UNKNOWN');
    }
  });

  it('values with their own toString key are quoted in messages instead of throwing', () => {
    // String(), template literals and sorting threw "Cannot convert object to primitive value".
    const hostile = { toString: 0 };
    const compare = flowWith({
      Type: 'Compare',
      Parameters: { ComparisonValue: '$.Attributes.x' },
      Transitions: {
        NextAction: 'a',
        Conditions: [
          { NextAction: 'a', Condition: { Operator: 'Equals', Operands: [hostile] } },
          { NextAction: 'a', Condition: { Operator: 'Equals', Operands: [hostile] } },
        ],
      },
    });
    expect(codes(loadFlow({ json: compare }).diagnostics)).toContain('CONDITION_DUPLICATE');
    const input = flowWith({ Type: 'GetParticipantInput', Parameters: { Text: 'Hi', StoreInput: hostile } });
    expect(codes(loadFlow({ json: input }).diagnostics)).toContain('PARAM_TYPE');
    expect(() =>
      normalize(flowWith({ Transitions: { Errors: [{ ErrorType: hostile }, { ErrorType: 'x' }] } }) as never),
    ).not.toThrow();
  });

  it('a number beyond a double’s range is refused, not read as Infinity and saved as null', () => {
    // JSON.parse reads 1e999 as Infinity; serialize wrote null, and the flow read back changed.
    const text = JSON.stringify(flowWith({ Type: 'Wait', Parameters: { TimeLimitSeconds: 5 } })).replace(
      '5',
      '1e999',
    );
    expect(codes(loadFlow(text).diagnostics)).toEqual(['JSON_NUMBER_TOO_LARGE']);
    expect(codes(loadFlow({ json: flowWith({ Parameters: { x: -Infinity } }) }).diagnostics)).toEqual([
      'JSON_NUMBER_TOO_LARGE',
    ]);
    expect(readJson('1e308').ok).toBe(true);
  });

  it('a block variant chosen by a parameter never reads Object.prototype', () => {
    // CheckVoiceIdOption "__proto__" passed an `in` check and its result values were Object.prototype.
    const voiceId = flowWith({
      Type: 'CheckVoiceId',
      Parameters: { CheckVoiceIdOption: '__proto__' },
      Transitions: {
        NextAction: 'a',
        Conditions: [{ NextAction: 'a', Condition: { Operator: 'Equals', Operands: ['x'] } }],
      },
    });
    expect(codes(validateDocument(voiceId).diagnostics)).toContain('PARAM_VALUE_NOT_ALLOWED');
  });

  it('an unknown legacy block keeps parameters named like Object.prototype members', () => {
    // `k in out` saw Object.prototype, so these were dropped without a note.
    const names = ['__proto__', 'toString', 'constructor', 'valueOf'];
    const legacy = {
      modules: [{ id: 'a', type: 'Mystery', parameters: names.map((name) => ({ name, value: `${name}!` })) }],
      start: 'a',
    };
    const actions = loadFlow({ json: legacy }).document?.Actions as { Parameters: object }[] | undefined;
    const parameters = actions?.[0]?.Parameters ?? {};
    for (const name of names)
      expect(Object.getOwnPropertyDescriptor(parameters, name)?.value).toBe(`${name}!`);
  });

  it('legacy parameters and branches holding objects with their own toString key are noted, not thrown', () => {
    const hostile = { toString: 0 };
    const legacy = {
      modules: [
        { id: 'a', type: 'StopMediaStreaming', parameters: [{ name: 'ParticipantTypes', value: [hostile] }] },
        { id: 'b', type: 'Disconnect', branches: [{ condition: hostile, transition: 'a' }] },
        {
          id: 'c',
          type: 'CheckAttribute',
          branches: [{ condition: 'Evaluate', conditionType: hostile, transition: 'a' }],
        },
        { id: 'd', type: 'PlayPrompt', parameters: [{ name: 'Text', key: hostile, value: 'hi' }] },
      ],
      start: 'a',
    };
    const loaded = loadFlow({ json: legacy });
    expect(loaded.format).toBe('legacy');
    expect(codes(loaded.diagnostics)).toContain('LEGACY_BRANCH_UNKNOWN');
  });
});
