import { Type } from '@sinclair/typebox';
import { choice, object, parameters, resource, text } from '../params.js';
import { ALL_CHANNELS, ALL_FLOW_TYPES, INBOUND_TRANSFER_QUEUE } from '../sets.js';
import type { BlockSpec } from '../types.js';
import type { BlockGroup } from '../vocabulary.js';

/**
 * Types outside the documented action list.
 *  - observed: saved by Connect's own designer in real exports (email / message-template blocks that
 *    arrived after the reference pages were written);
 *  - legacy: pre-2019 block names (reference §1.7, §3.6). They are the ContactFlowModuleType vocabulary
 *    of flow logs, not valid Types in 2019-10-30 content; the validator names the replacement;
 *  - unverified: names reported by third parties with no real export behind them.
 */
export const otherBlocks: BlockSpec[] = [
  {
    type: 'RenderMessageTemplate',
    status: 'observed',
    notProvided: 'message templates',
    kind: 'contact',
    parameters: parameters({
      WisdomMessageTemplateArn: resource('messageTemplate', { dynamic: 'text' }),
      WisdomKnowledgeBaseArn: resource('wisdomKnowledgeBase', { dynamic: 'text' }),
    }),
    errors: ['NoMatchingError', 'TemplateRenderingError'],
    flowTypes: ALL_FLOW_TYPES,
    channels: ALL_CHANNELS,
    logModuleType: 'RenderMessageTemplate',
    ui: {
      label: 'Send message (template)',
      group: 'Interact',
      help: 'Renders a message template for an outbound email or SMS.',
    },
  },
  {
    type: 'CreateContact',
    status: 'observed',
    notProvided: 'contacts created from a flow',
    kind: 'contact',
    parameters: parameters({
      Channel: choice(['VOICE', 'CHAT', 'TASK', 'EMAIL'] as const),
      RelatedContact: choice(['CURRENT'] as const),
    }),
    errors: ['NoMatchingError'],
    flowTypes: ALL_FLOW_TYPES,
    channels: ALL_CHANNELS,
    logModuleType: 'CreateContact',
    ui: {
      label: 'Create contact',
      group: 'Set',
      help: 'Creates a related contact on another channel (used by Send message).',
    },
  },
  {
    type: 'StartOutboundEmailContact',
    status: 'observed',
    notProvided: 'email contacts',
    kind: 'contact',
    parameters: parameters({
      FromEmailAddress: object({
        EmailAddress: resource('emailAddress', { dynamic: 'text' }),
        DisplayName: text(),
      }),
      DestinationEmailAddress: object({ EmailAddress: text(), DisplayName: text() }),
      EmailMessage: object({ MessageSourceType: choice(['RAW', 'TEMPLATE'] as const) }),
    }),
    errors: ['NoMatchingError', 'TemplateRenderingError'],
    flowTypes: ALL_FLOW_TYPES,
    channels: ALL_CHANNELS,
    logModuleType: 'StartOutboundEmailContact',
    ui: {
      label: 'Send message (email)',
      group: 'Interact',
      help: 'Sends an outbound email to the customer.',
    },
  },
  {
    type: 'CreatePersistentContactAssociation',
    status: 'observed',
    notProvided: 'persistent chat',
    kind: 'contact',
    parameters: parameters({
      RehydrationType: choice([
        'ENTIRE_PAST_SESSION',
        'FROM_SEGMENT',
        'Entire Past Session',
        'From Segment',
      ] as const),
      SourceContactId: text(),
    }),
    errors: ['NoMatchingError'],
    flowTypes: ALL_FLOW_TYPES,
    channels: ['CHAT'],
    logModuleType: 'CreatePersistentContactAssociation',
    ui: {
      label: 'Create persistent contact association',
      group: 'Set',
      help: 'Links a chat to a past one so the conversation resumes where it left off.',
    },
  },
  {
    type: 'CheckSegmentMembershipForCustomerProfile',
    status: 'observed',
    notProvided: 'Amazon Connect Customer Profiles',
    kind: 'interaction',
    parameters: parameters({
      ProfileRequestData: object({ ProfileId: text(), SegmentName: text() }),
    }),
    result: {
      operators: ['Equals'],
      values: ['True', 'False'],
      description: 'Whether the profile is in the segment.',
    },
    errors: ['NoMatchingError'],
    flowTypes: INBOUND_TRANSFER_QUEUE,
    channels: ALL_CHANNELS,
    logModuleType: 'CheckSegmentMembershipForCustomerProfile',
    ui: {
      label: 'Customer profiles: check segment membership',
      group: 'Integrate',
      help: 'Branches on whether the customer profile belongs to a segment.',
    },
  },
  ...legacy('InvokeExternalResource', 'InvokeLambdaFunction', 'Integrate'),
  ...legacy('PlayPrompt', 'MessageParticipant', 'Interact'),
  ...legacy('GetUserInput', 'GetParticipantInput', 'Interact'),
  ...legacy('StoreUserInput', 'GetParticipantInput', 'Interact'),
  ...legacy('SetAttributes', 'UpdateContactAttributes', 'Set'),
  ...legacy('SetQueue', 'UpdateContactTargetQueue', 'Set'),
  ...legacy('Transfer', 'TransferContactToQueue', 'Terminate / Transfer'),
  ...legacy('Disconnect', 'DisconnectParticipant', 'Terminate / Transfer'),
  ...legacy('CheckAttribute', 'Compare', 'Branch'),
  ...legacy('SetVoice', 'UpdateContactTextToSpeechVoice', 'Set'),
  ...legacy('SetLoggingBehavior', 'UpdateFlowLoggingBehavior', 'Set'),
  ...legacy('SetEventHook', 'UpdateContactEventHooks', 'Set'),
  ...legacy('Resume', 'EndFlowExecution', 'Terminate / Transfer'),
  ...unverified('HoldParticipantConnection', 'UpdatePreviousContactParticipantState'),
  ...unverified('ResumeParticipant', 'UpdatePreviousContactParticipantState'),
  ...unverified('ResumeContactRecording'),
  ...unverified('SuspendContactRecording'),
  ...unverified('StopContactRecording'),
  ...unverified('SendNotification'),
  ...unverified('ConnectParticipantWithAgenticCX'),
];

function legacy(type: string, replacedBy: string, group: BlockGroup): BlockSpec[] {
  return [
    {
      type,
      status: 'legacy',
      kind: 'contact',
      parameters: parameters({}),
      errors: [],
      flowTypes: ALL_FLOW_TYPES,
      channels: ALL_CHANNELS,
      logModuleType: type,
      replacedBy,
      ui: { label: type, group, help: `Pre-2019 block name; in 2019-10-30 content it is ${replacedBy}.` },
    },
  ];
}

function unverified(type: string, replacedBy?: string): BlockSpec[] {
  return [
    {
      type,
      status: 'unverified',
      kind: 'contact',
      parameters: Type.Object({}, { additionalProperties: true }),
      errors: ['NoMatchingError'],
      flowTypes: ALL_FLOW_TYPES,
      channels: ALL_CHANNELS,
      logModuleType: type,
      ...(replacedBy ? { replacedBy } : {}),
      ui: {
        label: type,
        group: 'Set',
        help: 'Reported by third parties but never seen in a real Connect export; kept on import, not runnable.',
      },
    },
  ];
}
