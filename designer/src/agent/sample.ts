import type { AgentContact, AgentState, ContactState, Participant, QuickConnect } from './types.js';

/** Agent panel states for tests and stories, as the agent API answers them. */

const INSTANCE = 'arn:aws:connect:us-east-1:111122223333:instance/demo';
export const T0 = '2024-05-01T09:00:00.000Z';
/** 95 seconds after T0: timers read 1:35. */
export const NOW = Date.parse(T0) + 95_000;

export const customer: Participant = {
  participantId: 'p-customer',
  role: 'CUSTOMER',
  name: '+15550100',
  state: 'CONNECTED',
  muted: false,
  self: false,
};
export const me: Participant = {
  participantId: 'p-alice',
  role: 'AGENT',
  name: 'alice',
  state: 'CONNECTED',
  muted: false,
  self: true,
};
export const thirdParty: Participant = {
  participantId: 'p-third',
  role: 'THIRD_PARTY',
  name: '+15550199',
  state: 'CONNECTED',
  muted: false,
  self: false,
};

/** Another agent on the call (a consult or a conference). */
export const otherAgent: Participant = {
  participantId: 'p-bob',
  role: 'AGENT',
  name: 'bob',
  state: 'CONNECTED',
  muted: false,
  self: false,
};
/** A second outside party, being dialled: it answers or is cancelled before another is added. */
export const dialling: Participant = {
  participantId: 'p-translator',
  role: 'THIRD_PARTY',
  name: '+15550142',
  state: 'CONNECTING',
  muted: false,
  self: false,
};

export const quickConnects: QuickConnect[] = [
  { id: 'qc-bob', name: 'Bob (agent)', type: 'USER' },
  { id: 'qc-billing', name: 'Billing queue', type: 'QUEUE' },
  { id: 'qc-legal', name: 'Legal desk', type: 'PHONE_NUMBER' },
];

export function contactIn(state: ContactState, id = 'c-1'): AgentContact {
  return {
    Channel: 'VOICE',
    ConnectedToAgentTimestamp: state === 'INCOMING' ? null : T0,
    ContactId: id,
    InitialContactId: null,
    InitiationMethod: 'INBOUND',
    Queue: { ARN: `${INSTANCE}/queue/support`, Name: 'Support' },
    QueueTimestamp: T0,
    State: state,
    StateStartTimestamp: T0,
  };
}

/** Alice with a status and, if given, one contact in that state with its details. */
export function sampleAgent(
  options: { status?: string; contact?: ContactState; participants?: Participant[] } = {},
): AgentState {
  const status = options.status ?? 'Available';
  const type = status === 'Available' ? 'ROUTABLE' : status === 'Offline' ? 'OFFLINE' : 'CUSTOM';
  const contacts = options.contact ? [contactIn(options.contact)] : [];
  return {
    user: { id: 'u-alice', arn: `${INSTANCE}/agent/u-alice`, username: 'alice' },
    snapshot: {
      AgentStatus: { ARN: `${INSTANCE}/agent-state/${status}`, Name: status, StartTimestamp: T0, Type: type },
      Configuration: {
        AgentHierarchyGroups: null,
        FirstName: 'Alice',
        LastName: 'Liddell',
        Username: 'alice',
        RoutingProfile: {
          ARN: `${INSTANCE}/routing-profile/basic`,
          Name: 'Basic',
          DefaultOutboundQueue: null,
          InboundQueues: [],
        },
      },
      Contacts: contacts,
    },
    customStatuses: ['Break', 'Training'],
    contacts: contacts.map((c) => ({
      contactId: c.ContactId,
      customerEndpoint: '+15550100',
      attributes: { account: '1234', reason: 'Billing question' },
      participants: options.participants ?? [customer, me],
    })),
  };
}
