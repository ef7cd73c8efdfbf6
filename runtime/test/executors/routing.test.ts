import { describe, expect, it } from 'vitest';
import { ALICE, BILLING, contact, FakeRouting, flowArn, runBlock, SALES, world } from './support.js';

const working = (q = SALES) => ({ id: q.id, arn: q.arn, name: q.name });

describe('TransferContactToQueue', () => {
  it('puts the contact in its working queue and ends the flow', async () => {
    const w = world();
    const c = contact({ targetQueue: working() });
    const step = await runBlock(w, { Type: 'TransferContactToQueue' }, { contact: c });
    expect(step.outcome).toEqual({ kind: 'end', reason: 'transferToQueue', target: SALES.arn });
    expect(w.routing.enqueued.map((e) => [e.contact.ContactId, e.queueArn])).toEqual([
      [c.ContactId, SALES.arn],
    ]);
    expect(w.transcript).toEqual([{ kind: 'transfer', identifier: 'block', to: 'Sales', target: 'queue' }]);
  });

  it('takes the error type routing gives, such as QueueAtCapacity', async () => {
    const routing = new FakeRouting();
    routing.refuse = { errorType: 'QueueAtCapacity', reason: 'Sales holds its maximum of 10 contacts' };
    const w = world({ routing });
    const step = await runBlock(
      w,
      { Type: 'TransferContactToQueue' },
      { contact: contact({ targetQueue: working() }) },
    );
    expect(step.outcome).toEqual({ kind: 'error', errorType: 'QueueAtCapacity' });
    expect(step.log?.results).toBe('Sales holds its maximum of 10 contacts');
    expect(w.transcript).toEqual([]);
  });

  it('takes the error branch without a working queue, and ends a contact whose caller left', async () => {
    const w = world();
    const none = await runBlock(w, { Type: 'TransferContactToQueue' });
    expect(none.outcome).toEqual({ kind: 'error', errorType: 'NoMatchingError' });
    expect(none.log?.results).toBe(
      'ENGINE_PARAMETER_INVALID: the contact has no working queue (Set working queue first)',
    );
    w.call.callerHangsUp();
    const gone = await runBlock(
      w,
      { Type: 'TransferContactToQueue' },
      { contact: contact({ targetQueue: working() }) },
    );
    expect(gone.outcome).toEqual({ kind: 'end', reason: 'disconnect' });
    expect(w.routing.enqueued).toEqual([]);
  });
});

describe('DequeueContactAndTransferToQueue', () => {
  it('moves the queued contact to another queue, by queue or agent, and ends the queue flow', async () => {
    const w = world();
    const c = contact({ targetQueue: working() });
    const step = await runBlock(
      w,
      { Type: 'DequeueContactAndTransferToQueue', Parameters: { QueueId: 'q-billing' } },
      { contact: c },
    );
    expect(step.outcome).toEqual({ kind: 'end', reason: 'transferToQueue', target: BILLING.arn });
    expect(step.contactPatch?.targetQueue).toEqual({ id: 'q-billing', arn: BILLING.arn, name: 'Billing' });
    expect(w.routing.enqueued[0]?.contact.targetQueue?.arn).toBe(BILLING.arn);
    const toAgent = await runBlock(
      w,
      { Type: 'DequeueContactAndTransferToQueue', Parameters: { AgentId: ALICE.arn } },
      { contact: c },
    );
    expect(toAgent.outcome).toEqual({ kind: 'end', reason: 'transferToQueue', target: ALICE.arn });
  });

  it('takes the error branch for a queue the instance does not have, or one routing refuses', async () => {
    const routing = new FakeRouting();
    const w = world({ routing });
    const missing = await runBlock(w, {
      Type: 'DequeueContactAndTransferToQueue',
      Parameters: { QueueId: 'q-none' },
    });
    expect(missing.outcome).toEqual({ kind: 'error', errorType: 'NoMatchingError' });
    expect(missing.log?.results).toBe('ENGINE_RESOURCE_NOT_FOUND: no queue q-none in this instance');
    routing.refuse = { errorType: 'QueueAtCapacity', reason: 'Billing is full' };
    const full = await runBlock(w, {
      Type: 'DequeueContactAndTransferToQueue',
      Parameters: { QueueId: 'q-billing' },
    });
    expect(full.outcome).toEqual({ kind: 'error', errorType: 'QueueAtCapacity' });
  });
});

describe('TransferContactToAgent', () => {
  it('hands the contact to the agent of its working queue and ends the flow', async () => {
    const w = world();
    const c = contact({ targetQueue: { id: ALICE.id, arn: ALICE.arn, name: ALICE.name, agentId: 'alice' } });
    const step = await runBlock(w, { Type: 'TransferContactToAgent' }, { contact: c });
    expect(step.outcome).toEqual({ kind: 'end', reason: 'transferToAgent', target: ALICE.arn });
    expect(w.transcript).toEqual([{ kind: 'transfer', identifier: 'block', to: 'alice', target: 'agent' }]);
  });

  it('disconnects the contact when there is no agent or the agent cannot take it, as Connect does', async () => {
    const routing = new FakeRouting();
    routing.refuse = { errorType: 'AgentBusy', reason: 'alice is on another contact' };
    const w = world({ routing });
    const c = contact({ targetQueue: { id: ALICE.id, arn: ALICE.arn, name: ALICE.name, agentId: 'alice' } });
    const busy = await runBlock(w, { Type: 'TransferContactToAgent' }, { contact: c });
    expect(busy.outcome).toEqual({ kind: 'end', reason: 'disconnect' });
    expect(busy.log?.results).toBe('alice is on another contact');
    expect(w.call.hangups).toEqual(['normal']);
    const other = world();
    const noAgent = await runBlock(
      other,
      { Type: 'TransferContactToAgent' },
      { contact: contact({ targetQueue: working() }) },
    );
    expect(noAgent.outcome).toEqual({ kind: 'end', reason: 'disconnect' });
    expect(noAgent.log?.results).toMatch(/no agent to transfer to/);
  });
});

describe('CreateCallbackContact', () => {
  it('queues a callback to the callback number with the block settings and goes on', async () => {
    const routing = new FakeRouting({ callbacks: true });
    const w = world({ routing });
    const c = contact({ callbackNumber: '+12125550123', targetQueue: working() });
    const step = await runBlock(
      w,
      {
        Type: 'CreateCallbackContact',
        Parameters: {
          QueueId: BILLING.arn,
          InitialCallDelaySeconds: '5',
          MaximumConnectionAttempts: '2',
          RetryDelaySeconds: '600',
          ContactFlowId: 'f-billing',
        },
      },
      { contact: c },
    );
    expect(step.outcome).toEqual({ kind: 'next' });
    expect(step.log?.results).toBe('cb-1');
    expect(routing.callbacks).toEqual([
      {
        queueArn: BILLING.arn,
        number: '+12125550123',
        initialCallDelaySeconds: 5,
        maxConnectionAttempts: 2,
        retryDelaySeconds: 600,
        flowArn: flowArn('f-billing'),
      },
    ]);
    expect(w.transcript).toEqual([
      { kind: 'note', identifier: 'block', text: 'callback to +12125550123 queued in Billing' },
    ]);
  });

  it('defaults to the working queue and the caller’s number', async () => {
    const routing = new FakeRouting({ callbacks: true });
    const w = world({ routing });
    await runBlock(w, { Type: 'CreateCallbackContact' }, { contact: contact({ targetQueue: working() }) });
    expect(routing.callbacks[0]).toMatchObject({ queueArn: SALES.arn, number: '+15550001111' });
  });

  it('takes the error branch without routing callbacks, a number or a queue, saying which', async () => {
    const w = world();
    const noRouting = await runBlock(
      w,
      { Type: 'CreateCallbackContact' },
      { contact: contact({ targetQueue: working() }) },
    );
    expect(noRouting.outcome).toEqual({ kind: 'error', errorType: 'NoMatchingError' });
    expect(noRouting.log?.results).toMatch(/^ENGINE_NO_EXECUTOR: Parley cannot queue callbacks yet/);
    const noQueue = await runBlock(w, { Type: 'CreateCallbackContact' });
    expect(noQueue.log?.results).toMatch(/no working queue/);
    const noNumber = await runBlock(
      w,
      { Type: 'CreateCallbackContact' },
      { contact: contact({ targetQueue: working(), CustomerEndpoint: undefined }) },
    );
    expect(noNumber.log?.results).toBe('ENGINE_VALUE_MISSING: the contact has no callback number');
    const badDelay = await runBlock(
      w,
      { Type: 'CreateCallbackContact', Parameters: { InitialCallDelaySeconds: '0' } },
      { contact: contact({ targetQueue: working() }) },
    );
    expect(badDelay.log?.results).toMatch(/^ENGINE_PARAMETER_INVALID: InitialCallDelaySeconds/);
  });
});

describe('UpdatePreviousContactParticipantState', () => {
  it('takes the error branch: there is no previous contact participant Parley could hold', async () => {
    const w = world();
    const first = await runBlock(w, {
      Type: 'UpdatePreviousContactParticipantState',
      Parameters: { PreviousContactParticipantState: 'AgentOnHold' },
    });
    expect(first.outcome).toEqual({ kind: 'error', errorType: 'NoMatchingError' });
    expect(first.log?.results).toMatch(/no previous contact/);
    const transferred = await runBlock(
      w,
      {
        Type: 'UpdatePreviousContactParticipantState',
        Parameters: { PreviousContactParticipantState: 'OffHold' },
      },
      { contact: contact({ PreviousContactId: 'prev-1' }) },
    );
    expect(transferred.log?.results).toMatch(/no agent call control yet/);
    const wrong = await runBlock(w, {
      Type: 'UpdatePreviousContactParticipantState',
      Parameters: { PreviousContactParticipantState: 'Sleeping' },
    });
    expect(wrong.log?.results).toMatch(/^ENGINE_PARAMETER_INVALID/);
  });
});

describe('CompleteOutboundCall', () => {
  it('goes on when the call is already connected, and refuses voice connectors', async () => {
    const w = world();
    const connected = await runBlock(w, {
      Type: 'CompleteOutboundCall',
      Parameters: { CallerId: { Number: '$.CustomerEndpoint.Address' } },
    });
    expect(connected.outcome).toEqual({ kind: 'next' });
    expect(connected.log?.results).toBe('the call is already connected: nothing to dial');
    const chime = await runBlock(w, {
      Type: 'CompleteOutboundCall',
      Parameters: { VoiceConnector: { VoiceConnectorType: 'ChimeConnector', VoiceConnectorArn: 'arn:x' } },
    });
    expect(chime.outcome).toEqual({ kind: 'error', errorType: 'NoMatchingError' });
    expect(chime.log?.results).toBe(
      'ENGINE_NO_EXECUTOR: Parley does not provide Amazon Chime SDK voice connectors',
    );
  });
});
