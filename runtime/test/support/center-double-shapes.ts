import type { ContactDetails } from '../../src/agents/types.js';
import type { AgentContact, AgentSnapshot } from '../../src/center/types.js';
import { type AgentStatus, statusName, type WaitingContact } from '../../src/routing/index.js';

/** TEST DOUBLE parts (see center-double.ts): the Connect shapes its agents and calls take. */

export interface DoubleUser {
  id: string;
  arn: string;
  username: string;
  acwSeconds?: number;
  queues: { arn: string; name: string }[];
}

/** A call of the double: the snapshot's contact and what the panel pops for it. */
export interface Call {
  contact: AgentContact;
  details: ContactDetails;
}

/** The contact the engine offered, ringing, with the caller and the agent as its two parties. */
export function offeredCall(
  offered: WaitingContact,
  user: DoubleUser,
  queued: { attributes: Record<string, string>; from: string },
  queue: { arn: string; name: string } | undefined,
  now: string,
): Call {
  const party = { state: 'CONNECTED', muted: false } as const;
  return {
    contact: {
      Channel: 'VOICE',
      ConnectedToAgentTimestamp: null,
      ContactId: offered.contactId,
      InitialContactId: null,
      InitiationMethod: 'INBOUND',
      Queue: queue ? { ARN: queue.arn, Name: queue.name } : null,
      QueueTimestamp: new Date(offered.enqueuedAt).toISOString(),
      State: 'INCOMING',
      StateStartTimestamp: now,
    },
    details: {
      contactId: offered.contactId,
      customerEndpoint: queued.from,
      attributes: queued.attributes,
      participants: [
        {
          ...party,
          participantId: `${offered.contactId}-customer`,
          role: 'CUSTOMER',
          name: queued.from,
          self: false,
        },
        {
          ...party,
          participantId: `${offered.contactId}-${user.id}`,
          role: 'AGENT',
          name: user.username,
          self: true,
        },
      ],
    },
  };
}

export function agentSnapshot(
  instanceArn: string,
  user: DoubleUser,
  status: AgentStatus,
  since: string,
  contacts: AgentContact[],
): AgentSnapshot {
  const name = statusName(status);
  const type = status === 'Available' ? 'ROUTABLE' : status === 'Offline' ? 'OFFLINE' : 'CUSTOM';
  // A copy: listeners keep snapshots while the double changes its own.
  return structuredClone({
    AgentStatus: { ARN: `${instanceArn}/agent-state/${name}`, Name: name, StartTimestamp: since, Type: type },
    Configuration: {
      AgentHierarchyGroups: null,
      FirstName: user.username,
      LastName: '',
      RoutingProfile: {
        ARN: `${instanceArn}/routing-profile/profile`,
        Name: 'Profile',
        DefaultOutboundQueue: null,
        InboundQueues: user.queues.map((q) => ({ ARN: q.arn, Name: q.name, Channels: ['VOICE'] })),
      },
      Username: user.username,
    },
    Contacts: contacts,
  });
}
