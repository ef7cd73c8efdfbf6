import { ManualClock } from '@parley/ari';
import { createContact } from '@parley/flow';
import { beforeEach, describe, expect, it } from 'vitest';
import type { InstanceCenter } from '../../src/center/center.js';
import { Instance } from '../../src/contact/instance.js';
import { MemoryContactRecordSink } from '../../src/logs/contact-record.js';
import { settle as settleCenter, testCenter } from '../support/center-fixture.js';
import { type FakeCall, FakeLines } from '../support/center-lines.js';

let clock: ManualClock;
let lines: FakeLines;
let center: InstanceCenter;
let instance: Instance;
let records: MemoryContactRecordSink;

beforeEach(() => {
  clock = new ManualClock();
  instance = new Instance();
  instance.addQueue({ id: 'support', name: 'Support' });
  instance.add('routingProfile', {
    id: 'basic',
    name: 'basic',
    arn: instance.arnOf('routing-profile', 'basic'),
    queues: [{ queue: 'support', channel: 'VOICE', priority: 1 }],
  });
  instance.add('user', {
    id: 'dana',
    name: 'dana',
    username: 'dana',
    arn: instance.arnOf('agent', 'dana'),
    extension: '1201',
    routingProfile: 'basic',
  });
  lines = new FakeLines();
  records = new MemoryContactRecordSink();
  center = testCenter(instance, clock, lines, {
    pstnEndpoint: 'Pstn/{number}',
    records,
  });
});

const settle = () => settleCenter(clock);

async function requestCallback(maxConnectionAttempts = 1): Promise<string> {
  const created = await center.createCallback(createContact({ ContactId: 'asker' }), {
    queueArn: instance.arnOf('queue', 'support'),
    number: '+15557770123',
    initialCallDelaySeconds: 5,
    maxConnectionAttempts,
    retryDelaySeconds: 600,
  });
  if (!created.ok) throw new Error(created.reason);
  return created.contactId;
}

describe('callbacks', () => {
  it('queues the callback only after its initial delay, then rings the agent before dialling the customer', async () => {
    const id = await requestCallback();
    expect((await center.login('dana')).ok).toBe(true);
    await center.setStatus('dana', 'Available');
    await settle();
    expect(center.engine.waiting(id)).toBeUndefined();
    await clock.advance(5000);
    await settle();
    expect(lines.rings.map((r) => r.endpoint)).toEqual(['Test/1201']);
    expect(center.snapshot('dana')?.Contacts[0]).toMatchObject({
      ContactId: id,
      InitiationMethod: 'CALLBACK',
    });

    const agent = lines.rings[0]?.answer() as FakeCall;
    await settle();
    expect(lines.rings.map((r) => r.endpoint)).toEqual(['Test/1201', 'Pstn/+15557770123']);
    const customer = lines.rings[1]?.answer() as FakeCall;
    await settle();
    expect([...(lines.bridges[0]?.members ?? [])]).toEqual([agent.channelId, customer.channelId]);
    expect(center.snapshot('dana')?.Contacts[0]?.State).toBe('CONNECTED');

    agent.farEndHangsUp();
    await settle();
    expect(customer.ended).toBeDefined();
    expect(records.records[0]).toMatchObject({
      ContactId: id,
      PreviousContactId: 'asker',
      InitiationMethod: 'CALLBACK',
      DisconnectReason: 'AGENT_DISCONNECT',
      Agent: { Username: 'dana' },
    });
  });

  it('tries an unanswered customer again after the retry delay, then records that they never answered', async () => {
    const id = await requestCallback(2);
    await center.login('dana');
    await center.setStatus('dana', 'Available');
    await clock.advance(5000);
    await settle();
    lines.rings[0]?.answer();
    await settle();
    lines.rings[1]?.refuse('noAnswer');
    await settle();
    expect(records.records).toEqual([]);

    await clock.advance(600_000);
    await settle();
    expect(lines.rings.map((r) => r.endpoint)).toEqual(['Test/1201', 'Pstn/+15557770123', 'Test/1201']);
    lines.rings[2]?.answer();
    await settle();
    lines.rings[3]?.refuse('busy');
    await settle();
    expect(records.records).toHaveLength(1);
    expect(records.records[0]).toMatchObject({
      ContactId: id,
      DisconnectReason: 'CUSTOMER_CONNECTION_NOT_ESTABLISHED',
      ConnectedToSystemTimestamp: null,
      AgentConnectionAttempts: 2,
    });
  });
});
