/** Small drafts the test-call tests post, as the designer would serialize them. */

const metadata = (ids: string[]) => ({
  entryPointPosition: { x: 40, y: 40 },
  ActionMetadata: Object.fromEntries(ids.map((id, i) => [id, { position: { x: 240 + 260 * i, y: 40 } }])),
});

const disconnect = { Identifier: 'bye', Type: 'DisconnectParticipant', Parameters: {}, Transitions: {} };

/** "Press 1 for sales": 1 sets dept=sales and says so, anything else says goodbye; then hangs up. */
export function menuDraft(): string {
  return JSON.stringify({
    Version: '2019-10-30',
    StartAction: 'menu',
    Metadata: metadata(['menu', 'set-dept', 'sales', 'other', 'bye']),
    Actions: [
      {
        Identifier: 'menu',
        Type: 'GetParticipantInput',
        Parameters: { Text: 'Press 1 for sales.', StoreInput: 'False', InputTimeLimitSeconds: '8' },
        Transitions: {
          NextAction: 'other',
          Conditions: [{ NextAction: 'set-dept', Condition: { Operator: 'Equals', Operands: ['1'] } }],
          Errors: [
            { NextAction: 'other', ErrorType: 'InputTimeLimitExceeded' },
            { NextAction: 'other', ErrorType: 'NoMatchingCondition' },
            { NextAction: 'other', ErrorType: 'NoMatchingError' },
          ],
        },
      },
      {
        Identifier: 'set-dept',
        Type: 'UpdateContactAttributes',
        Parameters: { Attributes: { dept: 'sales' }, TargetContact: 'Current' },
        Transitions: { NextAction: 'sales', Errors: [{ NextAction: 'bye', ErrorType: 'NoMatchingError' }] },
      },
      {
        Identifier: 'sales',
        Type: 'MessageParticipant',
        Parameters: { SSML: '<speak>Connecting you to <emphasis>$.Attributes.dept</emphasis>.</speak>' },
        Transitions: { NextAction: 'bye', Errors: [{ NextAction: 'bye', ErrorType: 'NoMatchingError' }] },
      },
      {
        Identifier: 'other',
        Type: 'MessageParticipant',
        Parameters: { Text: 'Goodbye.' },
        Transitions: { NextAction: 'bye', Errors: [{ NextAction: 'bye', ErrorType: 'NoMatchingError' }] },
      },
      disconnect,
    ],
  });
}

/** One prompt, then the call ends. */
export function sayDraft(text: string): string {
  return JSON.stringify({
    Version: '2019-10-30',
    StartAction: 'say',
    Metadata: metadata(['say', 'bye']),
    Actions: [
      {
        Identifier: 'say',
        Type: 'MessageParticipant',
        Parameters: { Text: text },
        Transitions: { NextAction: 'bye', Errors: [{ NextAction: 'bye', ErrorType: 'NoMatchingError' }] },
      },
      disconnect,
    ],
  });
}

/** Two errors: a transition to nowhere and a queue the instance does not have. */
export function brokenDraft(): string {
  return JSON.stringify({
    Version: '2019-10-30',
    StartAction: 'queue',
    Metadata: metadata(['queue']),
    Actions: [
      {
        Identifier: 'queue',
        Type: 'UpdateContactTargetQueue',
        Parameters: { QueueId: 'arn:aws:connect:us-east-1:000000000000:instance/nope/queue/missing' },
        Transitions: {
          NextAction: 'nowhere',
          Errors: [{ NextAction: 'nowhere', ErrorType: 'NoMatchingError' }],
        },
      },
    ],
  });
}

/** A Lex bot asks how it can help: the balance intent is answered, anything else is apologised for. */
export function botDraft(botArn: string): string {
  const say = (id: string, text: string) => ({
    Identifier: id,
    Type: 'MessageParticipant',
    Parameters: { Text: text },
    Transitions: { NextAction: 'bye', Errors: [{ NextAction: 'bye', ErrorType: 'NoMatchingError' }] },
  });
  return JSON.stringify({
    Version: '2019-10-30',
    StartAction: 'ask',
    Metadata: metadata(['ask', 'balance', 'sorry', 'bye']),
    Actions: [
      {
        Identifier: 'ask',
        Type: 'ConnectParticipantWithLexBot',
        Parameters: { Text: 'How can I help?', LexV2Bot: { AliasArn: botArn } },
        Transitions: {
          NextAction: 'sorry',
          Conditions: [
            { NextAction: 'balance', Condition: { Operator: 'Equals', Operands: ['CheckBalance'] } },
          ],
          Errors: [
            { NextAction: 'sorry', ErrorType: 'InputTimeLimitExceeded' },
            { NextAction: 'sorry', ErrorType: 'NoMatchingCondition' },
            { NextAction: 'sorry', ErrorType: 'NoMatchingError' },
          ],
        },
      },
      say('balance', 'Your balance is 42 dollars.'),
      say('sorry', 'Sorry.'),
      disconnect,
    ],
  });
}
