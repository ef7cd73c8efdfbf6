import { Type } from '@sinclair/typebox';
import { textOf } from '../../model/text.js';
import { bool, choice, int, object, parameters, promptSource, resource, stringMap, text } from '../params.js';
import { ALL_CHANNELS, CHAT, INBOUND_TRANSFER_QUEUE, VOICE, WHISPER } from '../sets.js';
import type { BlockSpec } from '../types.js';

const PROMPT = [['Text', 'SSML', 'PromptId', 'Media']] as const;
const DIGIT = '^[0-9*#]$';

export const participantBlocks: BlockSpec[] = [
  {
    type: 'MessageParticipant',
    status: 'documented',
    kind: 'participant',
    parameters: parameters(promptSource()),
    exactlyOneOf: PROMPT,
    errors: ['NoMatchingError'],
    flowTypes: [...INBOUND_TRANSFER_QUEUE, ...WHISPER],
    channels: ALL_CHANNELS,
    logModuleType: 'PlayPrompt',
    ui: {
      label: 'Play prompt',
      group: 'Interact',
      help: 'Plays a prompt, text-to-speech or SSML to the caller, or sends a message on chat.',
    },
  },
  {
    type: 'GetParticipantInput',
    status: 'documented',
    kind: 'participant',
    parameters: parameters(
      {
        ...promptSource(),
        // The docs require only > 0; the designer caps DTMF menus at 179 s but Connect-saved exports carry 300.
        InputTimeLimitSeconds: int([1, 86_400], { description: 'Seconds to wait for the first digit.' }),
        StoreInput: bool({
          description: 'True stores the digits in $.StoredCustomerInput instead of branching on them.',
        }),
        InputValidation: object({
          PhoneNumberValidation: object({
            NumberFormat: choice(['Local', 'E164'] as const),
            CountryCode: Type.String({ pattern: '^[A-Z]{2}$', 'x-dynamic': 'static' }),
          }),
          // No documented maximum for the number of digits.
          CustomValidation: object({ MaximumLength: int([1, 2 ** 31 - 1], { dynamic: 'path' }) }),
        }),
        InputEncryption: object({ EncryptionKeyId: text(), Key: text() }),
        DTMFConfiguration: object({
          InputTerminationSequence: Type.String({ pattern: '^[0-9*#]{0,5}$', 'x-dynamic': 'static' }),
          DisableCancelKey: bool(),
          InterdigitTimeLimitSeconds: int([1, 20]),
        }),
      },
      {
        // Reference §3.2: InputValidation is required exactly when the digits are stored.
        if: { properties: { StoreInput: { enum: ['True', 'true', true] } }, required: ['StoreInput'] },
        // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then keywords
        then: { required: ['InputValidation'] },
      },
    ),
    atMostOneOf: PROMPT,
    result: {
      operators: ['Equals'],
      operandPattern: DIGIT,
      description: 'The key the caller pressed (menu mode).',
    },
    errors: ['NoMatchingError', 'InputTimeLimitExceeded', 'InvalidPhoneNumber'],
    variant: (p) => {
      const stores = textOf(p.StoreInput).toLowerCase() === 'true';
      if (!stores) return { errors: ['NoMatchingError', 'InputTimeLimitExceeded'] };
      const phone =
        typeof p.InputValidation === 'object' &&
        p.InputValidation !== null &&
        'PhoneNumberValidation' in p.InputValidation;
      return {
        result: null,
        errors: phone
          ? ['NoMatchingError', 'InputTimeLimitExceeded', 'InvalidPhoneNumber']
          : ['NoMatchingError', 'InputTimeLimitExceeded'],
      };
    },
    flowTypes: INBOUND_TRANSFER_QUEUE,
    channels: VOICE,
    logModuleType: 'GetUserInput',
    ui: {
      label: 'Get customer input',
      group: 'Interact',
      help: 'Plays a prompt and branches on the key pressed, or stores the digits entered (Store customer input).',
      branchLabels: {
        InputTimeLimitExceeded: 'Timeout',
        NoMatchingCondition: 'Default',
        NoMatchingError: 'Error',
      },
    },
  },
  {
    type: 'ConnectParticipantWithLexBot',
    status: 'documented',
    kind: 'participant',
    parameters: parameters({
      ...promptSource(),
      LexV2Bot: object({ AliasArn: resource('lexV2Alias', { dynamic: 'text' }) }),
      LexBot: object({ Name: resource('lexBot', { dynamic: 'text' }), Region: text(), Alias: text() }),
      LexSessionAttributes: stringMap(),
      LexInitializationData: object({ InitialMessage: text() }),
      // One rendering of the docs misspells the key; Connect accepts both.
      LexInitilizationData: object({ InitialMessage: text() }),
      LexTimeoutSeconds: object({ Text: int([1, 10080], { dynamic: 'path' }) }),
    }),
    atMostOneOf: PROMPT,
    exactlyOneOf: [['LexV2Bot', 'LexBot']],
    result: { operators: ['Equals'], description: 'The name of the intent the bot recognised.' },
    errors: ['NoMatchingError', 'InputTimeLimitExceeded'],
    flowTypes: INBOUND_TRANSFER_QUEUE,
    channels: ALL_CHANNELS,
    logModuleType: 'GetUserInput',
    ui: {
      label: 'Get customer input (Lex)',
      group: 'Interact',
      help: 'Hands the caller to a Lex bot and branches on the intent it recognises.',
    },
  },
  {
    type: 'DisconnectParticipant',
    status: 'documented',
    kind: 'participant',
    parameters: parameters({}),
    errors: [],
    terminal: true,
    flowTypes: [
      'CONTACT_FLOW',
      'MODULE',
      'CUSTOMER_QUEUE',
      'CUSTOMER_HOLD',
      'CUSTOMER_WHISPER',
      'AGENT_HOLD',
      'AGENT_WHISPER',
      'OUTBOUND_WHISPER',
      'AGENT_TRANSFER',
      'QUEUE_TRANSFER',
      'CAMPAIGN',
    ],
    channels: ALL_CHANNELS,
    logModuleType: 'Disconnect',
    ui: { label: 'Disconnect / hang up', group: 'Terminate / Transfer', help: 'Ends the call or chat.' },
  },
  {
    type: 'MessageParticipantIteratively',
    status: 'documented',
    kind: 'participant',
    parameters: parameters({
      Messages: Type.Array(object(promptSource()), {
        minItems: 1,
        description: 'Prompts played in order, looping.',
      }),
      InterruptFrequencySeconds: int([1, 3600], {
        description: 'Seconds after which the loop is interrupted.',
      }),
      ContinueMessagingDuringInterrupt: bool(),
    }),
    result: {
      operators: ['Equals'],
      values: ['MessagesInterrupted'],
      description: 'MessagesInterrupted when the interrupt period elapses.',
    },
    errors: ['NoMatchingError'],
    flowTypes: ['CUSTOMER_QUEUE', 'CUSTOMER_HOLD', 'AGENT_HOLD'],
    channels: ALL_CHANNELS,
    logModuleType: 'LoopPrompts',
    ui: {
      label: 'Loop prompts',
      group: 'Interact',
      help: 'Loops prompts while the caller waits in queue or on hold, optionally interrupting every N seconds.',
      branchLabels: { MessagesInterrupted: 'Timeout' },
    },
  },
  {
    type: 'ShowView',
    status: 'documented',
    notProvided: 'views (step-by-step guides)',
    kind: 'participant',
    parameters: parameters(
      {
        ViewResource: object({ Id: resource('view'), Version: text() }, { required: ['Id'] }),
        InvocationTimeLimitSeconds: int([1, 604800], { dynamic: 'path' }),
        ViewData: Type.Record(Type.String(), Type.Unknown()),
        SensitiveDataConfiguration: object({ HideResponseOn: Type.Array(Type.String()) }),
      },
      { required: ['ViewResource'] },
    ),
    result: { operators: ['Equals'], description: 'The action the user chose in the view.' },
    errors: ['NoMatchingError', 'TimeLimitExceeded'],
    flowTypes: ['CONTACT_FLOW', 'MODULE', 'CUSTOMER_QUEUE'],
    channels: CHAT,
    logModuleType: 'ShowView',
    ui: {
      label: 'Show view',
      group: 'Interact',
      help: 'Shows a step-by-step guide (view) and branches on the choice made.',
    },
  },
  {
    type: 'TransferParticipantToThirdParty',
    status: 'documented',
    kind: 'participant',
    parameters: parameters({
      ThirdPartyPhoneNumber: text({ description: 'E.164 number to transfer to.' }),
      ThirdPartyConnectionTimeLimitSeconds: int([0, 600], { dynamic: 'path' }),
      // The current doc page spells it this way; every real export uses the TimeLimit spelling.
      ThirdPartyConnectionTimeoutSeconds: int([0, 600], { dynamic: 'path' }),
      ContinueFlowExecution: bool(),
      ThirdPartyDTMFDigits: Type.String({ 'x-dynamic': 'path', pattern: '^(\\$.*|[0-9,*#w]{0,50})$' }),
      CallerId: object({ Number: text(), Name: text() }),
      VoiceConnector: Type.Record(Type.String(), Type.Unknown()),
    }),
    atMostOneOf: [['ThirdPartyConnectionTimeLimitSeconds', 'ThirdPartyConnectionTimeoutSeconds']],
    errors: ['NoMatchingError', 'ConnectionTimeLimitExceeded', 'CallFailed'],
    flowTypes: INBOUND_TRANSFER_QUEUE,
    channels: VOICE,
    logModuleType: 'Transfer',
    ui: {
      label: 'Transfer to phone number',
      group: 'Terminate / Transfer',
      help: 'Transfers the caller to an external number, optionally resuming the flow when the third party hangs up.',
      branchLabels: { ConnectionTimeLimitExceeded: 'Call failed / timeout', CallFailed: 'Call failed' },
    },
  },
];
