import type { AgentStatus } from '../routing/index.js';

/**
 * The seam between the contact-center core (queues, dialling agents, whispers, bridges, holds,
 * transfers, conferences: runtime/src/center) and its users (the agent API and panel, metrics
 * blocks). One per instance. Every operation answers `{ ok: false, code }` with a catalogued code
 * instead of throwing when the agent's state does not allow it.
 */
export interface ContactCenter {
  /** The agent (an instance user) logs in: Offline until they set a status. */
  login(userId: string): Promise<Result<AgentSnapshot>>;
  logout(userId: string): Promise<Result>;
  setStatus(userId: string, status: AgentStatus): Promise<Result>;
  /** Answers the contact offered to the agent (their endpoint is then connected). */
  accept(userId: string, contactId: string): Promise<Result>;
  reject(userId: string, contactId: string): Promise<Result>;
  /** Call controls on a participant of the agent's call: the customer, a third party, another agent. */
  hold(userId: string, participantId: string): Promise<Result>;
  resume(userId: string, participantId: string): Promise<Result>;
  mute(userId: string, participantId: string): Promise<Result>;
  unmute(userId: string, participantId: string): Promise<Result>;
  /** Hangs up a participant; the agent's own id leaves the call (the others stay when rules allow). */
  disconnect(userId: string, participantId: string): Promise<Result>;
  /** Ends After Contact Work. */
  clearContact(userId: string, contactId: string): Promise<Result>;
  /** Quick connects the agent may use: those of the queues in their routing profile. */
  quickConnects(userId: string): Promise<Result<QuickConnectView[]>>;
  /** Transfers or consults through a quick connect, or dials a number (outbound / external). */
  transfer(userId: string, target: { quickConnectId: string } | { phoneNumber: string }): Promise<Result>;
  /** Warm transfer controls while a consult is up. */
  conference(userId: string): Promise<Result>;
  swap(userId: string): Promise<Result>;
  holdAll(userId: string): Promise<Result>;
  snapshot(userId: string): AgentSnapshot | undefined;
  /** Agent events as Connect's agent event stream writes them (LOGIN, LOGOUT, STATE_CHANGE, HEART_BEAT). */
  onAgentEvent(listener: (event: AgentEvent) => void): () => void;
}

export type Result<T = undefined> = { ok: true; value: T } | { ok: false; code: string; message: string };

export interface QuickConnectView {
  id: string;
  name: string;
  type: 'USER' | 'QUEUE' | 'PHONE_NUMBER';
}

/** Connect's agent event stream model (adminguide: agent-event-stream-model), field for field. */
export interface AgentEvent {
  AgentARN: string;
  AWSAccountId: string;
  CurrentAgentSnapshot: AgentSnapshot | null;
  EventId: string;
  EventTimestamp: string;
  EventType: 'LOGIN' | 'LOGOUT' | 'STATE_CHANGE' | 'HEART_BEAT';
  InstanceARN: string;
  PreviousAgentSnapshot: AgentSnapshot | null;
  Version: '2019-05-25';
}

export interface AgentSnapshot {
  AgentStatus: { ARN: string; Name: string; StartTimestamp: string; Type: 'ROUTABLE' | 'CUSTOM' | 'OFFLINE' };
  Configuration: {
    AgentHierarchyGroups: null;
    FirstName: string;
    LastName: string;
    RoutingProfile: {
      ARN: string;
      Name: string;
      DefaultOutboundQueue: { ARN: string; Name: string; Channels: string[] } | null;
      InboundQueues: { ARN: string; Name: string; Channels: string[] }[];
    };
    Username: string;
  };
  Contacts: AgentContact[];
}

export interface AgentContact {
  Channel: 'VOICE';
  ConnectedToAgentTimestamp: string | null;
  ContactId: string;
  InitialContactId: string | null;
  InitiationMethod: 'INBOUND' | 'OUTBOUND' | 'TRANSFER' | 'QUEUE_TRANSFER' | 'CALLBACK' | 'API';
  Queue: { ARN: string; Name: string } | null;
  QueueTimestamp: string | null;
  State:
    | 'INCOMING'
    | 'PENDING'
    | 'CONNECTING'
    | 'CONNECTED'
    | 'CONNECTED_ONHOLD'
    | 'MISSED'
    | 'ERROR'
    | 'ENDED'
    | 'REJECTED';
  StateStartTimestamp: string;
}
