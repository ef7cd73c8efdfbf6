/** The IVR the failover test runs: about 15 s of prompts and waits, then the flow disconnects. */
const act = (id: string, type: string, parameters: object, next?: string, extra: object = {}) => ({
  Identifier: id,
  Type: type,
  Parameters: parameters,
  Transitions: {
    ...(next ? { NextAction: next, Errors: [{ NextAction: next, ErrorType: 'NoMatchingError' }] } : {}),
    ...extra,
  },
});
const say = (id: string, text: string, next: string) => act(id, 'MessageParticipant', { Text: text }, next);
const wait = (id: string, next: string) =>
  act(id, 'Wait', { TimeLimitSeconds: '2' }, next, {
    Conditions: [{ NextAction: next, Condition: { Operator: 'Equals', Operands: ['WaitCompleted'] } }],
  });

export const FAILOVER_PATH = [
  'log',
  'attrs',
  'say1',
  'wait1',
  'say2',
  'wait2',
  'say3',
  'wait3',
  'done',
  'bye',
];

export const FAILOVER_FLOW = {
  Version: '2019-10-30',
  StartAction: 'log',
  Metadata: { name: 'Failover IVR', type: 'contactFlow' },
  Actions: [
    act('log', 'UpdateFlowLoggingBehavior', { FlowLoggingBehavior: 'Enabled' }, 'attrs'),
    act(
      'attrs',
      'UpdateContactAttributes',
      { Attributes: { entry: 'failover' }, TargetContact: 'Current' },
      'say1',
    ),
    say('say1', 'Welcome to the failover line.', 'wait1'),
    wait('wait1', 'say2'),
    say('say2', 'Your call is important to us.', 'wait2'),
    wait('wait2', 'say3'),
    say('say3', 'Almost there.', 'wait3'),
    wait('wait3', 'done'),
    act('done', 'UpdateContactAttributes', { Attributes: { done: 'yes' }, TargetContact: 'Current' }, 'bye'),
    act('bye', 'DisconnectParticipant', {}),
  ],
};
