import { Type } from '@sinclair/typebox';
import { choice, decimal, int, jsonPath, object, parameters, resource, stringMap, text } from '../params.js';
import {
  ALL_CHANNELS,
  ALL_FLOW_TYPES,
  INBOUND,
  INBOUND_AND_TRANSFER,
  INBOUND_TRANSFER_QUEUE,
  VOICE,
  WHISPER,
} from '../sets.js';
import type { BlockSpec, BlockVariant, ResultSpec } from '../types.js';
import { OPERATORS, type Operator } from '../vocabulary.js';

/*
 * Flow-control actions (reference §3.4). Connect's palette has a "Logic" group (Loop, Distribute by
 * percentage, Wait) that the BlockGroup vocabulary does not: those blocks are filed under 'Branch'.
 * Where the legacy ContactFlowModuleType of an action is unknown (no pre-2019 block, no real log line),
 * `logModuleType` is the Type itself.
 */

const NUMBER_OPERATORS: readonly Operator[] = [
  'NumberGreaterThan',
  'NumberGreaterOrEqualTo',
  'NumberLessThan',
  'NumberLessOrEqualTo',
];
const NUMBER = '^-?[0-9]+(\\.[0-9]+)?$';

const AGENT_METRICS = ['NumberOfAgentsAvailable', 'NumberOfAgentsStaffed', 'NumberOfAgentsOnline'] as const;
const QUEUE_METRICS = ['OldestContactInQueueAgeSeconds', 'NumberOfContactsInQueue'] as const;

const STAFFING_RESULT: ResultSpec = {
  operators: ['NumberGreaterThan'],
  operandPattern: '^0$',
  description:
    'The number of agents; the only condition Connect allows is NumberGreaterThan 0 (Check staffing).',
};
const QUEUE_STATUS_RESULT: ResultSpec = {
  operators: ['Equals', ...NUMBER_OPERATORS],
  operandPattern: NUMBER,
  description:
    'The queue metric: contacts in queue, or the age of the oldest contact in seconds (Check queue status).',
};

const WAIT_EVENTS = ['CustomerReturned', 'BotParticipantDisconnected'] as const;

// Connect documents the Check Voice ID results only by their display labels ("Not enrolled"); the
// condition operands the designer saves are these PascalCase strings (real Connect-saved export).
const VOICE_ID_RESULTS = {
  enrollmentStatus: ['Enrolled', 'NotEnrolled', 'OptedOut'],
  voiceAuthentication: ['Authenticated', 'NotAuthenticated', 'Inconclusive', 'NotEnrolled', 'OptedOut'],
  fraudDetection: ['HighRisk', 'LowRisk', 'Inconclusive'],
} as const satisfies Record<string, readonly string[]>;
type VoiceIdOption = keyof typeof VOICE_ID_RESULTS;
const ALL_VOICE_ID_RESULTS = [...new Set(Object.values(VOICE_ID_RESULTS).flat())];

const HOLD_FREE = ALL_FLOW_TYPES.filter((t) => t !== 'CUSTOMER_HOLD' && t !== 'AGENT_HOLD');

/** A routing-step expression: one attribute condition, or several AND-ed / OR-ed together. */
const attributeCondition = () =>
  object(
    {
      Name: text({ description: 'Predefined attribute name (1–64 characters).' }),
      Value: text({ description: 'Predefined attribute value (1–64 characters).' }),
      ProficiencyLevel: decimal([1, 5], { description: 'One of 1.0, 2.0, 3.0, 4.0, 5.0.' }),
      ComparisonOperator: choice(['NumberGreaterOrEqualTo'] as const),
    },
    { description: 'A predefined-attribute condition the agent must meet.' },
  );

export const flowControlBlocks: BlockSpec[] = [
  {
    type: 'CheckHoursOfOperation',
    status: 'documented',
    kind: 'flowControl',
    parameters: parameters({
      HoursOfOperationId: resource('hours', {
        description: "Hours of operation ID or ARN, or a JSONPath to one; omitted: the target queue's hours.",
      }),
    }),
    result: {
      operators: ['Equals'],
      values: ['True', 'False'],
      description: 'True when the contact is within the hours of operation, False when outside.',
    },
    errors: ['NoMatchingError'],
    flowTypes: INBOUND_TRANSFER_QUEUE,
    channels: ALL_CHANNELS,
    logModuleType: 'CheckHoursOfOperation',
    ui: {
      label: 'Check hours of operation',
      group: 'Branch',
      help: "Branches on whether now is within the given hours of operation, or the working queue's.",
      branchLabels: { True: 'In hours', False: 'Out of hours', NoMatchingError: 'Error' },
    },
  },
  {
    type: 'CheckMetricData',
    status: 'documented',
    kind: 'flowControl',
    parameters: parameters(
      {
        MetricType: choice([...AGENT_METRICS, ...QUEUE_METRICS] as const, {
          description: 'The real-time metric to load and compare.',
        }),
        QueueId: resource('queue', {
          dynamic: 'text',
          description: 'Queue ID or ARN; omitted: the working queue.',
        }),
        AgentId: resource('agent', {
          dynamic: 'text',
          description: "Agent ID or ARN: check that agent's queue.",
        }),
      },
      { required: ['MetricType'] },
    ),
    atMostOneOf: [['QueueId', 'AgentId']],
    // Connect documents NoMatchingCondition for queue metrics only, but every Connect-saved Check
    // staffing block routes its False branch through NoMatchingCondition, so both kinds have a result.
    result: {
      operators: ['Equals', ...NUMBER_OPERATORS],
      operandPattern: NUMBER,
      description:
        'The value of the metric: agent count (Check staffing) or queue status (Check queue status).',
    },
    errors: ['NoMatchingError'],
    variant: (p): BlockVariant => {
      const metric = p.MetricType;
      if (typeof metric !== 'string') return {};
      if ((AGENT_METRICS as readonly string[]).includes(metric)) return { result: STAFFING_RESULT };
      if ((QUEUE_METRICS as readonly string[]).includes(metric)) return { result: QUEUE_STATUS_RESULT };
      return {};
    },
    flowTypes: INBOUND_TRANSFER_QUEUE,
    channels: ALL_CHANNELS,
    // Legacy flows log this as CheckStaffing (agent metrics) or CheckQueueStatus (queue metrics); real
    // exports only use the staffing form, so that is the name kept here.
    logModuleType: 'CheckStaffing',
    ui: {
      label: 'Check queue status / staffing',
      group: 'Branch',
      help: 'Loads a real-time queue metric and branches on it: agents staffed/available/online, or queue status.',
      branchLabels: { NoMatchingCondition: 'False / No match', NoMatchingError: 'Error' },
    },
  },
  {
    type: 'CheckOutboundCallStatus',
    status: 'documented',
    notProvided: 'outbound campaigns (call progress analysis)',
    kind: 'flowControl',
    parameters: parameters({}),
    result: {
      operators: ['Equals'],
      values: ['CallAnswered', 'VoicemailBeep', 'VoicemailNoBeep', 'NotDetected'],
      description:
        'What answered the outbound campaign call: a person, a voicemail (with or without beep), or unknown.',
    },
    errors: ['NoMatchingError'],
    // The block page allows every flow type; it only produces a result for outbound campaign calls.
    flowTypes: ALL_FLOW_TYPES,
    channels: VOICE,
    logModuleType: 'CheckOutboundCallStatus', // legacy name unknown
    ui: {
      label: 'Check call progress',
      group: 'Branch',
      help: 'Branches on answering-machine detection for an outbound campaign call.',
      branchLabels: {
        CallAnswered: 'Call answered',
        VoicemailBeep: 'Voicemail (beep)',
        VoicemailNoBeep: 'Voicemail (no beep)',
        NotDetected: 'Not detected',
        NoMatchingError: 'Error',
      },
    },
  },
  {
    type: 'CheckVoiceId',
    status: 'documented',
    notProvided: 'Amazon Connect Voice ID',
    kind: 'flowControl',
    parameters: parameters(
      {
        CheckVoiceIdOption: choice(['enrollmentStatus', 'voiceAuthentication', 'fraudDetection'] as const, {
          description: 'Which Voice ID result to branch on.',
        }),
      },
      { required: ['CheckVoiceIdOption'] },
    ),
    result: {
      operators: ['Equals'],
      values: ALL_VOICE_ID_RESULTS,
      description: 'The Voice ID status for the chosen check (enrollment, authentication or fraud risk).',
    },
    errors: ['NoMatchingError'],
    variant: (p): BlockVariant => {
      const option = p.CheckVoiceIdOption;
      // Own keys only: `in` let "__proto__" through to Object.prototype, which has no values.
      if (typeof option !== 'string' || !Object.hasOwn(VOICE_ID_RESULTS, option)) return {};
      return {
        result: {
          operators: ['Equals'],
          values: VOICE_ID_RESULTS[option as VoiceIdOption],
          description: `The Voice ID ${option} result.`,
        },
      };
    },
    flowTypes: [...INBOUND_TRANSFER_QUEUE, ...WHISPER],
    channels: VOICE,
    logModuleType: 'CheckVoiceId', // legacy name unknown
    ui: {
      label: 'Check Voice ID',
      group: 'Branch',
      help: 'Branches on the Voice ID enrollment status, authentication result or fraud risk of the caller.',
      branchLabels: {
        NotEnrolled: 'Not enrolled',
        OptedOut: 'Opted out',
        NotAuthenticated: 'Not authenticated',
        HighRisk: 'High risk',
        LowRisk: 'Low risk',
        NoMatchingError: 'Error',
      },
    },
  },
  {
    type: 'Compare',
    status: 'documented',
    kind: 'flowControl',
    parameters: parameters(
      {
        ComparisonValue: jsonPath({
          description:
            'The value to compare: one JSONPath such as $.Attributes.x, $.Channel or $.External.y.',
        }),
      },
      { required: ['ComparisonValue'] },
    ),
    result: { operators: OPERATORS, description: 'The value the JSONPath resolves to.' },
    errors: [],
    flowTypes: ALL_FLOW_TYPES,
    channels: ALL_CHANNELS,
    logModuleType: 'CheckAttribute',
    ui: {
      label: 'Check contact attributes',
      group: 'Branch',
      help: 'Compares an attribute or other flow value and takes the first condition that matches.',
      branchLabels: { NoMatchingCondition: 'No match' },
    },
  },
  {
    type: 'DistributeByPercentage',
    status: 'documented',
    kind: 'flowControl',
    parameters: parameters({}),
    // The action page writes "NumericLessThan", which is no operator; thresholds are cumulative
    // percentages, none above 100.
    result: {
      operators: ['NumberLessThan'],
      operandPattern: '^(100|[1-9][0-9]?)$',
      description:
        'A random integer from 1 to 100; conditions are an increasing chain of NumberLessThan thresholds.',
    },
    errors: [],
    // The action page says inbound, transfer and customer queue; the block page adds outbound whisper.
    flowTypes: [...INBOUND_TRANSFER_QUEUE, 'OUTBOUND_WHISPER'],
    channels: ALL_CHANNELS,
    logModuleType: 'PercentileBranching',
    ui: {
      label: 'Distribute by percentage',
      group: 'Branch',
      help: 'Routes contacts at random by percentage, for A/B tests and gradual roll-outs.',
      branchLabels: { NoMatchingCondition: 'Default' },
    },
  },
  {
    type: 'EndFlowExecution',
    status: 'documented',
    kind: 'flowControl',
    parameters: parameters({}),
    errors: [],
    terminal: true,
    // The action page limits it to whisper and customer queue flows, but the block page lists all flows
    // and Connect-saved exports use it in inbound, hold, whisper and customer queue flows.
    flowTypes: ALL_FLOW_TYPES,
    channels: ALL_CHANNELS,
    logModuleType: 'Resume',
    ui: {
      label: 'End flow / Resume',
      group: 'Terminate / Transfer',
      help: 'Ends the flow without disconnecting: a whisper bridges the call, a queue flow leaves the contact queued.',
    },
  },
  {
    type: 'GetMetricData',
    status: 'documented',
    kind: 'flowControl',
    parameters: parameters({
      QueueId: resource('queue', {
        dynamic: 'text',
        description: 'Queue ID or ARN; omitted: the working queue.',
      }),
      AgentId: resource('agent', {
        dynamic: 'text',
        description: "Agent ID or ARN: metrics of that agent's queue.",
      }),
      QueueChannel: choice(['Voice', 'Chat'] as const, {
        dynamic: 'text',
        description: 'Only metrics for this channel; omitted: all channels.',
      }),
    }),
    atMostOneOf: [['QueueId', 'AgentId']],
    errors: ['NoMatchingError'],
    flowTypes: ALL_FLOW_TYPES,
    channels: ALL_CHANNELS,
    logModuleType: 'GetMetricData',
    ui: {
      label: 'Get queue metrics',
      group: 'Set',
      help: 'Loads real-time queue metrics into $.Metrics for later checks.',
      branchLabels: { NoMatchingError: 'Error' },
    },
  },
  {
    type: 'Loop',
    status: 'documented',
    kind: 'flowControl',
    parameters: parameters({
      LoopCount: int([0, 100], {
        dynamic: 'path',
        description: 'Times to take the Looping branch before Complete (0–100), or a JSONPath to the count.',
      }),
    }),
    result: {
      operators: ['Equals'],
      values: ['ContinueLooping', 'DoneLooping'],
      description:
        'ContinueLooping LoopCount times for the same action, then DoneLooping once (the counter resets).',
    },
    // The action page says "no errors", but the current block has an Error branch (invalid loop count)
    // and Connect-saved exports carry NoMatchingError on Loop.
    errors: ['NoMatchingError'],
    flowTypes: ALL_FLOW_TYPES,
    channels: ALL_CHANNELS,
    logModuleType: 'Loop',
    ui: {
      label: 'Loop',
      group: 'Branch',
      help: 'Repeats the Looping branch a set number of times, then takes Complete.',
      branchLabels: { ContinueLooping: 'Looping', DoneLooping: 'Complete', NoMatchingError: 'Error' },
    },
  },
  {
    type: 'StartVoiceIdStream',
    status: 'documented',
    notProvided: 'Amazon Connect Voice ID',
    kind: 'flowControl',
    parameters: parameters({}),
    errors: ['NoMatchingError'],
    flowTypes: HOLD_FREE,
    channels: VOICE,
    logModuleType: 'StartVoiceIdStream', // legacy name unknown
    ui: {
      label: 'Set Voice ID',
      group: 'Set',
      help: "Starts streaming the caller's audio to Voice ID for authentication and fraud detection.",
      branchLabels: { NoMatchingError: 'Error' },
    },
  },
  {
    type: 'TransferToFlow',
    status: 'documented',
    kind: 'flowControl',
    parameters: parameters(
      { ContactFlowId: resource('flow', { description: 'Flow ID or ARN, or a JSONPath to one.' }) },
      { required: ['ContactFlowId'] },
    ),
    errors: ['NoMatchingError'],
    flowTypes: INBOUND_AND_TRANSFER,
    channels: ALL_CHANNELS,
    // Later legacy exports write Transfer (target Flow); the older TransferToFlow module type is deprecated.
    logModuleType: 'Transfer',
    ui: {
      label: 'Transfer to flow',
      group: 'Terminate / Transfer',
      help: 'Ends this flow and continues in another inbound or transfer flow.',
      branchLabels: { NoMatchingError: 'Error' },
    },
  },
  {
    type: 'UpdateFlowAttributes',
    status: 'documented',
    kind: 'flowControl',
    parameters: parameters(
      {
        FlowAttributes: stringMap(object({ Value: text() }, { required: ['Value'] }), {
          description: 'Flow attributes to set, each { "Value": … }; read back as $.FlowAttributes.<name>.',
        }),
      },
      { required: ['FlowAttributes'] },
    ),
    // The action page lists no errors; every Connect-saved export carries NoMatchingError.
    errors: ['NoMatchingError'],
    flowTypes: ALL_FLOW_TYPES,
    channels: ALL_CHANNELS,
    logModuleType: 'UpdateFlowAttributes', // legacy name unknown
    ui: {
      label: 'Set contact attributes (flow)',
      group: 'Set',
      help: 'Sets attributes that live only while this flow runs ($.FlowAttributes).',
      branchLabels: { NoMatchingError: 'Error' },
    },
  },
  {
    type: 'UpdateFlowLoggingBehavior',
    status: 'documented',
    kind: 'flowControl',
    parameters: parameters(
      { FlowLoggingBehavior: choice(['Enabled', 'Disabled'] as const) },
      { required: ['FlowLoggingBehavior'] },
    ),
    // CreateContactFlow reportedly rejects an Errors array on this action.
    errors: [],
    flowTypes: ALL_FLOW_TYPES,
    channels: ALL_CHANNELS,
    logModuleType: 'SetLoggingBehavior',
    ui: {
      label: 'Set logging behavior',
      group: 'Analyze',
      help: 'Turns CloudWatch flow logs on or off for the rest of the contact, including later flows.',
    },
  },
  {
    type: 'UpdateRoutingCriteria',
    status: 'documented',
    kind: 'flowControl',
    parameters: parameters(
      {
        RoutingCriteria: object(
          {
            Steps: Type.Union(
              [
                Type.Array(
                  object(
                    {
                      Expression: object({
                        AttributeCondition: attributeCondition(),
                        AndExpression: Type.Array(object({ AttributeCondition: attributeCondition() })),
                        OrExpression: Type.Array(object({ AttributeCondition: attributeCondition() })),
                      }),
                      Expiry: object({
                        DurationInSeconds: int([1, 2147483647], {
                          description: 'Seconds before the next step applies.',
                        }),
                      }),
                    },
                    { required: ['Expression'] },
                  ),
                  { minItems: 1 },
                ),
                jsonPath(),
              ],
              { description: 'Routing steps tried in order, or a JSONPath to them.' },
            ),
          },
          { required: ['Steps'] },
        ),
      },
      { required: ['RoutingCriteria'] },
    ),
    errors: ['NoMatchingError'],
    flowTypes: INBOUND_TRANSFER_QUEUE,
    channels: ALL_CHANNELS,
    logModuleType: 'UpdateRoutingCriteria', // legacy name unknown
    ui: {
      label: 'Set routing criteria',
      group: 'Set',
      help: 'Routes the contact to agents with given proficiencies, relaxing the criteria step by step.',
      branchLabels: { NoMatchingError: 'Error' },
    },
  },
  {
    type: 'Wait',
    status: 'documented',
    kind: 'flowControl',
    parameters: parameters({
      // The action page names it TimeoutSeconds; every real export writes TimeLimitSeconds.
      TimeoutSeconds: int([1, 604800], {
        dynamic: 'path',
        description: 'Seconds to wait (at most 7 days), or a JSONPath to them.',
      }),
      TimeLimitSeconds: int([1, 604800], {
        dynamic: 'path',
        description: 'Seconds to wait (at most 7 days), or a JSONPath to them.',
      }),
      Events: Type.Array(choice(WAIT_EVENTS), { description: 'Events that end the wait early.' }),
    }),
    atMostOneOf: [['TimeoutSeconds', 'TimeLimitSeconds']],
    result: {
      operators: ['Equals'],
      values: ['WaitCompleted', ...WAIT_EVENTS],
      description: 'The event that ended the wait, or WaitCompleted when the time ran out.',
    },
    errors: ['NoMatchingError', 'ParticipantNotFound'],
    variant: (p): BlockVariant => {
      const events = Array.isArray(p.Events)
        ? WAIT_EVENTS.filter((e) => (p.Events as unknown[]).includes(e))
        : [];
      return {
        result: {
          operators: ['Equals'],
          values: ['WaitCompleted', ...events],
          description: 'The event that ended the wait, or WaitCompleted when the time ran out.',
        },
        errors: events.includes('BotParticipantDisconnected')
          ? ['NoMatchingError', 'ParticipantNotFound']
          : ['NoMatchingError'],
      };
    },
    // The action page allows every flow type; the block page (and every real export) inbound and
    // customer queue flows only.
    flowTypes: [...INBOUND, 'CUSTOMER_QUEUE'],
    channels: ALL_CHANNELS,
    logModuleType: 'Wait',
    ui: {
      label: 'Wait',
      group: 'Branch',
      help: 'Pauses the flow for a time, or until the customer returns or a bot participant leaves.',
      branchLabels: {
        WaitCompleted: 'Time expired',
        CustomerReturned: 'Customer returned',
        BotParticipantDisconnected: 'Bot participant disconnected',
        ParticipantNotFound: 'Participant not found',
        NoMatchingError: 'Error',
      },
    },
  },
];
