import { type FlowModel, toDocument, toModel, validateDocument } from '@parley/flow';
import { describe, expect, it } from 'vitest';
import { addCondition, removeCondition, updateCondition } from './conditions.js';
import { connect } from './edit.js';
import { toGraph } from './graph.js';
import { entryOf } from './metadata.js';

const menu = (conditionMetadata?: unknown[]) =>
  toModel({
    Version: '2019-10-30',
    StartAction: 'menu',
    Metadata: {
      ActionMetadata: {
        menu: { position: { x: 0, y: 0 }, ...(conditionMetadata ? { conditionMetadata } : {}) },
      },
    },
    Actions: [
      {
        Identifier: 'menu',
        Type: 'GetParticipantInput',
        Parameters: { Text: 'Press 1 for sales', InputTimeLimitSeconds: '5' },
        Transitions: {
          NextAction: 'bye',
          Conditions: [{ NextAction: 'bye', Condition: { Operator: 'Equals', Operands: ['1'] } }],
          Errors: [{ NextAction: 'bye', ErrorType: 'NoMatchingCondition' }],
        },
      },
      { Identifier: 'bye', Type: 'DisconnectParticipant', Parameters: {}, Transitions: {} },
    ],
  }) as FlowModel;

const mirror = (model: FlowModel) => entryOf(model, 'menu')?.conditionMetadata;

describe('conditions', () => {
  it('a new menu option gets an unconnected branch to connect, and the flow stays valid', () => {
    let m = addCondition(menu(), 'menu', 'Equals', '2');
    const branch = toGraph(m).nodes[0]?.data.branches.find((b) => b.id === 'condition:1');
    expect(branch).toEqual({ id: 'condition:1', label: 'Equals 2', kind: 'condition' });
    m = connect(m, 'menu', 'condition:1', 'bye');
    expect(validateDocument(toDocument(m)).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(mirror(m)).toBeUndefined();
  });

  it('keeps Connect’s conditionMetadata in step: added, changed and removed with the condition', () => {
    const m0 = menu([{ id: 'c1', value: '1' }]);
    const m1 = addCondition(m0, 'menu', 'Equals', '2');
    expect(mirror(m1)).toEqual([
      { id: 'c1', value: '1' },
      { id: expect.any(String), value: '2' },
    ]);
    const m2 = updateCondition(m1, 'menu', 0, 'Equals', '3');
    expect(mirror(m2)).toMatchObject([{ id: 'c1', value: '3' }, { value: '2' }]);
    expect(m2.actions[0]?.transitions?.conditions?.[0]).toMatchObject({ operands: ['3'], target: 'bye' });
    const m3 = removeCondition(m2, 'menu', 0);
    expect(mirror(m3)).toMatchObject([{ value: '2' }]);
    expect(m3.actions[0]?.transitions?.conditions).toHaveLength(1);
  });

  it('drops the mirror rather than guess an operator shape no export has shown', () => {
    const compare = toModel({
      Version: '2019-10-30',
      StartAction: 'c',
      Metadata: {
        ActionMetadata: {
          c: {
            position: { x: 0, y: 0 },
            conditionMetadata: [
              { id: 'k', operator: { name: 'Equals', value: 'Equals', shortDisplay: '=' }, value: 'CHAT' },
            ],
          },
        },
      },
      Actions: [
        {
          Identifier: 'c',
          Type: 'Compare',
          Parameters: { ComparisonValue: '$.Channel' },
          Transitions: {
            Conditions: [{ NextAction: '', Condition: { Operator: 'Equals', Operands: ['CHAT'] } }],
          },
        },
      ],
    }) as FlowModel;
    const greater = addCondition(compare, 'c', 'NumberGreaterThan', '3');
    expect(entryOf(greater, 'c')?.conditionMetadata).toMatchObject([
      { id: 'k' },
      { operator: { value: 'GreaterThan', shortDisplay: '>' }, value: '3' },
    ]);
    const endsWith = addCondition(compare, 'c', 'TextEndsWith', 'AT');
    expect(entryOf(endsWith, 'c')).toEqual({ position: { x: 0, y: 0 } });
  });

  it('leaves the model as it was for an unknown action or condition', () => {
    const m = menu();
    expect(addCondition(m, 'nobody', 'Equals', '1')).toBe(m);
    expect(updateCondition(m, 'menu', 5, 'Equals', '1')).toBe(m);
    expect(removeCondition(m, 'menu', -1)).toBe(m);
  });
});
