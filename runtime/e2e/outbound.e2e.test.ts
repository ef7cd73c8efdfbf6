import type { Harness } from '@parley/harness';
import { afterEach, describe, expect, it } from 'vitest';
import './support/telephony.js';
import type { InstanceCenter } from '../src/center/index.js';
import { Instance } from '../src/contact/instance.js';
import type { MemoryContactRecordSink } from '../src/logs/contact-record.js';
import type { MemoryFlowLogSink } from '../src/logs/sinks.js';
import { addAgent, addProfile, flowDoc, loadFlowDoc, say } from './support/center-instance.js';
import { type CenterRig, openCenterRig, until } from './support/center-rig.js';

const CUSTOMER = '+15550008001';
const BUSY = '+15550008002';
const QUEUE_CALLER_ID = '+18005550199';
const WHISPER_CALLER_ID = '+18005550123';

/**
 * Alice's routing profile makes Outbound her default outbound queue, whose outbound whisper flow
 * places the call with its own caller ID and tells the customer the call may be recorded.
 */
function buildInstance(): Instance {
  const instance = new Instance();
  instance.add('queue', {
    id: 'outbound',
    name: 'Outbound',
    arn: instance.arnOf('queue', 'outbound'),
    outboundCallerId: QUEUE_CALLER_ID,
    outboundWhisperFlow: 'ow',
  });
  addProfile(instance, 'sales-desk', [{ queue: 'outbound', priority: 1 }], {
    defaultOutboundQueue: 'outbound',
  });
  addAgent(instance, 'alice', '1401', 'sales-desk');
  loadFlowDoc(
    instance,
    flowDoc('Outbound whisper', 'OUTBOUND_WHISPER', [
      {
        Identifier: 'logging',
        Type: 'UpdateFlowLoggingBehavior',
        Parameters: { FlowLoggingBehavior: 'Enabled' },
        Transitions: { NextAction: 'call' },
      },
      {
        Identifier: 'call',
        Type: 'CompleteOutboundCall',
        Parameters: { CallerId: { Number: WHISPER_CALLER_ID } },
        Transitions: { NextAction: 'notice' },
      },
      say('notice', 'This call may be recorded', 'end'),
      { Identifier: 'end', Type: 'EndFlowExecution', Parameters: {}, Transitions: {} },
    ]),
    'ow',
    'OUTBOUND_WHISPER',
  );
  return instance;
}

let rig: CenterRig | undefined;
let harness: Harness;
let center: InstanceCenter;
let logs: MemoryFlowLogSink;
let records: MemoryContactRecordSink;
afterEach(() => rig?.close());

async function aliceReady(): Promise<void> {
  rig = await openCenterRig(buildInstance(), { offerTimeoutSeconds: 5, recordSegments: true });
  ({ harness, center, logs, records } = rig);
  harness.phone('agent', '1401', { answer: { ringMs: 50 } });
  await center.login('alice');
  await center.setStatus('alice', 'Available');
}

describe('agent-dialled calls', () => {
  it('rings the agent, then places the call at the outbound whisper flow’s Call phone number with its caller ID, and bridges them', async () => {
    await aliceReady();
    harness.phone('pstn', CUSTOMER, { answer: { ringMs: 50 } });
    expect(await center.transfer('alice', { phoneNumber: CUSTOMER })).toMatchObject({ ok: true });
    const alicePhone = await harness.incoming('agent', '1401');
    await alicePhone.waitForAnswer();
    const customer = await harness.incoming('pstn', CUSTOMER);
    await customer.waitForAnswer();
    await until(() => center.snapshot('alice')?.Contacts[0]?.State === 'CONNECTED', 'alice connected');
    const contact = center.snapshot('alice')?.Contacts[0];
    expect(contact).toMatchObject({ InitiationMethod: 'OUTBOUND', Queue: { Name: 'Outbound' } });
    const id = contact?.ContactId ?? '';
    const placed = logs.forContact(id).find((e) => e.ContactFlowModuleType === 'CompleteOutboundCall');
    expect(placed?.Results).toBe(`called from ${WHISPER_CALLER_ID}`);
    expect(logs.forContact(id).some((e) => e.Identifier === 'notice')).toBe(true);

    await customer.press('8');
    expect(await alicePhone.waitForDigits(1)).toBe('8');
    await customer.hangup();
    await alicePhone.waitForHangup();
    await until(() => center.engine.agent('alice')?.activity === 'acw', 'alice in After Contact Work');
    await center.clearContact('alice', id);
    await until(() => records.records.length === 1, 'the outbound contact recorded');
    expect(records.records[0]).toMatchObject({
      ContactId: id,
      InitiationMethod: 'OUTBOUND',
      CustomerEndpoint: { Address: CUSTOMER },
      SystemEndpoint: { Address: QUEUE_CALLER_ID },
      Queue: { Name: 'Outbound' },
      Agent: { Username: 'alice' },
      DisconnectReason: 'CUSTOMER_DISCONNECT',
    });
  });

  it('ends the contact with CUSTOMER_CONNECTION_NOT_ESTABLISHED when the number is busy, the agent in After Contact Work', async () => {
    await aliceReady();
    harness.phone('pstn', BUSY, { reject: 'busy' });
    expect(await center.transfer('alice', { phoneNumber: BUSY })).toMatchObject({ ok: true });
    const alicePhone = await harness.incoming('agent', '1401');
    await alicePhone.waitForHangup();
    await until(() => center.engine.agent('alice')?.activity === 'acw', 'alice in After Contact Work');
    const id = center.snapshot('alice')?.Contacts[0]?.ContactId ?? '';
    await center.clearContact('alice', id);
    await until(() => records.records.length === 1, 'the outbound contact recorded');
    expect(records.records[0]).toMatchObject({
      InitiationMethod: 'OUTBOUND',
      DisconnectReason: 'CUSTOMER_CONNECTION_NOT_ESTABLISHED',
      Agent: null,
    });
  });

  it('refuses to dial out for an agent who is not Available', async () => {
    rig = await openCenterRig(buildInstance(), { offerTimeoutSeconds: 5 });
    ({ center } = rig);
    await center.login('alice');
    expect(await center.transfer('alice', { phoneNumber: CUSTOMER })).toMatchObject({
      ok: false,
      code: 'AGENT_NOT_ALLOWED',
    });
  });
});
