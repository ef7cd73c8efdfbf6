import type { AgentSnapshot, ContactCenter } from '../center/types.js';

/**
 * One party of the agent's call as the panel shows it. Connect's agent event stream carries no
 * participants (the CCP reads them from its Streams connections), so the panel asks for these.
 */
export interface ParticipantView {
  participantId: string;
  role: 'CUSTOMER' | 'AGENT' | 'THIRD_PARTY';
  /** A phone number, a username or a quick connect's name. */
  name: string;
  state: 'CONNECTING' | 'CONNECTED' | 'ON_HOLD' | 'DISCONNECTED';
  muted: boolean;
  /** The agent asking: disconnecting themself leaves the call. */
  self: boolean;
}

/** What the panel pops for a contact: its user attributes and who is on the call. */
export interface ContactDetails {
  contactId: string;
  customerEndpoint: string | null;
  attributes: Record<string, string>;
  participants: ParticipantView[];
}

/**
 * What the agent API reads beyond `ContactCenter` (proposed additions to it): custom statuses and a
 * contact's attributes and participants. A core without them still serves the panel, which then
 * offers Available and Offline only and pops no attributes.
 */
export interface AgentPanelSource {
  /** Names of the instance's custom (not routable) agent statuses, e.g. Break, Training. */
  customStatuses?(): readonly string[];
  contactDetails?(userId: string, contactId: string): ContactDetails | undefined;
  /**
   * Told the user id of each agent whose call's parties changed (added, held, muted, gone), which
   * the agent event stream does not carry: the panel then reads the contact's details again.
   */
  onParticipantsChange?(listener: (userId: string) => void): () => void;
}

export type AgentCenter = ContactCenter & AgentPanelSource;

/**
 * What the events socket sends, besides Connect's agent events, when the parties of the agent's
 * call change: read GET /agent again. A lower-case `type` and no `EventType`, so it cannot be taken
 * for an agent event.
 */
export interface ParticipantsChanged {
  type: 'PARTICIPANTS_CHANGED';
}

/** The contact center of an instance, if the server runs one for it. */
export type CenterLookup = (instanceId: string) => AgentCenter | undefined;

/** GET /instances/:instance/agent: the signed-in agent and what their panel shows. */
export interface AgentState {
  user: { id: string; arn: string; username: string };
  /** Null until the agent logs in. */
  snapshot: AgentSnapshot | null;
  customStatuses: readonly string[];
  contacts: ContactDetails[];
}
