import { loadFlow } from '@parley/flow';
import type { PanelContext } from '../editor/panels.js';
import { type CallView, IDLE } from './messages.js';

/** "Press 1 for sales": the draft the tests and stories of the test-call panels show. */
export const SAMPLE_FLOW = JSON.stringify({
  Version: '2019-10-30',
  StartAction: 'menu',
  Metadata: {
    entryPointPosition: { x: 40, y: 40 },
    ActionMetadata: {
      menu: { position: { x: 240, y: 40 } },
      sales: { position: { x: 520, y: 40 } },
      bye: { position: { x: 800, y: 40 } },
    },
  },
  Actions: [
    {
      Identifier: 'menu',
      Type: 'GetParticipantInput',
      Parameters: { Text: 'Press 1 for sales', StoreInput: 'False', InputTimeLimitSeconds: '5' },
      Transitions: {
        NextAction: 'bye',
        Conditions: [{ NextAction: 'sales', Condition: { Operator: 'Equals', Operands: ['1'] } }],
        Errors: [
          { NextAction: 'bye', ErrorType: 'InputTimeLimitExceeded' },
          { NextAction: 'bye', ErrorType: 'NoMatchingCondition' },
          { NextAction: 'bye', ErrorType: 'NoMatchingError' },
        ],
      },
    },
    {
      Identifier: 'sales',
      Type: 'MessageParticipant',
      Parameters: { Text: 'Sales it is.' },
      Transitions: { NextAction: 'bye', Errors: [{ NextAction: 'bye', ErrorType: 'NoMatchingError' }] },
    },
    { Identifier: 'bye', Type: 'DisconnectParticipant', Parameters: {}, Transitions: {} },
  ],
});

export function sampleContext(over: Partial<PanelContext> = {}): PanelContext {
  const model = loadFlow(SAMPLE_FLOW).model;
  if (!model) throw new Error('the sample flow should load');
  return {
    model,
    flowType: 'CONTACT_FLOW',
    content: () => SAMPLE_FLOW,
    version: 1,
    labels: new Map([
      ['menu', 'Main menu'],
      ['sales', 'Sales message'],
      ['bye', 'Disconnect'],
    ]),
    setOverlay: () => {},
    focusBlock: () => {},
    ...over,
  };
}

/** A call answered, 1 pressed, the sales message playing. */
export const SAMPLE_CALL: CallView = {
  ...IDLE,
  state: 'in-call',
  visited: ['menu'],
  running: 'sales',
  transcript: [
    {
      kind: 'prompt',
      identifier: 'menu',
      text: 'Press 1 for sales',
      ssml: '<speak>Press 1</speak>',
      audio: '/api/a/0',
    },
    { kind: 'caller', text: 'Pressed 1' },
    { kind: 'event', identifier: 'menu', text: 'Keys taken: 1' },
  ],
  attributes: { dept: 'sales' },
  logs: [
    {
      Identifier: 'menu',
      ContactFlowName: 'Sales line',
      ContactFlowModuleType: 'GetUserInput',
      Timestamp: '2025-01-01T10:00:03.000Z',
      Parameters: { Text: 'Press 1 for sales' },
      Results: '1',
    },
  ],
};
