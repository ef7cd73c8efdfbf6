/**
 * The agent API's shapes (runtime/src/agents/types.ts, runtime/src/center/types.ts) as the panel
 * reads them. Snapshots and events keep Connect's agent event stream field names.
 */

export type AgentStatusChoice = 'Available' | 'Offline' | { custom: string };

export type ContactState =
  | 'INCOMING'
  | 'PENDING'
  | 'CONNECTING'
  | 'CONNECTED'
  | 'CONNECTED_ONHOLD'
  | 'MISSED'
  | 'ERROR'
  | 'ENDED'
  | 'REJECTED';

export interface AgentContact {
  Channel: string;
  ConnectedToAgentTimestamp: string | null;
  ContactId: string;
  InitialContactId: string | null;
  InitiationMethod: string;
  Queue: { ARN: string; Name: string } | null;
  QueueTimestamp: string | null;
  State: ContactState;
  StateStartTimestamp: string;
}

export interface AgentSnapshot {
  AgentStatus: { ARN: string; Name: string; StartTimestamp: string; Type: 'ROUTABLE' | 'CUSTOM' | 'OFFLINE' };
  Configuration: {
    FirstName: string;
    LastName: string;
    Username: string;
    RoutingProfile: { ARN: string; Name: string; InboundQueues: { ARN: string; Name: string }[] };
  };
  Contacts: AgentContact[];
}

export interface AgentEvent {
  AgentARN: string;
  EventId: string;
  EventTimestamp: string;
  EventType: 'LOGIN' | 'LOGOUT' | 'STATE_CHANGE' | 'HEART_BEAT';
  CurrentAgentSnapshot: AgentSnapshot | null;
  PreviousAgentSnapshot: AgentSnapshot | null;
}

export interface Participant {
  participantId: string;
  role: 'CUSTOMER' | 'AGENT' | 'THIRD_PARTY';
  name: string;
  state: 'CONNECTING' | 'CONNECTED' | 'ON_HOLD' | 'DISCONNECTED';
  muted: boolean;
  self: boolean;
}

export interface ContactDetails {
  contactId: string;
  customerEndpoint: string | null;
  attributes: Record<string, string>;
  participants: Participant[];
}

/** GET /instances/:instance/agent, and what every agent action answers. */
export interface AgentState {
  user: { id: string; arn: string; username: string };
  snapshot: AgentSnapshot | null;
  customStatuses: readonly string[];
  contacts: ContactDetails[];
}

export interface QuickConnect {
  id: string;
  name: string;
  type: 'USER' | 'QUEUE' | 'PHONE_NUMBER';
}
