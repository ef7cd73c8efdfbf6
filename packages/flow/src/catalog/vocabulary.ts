/** Connect's `ContactFlowType` API enum plus `MODULE` for flow modules (a separate resource in Connect). */
export const FLOW_TYPES = [
  'CONTACT_FLOW',
  'CUSTOMER_QUEUE',
  'CUSTOMER_HOLD',
  'CUSTOMER_WHISPER',
  'AGENT_HOLD',
  'AGENT_WHISPER',
  'OUTBOUND_WHISPER',
  'AGENT_TRANSFER',
  'QUEUE_TRANSFER',
  'CAMPAIGN',
  'MODULE',
] as const;
export type FlowType = (typeof FLOW_TYPES)[number];

/** `Metadata.type` in console exports is the camelCase spelling of the API enum. */
export const FLOW_TYPE_BY_METADATA: Readonly<Record<string, FlowType>> = {
  contactFlow: 'CONTACT_FLOW',
  customerQueue: 'CUSTOMER_QUEUE',
  customerHold: 'CUSTOMER_HOLD',
  customerWhisper: 'CUSTOMER_WHISPER',
  agentHold: 'AGENT_HOLD',
  agentWhisper: 'AGENT_WHISPER',
  outboundWhisper: 'OUTBOUND_WHISPER',
  agentTransfer: 'AGENT_TRANSFER',
  queueTransfer: 'QUEUE_TRANSFER',
  campaign: 'CAMPAIGN',
  module: 'MODULE',
  contactFlowModule: 'MODULE',
};

export const CHANNELS = ['VOICE', 'CHAT', 'TASK', 'EMAIL'] as const;
export type Channel = (typeof CHANNELS)[number];

/** The eight documented Flow-language condition operators (reference §2.3). */
export const OPERATORS = [
  'Equals',
  'TextStartsWith',
  'TextEndsWith',
  'TextContains',
  'NumberGreaterThan',
  'NumberGreaterOrEqualTo',
  'NumberLessThan',
  'NumberLessOrEqualTo',
] as const;
export type Operator = (typeof OPERATORS)[number];

/** Error types every action may route on besides its own (reference §2.1). */
export const COMMON_ERROR_TYPES = ['NoMatchingError', 'NoMatchingCondition'] as const;

/** Palette groups as Connect's flow designer groups its blocks. */
export const BLOCK_GROUPS = [
  'Interact',
  'Set',
  'Analyze',
  'Branch',
  'Integrate',
  'Terminate / Transfer',
] as const;
export type BlockGroup = (typeof BLOCK_GROUPS)[number];

/** The Flow-language documentation classes actions into four kinds. */
export const ACTION_KINDS = ['participant', 'contact', 'flowControl', 'interaction'] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];

/** Resource kinds a parameter can reference; drives import/export resolution and designer pickers. */
export const RESOURCE_KINDS = [
  'queue',
  'agent',
  'flow',
  'module',
  'prompt',
  'hours',
  'lambda',
  'lexBot',
  'lexV2Alias',
  'view',
  'phoneNumber',
  'wisdomAssistant',
  'wisdomKnowledgeBase',
  'messageTemplate',
  'taskTemplate',
  'caseTemplate',
  'emailAddress',
] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];
