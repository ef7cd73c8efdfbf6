/**
 * JSON Schemas of what the runtime writes, published in `schemas/` (`pnpm schemas`) so tools outside
 * Parley can check flow logs and contact records; a test validates real output against them.
 */
const BASE = 'https://parley.dev/schemas';

/** A parameter as logs hold it: strings at every leaf. */
const logValue = {
  anyOf: [
    { type: 'string' },
    { type: 'array', items: { $ref: '#/definitions/logValue' } },
    { type: 'object', additionalProperties: { $ref: '#/definitions/logValue' } },
  ],
};

export const flowLogEntrySchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: `${BASE}/flow-log-entry.schema.json`,
  title: 'Flow-log entry',
  description:
    "One entry per block execution, in Amazon Connect's CloudWatch format: legacy block names in ContactFlowModuleType, parameters stringified under their legacy names.",
  type: 'object',
  required: [
    'ContactId',
    'ContactFlowId',
    'ContactFlowName',
    'ContactFlowModuleType',
    'Identifier',
    'Timestamp',
    'Parameters',
  ],
  properties: {
    ContactId: { type: 'string', minLength: 1 },
    ContactFlowId: { type: 'string', description: 'The flow ARN.' },
    ContactFlowName: { type: 'string' },
    ContactFlowModuleType: { type: 'string', minLength: 1 },
    Identifier: { type: 'string', minLength: 1 },
    Timestamp: {
      type: 'string',
      pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z$',
      description: 'ISO-8601 UTC with milliseconds.',
    },
    Parameters: { type: 'object', additionalProperties: { $ref: '#/definitions/logValue' } },
    Results: { type: 'string' },
    ExternalResults: { type: 'object', description: 'The Lambda response, on success only.' },
  },
  additionalProperties: false,
  definitions: { logValue },
};

const nullable = (schema: Record<string, unknown>) => ({ anyOf: [schema, { type: 'null' }] });
const recordTime = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z$' };
const seconds = { type: 'integer', minimum: 0 };
const endpoint = {
  type: 'object',
  required: ['Address', 'Type'],
  properties: { Address: { type: 'string' }, Type: { type: 'string' } },
};
const recordingStatus = { enum: ['AVAILABLE', 'DELETED', null] };
const stringMap = { type: 'object', additionalProperties: { type: 'string' } };

export const contactRecordSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: `${BASE}/contact-record.schema.json`,
  title: 'Contact record',
  description:
    "A contact record (CTR) in Amazon Connect's data model, written when a contact ends. Timestamps are UTC to the second, durations whole seconds.",
  type: 'object',
  required: [
    'AWSAccountId',
    'AWSContactTraceRecordFormatVersion',
    'Attributes',
    'Channel',
    'ContactId',
    'DisconnectTimestamp',
    'InitiationMethod',
    'InitiationTimestamp',
    'InstanceARN',
    'LastUpdateTimestamp',
  ],
  properties: {
    AWSAccountId: { type: 'string' },
    AWSContactTraceRecordFormatVersion: { type: 'string' },
    Agent: nullable({
      type: 'object',
      required: ['ARN', 'ConnectedToAgentTimestamp'],
      properties: {
        ARN: { type: 'string' },
        AfterContactWorkDuration: nullable(seconds),
        AfterContactWorkEndTimestamp: nullable(recordTime),
        AfterContactWorkStartTimestamp: nullable(recordTime),
        AgentInteractionDuration: seconds,
        ConnectedToAgentTimestamp: recordTime,
        CustomerHoldDuration: seconds,
        HierarchyGroups: nullable({ type: 'object' }),
        LongestHoldDuration: seconds,
        NumberOfHolds: seconds,
        RoutingProfile: nullable({
          type: 'object',
          required: ['ARN', 'Name'],
          properties: { ARN: { type: 'string' }, Name: { type: 'string' } },
        }),
        Username: { type: 'string' },
      },
    }),
    AgentConnectionAttempts: seconds,
    AnsweringMachineDetectionStatus: nullable({ type: 'string' }),
    Attributes: stringMap,
    Campaign: nullable({ type: 'object' }),
    Channel: { enum: ['VOICE', 'CHAT', 'TASK', 'EMAIL'] },
    ConnectedToSystemTimestamp: nullable(recordTime),
    ContactDetails: { type: 'object' },
    ContactId: { type: 'string', minLength: 1, maxLength: 256 },
    CustomerEndpoint: nullable(endpoint),
    DisconnectReason: nullable({ type: 'string' }),
    DisconnectTimestamp: recordTime,
    InitialContactId: nullable({ type: 'string' }),
    InitiationMethod: {
      enum: ['INBOUND', 'OUTBOUND', 'TRANSFER', 'QUEUE_TRANSFER', 'CALLBACK', 'API', 'MONITOR', 'DISCONNECT'],
    },
    InitiationTimestamp: recordTime,
    InstanceARN: { type: 'string' },
    LastUpdateTimestamp: recordTime,
    MediaStreams: {
      type: 'array',
      items: { type: 'object', properties: { Type: { enum: ['AUDIO', 'VIDEO', 'CHAT'] } } },
    },
    NextContactId: nullable({ type: 'string' }),
    PreviousContactId: nullable({ type: 'string' }),
    Queue: nullable({
      type: 'object',
      required: ['ARN', 'EnqueueTimestamp', 'Name'],
      properties: {
        ARN: { type: 'string' },
        DequeueTimestamp: nullable(recordTime),
        Duration: seconds,
        EnqueueTimestamp: recordTime,
        Name: { type: 'string' },
      },
    }),
    Recording: nullable({
      type: 'object',
      required: ['Location', 'Type'],
      properties: {
        DeletionReason: nullable({ type: 'string' }),
        Location: { type: 'string' },
        Status: recordingStatus,
        Type: { const: 'AUDIO' },
      },
    }),
    Recordings: nullable({
      type: 'array',
      items: {
        type: 'object',
        required: ['Location', 'MediaStreamType'],
        properties: {
          DeletionReason: nullable({ type: 'string' }),
          FragmentStartNumber: nullable({ type: 'string' }),
          FragmentStopNumber: nullable({ type: 'string' }),
          Location: { type: 'string' },
          MediaStreamType: { enum: ['AUDIO', 'VIDEO', 'CHAT'] },
          ParticipantType: nullable({ type: 'string' }),
          StartTimestamp: nullable(recordTime),
          Status: recordingStatus,
          StopTimestamp: nullable(recordTime),
          StorageType: { type: 'string' },
        },
      },
    }),
    References: { type: 'array' },
    RelatedContactId: nullable({ type: 'string' }),
    ScheduledTimestamp: nullable(recordTime),
    SystemEndpoint: nullable(endpoint),
    Tags: stringMap,
    TransferCompletedTimestamp: nullable(recordTime),
    TransferredToEndpoint: nullable(endpoint),
    VoiceIdResult: nullable({ type: 'object' }),
  },
};

/** The files of `schemas/` this module owns, by name. */
export function renderRuntimeSchemas(): Map<string, string> {
  const json = (schema: unknown) => `${JSON.stringify(schema, null, 2)}\n`;
  return new Map([
    ['flow-log-entry.schema.json', json(flowLogEntrySchema)],
    ['contact-record.schema.json', json(contactRecordSchema)],
  ]);
}
