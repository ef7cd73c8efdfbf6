import type { StepResult } from '@parley/flow';
import { describe, expect, it } from 'vitest';
import { Instance } from '../../src/contact/instance.js';
import { runContact } from '../../src/contact/runner.js';
import type { BlockExecutor } from '../../src/executors/types.js';
import { MemoryContactRecordSink } from '../../src/logs/contact-record.js';
import { MemoryFlowLogSink } from '../../src/logs/sinks.js';
import { bench, during, flowTarget, newContact, slow } from './support.js';

// Stand-ins for the blocks that need ports: the runner's contract is what they return.
const transferTo: BlockExecutor = async (input, ports) => {
  const target = ports.flow(String(input.action.parameters?.ContactFlowId));
  return target
    ? { outcome: { kind: 'end', reason: 'transferToFlow', target: target.arn } }
    : { outcome: { kind: 'error', errorType: 'NoMatchingError' } };
};
const queueIt: BlockExecutor = async (input, ports) => {
  const q = input.contact.targetQueue;
  if (!q) return { outcome: { kind: 'error', errorType: 'NoMatchingError' } };
  const r = await ports.routing.enqueue(input.contact, q.arn);
  return r.ok
    ? { outcome: { kind: 'end', reason: 'transferToQueue', target: q.arn } }
    : { outcome: { kind: 'error', errorType: r.errorType } };
};
const lookup: BlockExecutor = async (): Promise<StepResult> => ({
  outcome: { kind: 'next' },
  contactPatch: { External: { tier: 'gold' } },
  log: { parameters: {}, externalResults: { tier: 'gold' } },
});

const setAttr = (id: string, attributes: Record<string, string>, next?: string) => ({
  Identifier: id,
  Type: 'UpdateContactAttributes',
  Parameters: { Attributes: attributes, TargetContact: 'Current' },
  Transitions: next ? { NextAction: next } : {},
});
const logging = (id: string, on: boolean, next?: string) => ({
  Identifier: id,
  Type: 'UpdateFlowLoggingBehavior',
  Parameters: { FlowLoggingBehavior: on ? 'Enabled' : 'Disabled' },
  Transitions: next ? { NextAction: next } : {},
});
const disconnect = (id: string) => ({ Identifier: id, Type: 'DisconnectParticipant' });

function start(
  b: ReturnType<typeof bench>,
  flow: ReturnType<typeof flowTarget>,
  more: { executors?: Record<string, BlockExecutor>; maxSteps?: number } = {},
) {
  const log = new MemoryFlowLogSink();
  const records = new MemoryContactRecordSink();
  const run = runContact({
    contact: newContact(),
    flow,
    ports: b.ports,
    log,
    records,
    instanceArn: b.instance.arn,
    ...more,
  });
  return { run, log, records };
}

describe('the contact runner', () => {
  it('answers the call, runs the flow to its disconnect, hangs up and writes the contact record', async () => {
    const b = bench();
    const flow = flowTarget(b.instance, 'Main', [
      setAttr('set', { greeted: 'yes' }, 'bye'),
      disconnect('bye'),
    ]);
    const { run, records } = start(b, flow);
    const result = await run.done;
    expect(b.call.answered).toBe(true);
    expect(result.end).toEqual({ kind: 'disconnected', by: 'flow', at: 'bye' });
    expect(result.path.map((p) => p.identifier)).toEqual(['set', 'bye']);
    expect(b.call.hungUpByRuntime).toBe(true);
    const record = await run.closed;
    expect(records.records).toEqual([record]);
    expect(record).toMatchObject({
      ContactId: result.contactId,
      Attributes: { greeted: 'yes' },
      DisconnectReason: 'CONTACT_FLOW_DISCONNECT',
      InstanceARN: b.instance.arn,
      CustomerEndpoint: { Address: '+15550001111', Type: 'TELEPHONE_NUMBER' },
    });
    expect(b.transcript).toContainEqual({ kind: 'disconnect', identifier: 'bye', by: 'flow' });
  });

  it('disconnects a flow whose branch leads nowhere, as Connect ends a flow without a transfer', async () => {
    const b = bench();
    const flow = flowTarget(b.instance, 'Dangling', [setAttr('only', { a: '1' })]);
    const result = await start(b, flow).run.done;
    expect(result.end).toEqual({ kind: 'disconnected', by: 'flow', at: 'only' });
    expect(result.flowEnd?.reason).toBe('noTransition');
    expect(b.call.hungUpByRuntime).toBe(true);
  });

  it('writes flow-log entries only while logging is on, with the flow ARN and legacy block names', async () => {
    const b = bench();
    const flow = flowTarget(b.instance, 'Logged', [
      setAttr('before', { a: '1' }, 'on'),
      logging('on', true, 'during'),
      setAttr('during', { b: '2' }, 'off'),
      logging('off', false, 'after'),
      setAttr('after', { c: '3' }, 'bye'),
      disconnect('bye'),
    ]);
    const { run, log } = start(b, flow);
    await run.closed;
    expect(log.entries.map((e) => e.Identifier)).toEqual(['on', 'during', 'off']);
    expect(log.entries[1]).toMatchObject({
      ContactFlowId: flow.arn,
      ContactFlowName: 'Logged',
      ContactFlowModuleType: 'SetAttributes',
      Parameters: { Key: 'b', Value: '2' },
    });
  });

  it('continues the same contact in the flow TransferToFlow names, logging and attributes carried, flow attributes not', async () => {
    const b = bench();
    const second = flowTarget(b.instance, 'Second', [
      setAttr('copy', { seen: 'local=$.FlowAttributes.local', kept: '$.Attributes.first' }, 'bye'),
      disconnect('bye'),
    ]);
    const first = flowTarget(b.instance, 'First', [
      logging('log', true, 'flowattr'),
      {
        Identifier: 'flowattr',
        Type: 'UpdateFlowAttributes',
        Parameters: { FlowAttributes: { local: { Value: 'x' } } },
        Transitions: { NextAction: 'attr' },
      },
      setAttr('attr', { first: 'one' }, 'go'),
      { Identifier: 'go', Type: 'TransferToFlow', Parameters: { ContactFlowId: second.arn } },
    ]);
    const { run, log } = start(b, first, { executors: { TransferToFlow: transferTo } });
    const result = await run.done;
    expect(result.flows).toEqual(['First', 'Second']);
    expect(result.path.map((p) => `${p.flow}:${p.identifier}`)).toEqual([
      'First:log',
      'First:flowattr',
      'First:attr',
      'First:go',
      'Second:copy',
      'Second:bye',
    ]);
    // A flow attribute of the first flow reads as nothing in the second.
    expect(result.contact.Attributes).toEqual({ first: 'one', seen: 'local=', kept: 'one' });
    await run.closed;
    // Logging carried over; Set contact attributes logs one entry per attribute.
    expect(log.entries.filter((e) => e.ContactFlowName === 'Second').map((e) => e.Identifier)).toEqual([
      'copy',
      'copy',
      'bye',
    ]);
    expect(b.transcript).toContainEqual({ kind: 'transfer', identifier: 'go', to: 'Second', target: 'flow' });
  });

  it('runs an invoked module and resumes the calling flow on its return branch, without sharing flow-local data', async () => {
    const b = bench();
    const module = flowTarget(
      b.instance,
      'Auth',
      [
        setAttr('mark', { authenticated: 'true', sawExternal: 'tier=$.External.tier' }, 'return'),
        setAttr('unused', {}),
        { Identifier: 'return', Type: 'EndFlowModuleExecution' },
      ],
      { type: 'MODULE' },
    );
    const main = flowTarget(b.instance, 'Main', [
      { Identifier: 'lookup', Type: 'InvokeLambdaFunction', Transitions: { NextAction: 'invoke' } },
      {
        Identifier: 'invoke',
        Type: 'InvokeFlowModule',
        Parameters: { FlowModuleId: module.id },
        Transitions: {
          NextAction: 'bye',
          Conditions: [{ NextAction: 'ok', Condition: { Operator: 'Equals', Operands: ['Success'] } }],
        },
      },
      setAttr('ok', { after: '$.External.tier' }, 'bye'),
      disconnect('bye'),
    ]);
    const { run, log } = start(b, main, { executors: { InvokeLambdaFunction: lookup } });
    const result = await run.done;
    expect(result.path.map((p) => `${p.flow}:${p.identifier}`)).toEqual([
      'Main:lookup',
      'Main:invoke',
      'Auth:mark',
      'Auth:return',
      'Main:ok',
      'Main:bye',
    ]);
    // Inside the module $.External reads as nothing; back in the caller it is there again.
    expect(result.contact.Attributes).toEqual({ authenticated: 'true', sawExternal: 'tier=', after: 'gold' });
    expect(result.contact.moduleResult?.branch).toBe('Success');
    expect(b.transcript).toContainEqual({
      kind: 'transfer',
      identifier: 'invoke',
      to: 'Auth',
      target: 'module',
    });
    await run.closed;
    expect(log.entries).toEqual([]);
  });

  it('takes the error branch of InvokeFlowModule for a module the instance does not have', async () => {
    const b = bench();
    const main = flowTarget(b.instance, 'Main', [
      {
        Identifier: 'invoke',
        Type: 'InvokeFlowModule',
        Parameters: { FlowModuleId: 'nope' },
        Transitions: { NextAction: 'bye', Errors: [{ NextAction: 'failed', ErrorType: 'NoMatchingError' }] },
      },
      setAttr('failed', { failed: 'yes' }, 'bye'),
      disconnect('bye'),
    ]);
    const result = await start(b, main).run.done;
    expect(result.path.map((p) => p.identifier)).toEqual(['invoke', 'failed', 'bye']);
  });

  it('hands a queued contact to routing, leaves the call up, and writes the record when the caller leaves', async () => {
    const instance = new Instance();
    instance.addQueue({ id: 'q-billing', name: 'Billing' });
    const b = bench(instance);
    const flow = flowTarget(instance, 'Queue', [
      {
        Identifier: 'set',
        Type: 'UpdateContactTargetQueue',
        Parameters: { QueueId: 'q-billing' },
        Transitions: { NextAction: 'queue' },
      },
      { Identifier: 'queue', Type: 'TransferContactToQueue' },
    ]);
    const { run } = start(b, flow, { executors: { TransferContactToQueue: queueIt } });
    const result = await run.done;
    expect(result.end).toEqual({ kind: 'queued', queue: 'Billing', toAgent: false, at: 'queue' });
    expect(b.call.ended).toBeUndefined();
    expect(b.routing.find(result.contactId)?.queueName).toBe('Billing');
    await b.clock.advance(30_000);
    b.call.callerHangsUp();
    const record = await run.closed;
    expect(record.Queue).toMatchObject({
      Name: 'Billing',
      Duration: 30,
      ARN: instance.arnOf('queue', 'q-billing'),
    });
    expect(record.DisconnectReason).toBe('CUSTOMER_DISCONNECT');
    expect(b.transcript).toContainEqual({
      kind: 'transfer',
      identifier: 'queue',
      to: 'Billing',
      target: 'queue',
    });
  });

  it('stops the running block when the caller hangs up and ends the contact as theirs', async () => {
    const b = bench();
    const flow = flowTarget(b.instance, 'Slow', [
      { Identifier: 'prompt', Type: 'MessageParticipant', Transitions: { NextAction: 'after' } },
      setAttr('after', { reached: 'yes' }, 'bye'),
      disconnect('bye'),
    ]);
    const { run } = start(b, flow, { executors: { MessageParticipant: slow(10_000) } });
    await b.clock.advance(2_000);
    expect(run.snapshot()?.frames).toHaveLength(1);
    b.call.callerHangsUp();
    const result = await run.done;
    expect(result.end).toEqual({ kind: 'disconnected', by: 'caller', at: 'prompt' });
    expect(result.path).toEqual([]);
    await b.clock.advance(20_000);
    expect(run.contact.Attributes).toEqual({});
    expect((await run.closed).DisconnectReason).toBe('CUSTOMER_DISCONNECT');
    expect(run.snapshot()).toBeUndefined();
  });

  it('keeps the running flow actor’s persisted snapshot reachable, with the contact in it', async () => {
    const b = bench();
    const flow = flowTarget(b.instance, 'Slow', [
      setAttr('set', { a: '1' }, 'prompt'),
      { Identifier: 'prompt', Type: 'MessageParticipant', Transitions: { NextAction: 'bye' } },
      disconnect('bye'),
    ]);
    const { run } = start(b, flow, { executors: { MessageParticipant: slow(5_000) } });
    await b.clock.advance(100);
    const snapshot = run.snapshot();
    expect(snapshot?.frames[0]?.flowArn).toBe(flow.arn);
    const persisted = JSON.parse(JSON.stringify(snapshot?.frames[0]?.snapshot)) as {
      context: { contact: { Attributes: Record<string, string> }; path: string[] };
    };
    expect(persisted.context.contact.Attributes).toEqual({ a: '1' });
    expect(persisted.context.path).toEqual(['set', 'prompt']);
    await during(b.clock, run.done);
  });

  it('ends a flow whose executor throws as a runtime fault and disconnects', async () => {
    const b = bench();
    const flow = flowTarget(b.instance, 'Broken', [
      { Identifier: 'boom', Type: 'MessageParticipant', Transitions: { NextAction: 'bye' } },
      disconnect('bye'),
    ]);
    const { run } = start(b, flow, {
      executors: {
        MessageParticipant: async () => {
          throw new Error('kaput');
        },
      },
    });
    const result = await run.done;
    expect(result.end).toMatchObject({
      kind: 'fault',
      problem: { code: 'ENGINE_EXECUTOR_FAILED', at: 'boom' },
    });
    expect(b.call.hungUpByRuntime).toBe(true);
  });

  it('stops a contact that transfers between flows forever without waiting', async () => {
    const b = bench();
    const a = flowTarget(b.instance, 'A', [
      { Identifier: 'toB', Type: 'TransferToFlow', Parameters: { ContactFlowId: 'B' } },
    ]);
    flowTarget(b.instance, 'B', [
      { Identifier: 'toA', Type: 'TransferToFlow', Parameters: { ContactFlowId: a.id } },
    ]);
    const { run } = start(b, a, { executors: { TransferToFlow: transferTo }, maxSteps: 50 });
    const result = await run.done;
    expect(result.end).toMatchObject({ kind: 'fault', problem: { code: 'CONTACT_STEP_LIMIT' } });
    expect(result.steps).toBe(50);
    expect(b.call.hungUpByRuntime).toBe(true);
  });

  it('ends the contact at once when the caller hung up before it was answered', async () => {
    const b = bench();
    b.call.callerHangsUp();
    const flow = flowTarget(b.instance, 'Main', [disconnect('bye')]);
    const result = await start(b, flow).run.done;
    expect(result.end).toEqual({ kind: 'disconnected', by: 'caller' });
    expect(result.path).toEqual([]);
  });
});
