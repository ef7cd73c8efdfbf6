import type { Instance } from '../contact/instance.js';
import type { ResourceEntry } from '../resources/index.js';
import { type AgentStatus, type ProfileQueue, type RoutingProfile, statusName } from '../routing/index.js';
import type { AgentContact, AgentSnapshot } from './types.js';

/** An instance user as the contact center routes to them. */
export interface AgentUser {
  id: string;
  arn: string;
  username: string;
  firstName: string;
  lastName: string;
  /** The Asterisk endpoint their contacts ring, or undefined when they have none to ring. */
  endpoint: string | undefined;
  acwSeconds: number;
  profile: RoutingProfile;
  profileRef: { arn: string; name: string } | undefined;
  inboundQueues: { ARN: string; Name: string; Channels: string[] }[];
  defaultOutboundQueue: { ARN: string; Name: string; Channels: string[] } | null;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** The templates an agent's endpoint is made from when their user names none of their own. */
export interface AgentEndpoints {
  /** A soft phone's, `{ext}` their extension (`PJSIP/{ext}`; the test dialplan's `Local/{ext}@test-agents/n`). */
  extension: string;
  /** An outside number's, `{number}` E.164: where a desk phone rings, as Connect calls an agent's desk phone. */
  pstn: string;
}

/**
 * Where a user's contacts ring: a DESK_PHONE user's desk number over the trunk; anyone else's own
 * endpoint, else their extension's.
 */
function endpointOf(entry: ResourceEntry, endpoints: AgentEndpoints): string | undefined {
  const desk = str(entry.deskPhoneNumber);
  if (entry.phoneType === 'DESK_PHONE' && desk) return endpoints.pstn.replaceAll('{number}', desk);
  const extension = str(entry.extension);
  return str(entry.endpoint) ?? (extension ? endpoints.extension.replaceAll('{ext}', extension) : undefined);
}

/**
 * A user's routing: the voice queues of their routing profile with its priorities and delays, and
 * their own agent queue first (TransferContactToAgent), as Connect routes agent queues ahead of the
 * profile's.
 */
export function agentUser(instance: Instance, entry: ResourceEntry, endpoints: AgentEndpoints): AgentUser {
  const profileRef = str(entry.routingProfile);
  const profileEntry = profileRef === undefined ? undefined : instance.entry('routingProfile', profileRef);
  const queues: ProfileQueue[] = [];
  const inbound: AgentUser['inboundQueues'] = [];
  const agentQueue = instance.agentQueue(entry.id);
  if (agentQueue) queues.push({ queueArn: agentQueue.arn, priority: 0, delaySeconds: 0 });
  for (const q of (profileEntry?.queues ?? []) as {
    queue: string;
    channel: string;
    priority: number;
    delaySeconds?: number;
  }[]) {
    const queue = instance.queue(q.queue);
    if (!queue || q.channel !== 'VOICE') continue;
    queues.push({ queueArn: queue.arn, priority: q.priority, delaySeconds: q.delaySeconds ?? 0 });
    inbound.push({ ARN: queue.arn, Name: queue.name, Channels: ['VOICE'] });
  }
  const outbound = profileEntry && str(profileEntry.defaultOutboundQueue);
  const outQueue = outbound ? instance.queue(outbound) : undefined;
  return {
    id: entry.id,
    arn: entry.arn,
    username: str(entry.username) ?? entry.name,
    firstName: str(entry.firstName) ?? '',
    lastName: str(entry.lastName) ?? '',
    endpoint: endpointOf(entry, endpoints),
    acwSeconds: typeof entry.afterContactWorkSeconds === 'number' ? entry.afterContactWorkSeconds : 0,
    profile: { id: profileEntry ? profileEntry.id : `${entry.id}:none`, queues },
    profileRef: profileEntry ? { arn: profileEntry.arn, name: profileEntry.name } : undefined,
    inboundQueues: inbound,
    defaultOutboundQueue: outQueue ? { ARN: outQueue.arn, Name: outQueue.name, Channels: ['VOICE'] } : null,
  };
}

/** The agent event stream's snapshot of an agent: chosen status, configuration, contacts. */
export function snapshotOf(
  instanceArn: string,
  user: AgentUser,
  status: AgentStatus,
  statusSince: string,
  contacts: AgentContact[],
): AgentSnapshot {
  const name = statusName(status);
  return {
    AgentStatus: {
      ARN: `${instanceArn}/agent-state/${encodeURIComponent(name)}`,
      Name: name,
      StartTimestamp: statusSince,
      Type: status === 'Available' ? 'ROUTABLE' : status === 'Offline' ? 'OFFLINE' : 'CUSTOM',
    },
    Configuration: {
      AgentHierarchyGroups: null,
      FirstName: user.firstName,
      LastName: user.lastName,
      RoutingProfile: {
        ARN: user.profileRef?.arn ?? '',
        Name: user.profileRef?.name ?? '',
        DefaultOutboundQueue: user.defaultOutboundQueue,
        InboundQueues: user.inboundQueues,
      },
      Username: user.username,
    },
    Contacts: contacts,
  };
}
