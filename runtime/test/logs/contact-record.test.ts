import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '@parley/ari';
import { describe, expect, it } from 'vitest';
import {
  buildContactRecord,
  ContactRecordFile,
  type ContactRecordInput,
  disconnectReasonFor,
  recordTimestamp,
} from '../../src/logs/contact-record.js';

const INSTANCE = 'arn:aws:connect:us-east-1:970025851406:instance/1d908e11-3d5f-4cfb-b34d-1e7e0f216898';
const t = (iso: string) => Date.parse(iso);

const inbound: ContactRecordInput = {
  contactId: '15a5cf14-3212-45a1-9f86-a8e97db8afaf',
  instanceArn: INSTANCE,
  initiationMethod: 'INBOUND',
  initiatedAt: t('2022-04-08T14:59:38.412Z'),
  disconnectedAt: t('2022-04-08T15:01:22.900Z'),
  disconnectReason: 'CUSTOMER_DISCONNECT',
  customerEndpoint: { Address: '+17208401003', Type: 'TELEPHONE_NUMBER' },
  systemEndpoint: { Address: '+14065003978', Type: 'TELEPHONE_NUMBER' },
  attributes: { greetingPlayed: 'true' },
};

describe('a contact record', () => {
  it("has Connect's fields for an inbound call that ended in the flow, with nulls where nothing happened", () => {
    const record = buildContactRecord(inbound, () => t('2022-04-08T15:03:02.250Z'));
    expect(record).toEqual({
      AWSAccountId: '970025851406',
      AWSContactTraceRecordFormatVersion: '2017-03-10',
      Agent: null,
      AgentConnectionAttempts: 0,
      AnsweringMachineDetectionStatus: null,
      Attributes: { greetingPlayed: 'true' },
      Campaign: { CampaignId: null },
      Channel: 'VOICE',
      ConnectedToSystemTimestamp: '2022-04-08T14:59:38Z',
      ContactDetails: {},
      ContactId: '15a5cf14-3212-45a1-9f86-a8e97db8afaf',
      CustomerEndpoint: { Address: '+17208401003', Type: 'TELEPHONE_NUMBER' },
      DisconnectReason: 'CUSTOMER_DISCONNECT',
      DisconnectTimestamp: '2022-04-08T15:01:22Z',
      InitialContactId: null,
      InitiationMethod: 'INBOUND',
      InitiationTimestamp: '2022-04-08T14:59:38Z',
      InstanceARN: INSTANCE,
      LastUpdateTimestamp: '2022-04-08T15:03:02Z',
      MediaStreams: [{ Type: 'AUDIO' }],
      NextContactId: null,
      PreviousContactId: null,
      Queue: null,
      Recording: null,
      Recordings: null,
      References: [],
      RelatedContactId: null,
      ScheduledTimestamp: null,
      SystemEndpoint: { Address: '+14065003978', Type: 'TELEPHONE_NUMBER' },
      Tags: {
        'aws:connect:instanceId': '1d908e11-3d5f-4cfb-b34d-1e7e0f216898',
        'aws:connect:systemEndpoint': '+14065003978',
      },
      TransferCompletedTimestamp: null,
      TransferredToEndpoint: null,
      VoiceIdResult: null,
    });
  });

  it('gives the queue its enqueue and dequeue times and the whole seconds between them', () => {
    const record = buildContactRecord(
      {
        ...inbound,
        queue: {
          arn: `${INSTANCE}/queue/q-1`,
          name: 'BasicQueue',
          enqueuedAt: t('2022-04-08T15:00:42.900Z'),
          dequeuedAt: t('2022-04-08T15:00:49.100Z'),
        },
      },
      () => 0,
    );
    expect(record.Queue).toEqual({
      ARN: `${INSTANCE}/queue/q-1`,
      DequeueTimestamp: '2022-04-08T15:00:49Z',
      Duration: 7,
      EnqueueTimestamp: '2022-04-08T15:00:42Z',
      Name: 'BasicQueue',
    });
  });

  it('dequeues an abandoned contact when the caller hung up, with no agent', () => {
    const record = buildContactRecord(
      {
        ...inbound,
        queue: { arn: `${INSTANCE}/queue/q-1`, name: 'Q', enqueuedAt: t('2022-04-08T15:00:00Z') },
      },
      () => 0,
    );
    expect(record.Queue?.DequeueTimestamp).toBe('2022-04-08T15:01:22Z');
    expect(record.Queue?.Duration).toBe(82);
    expect(record.Agent).toBeNull();
  });

  it('links a transferred contact to the contacts before it', () => {
    const record = buildContactRecord(
      {
        ...inbound,
        contactId: 'c-2',
        initialContactId: 'c-1',
        previousContactId: 'c-1',
        initiationMethod: 'TRANSFER',
      },
      () => 0,
    );
    expect(record).toMatchObject({ InitialContactId: 'c-1', PreviousContactId: 'c-1', ContactId: 'c-2' });
    expect(record.ConnectedToSystemTimestamp).toBeNull();
  });

  it('repeats the first recording under Recording, as Connect does', () => {
    const record = buildContactRecord(
      {
        ...inbound,
        recordings: [
          {
            location: 'recordings/2022/04/08/15a5cf14.wav',
            startedAt: t('2022-04-08T15:00:49Z'),
            stoppedAt: t('2022-04-08T15:01:22Z'),
            participant: 'Customer',
          },
          { location: 'recordings/2022/04/08/15a5cf14-2.wav' },
        ],
      },
      () => 0,
    );
    expect(record.Recording).toEqual({
      DeletionReason: null,
      Location: 'recordings/2022/04/08/15a5cf14.wav',
      Status: 'AVAILABLE',
      Type: 'AUDIO',
    });
    expect(record.Recordings).toHaveLength(2);
    expect(record.Recordings?.[0]).toMatchObject({
      MediaStreamType: 'AUDIO',
      ParticipantType: 'Customer',
      StartTimestamp: '2022-04-08T15:00:49Z',
      StopTimestamp: '2022-04-08T15:01:22Z',
      StorageType: 'S3',
    });
  });

  it("carries the agent who took the call and the contact's tags", () => {
    const record = buildContactRecord(
      {
        ...inbound,
        tags: { Dept: 'billing' },
        agentConnectionAttempts: 1,
        agent: {
          arn: `${INSTANCE}/agent/a-1`,
          username: 'admin1',
          connectedAt: t('2022-04-08T15:00:49Z'),
          afterContactWorkStartedAt: t('2022-04-08T15:01:22Z'),
          afterContactWorkEndedAt: t('2022-04-08T15:01:54Z'),
          interactionSeconds: 33,
          routingProfile: { arn: `${INSTANCE}/routing-profile/rp-1`, name: 'Basic Routing Profile' },
        },
      },
      () => 0,
    );
    expect(record.Agent).toMatchObject({
      ARN: `${INSTANCE}/agent/a-1`,
      AfterContactWorkDuration: 32,
      AgentInteractionDuration: 33,
      ConnectedToAgentTimestamp: '2022-04-08T15:00:49Z',
      RoutingProfile: { ARN: `${INSTANCE}/routing-profile/rp-1`, Name: 'Basic Routing Profile' },
      Username: 'admin1',
    });
    expect(record.Tags.Dept).toBe('billing');
    expect(record.AgentConnectionAttempts).toBe(1);
  });

  it('truncates times to the second, as contact records show them', () => {
    expect(recordTimestamp(t('2022-04-08T15:01:22.999Z'))).toBe('2022-04-08T15:01:22Z');
  });
});

describe('the disconnect reason of a call', () => {
  it('is the customer when the caller hung up and the flow when the runtime did', () => {
    expect(disconnectReasonFor({ by: 'caller', cause: 16 })).toBe('CUSTOMER_DISCONNECT');
    expect(disconnectReasonFor({ by: 'runtime', cause: undefined })).toBe('CONTACT_FLOW_DISCONNECT');
  });

  it('is a telecom problem when the network dropped the call', () => {
    expect(disconnectReasonFor({ by: 'caller', cause: 38 })).toBe('TELECOM_PROBLEM');
  });

  it('is the agent when the runtime hung up after the agent left, not when the customer or the network ended the call', () => {
    expect(disconnectReasonFor({ by: 'runtime', cause: undefined }, true)).toBe('AGENT_DISCONNECT');
    expect(disconnectReasonFor({ by: 'caller', cause: 16 }, true)).toBe('CUSTOMER_DISCONNECT');
    expect(disconnectReasonFor({ by: 'runtime', cause: 38 }, true)).toBe('TELECOM_PROBLEM');
  });
});

describe('the contact-record file', () => {
  it('appends one JSON line per record and stores them all on close', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'parley-ctr-'));
    try {
      const clock = new ManualClock();
      const file = new ContactRecordFile(join(dir, 'ctr', 'worker.jsonl'), { clock });
      file.write(buildContactRecord(inbound, () => clock.now()));
      file.write(buildContactRecord({ ...inbound, contactId: 'c-2' }, () => clock.now()));
      await file.close();
      const lines = (await readFile(file.path, 'utf8')).trim().split('\n');
      expect(lines.map((l) => (JSON.parse(l) as { ContactId: string }).ContactId)).toEqual([
        inbound.contactId,
        'c-2',
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
