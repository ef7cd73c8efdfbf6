import { Type } from '@sinclair/typebox';
import { bool, choice, int, object, parameters, resource, stringMap, text } from '../params.js';
import { ALL_CHANNELS, ALL_FLOW_TYPES, INBOUND_TRANSFER_QUEUE, VOICE } from '../sets.js';
import type { BlockSpec } from '../types.js';

/*
 * Interactions (reference §3.5). The Customer Profiles actions are all one designer block ("Customer
 * profiles", all flow types and channels); none of them has a result — what they read lands in
 * $.Customer. Their legacy log names are unknown, so `logModuleType` is the Type itself.
 */

/** Profile fields to write or search by: `FirstName`, `PhoneNumber`, …, and `Attributes` as a nested map. */
const profileFields = (description: string) =>
  stringMap(Type.Union([text(), stringMap(text())]), { description });

/** Which profile fields to copy into $.Customer: real exports write a list of names. */
const responseFields = () =>
  Type.Union([Type.Array(Type.String()), Type.Record(Type.String(), Type.Unknown())], {
    description: 'Profile fields to keep in $.Customer (e.g. ["FirstName", "CalculatedAttributes._x"]).',
  });

const profileBlock = (
  type: string,
  action: string,
  help: string,
  requestData: ReturnType<typeof object> | ReturnType<typeof profileFields>,
  errors: readonly string[],
  branchLabels: Readonly<Record<string, string>> = { NoMatchingError: 'Error' },
): BlockSpec => ({
  type,
  status: 'documented',
  notProvided: 'Amazon Connect Customer Profiles',
  kind: 'interaction',
  parameters: parameters(
    { ProfileRequestData: requestData, ProfileResponseData: responseFields() },
    { required: ['ProfileRequestData'] },
  ),
  errors,
  flowTypes: ALL_FLOW_TYPES,
  channels: ALL_CHANNELS,
  logModuleType: type, // legacy name unknown
  ui: { label: `Customer profiles: ${action}`, group: 'Integrate', help, branchLabels },
});

export const interactionBlocks: BlockSpec[] = [
  profileBlock(
    'AssociateContactToCustomerProfile',
    'associate contact',
    'Links the contact to an existing customer profile.',
    object(
      {
        ProfileId: text({ description: 'The profile, usually $.Customer.ProfileId.' }),
        ContactId: text({ description: 'The contact to link, usually $.ContactId.' }),
      },
      { required: ['ProfileId'] },
    ),
    ['NoMatchingError'],
  ),
  {
    type: 'CreateCallbackContact',
    status: 'documented',
    kind: 'interaction',
    parameters: parameters({
      QueueId: resource('queue', {
        description: 'Queue ID or ARN for the callback; omitted: the working queue.',
      }),
      AgentId: resource('agent', {
        description: "Agent ID or ARN: queue the callback in that agent's queue.",
      }),
      InitialCallDelaySeconds: int([1, 259200], {
        description:
          'Minimum seconds before the callback is routed (at most 3 days); ignored with ContactFlowId.',
      }),
      // The action page says "larger than zero", but a Connect-saved export writes "0": the designer
      // field is "Maximum number of retries". No upper bound is documented.
      MaximumConnectionAttempts: int([0, 2147483647], { description: 'Maximum number of retries.' }),
      RetryDelaySeconds: int([1, 259200], {
        description: 'Minimum seconds between attempts (at most 3 days).',
      }),
      ContactFlowId: resource('flow', { description: 'Flow that runs the callback contact.' }),
      CallerId: object({ Number: text(), Name: text() }, { description: 'Caller ID shown to the customer.' }),
      // AgentFirst is seen in a Connect-saved export; CustomerFirst is the other designer mode (Next
      // Generation instances only), its saved spelling inferred.
      CallbackMode: choice(['AgentFirst', 'CustomerFirst'] as const, {
        description: 'Who is called first: the agent (default) or the customer.',
      }),
    }),
    atMostOneOf: [['QueueId', 'AgentId']],
    errors: ['NoMatchingError'],
    flowTypes: INBOUND_TRANSFER_QUEUE,
    channels: VOICE,
    logModuleType: 'CreateCallback',
    ui: {
      label: 'Transfer to callback queue',
      group: 'Terminate / Transfer',
      help: "Queues a callback to the contact's callback number (Transfer to queue, callback tab).",
      branchLabels: { NoMatchingError: 'Error' },
    },
  },
  profileBlock(
    'CreateCustomerProfile',
    'create profile',
    'Creates a customer profile from the given fields and loads it into $.Customer.',
    profileFields('Fields of the new profile; values may embed $.references.'),
    ['NoMatchingError'],
  ),
  profileBlock(
    'GetCalculatedAttributesForCustomerProfile',
    'get calculated attributes',
    "Loads a profile's calculated attributes into $.Customer.CalculatedAttributes.",
    object(
      { ProfileId: text({ description: 'The profile, usually $.Customer.ProfileId.' }) },
      { required: ['ProfileId'] },
    ),
    ['NoMatchingError', 'NoneFoundError'],
    { NoneFoundError: 'Not found', NoMatchingError: 'Error' },
  ),
  profileBlock(
    'GetCustomerProfile',
    'get profile',
    'Finds the customer profile by up to five identifiers and loads it into $.Customer.',
    object(
      {
        IdentifierName: text({ description: 'Search key, e.g. _phone, _email, _account or a custom key.' }),
        IdentifierValue: text({ description: 'Value to search for, e.g. $.CustomerEndpoint.Address.' }),
        SearchCriteria: Type.Array(object({ IdentifierName: text(), IdentifierValue: text() }), {
          maxItems: 5,
          description: 'Several identifiers, combined with LogicalOperator.',
        }),
        LogicalOperator: choice(['AND', 'OR'] as const),
        // Earlier designer versions search by a standard field directly.
        PhoneNumber: text(),
        EmailAddress: text(),
        AccountNumber: text(),
      },
      { description: 'How to find the profile.' },
    ),
    ['NoMatchingError', 'MultipleFoundError', 'NoneFoundError'],
    { MultipleFoundError: 'Multiple found', NoneFoundError: 'Not found', NoMatchingError: 'Error' },
  ),
  profileBlock(
    'GetCustomerProfileObject',
    'get profile object',
    'Loads one object of a profile (an asset, order, case…) into $.Customer.',
    object(
      {
        ProfileId: text({ description: 'The profile, usually $.Customer.ProfileId.' }),
        ObjectType: text({ description: 'Object type, e.g. _asset, _order, _case.' }),
        IdentifierName: text(),
        IdentifierValue: text(),
        UseLatest: bool({ description: 'True takes the most recent object instead of searching.' }),
      },
      { required: ['ProfileId', 'ObjectType'] },
    ),
    ['NoMatchingError', 'NoneFoundError'],
    { NoneFoundError: 'Not found', NoMatchingError: 'Error' },
  ),
  {
    type: 'InvokeLambdaFunction',
    status: 'documented',
    kind: 'interaction',
    parameters: parameters(
      {
        LambdaFunctionARN: resource('lambda', {
          dynamic: 'text',
          description: 'Function ARN; may embed $.references.',
        }),
        // Synchronous invocations may run at most 8 seconds, asynchronous ones 60. A variant cannot
        // constrain parameters, so the schema allows the wider range; the limit depends on InvocationType.
        InvocationTimeLimitSeconds: int([1, 60], {
          description: 'Timeout in seconds: 1–8 synchronous, up to 60 asynchronous.',
        }),
        InvocationType: choice(['SYNCHRONOUS', 'ASYNCHRONOUS'] as const, {
          description: 'SYNCHRONOUS waits for the response; ASYNCHRONOUS continues at once (load it later).',
        }),
        LambdaInvocationAttributes: stringMap(text(), {
          description: 'Sent as Details.Parameters of the event.',
        }),
        ResponseValidation: object({ ResponseType: choice(['STRING_MAP', 'JSON'] as const) }),
      },
      { required: ['LambdaFunctionARN'] },
    ),
    errors: ['NoMatchingError'],
    flowTypes: ALL_FLOW_TYPES,
    channels: ALL_CHANNELS,
    logModuleType: 'InvokeExternalResource',
    ui: {
      label: 'Invoke AWS Lambda function',
      group: 'Integrate',
      help: 'Calls a Lambda function; its response is available as $.External.',
      branchLabels: { NoMatchingError: 'Error' },
    },
  },
  profileBlock(
    'UpdateCustomerProfile',
    'update profile',
    'Updates fields of the current customer profile and reloads it into $.Customer.',
    profileFields('Fields to update; values may embed $.references.'),
    ['NoMatchingError'],
  ),
];
