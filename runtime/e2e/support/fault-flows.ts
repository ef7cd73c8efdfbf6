// The flows the fault end-to-end file runs: one IVR whose first block varies (a prompt, a Lambda
// call, a spoken greeting), its error branch apologising and going on to the same menu, so a call
// that met a fault shows it in its path and still reaches the end.

/** Instance prompts over sounds both ari-sim and Asterisk's core set have. */
export const FAULT_PROMPTS = [
  { id: 'welcome', file: 'hello-world' },
  { id: 'menu', file: 'demo-congrats' },
  { id: 'thanks', file: 'vm-goodbye' },
  { id: 'sorry', file: 'beep' },
] as const;

type Block = {
  Identifier: string;
  Type: string;
  Parameters: Record<string, unknown>;
  Transitions: Record<string, unknown>;
};

/** The block after logging is turned on; its next is Menu and its error branch Sorry. */
export type FirstBlock =
  | { kind: 'prompt' }
  | { kind: 'lambda'; functionArn: string; timeLimitSeconds: number }
  | { kind: 'speech'; text: string };

const prompt = (id: string, promptId: string, next: string, onError: string): Block => ({
  Identifier: id,
  Type: 'MessageParticipant',
  Parameters: { PromptId: promptId },
  Transitions: { NextAction: next, Errors: [{ NextAction: onError, ErrorType: 'NoMatchingError' }] },
});

function first(block: FirstBlock): Block {
  const transitions = { NextAction: 'Menu', Errors: [{ NextAction: 'Sorry', ErrorType: 'NoMatchingError' }] };
  switch (block.kind) {
    case 'prompt':
      return prompt('Welcome', 'welcome', 'Menu', 'Sorry');
    case 'lambda':
      return {
        Identifier: 'Lookup',
        Type: 'InvokeLambdaFunction',
        Parameters: {
          LambdaFunctionARN: block.functionArn,
          InvocationTimeLimitSeconds: String(block.timeLimitSeconds),
          InvocationType: 'SYNCHRONOUS',
          ResponseValidation: { ResponseType: 'STRING_MAP' },
        },
        Transitions: transitions,
      };
    case 'speech':
      return {
        Identifier: 'Greeting',
        Type: 'MessageParticipant',
        Parameters: { Text: block.text },
        Transitions: transitions,
      };
  }
}

/** Log → first block → Menu (1: Thanks) → Bye; the first block's error branch is Sorry → Menu. */
export function faultFlow(name: string, block: FirstBlock): string {
  const start = first(block);
  const actions: Block[] = [
    {
      Identifier: 'Log',
      Type: 'UpdateFlowLoggingBehavior',
      Parameters: { FlowLoggingBehavior: 'Enabled' },
      Transitions: { NextAction: start.Identifier },
    },
    start,
    prompt('Sorry', 'sorry', 'Menu', 'Menu'),
    {
      Identifier: 'Menu',
      Type: 'GetParticipantInput',
      Parameters: { PromptId: 'menu', StoreInput: 'False', InputTimeLimitSeconds: '30' },
      Transitions: {
        NextAction: 'Bye',
        Conditions: [{ NextAction: 'Thanks', Condition: { Operator: 'Equals', Operands: ['1'] } }],
        Errors: [
          { NextAction: 'Bye', ErrorType: 'InputTimeLimitExceeded' },
          { NextAction: 'Bye', ErrorType: 'NoMatchingCondition' },
          { NextAction: 'Bye', ErrorType: 'NoMatchingError' },
        ],
      },
    },
    prompt('Thanks', 'thanks', 'Bye', 'Bye'),
    { Identifier: 'Bye', Type: 'DisconnectParticipant', Parameters: {}, Transitions: {} },
  ];
  return JSON.stringify({
    Version: '2019-10-30',
    StartAction: 'Log',
    Metadata: { name, type: 'contactFlow' },
    Actions: actions,
  });
}
