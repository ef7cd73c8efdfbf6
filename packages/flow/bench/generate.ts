/**
 * Generates a realistic flow of about `size` actions: repeated IVR "segments" (prompt, attributes,
 * Lambda, compare, DTMF menu, hours check, queue) chained so every action is reachable and valid.
 * Used by the benchmark and by the size-limit tests.
 */
const ARN = 'arn:aws:connect:us-east-1:123456789012:instance/11111111-2222-3333-4444-555555555555';

export function generateFlow(size: number): Record<string, unknown> {
  const actions: Record<string, unknown>[] = [];
  const positions: Record<string, unknown> = {};
  const id = (i: number) => `a${i}`;
  const end = 'end';
  for (let i = 0; actions.length < size - 1; i++) {
    const next = id(i + 1);
    const me = id(i);
    positions[me] = { position: { x: (i % 20) * 240, y: Math.floor(i / 20) * 180 } };
    const err = [{ NextAction: end, ErrorType: 'NoMatchingError' }];
    switch (i % 7) {
      case 0:
        actions.push({
          Parameters: { Text: `Welcome, $.Attributes.name. Step ${i}.` },
          Identifier: me,
          Type: 'MessageParticipant',
          Transitions: { NextAction: next, Errors: err },
        });
        break;
      case 1:
        actions.push({
          Parameters: {
            Attributes: { step: String(i), caller: '$.CustomerEndpoint.Address' },
            TargetContact: 'Current',
          },
          Identifier: me,
          Type: 'UpdateContactAttributes',
          Transitions: { NextAction: next, Errors: err },
        });
        break;
      case 2:
        actions.push({
          Parameters: {
            LambdaFunctionARN: 'arn:aws:lambda:us-east-1:123456789012:function:lookup',
            InvocationTimeLimitSeconds: '3',
            LambdaInvocationAttributes: { step: String(i) },
            ResponseValidation: { ResponseType: 'STRING_MAP' },
          },
          Identifier: me,
          Type: 'InvokeLambdaFunction',
          Transitions: { NextAction: next, Errors: err },
        });
        break;
      case 3:
        actions.push({
          Parameters: { ComparisonValue: '$.External.tier' },
          Identifier: me,
          Type: 'Compare',
          Transitions: {
            NextAction: next,
            Conditions: [
              { NextAction: next, Condition: { Operator: 'Equals', Operands: ['gold'] } },
              { NextAction: next, Condition: { Operator: 'NumberGreaterThan', Operands: ['3'] } },
            ],
            Errors: [{ NextAction: next, ErrorType: 'NoMatchingCondition' }],
          },
        });
        break;
      case 4:
        actions.push({
          Parameters: {
            Text: 'Press 1 for sales, 2 for support.',
            StoreInput: 'False',
            InputTimeLimitSeconds: '5',
          },
          Identifier: me,
          Type: 'GetParticipantInput',
          Transitions: {
            NextAction: next,
            Conditions: ['1', '2'].map((d) => ({
              NextAction: next,
              Condition: { Operator: 'Equals', Operands: [d] },
            })),
            Errors: [
              { NextAction: next, ErrorType: 'InputTimeLimitExceeded' },
              { NextAction: next, ErrorType: 'NoMatchingCondition' },
              ...err,
            ],
          },
        });
        break;
      case 5:
        actions.push({
          Parameters: { HoursOfOperationId: `${ARN}/operating-hours/hours-1` },
          Identifier: me,
          Type: 'CheckHoursOfOperation',
          Transitions: {
            NextAction: next,
            Conditions: ['True', 'False'].map((v) => ({
              NextAction: next,
              Condition: { Operator: 'Equals', Operands: [v] },
            })),
            Errors: err,
          },
        });
        break;
      default:
        actions.push({
          Parameters: { QueueId: `${ARN}/queue/queue-${i}` },
          Identifier: me,
          Type: 'UpdateContactTargetQueue',
          Transitions: { NextAction: next, Errors: err },
        });
    }
  }
  // The last generated action points at a(n); make that the end.
  const last = actions.at(-1) as { Transitions: { NextAction: string } };
  last.Transitions.NextAction = end;
  for (const a of actions) {
    const t = a.Transitions as {
      NextAction: string;
      Conditions?: { NextAction: string }[];
      Errors?: { NextAction: string }[];
    };
    const fix = (x: { NextAction: string }) => {
      if (x.NextAction === `a${actions.length}`) x.NextAction = end;
    };
    fix(t);
    t.Conditions?.forEach(fix);
    t.Errors?.forEach(fix);
  }
  actions.push({ Parameters: {}, Identifier: end, Type: 'DisconnectParticipant', Transitions: {} });
  positions[end] = { position: { x: 0, y: -200 } };
  return {
    Version: '2019-10-30',
    StartAction: 'a0',
    Metadata: {
      entryPointPosition: { x: 0, y: 0 },
      ActionMetadata: positions,
      name: `Generated ${size}`,
      description: '',
      type: 'contactFlow',
      status: 'saved',
      hash: {},
    },
    Actions: actions,
  };
}
