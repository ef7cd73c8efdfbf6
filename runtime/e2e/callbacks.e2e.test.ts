import type { Harness } from '@parley/harness';
import { afterEach, describe, expect, it } from 'vitest';
import './support/telephony.js';
import type { InstanceCenter } from '../src/center/index.js';
import { Instance } from '../src/contact/instance.js';
import type { ContactRun } from '../src/contact/runner.js';
import type { MemoryContactRecordSink } from '../src/logs/contact-record.js';
import { addAgent, addProfile, bye, flowDoc, loadFlowDoc, say, setQueue } from './support/center-instance.js';
import { type CenterRig, openCenterRig, until } from './support/center-rig.js';

const DNIS = '+18005550171';
const CUSTOMER = '+15557770123';

/** One queue, one agent, and an inbound flow that offers a callback then hangs up. */
function buildInstance(): Instance {
  const instance = new Instance();
  instance.addQueue({ id: 'support', name: 'Support' });
  addProfile(instance, 'basic', [{ queue: 'support', priority: 1 }]);
  addAgent(instance, 'dana', '1201', 'basic');
  const doc = flowDoc('Callback please', 'CONTACT_FLOW', [
    setQueue(instance, 'support', 'callback'),
    {
      Identifier: 'callback',
      Type: 'CreateCallbackContact',
      Parameters: {
        InitialCallDelaySeconds: '1',
        MaximumConnectionAttempts: '1',
        RetryDelaySeconds: '600',
      },
      Transitions: { NextAction: 'thanks', Errors: [{ NextAction: 'bye', ErrorType: 'NoMatchingError' }] },
    },
    say('thanks', 'We will call you back', 'bye'),
    bye,
  ]);
  loadFlowDoc(instance, doc, 'inbound', 'CONTACT_FLOW');
  instance.addPhoneNumber(DNIS, 'inbound');
  return instance;
}

let rig: CenterRig | undefined;
let harness: Harness;
let center: InstanceCenter;
let runs: ContactRun[];
let records: MemoryContactRecordSink;

async function open(): Promise<void> {
  rig = await openCenterRig(buildInstance(), { offerTimeoutSeconds: 5, recordSegments: true });
  ({ harness, center, runs, records } = rig);
}
afterEach(() => rig?.close());

describe('callbacks', () => {
  it('calls the agent first, then the customer, and bridges them once the caller who asked has hung up', async () => {
    await open();
    // The agent's phone rings and stays ringing until the test picks it up.
    harness.phone('agent', '1201', 'ignore');
    harness.phone('pstn', CUSTOMER, { answer: { ringMs: 50 } });
    const caller = await harness.call(DNIS.slice(1), { callerId: `"Pat" <${CUSTOMER}>` });
    await caller.answered();
    await until(() => runs.length === 1, 'the inbound contact started');
    const inbound = runs[0] as ContactRun;
    const result = await inbound.done;
    expect(result.path.map((p) => p.identifier)).toEqual(['set-queue', 'callback', 'thanks', 'bye']);
    await caller.waitForHangup();
    expect((await center.login('dana')).ok).toBe(true);
    expect((await center.setStatus('dana', 'Available')).ok).toBe(true);
    const agentPhone = await harness.incoming('agent', '1201');
    // Ringing the agent, not yet the customer: they are dialled once the agent answers.
    const offered = center.snapshot('dana')?.Contacts[0];
    expect(offered).toMatchObject({ State: 'INCOMING', InitiationMethod: 'CALLBACK' });
    const callbackId = offered?.ContactId;
    expect(callbackId).not.toBe(inbound.contactId);
    await agentPhone.answer();
    const customerPhone = await harness.incoming('pstn', CUSTOMER);
    await customerPhone.waitForAnswer();
    await until(() => center.snapshot('dana')?.Contacts[0]?.State === 'CONNECTED', 'dana connected');
    expect(center.snapshot('dana')?.Contacts[0]?.ContactId).toBe(callbackId);

    await customerPhone.hangup();
    await agentPhone.waitForHangup();
    await until(() => center.engine.agent('dana')?.activity === 'acw', 'dana in After Contact Work');
    expect((await center.clearContact('dana', callbackId as string)).ok).toBe(true);
    await until(() => records.records.some((r) => r.ContactId === callbackId), 'the callback record');
    const record = records.records.find((r) => r.ContactId === callbackId);
    expect(record).toMatchObject({
      InitiationMethod: 'CALLBACK',
      PreviousContactId: inbound.contactId,
      CustomerEndpoint: { Address: CUSTOMER, Type: 'TELEPHONE_NUMBER' },
      DisconnectReason: 'CUSTOMER_DISCONNECT',
      Queue: { Name: 'Support' },
      Agent: { Username: 'dana' },
      AgentConnectionAttempts: 1,
    });
  });

  it('ends the callback with CUSTOMER_CONNECTION_NOT_ESTABLISHED when the customer does not answer', async () => {
    await open();
    harness.phone('agent', '1201', { answer: { ringMs: 50 } });
    harness.phone('pstn', CUSTOMER, { reject: 'busy' });
    const caller = await harness.call(DNIS.slice(1), { callerId: `"Pat" <${CUSTOMER}>` });
    await caller.answered();
    await until(() => runs.length === 1, 'the inbound contact started');
    const inbound = runs[0] as ContactRun;
    await inbound.done;
    await caller.waitForHangup();
    expect((await center.login('dana')).ok).toBe(true);
    expect((await center.setStatus('dana', 'Available')).ok).toBe(true);
    const agentPhone = await harness.incoming('agent', '1201');
    await harness.incoming('pstn', CUSTOMER);
    await agentPhone.waitForHangup();
    await until(() => center.engine.agent('dana')?.activity === 'acw', 'dana in After Contact Work');
    const callbackId = center.snapshot('dana')?.Contacts[0]?.ContactId as string;
    expect((await center.clearContact('dana', callbackId)).ok).toBe(true);
    await until(() => records.records.some((r) => r.ContactId === callbackId), 'the callback record');
    expect(records.records.find((r) => r.ContactId === callbackId)).toMatchObject({
      InitiationMethod: 'CALLBACK',
      PreviousContactId: inbound.contactId,
      DisconnectReason: 'CUSTOMER_CONNECTION_NOT_ESTABLISHED',
      ConnectedToSystemTimestamp: null,
    });
  });
});
