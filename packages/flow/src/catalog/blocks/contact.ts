import { type TSchema, Type } from '@sinclair/typebox';
import {
  bool,
  choice,
  int,
  jsonPath,
  object,
  parameters,
  pathOrStatic,
  resource,
  staticText,
  stringMap,
  text,
} from '../params.js';
import {
  ALL_CHANNELS,
  ALL_FLOW_TYPES,
  INBOUND,
  INBOUND_AND_TRANSFER,
  INBOUND_TRANSFER_QUEUE,
  TRANSFER,
  VOICE,
  WHISPER,
} from '../sets.js';
import type { BlockSpec } from '../types.js';

/** The event types `UpdateContactEventHooks` accepts as keys (reference §3.3). */
export const EVENT_HOOK_TYPES = [
  'AgentHold',
  'AgentWhisper',
  'CustomerHold',
  'CustomerQueue',
  'CustomerRemaining',
  'CustomerWhisper',
  'DefaultAgentUI',
  'DisconnectAgentUI',
  'PauseContact',
  'ResumeContact',
] as const;

/** A map keyed by event type; `single` demands exactly one entry. */
const eventHookMap = (value: TSchema, o: { description: string; single?: boolean }) =>
  Type.Unsafe<Record<string, unknown>>({
    type: 'object',
    description: o.description,
    propertyNames: { enum: [...EVENT_HOOK_TYPES] },
    additionalProperties: value,
    ...(o.single ? { minProperties: 1, maxProperties: 1 } : {}),
  });

/** Voice ID switches: the docs say "TRUE"/"FALSE", exports write "true". */
const voiceIdFlag = (description: string) =>
  Type.Unsafe<string | boolean>({
    description,
    type: ['string', 'boolean'],
    enum: ['TRUE', 'FALSE', 'True', 'False', 'true', 'false', true, false],
    'x-dynamic': 'static',
  });

/** A contact reference: the docs write `name: value`, exports `name: {Value, Type}`. */
const contactReference = () =>
  Type.Union([
    text(),
    object({
      Value: text(),
      Type: staticText({ description: 'Reference type: URL, STRING, NUMBER, DATE, EMAIL, ATTACHMENT…' }),
    }),
  ]);

const PARTICIPANTS = ['Agent', 'Customer'] as const;
const ENABLED = ['Enabled', 'Disabled'] as const;
// Connect-saved exports write "None" when redaction is off; the docs list only the other two.
const REDACTION_RESULTS = ['RedactedAndOriginal', 'RedactedOnly', 'None'] as const;
const TARGET_CONTACT = ['Current', 'Related'] as const;
const QUEUE_OR_AGENT = [['QueueId', 'AgentId']] as const;

const queueOrAgent = () => ({
  QueueId: resource('queue', { description: 'Queue ID or ARN, or a JSONPath to one.' }),
  AgentId: resource('agent', {
    description: "Agent ID or ARN (the agent's personal queue), or a JSONPath to one.",
  }),
});

const redactionConfiguration = () =>
  object({
    Enabled: bool(),
    RedactionResults: choice(REDACTION_RESULTS, { dynamic: 'path' }),
    RedactionMaskMode: choice(['EntityType', 'PII'] as const),
    RedactionEntities: Type.Array(staticText()),
  });

/** Analytics settings shared by the voice and chat halves of UpdateContactRecordingAndAnalyticsBehavior. */
const channelAnalytics = () => ({
  Enabled: bool(),
  AnalyticsLanguage: pathOrStatic({ description: 'Contact Lens language, xx-XX.' }),
  AnalyticsModes: Type.Array(staticText(), {
    description: 'ContactLens, RealTime, PostContact, AutomatedInteraction…',
  }),
  ConversationalAnalyticsRedactionConfiguration: redactionConfiguration(),
  SentimentConfiguration: object({ Enabled: bool() }),
  SummaryConfiguration: object({ SummaryModes: Type.Array(staticText()) }),
});

const CASE_ERROR_LABELS = {
  ContactNotLinked: 'Contact not linked',
  MultipleFound: 'Multiple found',
  NoneFound: 'None found',
} as const;

/**
 * The contact actions of reference §3.3. `logModuleType` is the legacy ContactFlowModuleType of flow logs
 * (§6.3); where no real log or legacy export shows the name, the action Type itself is used and a comment
 * says so.
 */
export const contactBlocks: BlockSpec[] = [
  {
    type: 'CompleteOutboundCall',
    status: 'documented',
    kind: 'contact',
    parameters: parameters({
      CallerId: object(
        {
          Number: pathOrStatic({
            description: 'Caller ID number to present; ignored with voice connectors.',
          }),
        },
        { description: 'Overrides the caller ID of the outbound call.' },
      ),
      VoiceConnector: object(
        {
          VoiceConnectorType: choice(['ChimeConnector'] as const),
          VoiceConnectorArn: text(),
          FromUser: text(),
          ToUser: text(),
          UserToUserInformation: text({ description: 'SIP user-to-user information.' }),
        },
        { description: 'Places the call through an Amazon Chime SDK voice connector.' },
      ),
      // The docs say "statically or dynamically"; an integer can only be static or one whole JSONPath.
      ConnectionTimeLimitSeconds: int([1, 600], {
        dynamic: 'path',
        description: 'Seconds to wait for the voice connector to answer (voice connector only).',
      }),
    }),
    errors: [],
    // Only while an outbound call is being placed: outbound whisper (and campaign) flows.
    flowTypes: ['OUTBOUND_WHISPER', 'CAMPAIGN'],
    channels: VOICE,
    logModuleType: 'CompleteOutboundCall', // log name unknown: the Type itself
    ui: {
      label: 'Call phone number',
      group: 'Interact',
      help: 'Dials the outbound call this flow was started for, optionally through a voice connector.',
    },
  },
  {
    type: 'CreateCase',
    status: 'documented',
    notProvided: 'Amazon Connect Cases',
    kind: 'contact',
    parameters: parameters(
      {
        LinkContactToCase: bool({
          description: 'True opens the case for the agent when they accept the contact.',
        }),
        CaseTemplateId: resource('caseTemplate', { dynamic: 'static', description: 'Case template ID.' }),
        CaseRequestFields: stringMap(text(), {
          description: 'Case fields to set; values may embed $.references.',
        }),
      },
      { required: ['CaseTemplateId'] },
    ),
    errors: ['NoMatchingError', 'ContactNotLinked'],
    flowTypes: ALL_FLOW_TYPES,
    channels: ALL_CHANNELS,
    logModuleType: 'CreateCase', // log name unknown: the Type itself
    ui: {
      label: 'Cases (create)',
      group: 'Integrate',
      help: 'Creates a case from a case template, optionally linking the contact to it.',
      branchLabels: CASE_ERROR_LABELS,
    },
  },
  {
    type: 'CreateTask',
    status: 'documented',
    notProvided: 'tasks',
    kind: 'contact',
    parameters: parameters(
      {
        ContactFlowId: resource('flow', {
          description: 'Flow the task runs, by ID or ARN, or a JSONPath to one.',
        }),
        Name: text({ description: 'Task name shown to the agent.' }),
        Description: text(),
        Attributes: stringMap(text(), { description: 'Contact attributes of the new task.' }),
        References: stringMap(contactReference(), {
          description: 'References (links, numbers…) shown with the task.',
        }),
        DelaySeconds: int([1, 518400], {
          dynamic: 'path',
          description: 'Seconds before the task starts (up to 6 days).',
        }),
        ScheduledTime: pathOrStatic({ description: 'When the task starts, instead of a delay.' }),
        TaskTemplateId: resource('taskTemplate', { dynamic: 'static' }),
      },
      { required: ['ContactFlowId'] },
    ),
    atMostOneOf: [['DelaySeconds', 'ScheduledTime']],
    errors: ['NoMatchingError'],
    flowTypes: ALL_FLOW_TYPES,
    channels: ALL_CHANNELS,
    logModuleType: 'CreateTask', // log name unknown: the Type itself
    ui: {
      label: 'Create task',
      group: 'Integrate',
      help: 'Creates a task contact and starts a flow for it.',
    },
  },
  {
    type: 'CreateWisdomSession',
    status: 'documented',
    notProvided: 'Amazon Q in Connect (Wisdom)',
    kind: 'contact',
    parameters: parameters(
      {
        WisdomAssistantArn: resource('wisdomAssistant', {
          dynamic: 'text',
          description: 'ARN of the Amazon Q in Connect (Wisdom) assistant.',
        }),
      },
      { required: ['WisdomAssistantArn'] },
    ),
    errors: ['NoMatchingError'],
    flowTypes: ALL_FLOW_TYPES,
    // The action page says voice only; the newer block channel table allows voice, chat and email.
    channels: ['VOICE', 'CHAT', 'EMAIL'],
    logModuleType: 'SetWisdomAssistant',
    ui: {
      label: 'Amazon Q in Connect',
      group: 'Analyze',
      help: 'Starts an Amazon Q in Connect session for the contact; its ARN lands in $.Wisdom.SessionArn.',
    },
  },
  {
    type: 'DequeueContactAndTransferToQueue',
    status: 'documented',
    kind: 'contact',
    parameters: parameters(queueOrAgent()),
    exactlyOneOf: QUEUE_OR_AGENT,
    errors: ['NoMatchingError', 'QueueAtCapacity'],
    flowTypes: ['CUSTOMER_QUEUE'],
    channels: ALL_CHANNELS,
    logModuleType: 'DequeueContactAndTransferToQueue', // log name unknown: the Type itself
    ui: {
      label: 'Transfer to queue',
      group: 'Terminate / Transfer',
      help: 'Moves a queued contact to another queue (queue-to-queue transfer, customer queue flows only).',
      branchLabels: { QueueAtCapacity: 'At capacity' },
    },
  },
  {
    type: 'EndFlowModuleExecution',
    status: 'documented',
    kind: 'contact',
    parameters: parameters({}),
    errors: [],
    terminal: true,
    flowTypes: ['MODULE'],
    channels: ALL_CHANNELS,
    logModuleType: 'EndFlowModuleExecution', // log name unknown: the Type itself
    ui: {
      label: 'Return',
      group: 'Terminate / Transfer',
      help: 'Ends the module and returns to the calling flow.',
    },
  },
  {
    type: 'GetCase',
    status: 'documented',
    notProvided: 'Amazon Connect Cases',
    kind: 'contact',
    parameters: parameters({
      LinkContactToCase: bool({
        description: 'True opens the case for the agent when they accept the contact.',
      }),
      GetLastUpdatedCase: bool({ description: 'True returns only the most recently updated matching case.' }),
      CustomerId: text({ description: 'Customer profile whose cases are searched.' }),
      CaseRequestFields: stringMap(text(), { description: 'Case fields to filter on.' }),
      CaseResponseFields: Type.Array(staticText(), { description: 'Case fields copied into $.Case.' }),
    }),
    errors: ['NoMatchingError', 'ContactNotLinked', 'MultipleFound', 'NoneFound'],
    flowTypes: ALL_FLOW_TYPES,
    channels: ALL_CHANNELS,
    logModuleType: 'GetCase', // log name unknown: the Type itself
    ui: {
      label: 'Cases (get)',
      group: 'Integrate',
      help: "Finds a customer's case and copies the chosen fields into $.Case.",
      branchLabels: CASE_ERROR_LABELS,
    },
  },
  {
    type: 'InvokeFlowModule',
    status: 'documented',
    kind: 'contact',
    parameters: parameters(
      { FlowModuleId: resource('module', { dynamic: 'text', description: 'Module ID or ARN.' }) },
      { required: ['FlowModuleId'] },
    ),
    // A module returns through one of its Settings.Transitions (Success, Error or custom); Connect-saved
    // exports route NoMatchingCondition here, so the return branch is the result conditions test.
    result: {
      operators: ['Equals'],
      description: "The module's return branch (its Settings.Transitions ReferenceName).",
    },
    errors: ['NoMatchingError'],
    // Inbound flows only; a module cannot invoke another module.
    flowTypes: ['CONTACT_FLOW'],
    channels: ALL_CHANNELS,
    logModuleType: 'InvokeFlowModule', // log name unknown: the Type itself
    ui: {
      label: 'Invoke module',
      group: 'Integrate',
      help: 'Runs a published flow module, then continues here.',
    },
  },
  {
    type: 'StartOutboundChatContact',
    status: 'documented',
    notProvided: 'chat and SMS messaging',
    kind: 'contact',
    parameters: parameters(
      {
        SourceEndpoint: object({
          Address: resource('phoneNumber', {
            description: 'ARN of the Connect phone number that sends the message.',
          }),
          Type: choice(['CONNECT_PHONENUMBER_ARN'] as const),
        }),
        DestinationEndpoint: object({
          Address: pathOrStatic({ description: 'E.164 number of the customer.' }),
          Type: choice(['TELEPHONE_NUMBER'] as const),
        }),
        ContactFlowArn: resource('flow', { description: 'Flow that runs the new chat contact.' }),
        // The flow action documents only SMS; the StartOutboundChatContact API now also starts WhatsApp chats.
        ContactSubtype: choice(['connect:SMS', 'connect:WhatsApp'] as const),
        InitialSystemMessage: object({ Content: text() }),
        RelatedContact: choice(['CURRENT'] as const),
      },
      { required: ['SourceEndpoint', 'DestinationEndpoint', 'ContactFlowArn', 'ContactSubtype'] },
    ),
    // TemplateRenderingError: routed by designer-saved exports of Send message (message templates).
    errors: ['NoMatchingError', 'TemplateRenderingError'],
    flowTypes: ALL_FLOW_TYPES,
    channels: ALL_CHANNELS,
    logModuleType: 'StartOutboundChatContact', // log name unknown: the Type itself
    ui: {
      label: 'Send message',
      group: 'Interact',
      help: 'Starts an outbound SMS conversation with the customer.',
    },
  },
  {
    type: 'TagContact',
    status: 'documented',
    kind: 'contact',
    parameters: parameters(
      {
        Tags: stringMap(text(), { description: 'User-defined tags; keys and values may use $.references.' }),
      },
      { required: ['Tags'] },
    ),
    // The docs list no error, but the Contact tags block has an Error branch that designer exports route.
    errors: ['NoMatchingError'],
    flowTypes: ALL_FLOW_TYPES,
    channels: ALL_CHANNELS,
    logModuleType: 'TagContact', // log name unknown: the Type itself
    ui: { label: 'Contact tags', group: 'Set', help: 'Adds user-defined tags to the contact, all or none.' },
  },
  {
    type: 'TransferContactToAgent',
    status: 'documented',
    kind: 'contact',
    parameters: parameters({}),
    errors: [],
    // Ends the flow; the legacy Transfer-to-agent module had no branches either.
    terminal: true,
    flowTypes: TRANSFER,
    channels: VOICE,
    logModuleType: 'Transfer',
    ui: {
      label: 'Transfer to agent (beta)',
      group: 'Terminate / Transfer',
      help: 'Ends the flow and connects the caller to the agent; disconnects if the agent is busy.',
    },
  },
  {
    type: 'TransferContactToQueue',
    status: 'documented',
    kind: 'contact',
    parameters: parameters({
      // Not documented (the action uses the working queue); present in some hand-written exports.
      QueueId: resource('queue', { description: 'Not a Connect parameter: the working queue is used.' }),
    }),
    errors: ['NoMatchingError', 'QueueAtCapacity'],
    flowTypes: INBOUND_AND_TRANSFER,
    channels: ALL_CHANNELS,
    logModuleType: 'Transfer',
    ui: {
      label: 'Transfer to queue',
      group: 'Terminate / Transfer',
      help: 'Puts the contact in its working queue, where the customer queue flow takes over.',
      branchLabels: { QueueAtCapacity: 'At capacity' },
    },
  },
  {
    type: 'UnTagContact',
    status: 'documented',
    kind: 'contact',
    parameters: parameters(
      { TagKeys: Type.Array(staticText(), { description: 'Keys of the user-defined tags to remove.' }) },
      { required: ['TagKeys'] },
    ),
    errors: ['NoMatchingError'],
    flowTypes: ALL_FLOW_TYPES,
    channels: ALL_CHANNELS,
    logModuleType: 'UnTagContact', // log name unknown: the Type itself
    ui: { label: 'Contact tags (remove)', group: 'Set', help: 'Removes user-defined tags from the contact.' },
  },
  {
    type: 'UpdateCase',
    status: 'documented',
    notProvided: 'Amazon Connect Cases',
    kind: 'contact',
    parameters: parameters(
      {
        LinkContactToCase: bool({
          description: 'True opens the case for the agent when they accept the contact.',
        }),
        CaseId: text({ description: 'ID of the case to update, e.g. $.Case.case_id.' }),
        CaseRequestFields: stringMap(text(), { description: 'Case fields to update.' }),
      },
      { required: ['CaseId'] },
    ),
    errors: ['NoMatchingError', 'ContactNotLinked'],
    flowTypes: ALL_FLOW_TYPES,
    channels: ALL_CHANNELS,
    logModuleType: 'UpdateCase', // log name unknown: the Type itself
    ui: {
      label: 'Cases (update)',
      group: 'Integrate',
      help: 'Updates fields of an existing case, optionally linking the contact to it.',
      branchLabels: CASE_ERROR_LABELS,
    },
  },
  {
    type: 'UpdateContactAttributes',
    status: 'documented',
    kind: 'contact',
    parameters: parameters(
      {
        Attributes: stringMap(text(), {
          description: 'Attributes to set; keys and values may use $.references.',
        }),
        TargetContact: choice(TARGET_CONTACT, {
          description: 'Contact to set them on; Current when absent.',
        }),
      },
      { required: ['Attributes'] },
    ),
    errors: ['NoMatchingError'],
    flowTypes: ALL_FLOW_TYPES,
    channels: ALL_CHANNELS,
    logModuleType: 'SetAttributes',
    ui: {
      label: 'Set contact attributes',
      group: 'Set',
      help: 'Sets user-defined contact attributes ($.Attributes), all or none.',
    },
  },
  {
    type: 'UpdateContactCallbackNumber',
    status: 'documented',
    kind: 'contact',
    parameters: parameters(
      { CallbackNumber: jsonPath({ description: 'JSONPath to the number, e.g. $.StoredCustomerInput.' }) },
      { required: ['CallbackNumber'] },
    ),
    errors: ['InvalidCallbackNumber', 'CallbackNumberNotDialable'],
    flowTypes: INBOUND_TRANSFER_QUEUE,
    channels: VOICE,
    // Legacy exports spell the module SetCallBackNumber.
    logModuleType: 'SetCallBackNumber',
    ui: {
      label: 'Set callback number',
      group: 'Set',
      help: 'Sets the number a queued callback will dial.',
      branchLabels: { InvalidCallbackNumber: 'Invalid number', CallbackNumberNotDialable: 'Not dialable' },
    },
  },
  {
    type: 'UpdateContactData',
    status: 'documented',
    kind: 'contact',
    parameters: parameters({
      Name: text({ description: 'Contact name shown to the agent.' }),
      Description: text(),
      LanguageCode: pathOrStatic({
        description: 'Language of the contact, e.g. en-US (Set voice → language).',
      }),
      CustomerId: text(),
      References: stringMap(contactReference()),
      IsVoiceIdStreamingEnabled: voiceIdFlag('Streams customer audio to Voice ID.'),
      IsVoiceAuthenticationEnabled: voiceIdFlag('Authenticates the caller against their voiceprint.'),
      IsFraudDetectionEnabled: voiceIdFlag('Checks the caller against fraudster watchlists.'),
      VoiceAuthenticationThreshold: int([0, 100]),
      VoiceAuthenticationResponseTime: int([5, 10], {
        description: 'Seconds of speech before authenticating.',
      }),
      FraudDetectionThreshold: int([0, 100]),
      WatchlistId: text(),
      WisdomSessionArn: pathOrStatic({
        description: 'Amazon Q in Connect session, usually $.Wisdom.SessionArn.',
      }),
      TargetContact: choice(TARGET_CONTACT),
    }),
    errors: ['NoMatchingError'],
    flowTypes: ALL_FLOW_TYPES,
    channels: ALL_CHANNELS,
    logModuleType: 'SetContactData',
    ui: {
      label: 'Set contact data',
      group: 'Set',
      help: 'Sets Connect-defined contact properties: name, language, Voice ID settings, Q in Connect session…',
    },
  },
  {
    type: 'UpdateContactEventHooks',
    status: 'documented',
    kind: 'contact',
    // Designer exports carry EventHooks, EventHooksConfiguration (disable a whisper) or both.
    parameters: parameters({
      EventHooks: eventHookMap(resource('flow', { description: 'Flow ID or ARN, or a JSONPath to one.' }), {
        single: true,
        description: 'Exactly one event type (static key) and the flow it runs.',
      }),
      EventHooksConfiguration: eventHookMap(object({ DisableExecution: bool() }), {
        description: 'Per-event settings, e.g. {"CustomerWhisper": {"DisableExecution": "true"}}.',
      }),
    }),
    atLeastOneOf: [['EventHooks', 'EventHooksConfiguration']],
    errors: ['NoMatchingError'],
    flowTypes: ALL_FLOW_TYPES,
    channels: ALL_CHANNELS,
    logModuleType: 'SetEventHook',
    ui: {
      label: 'Set event hook flow',
      group: 'Set',
      help: 'Sets the customer queue, hold, whisper, disconnect or agent-UI event flow of the contact.',
    },
  },
  {
    type: 'UpdateContactMediaProcessing',
    status: 'documented',
    notProvided: 'chat message processing',
    kind: 'contact',
    parameters: parameters({
      ChatProcessor: object({
        ProcessingEnabled: bool(),
        LambdaProcessorARN: resource('lambda', { dynamic: 'text' }),
        ChatProcessorSettings: object({ DeliverUnprocessedMessages: bool() }),
      }),
    }),
    errors: ['NoMatchingError', 'ChannelMismatch'],
    flowTypes: ALL_FLOW_TYPES,
    // Chat message processing: other channels take the ChannelMismatch branch.
    channels: ['CHAT'],
    logModuleType: 'UpdateContactMediaProcessing', // log name unknown: the Type itself
    ui: {
      label: 'Set recording, analytics and processing behavior (processing)',
      group: 'Set',
      help: 'Turns in-flight chat message processing by a Lambda function on or off.',
      branchLabels: { ChannelMismatch: 'Channel mismatch' },
    },
  },
  {
    type: 'UpdateContactMediaStreamingBehavior',
    status: 'documented',
    notProvided: 'live media streaming (Kinesis Video Streams)',
    kind: 'contact',
    parameters: parameters(
      {
        MediaStreamingState: choice(ENABLED, {
          description: 'Enabled starts, Disabled stops media streaming.',
        }),
        Participants: Type.Array(
          object({
            ParticipantType: choice(['Customer'] as const),
            MediaDirections: Type.Array(choice(['From', 'To'] as const)),
          }),
        ),
        MediaStreamType: choice(['Audio'] as const),
      },
      { required: ['MediaStreamingState'] },
    ),
    errors: ['NoMatchingError'],
    flowTypes: [...INBOUND_TRANSFER_QUEUE, ...WHISPER],
    channels: VOICE,
    // Legacy exports use StartMediaStreaming; MediaStreamingState Disabled is the legacy StopMediaStreaming.
    logModuleType: 'StartMediaStreaming',
    ui: {
      label: 'Start / Stop media streaming',
      group: 'Analyze',
      help: "Starts or stops streaming the customer's audio to Kinesis Video Streams.",
    },
  },
  {
    type: 'UpdateContactRecordingAndAnalyticsBehavior',
    status: 'documented',
    kind: 'contact',
    parameters: parameters({
      VoiceBehavior: object({
        VoiceRecordingBehavior: object({
          RecordedParticipants: Type.Array(choice(PARTICIPANTS)),
          IVRRecordingBehavior: choice(ENABLED),
        }),
        VoiceAnalyticsBehavior: object(channelAnalytics()),
      }),
      ChatBehavior: object({
        ChatAnalyticsBehavior: object({
          ...channelAnalytics(),
          InFlightChatRedactionConfiguration: redactionConfiguration(),
        }),
      }),
      ScreenRecordingBehavior: object({ ScreenRecordedParticipants: Type.Array(choice(['Agent'] as const)) }),
    }),
    // "Only ONE of the following channel behavior objects can be defined per configuration."
    atMostOneOf: [['VoiceBehavior', 'ChatBehavior']],
    errors: ['NoMatchingError', 'ChannelMismatch', 'InFlightRedactionConfigurationFailed'],
    flowTypes: [...INBOUND_TRANSFER_QUEUE, 'OUTBOUND_WHISPER'],
    channels: ALL_CHANNELS,
    logModuleType: 'SetRecordingBehavior', // assumed the same as UpdateContactRecordingBehavior
    ui: {
      label: 'Set recording, analytics and processing behavior',
      group: 'Set',
      help: 'Sets per-channel recording, Contact Lens analytics and redaction for the contact.',
      branchLabels: {
        ChannelMismatch: 'Channel mismatch',
        InFlightRedactionConfigurationFailed: 'In-flight redaction failed',
      },
    },
  },
  {
    type: 'UpdateContactRecordingBehavior',
    status: 'documented',
    kind: 'contact',
    parameters: parameters({
      RecordingBehavior: object({
        RecordedParticipants: Type.Array(choice(PARTICIPANTS), {
          description: 'An empty list stops recording.',
        }),
        ScreenRecordedParticipants: Type.Array(choice(['Agent'] as const)),
        IVRRecordingBehavior: choice(ENABLED),
      }),
      AnalyticsBehavior: object({
        Enabled: bool(),
        AnalyticsLanguage: staticText({ description: 'Contact Lens language, xx-XX.' }),
        AnalyticsMode: staticText({ description: 'Older exports: PostCall or RealTime.' }),
        AnalyticsRedactionBehavior: choice(ENABLED),
        AnalyticsRedactionResults: choice(REDACTION_RESULTS, { dynamic: 'path' }),
        AnalyticsRedactionMaskMode: staticText(),
        AnalyticsRedactionEntities: Type.Array(staticText()),
        ChannelConfiguration: object({
          Chat: object({ AnalyticsModes: Type.Array(staticText()) }),
          Voice: object({ AnalyticsModes: Type.Array(staticText()) }),
        }),
        SummaryConfiguration: object({ SummaryModes: Type.Array(staticText()) }),
        SentimentConfiguration: object({ Enabled: bool() }),
      }),
      // The pre-2019 SetRecordingBehavior parameter, seen in a hand-written export; not read by Connect.
      RecordingBehaviorOption: staticText({
        description: 'Legacy parameter (Enable/Disable); use RecordingBehavior.',
      }),
    }),
    errors: [],
    flowTypes: [...INBOUND_TRANSFER_QUEUE, 'OUTBOUND_WHISPER'],
    channels: ALL_CHANNELS,
    logModuleType: 'SetRecordingBehavior',
    ui: {
      label: 'Set recording and analytics behavior',
      group: 'Set',
      help: 'Chooses who is recorded and turns Contact Lens analytics on or off.',
    },
  },
  {
    type: 'ResumeContact',
    status: 'documented',
    notProvided: 'tasks (paused contacts)',
    kind: 'contact',
    parameters: parameters({}),
    errors: ['NoMatchingError'],
    flowTypes: ALL_FLOW_TYPES,
    channels: ALL_CHANNELS,
    logModuleType: 'ResumeContact', // log name unknown: the Type itself
    ui: { label: 'Resume contact', group: 'Set', help: 'Resumes a paused contact (tasks).' },
  },
  {
    type: 'UpdateContactRoutingBehavior',
    status: 'documented',
    kind: 'contact',
    parameters: parameters({
      QueuePriority: int([1, Number.MAX_SAFE_INTEGER], {
        description: 'Lower is routed sooner; new contacts get 5.',
      }),
      QueueTimeAdjustmentSeconds: int([-2147483648, 2147483647], {
        description: 'Seconds added to (or removed from) the routing age; older is routed sooner.',
      }),
    }),
    exactlyOneOf: [['QueuePriority', 'QueueTimeAdjustmentSeconds']],
    errors: [],
    flowTypes: INBOUND,
    channels: ALL_CHANNELS,
    logModuleType: 'UpdateRoutingPriority',
    ui: {
      label: 'Change routing priority / age',
      group: 'Set',
      help: "Changes the contact's priority or routing age in queue.",
    },
  },
  {
    type: 'UpdateContactTargetQueue',
    status: 'documented',
    kind: 'contact',
    parameters: parameters(queueOrAgent()),
    exactlyOneOf: QUEUE_OR_AGENT,
    errors: ['NoMatchingError'],
    flowTypes: INBOUND_AND_TRANSFER,
    channels: ALL_CHANNELS,
    logModuleType: 'SetQueue',
    ui: {
      label: 'Set working queue',
      group: 'Set',
      help: 'Sets the queue that Transfer to queue and the queue checks use.',
    },
  },
  {
    type: 'UpdateContactTextToSpeechVoice',
    status: 'documented',
    kind: 'contact',
    parameters: parameters({
      TextToSpeechVoice: text({ description: 'Amazon Polly voice, e.g. Joanna (the default).' }),
      TextToSpeechEngine: text({ description: 'Standard, Neural or Generative.' }),
      TextToSpeechStyle: text({ description: 'None, Conversational or Newscaster.' }),
    }),
    errors: ['NoMatchingError'],
    flowTypes: ALL_FLOW_TYPES,
    channels: ALL_CHANNELS,
    logModuleType: 'SetVoice',
    ui: {
      label: 'Set voice',
      group: 'Set',
      help: 'Sets the text-to-speech voice, engine and speaking style.',
    },
  },
  {
    type: 'UpdatePreviousContactParticipantState',
    status: 'documented',
    kind: 'contact',
    parameters: parameters(
      { PreviousContactParticipantState: choice(['AgentOnHold', 'CustomerOnHold', 'OffHold'] as const) },
      { required: ['PreviousContactParticipantState'] },
    ),
    errors: ['NoMatchingError'],
    flowTypes: INBOUND_AND_TRANSFER,
    channels: VOICE,
    // Log name unknown: the Type itself (third-party maps guess HoldParticipantConnection).
    logModuleType: 'UpdatePreviousContactParticipantState',
    ui: {
      label: 'Hold customer or agent',
      group: 'Interact',
      help: 'Puts the agent or customer of the previous contact on or off hold, e.g. during secure input.',
    },
  },
];
