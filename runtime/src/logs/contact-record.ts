import { parseArn } from '@parley/flow';
import type { CallEnd } from '../telephony/port.js';
import { type BatchOptions, JsonLinesFile } from './sinks.js';

/**
 * The contact record (CTR) in Connect's data model (admin guide "Contact records data model"; key
 * order and nulls as in records Connect streams). Timestamps are whole seconds
 * (`2022-04-08T15:01:22Z`), durations whole seconds, absent things `null` rather than missing.
 */
export interface ContactRecord {
  AWSAccountId: string;
  AWSContactTraceRecordFormatVersion: '2017-03-10';
  Agent: ContactRecordAgent | null;
  AgentConnectionAttempts: number;
  AnsweringMachineDetectionStatus: string | null;
  Attributes: Record<string, string>;
  Campaign: { CampaignId: string | null };
  Channel: Channel;
  ConnectedToSystemTimestamp: string | null;
  ContactDetails: Record<string, never>;
  ContactId: string;
  CustomerEndpoint: Endpoint | null;
  DisconnectReason: DisconnectReason | null;
  DisconnectTimestamp: string;
  /** Null when this contact is the first of its chain. */
  InitialContactId: string | null;
  InitiationMethod: InitiationMethod;
  InitiationTimestamp: string;
  InstanceARN: string;
  LastUpdateTimestamp: string;
  MediaStreams: { Type: 'AUDIO' | 'VIDEO' | 'CHAT' }[];
  NextContactId: string | null;
  PreviousContactId: string | null;
  Queue: ContactRecordQueue | null;
  /** The first recording, repeated from `Recordings` as Connect does. */
  Recording: RecordingInfo | null;
  Recordings: RecordingsInfo[] | null;
  References: unknown[];
  RelatedContactId: string | null;
  ScheduledTimestamp: string | null;
  SystemEndpoint: Endpoint | null;
  Tags: Record<string, string>;
  TransferCompletedTimestamp: string | null;
  TransferredToEndpoint: Endpoint | null;
  VoiceIdResult: null;
}

export type Channel = 'VOICE' | 'CHAT' | 'TASK' | 'EMAIL';
export type InitiationMethod =
  | 'INBOUND'
  | 'OUTBOUND'
  | 'TRANSFER'
  | 'QUEUE_TRANSFER'
  | 'CALLBACK'
  | 'API'
  | 'MONITOR'
  | 'DISCONNECT';
export type DisconnectReason =
  | 'CUSTOMER_DISCONNECT'
  | 'AGENT_DISCONNECT'
  | 'THIRD_PARTY_DISCONNECT'
  | 'TELECOM_PROBLEM'
  | 'BARGED'
  | 'CONTACT_FLOW_DISCONNECT'
  | 'OTHER'
  | 'EXPIRED'
  | 'API'
  /** A callback's customer never answered. */
  | 'CUSTOMER_CONNECTION_NOT_ESTABLISHED';

export interface Endpoint {
  Address: string;
  Type: 'TELEPHONE_NUMBER' | string;
}

/** A contact's endpoint as records and Lambda events carry it: address and type only. */
export const endpointOf = (e: { Address: string; Type: string } | undefined): Endpoint | null =>
  e ? { Address: e.Address, Type: e.Type } : null;

export interface ContactRecordQueue {
  ARN: string;
  DequeueTimestamp: string;
  Duration: number;
  EnqueueTimestamp: string;
  Name: string;
}

export interface ContactRecordAgent {
  ARN: string;
  AfterContactWorkDuration: number | null;
  AfterContactWorkEndTimestamp: string | null;
  AfterContactWorkStartTimestamp: string | null;
  AgentInteractionDuration: number;
  ConnectedToAgentTimestamp: string;
  CustomerHoldDuration: number;
  HierarchyGroups: null;
  LongestHoldDuration: number;
  NumberOfHolds: number;
  RoutingProfile: { ARN: string; Name: string } | null;
  Username: string;
}

export interface RecordingInfo {
  DeletionReason: string | null;
  Location: string;
  Status: 'AVAILABLE' | 'DELETED' | null;
  Type: 'AUDIO';
}

export interface RecordingsInfo {
  DeletionReason: string | null;
  FragmentStartNumber: string | null;
  FragmentStopNumber: string | null;
  Location: string;
  MediaStreamType: 'AUDIO';
  ParticipantType: string | null;
  StartTimestamp: string | null;
  Status: 'AVAILABLE' | 'DELETED' | null;
  StopTimestamp: string | null;
  StorageType: string;
}

/** What the runtime knows about a finished contact; times are epoch milliseconds from the clock. */
export interface ContactRecordInput {
  contactId: string;
  /** Defaults to the contact itself. */
  initialContactId?: string;
  previousContactId?: string;
  nextContactId?: string;
  relatedContactId?: string;
  instanceArn: string;
  channel?: Channel;
  initiationMethod: InitiationMethod;
  initiatedAt: number;
  /** For INBOUND this is when the call arrived; for OUTBOUND and CALLBACK, when the customer answered. */
  connectedToSystemAt?: number;
  disconnectedAt: number;
  /** Connect leaves it null for many contacts that flows or APIs end. */
  disconnectReason?: DisconnectReason | null;
  customerEndpoint?: Endpoint | null;
  systemEndpoint?: Endpoint | null;
  attributes?: Readonly<Record<string, string>>;
  /** User-defined tags (TagContact); the system tags are added here. */
  tags?: Readonly<Record<string, string>>;
  queue?: { arn: string; name: string; enqueuedAt: number; dequeuedAt?: number } | null;
  agent?: {
    arn: string;
    username: string;
    connectedAt: number;
    afterContactWorkStartedAt?: number;
    afterContactWorkEndedAt?: number;
    interactionSeconds?: number;
    customerHoldSeconds?: number;
    longestHoldSeconds?: number;
    numberOfHolds?: number;
    routingProfile?: { arn: string; name: string };
  } | null;
  agentConnectionAttempts?: number;
  recordings?: readonly {
    location: string;
    startedAt?: number;
    stoppedAt?: number;
    participant?: string;
    status?: 'AVAILABLE' | 'DELETED';
    deletionReason?: string;
    /** Connect writes "S3"; Parley's recordings store plays that part. */
    storageType?: string;
  }[];
  transfer?: { endpoint: Endpoint; completedAt: number } | null;
}

/** Connect's contact-record timestamp: UTC to the second. */
export const recordTimestamp = (ms: number): string => `${new Date(ms).toISOString().slice(0, 19)}Z`;

/** Whole seconds between two record timestamps, as Connect derives its durations. */
const wholeSeconds = (from: number, to: number): number =>
  Math.max(0, Math.floor(to / 1000) - Math.floor(from / 1000));

const orNull = <T>(value: T | undefined): T | null => (value === undefined ? null : value);

/** The contact record of a contact that has ended, stamped `LastUpdateTimestamp` with `now()`. */
export function buildContactRecord(input: ContactRecordInput, now: () => number): ContactRecord {
  const channel = input.channel ?? 'VOICE';
  const stamp = (ms: number | undefined) => (ms === undefined ? null : recordTimestamp(ms));
  const initial = input.initialContactId ?? input.contactId;
  const queue = input.queue ?? null;
  const agent = input.agent ?? null;
  const recordings: RecordingsInfo[] = (input.recordings ?? []).map((r) => ({
    DeletionReason: orNull(r.deletionReason),
    FragmentStartNumber: null,
    FragmentStopNumber: null,
    Location: r.location,
    MediaStreamType: 'AUDIO',
    ParticipantType: orNull(r.participant),
    StartTimestamp: stamp(r.startedAt),
    Status: r.status ?? 'AVAILABLE',
    StopTimestamp: stamp(r.stoppedAt),
    StorageType: r.storageType ?? 'S3',
  }));
  const first = recordings[0];
  const instanceId = /instance\/([^/]+)/.exec(input.instanceArn)?.[1];
  const connectedToSystemAt =
    input.connectedToSystemAt ?? (input.initiationMethod === 'INBOUND' ? input.initiatedAt : undefined);
  return {
    AWSAccountId: parseArn(input.instanceArn)?.account ?? '',
    AWSContactTraceRecordFormatVersion: '2017-03-10',
    Agent: agent && {
      ARN: agent.arn,
      AfterContactWorkDuration:
        agent.afterContactWorkStartedAt !== undefined && agent.afterContactWorkEndedAt !== undefined
          ? wholeSeconds(agent.afterContactWorkStartedAt, agent.afterContactWorkEndedAt)
          : null,
      AfterContactWorkEndTimestamp: stamp(agent.afterContactWorkEndedAt),
      AfterContactWorkStartTimestamp: stamp(agent.afterContactWorkStartedAt),
      AgentInteractionDuration: agent.interactionSeconds ?? 0,
      ConnectedToAgentTimestamp: recordTimestamp(agent.connectedAt),
      CustomerHoldDuration: agent.customerHoldSeconds ?? 0,
      HierarchyGroups: null,
      LongestHoldDuration: agent.longestHoldSeconds ?? 0,
      NumberOfHolds: agent.numberOfHolds ?? 0,
      RoutingProfile: agent.routingProfile
        ? { ARN: agent.routingProfile.arn, Name: agent.routingProfile.name }
        : null,
      Username: agent.username,
    },
    AgentConnectionAttempts: input.agentConnectionAttempts ?? 0,
    AnsweringMachineDetectionStatus: null,
    Attributes: { ...input.attributes },
    Campaign: { CampaignId: null },
    Channel: channel,
    ConnectedToSystemTimestamp: stamp(connectedToSystemAt),
    ContactDetails: {},
    ContactId: input.contactId,
    CustomerEndpoint: orNull(input.customerEndpoint),
    DisconnectReason: orNull(input.disconnectReason),
    DisconnectTimestamp: recordTimestamp(input.disconnectedAt),
    InitialContactId: initial === input.contactId ? null : initial,
    InitiationMethod: input.initiationMethod,
    InitiationTimestamp: recordTimestamp(input.initiatedAt),
    InstanceARN: input.instanceArn,
    LastUpdateTimestamp: recordTimestamp(now()),
    MediaStreams: [{ Type: channel === 'VOICE' ? 'AUDIO' : 'CHAT' }],
    NextContactId: orNull(input.nextContactId),
    PreviousContactId: orNull(input.previousContactId),
    Queue: queue && {
      ARN: queue.arn,
      // A contact still queued when it ended left the queue by disconnecting (an abandoned contact).
      DequeueTimestamp: recordTimestamp(queue.dequeuedAt ?? input.disconnectedAt),
      Duration: wholeSeconds(queue.enqueuedAt, queue.dequeuedAt ?? input.disconnectedAt),
      EnqueueTimestamp: recordTimestamp(queue.enqueuedAt),
      Name: queue.name,
    },
    Recording: first
      ? {
          DeletionReason: first.DeletionReason,
          Location: first.Location,
          Status: first.Status,
          Type: 'AUDIO',
        }
      : null,
    Recordings: recordings.length > 0 ? recordings : null,
    References: [],
    RelatedContactId: orNull(input.relatedContactId),
    ScheduledTimestamp: null,
    SystemEndpoint: orNull(input.systemEndpoint),
    // System tags as Connect's contact events carry them, then the user's (TagContact forbids `aws:` keys).
    Tags: {
      ...(instanceId ? { 'aws:connect:instanceId': instanceId } : {}),
      ...(input.systemEndpoint ? { 'aws:connect:systemEndpoint': input.systemEndpoint.Address } : {}),
      ...input.tags,
    },
    TransferCompletedTimestamp: stamp(input.transfer?.completedAt),
    TransferredToEndpoint: input.transfer ? input.transfer.endpoint : null,
    VoiceIdResult: null,
  };
}

/** Q.850 causes that mean the network, not a person, ended the call. */
const TELECOM_CAUSES = new Set([27, 34, 38, 41, 42, 44, 47, 102]);

/**
 * Connect's DisconnectReason for how a voice call ended. `agentHungUp`: the customer's agent left
 * first, so a hang-up by the runtime was for them, and Connect says the agent disconnected.
 */
export function disconnectReasonFor(end: CallEnd, agentHungUp = false): DisconnectReason {
  if (end.cause !== undefined && TELECOM_CAUSES.has(end.cause)) return 'TELECOM_PROBLEM';
  if (end.by === 'caller') return 'CUSTOMER_DISCONNECT';
  return agentHungUp ? 'AGENT_DISCONNECT' : 'CONTACT_FLOW_DISCONNECT';
}

export interface ContactRecordSink {
  write(record: ContactRecord): void;
  flush(): Promise<void>;
  close(): Promise<void>;
}

/** Contact records as JSON lines in one file, written in batches like the flow logs. */
export class ContactRecordFile implements ContactRecordSink {
  readonly #file: JsonLinesFile<ContactRecord>;

  constructor(path: string, options: BatchOptions) {
    this.#file = new JsonLinesFile(path, options);
  }

  get path(): string {
    return this.#file.path;
  }

  write(record: ContactRecord): void {
    this.#file.write(record);
  }

  flush(): Promise<void> {
    return this.#file.flush();
  }

  close(): Promise<void> {
    return this.#file.close();
  }
}

export class MemoryContactRecordSink implements ContactRecordSink {
  readonly records: ContactRecord[] = [];

  write(record: ContactRecord): void {
    this.records.push(record);
  }

  async flush(): Promise<void> {}

  async close(): Promise<void> {}
}
