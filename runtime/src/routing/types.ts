import type { QueueMetrics } from '../executors/types.js';

/** What an agent chose in the panel: Available, Offline, or one of the instance's custom statuses. */
export type AgentStatus = 'Available' | 'Offline' | { custom: string };

/**
 * What the agent is doing, apart from the status they chose: a contact being offered (ringing),
 * on a contact, after contact work, or missed (an offer went unanswered or was rejected: no more
 * contacts until the agent sets a status again, as Connect's "Missed").
 */
export type AgentActivity = 'idle' | 'offered' | 'busy' | 'acw' | 'missed';

/** One queue of a routing profile, as the user guide describes it. */
export interface ProfileQueue {
  queueArn: string;
  /** 1 is routed first; queues of equal priority by the age of their oldest contact. */
  priority: number;
  /** A contact of this queue is offered to the profile's agents only once it has waited this long. */
  delaySeconds: number;
}

export interface RoutingProfile {
  id: string;
  queues: readonly ProfileQueue[];
}

export interface AgentSpec {
  id: string;
  profile: RoutingProfile;
  /** How long After Contact Work lasts when the agent does not clear it; 0 skips it. */
  acwSeconds?: number;
}

/** A contact waiting in a queue, or a callback to be dialled when an agent takes it. */
export interface QueuedContactSpec {
  contactId: string;
  queueArn: string;
  /** Connect's QueuePriority: lower is routed first within the queue (default 5, as Connect). */
  priority?: number;
  /** Connect's QueueTimeAdjustmentSeconds: the contact counts as having waited this much longer. */
  timeAdjustmentSeconds?: number;
  kind?: 'voice' | 'callback';
}

export interface WaitingContact {
  contactId: string;
  queueArn: string;
  priority: number;
  /** When it entered the queue, on the engine's clock (ms). */
  enqueuedAt: number;
  /** `enqueuedAt` less the time adjustment: what its age and its place are measured from. */
  since: number;
  /** Arrival order, breaking ties between contacts queued in the same millisecond. */
  seq: number;
  kind: 'voice' | 'callback';
}

export interface AgentView {
  id: string;
  status: AgentStatus;
  activity: AgentActivity;
  contactId: string | undefined;
  /** Since when the agent has been waiting for a contact (idle and Available), for longest-idle routing. */
  availableSince: number | undefined;
}

export type RoutingEvent =
  | { type: 'offer'; agentId: string; contact: WaitingContact }
  /** The contact left before the agent answered (abandoned, transferred): the agent is free again. */
  | { type: 'offer-withdrawn'; agentId: string; contactId: string }
  | { type: 'missed'; agentId: string; contactId: string; reason: 'rejected' | 'timeout' }
  | { type: 'agent'; agent: AgentView };

/** A queue's real-time figures as the metrics blocks read them, less the queue's name. */
export type QueueCounts = Omit<QueueMetrics, 'queue'>;

export const statusName = (s: AgentStatus): string => (typeof s === 'string' ? s : s.custom);
