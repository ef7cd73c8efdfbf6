import { describe, expect, it } from 'vitest';
import type { QueueMetrics } from '../../src/executors/types.js';
import { BILLING, contact, FakeRouting, flowArn, moduleArn, runBlock, SALES, world } from './support.js';

describe('EndFlowExecution', () => {
  it('ends the flow and leaves the call to what follows', async () => {
    const w = world();
    const step = await runBlock(w, { Type: 'EndFlowExecution' });
    expect(step.outcome).toEqual({ kind: 'end', reason: 'endFlow' });
    expect(w.call.hangups).toEqual([]);
    expect(w.call.ended).toBeUndefined();
  });
});

describe('Wait', () => {
  it('completes with WaitCompleted once the time has passed on the clock', async () => {
    const w = world();
    const started = w.clock.now();
    const step = await runBlock(
      w,
      { Type: 'Wait', Parameters: { TimeLimitSeconds: '30' } },
      { stepMs: 1000 },
    );
    expect(step.outcome).toEqual({ kind: 'condition', value: 'WaitCompleted' });
    expect(w.clock.now() - started).toBe(30_000);
  });

  it('reads the documented TimeoutSeconds and a JSONPath to the time too', async () => {
    const w = world();
    const documented = await runBlock(w, { Type: 'Wait', Parameters: { TimeoutSeconds: 5 } });
    expect(documented.outcome).toEqual({ kind: 'condition', value: 'WaitCompleted' });
    const c = contact({ Attributes: { pause: '2' } });
    const dynamic = await runBlock(
      w,
      { Type: 'Wait', Parameters: { TimeLimitSeconds: '$.Attributes.pause' } },
      { contact: c },
    );
    expect(dynamic.outcome).toEqual({ kind: 'condition', value: 'WaitCompleted' });
    expect(dynamic.log?.parameters).toEqual({ TimeLimitSeconds: '2' });
  });

  it('ends the contact when the caller hangs up while it waits', async () => {
    const w = world();
    const running = runBlock(w, {
      Type: 'Wait',
      Parameters: { TimeLimitSeconds: '900', Events: ['CustomerReturned'] },
    });
    await w.clock.advance(60_000);
    w.call.callerHangsUp();
    expect((await running).outcome).toEqual({ kind: 'end', reason: 'disconnect' });
  });

  it('takes ParticipantNotFound when told to wait for a bot participant there is not', async () => {
    const w = world();
    const step = await runBlock(w, {
      Type: 'Wait',
      Parameters: { TimeLimitSeconds: '60', Events: ['BotParticipantDisconnected'] },
    });
    expect(step.outcome).toEqual({ kind: 'error', errorType: 'ParticipantNotFound' });
  });

  it('takes the error branch for a time it cannot use', async () => {
    const w = world();
    for (const p of [
      {},
      { TimeLimitSeconds: '0' },
      { TimeLimitSeconds: '604801' },
      { TimeLimitSeconds: 'soon' },
    ]) {
      const step = await runBlock(w, { Type: 'Wait', Parameters: p });
      expect(step.outcome).toEqual({ kind: 'error', errorType: 'NoMatchingError' });
      expect(step.log?.results).toMatch(/^ENGINE_PARAMETER_INVALID: TimeLimitSeconds/);
    }
  });
});

describe('TransferToFlow', () => {
  it('ends the flow with the target flow ARN, by ID or JSONPath, and drops the flow attributes', async () => {
    const w = world();
    const c = contact({ FlowAttributes: { step: 'menu' }, Attributes: { next: 'f-billing' } });
    const step = await runBlock(
      w,
      { Type: 'TransferToFlow', Parameters: { ContactFlowId: '$.Attributes.next' } },
      { contact: c },
    );
    expect(step.outcome).toEqual({ kind: 'end', reason: 'transferToFlow', target: flowArn('f-billing') });
    expect(step.contactPatch).toEqual({ FlowAttributes: {} });
    expect(step.log).toEqual({
      parameters: { ContactFlowId: flowArn('f-billing') },
      results: flowArn('f-billing'),
    });
    expect(w.transcript).toEqual([
      { kind: 'transfer', identifier: 'block', to: 'Billing IVR', target: 'flow' },
    ]);
  });

  it('takes the error branch for a flow the instance does not have, or a module', async () => {
    const w = world();
    const missing = await runBlock(w, {
      Type: 'TransferToFlow',
      Parameters: { ContactFlowId: flowArn('nope') },
    });
    expect(missing.outcome).toEqual({ kind: 'error', errorType: 'NoMatchingError' });
    expect(missing.log?.results).toMatch(/^ENGINE_RESOURCE_NOT_FOUND: no flow /);
    const module = await runBlock(w, {
      Type: 'TransferToFlow',
      Parameters: { ContactFlowId: moduleArn('m-auth') },
    });
    expect(module.outcome).toEqual({ kind: 'error', errorType: 'NoMatchingError' });
    expect(module.log?.results).toBe(
      'ENGINE_PARAMETER_INVALID: Authenticate caller is a module: invoke it with InvokeFlowModule',
    );
  });
});

describe('InvokeFlowModule and EndFlowModuleExecution', () => {
  it('hands the contact to the module by its ARN, clearing any earlier module result', async () => {
    const w = world();
    const c = contact({ moduleResult: { branch: 'Error', output: {} } });
    const step = await runBlock(
      w,
      { Type: 'InvokeFlowModule', Parameters: { FlowModuleId: 'm-auth' } },
      { contact: c },
    );
    expect(step.outcome).toEqual({ kind: 'end', reason: 'transferToFlow', target: moduleArn('m-auth') });
    expect(step.contactPatch).toEqual({ FlowAttributes: {}, moduleResult: undefined });
    expect(w.transcript).toEqual([
      { kind: 'transfer', identifier: 'block', to: 'Authenticate caller', target: 'module' },
    ]);
    const notModule = await runBlock(w, {
      Type: 'InvokeFlowModule',
      Parameters: { FlowModuleId: 'f-billing' },
    });
    expect(notModule.outcome).toEqual({ kind: 'error', errorType: 'NoMatchingError' });
  });

  it('returns from a module through Success unless the Return names its branch and data', async () => {
    const w = world();
    const plain = await runBlock(w, { Type: 'EndFlowModuleExecution' });
    expect(plain.outcome).toEqual({ kind: 'end', reason: 'endModule' });
    expect(plain.contactPatch).toEqual({ moduleResult: { branch: 'Success', output: {} } });
    expect(plain.log?.results).toBe('Success');
    const c = contact({ Attributes: { score: '7' } });
    const named = await runBlock(
      w,
      {
        Type: 'EndFlowModuleExecution',
        Parameters: { Result: 'Error', ResultData: { score: '$.Attributes.score' } },
      },
      { contact: c },
    );
    expect(named.contactPatch).toEqual({ moduleResult: { branch: 'Error', output: { score: '7' } } });
  });
});

describe('UpdateRoutingCriteria', () => {
  const steps = [
    {
      Expression: {
        AttributeCondition: {
          Name: 'Language',
          Value: '$.Attributes.language',
          ProficiencyLevel: '4.0',
          ComparisonOperator: 'NumberGreaterOrEqualTo',
        },
      },
      Expiry: { DurationInSeconds: '30' },
    },
  ];

  it('keeps the resolved steps as the contact routing criteria', async () => {
    const w = world();
    const c = contact({ Attributes: { language: 'Spanish' } });
    const step = await runBlock(
      w,
      { Type: 'UpdateRoutingCriteria', Parameters: { RoutingCriteria: { Steps: steps } } },
      { contact: c },
    );
    expect(step.outcome).toEqual({ kind: 'next' });
    expect(step.contactPatch?.routing?.priority).toBe(5);
    expect(step.contactPatch?.routing?.criteria).toMatchObject({
      Steps: [{ Expression: { AttributeCondition: { Name: 'Language', Value: 'Spanish' } } }],
    });
  });

  it('reads steps from a JSONPath to their JSON, and refuses anything that is not a list of steps', async () => {
    const w = world();
    const c = contact({ Attributes: { steps: JSON.stringify(steps) } });
    const dynamic = await runBlock(
      w,
      { Type: 'UpdateRoutingCriteria', Parameters: { RoutingCriteria: { Steps: '$.Attributes.steps' } } },
      { contact: c },
    );
    expect(dynamic.contactPatch?.routing?.criteria).toMatchObject({
      Steps: [{ Expiry: { DurationInSeconds: '30' } }],
    });
    for (const criteria of [{ Steps: [] }, { Steps: 'not json' }, 'x']) {
      const step = await runBlock(w, {
        Type: 'UpdateRoutingCriteria',
        Parameters: { RoutingCriteria: criteria },
      });
      expect(step.outcome).toEqual({ kind: 'error', errorType: 'NoMatchingError' });
    }
  });
});

const metrics = (over: Partial<QueueMetrics['agents']> = {}, size = 3): QueueMetrics => ({
  queue: { arn: SALES.arn, name: 'Sales' },
  size,
  oldestContactAgeSeconds: size ? 125 : null,
  agents: {
    online: 4,
    available: 0,
    staffed: 3,
    afterContactWork: 1,
    busy: 2,
    missed: 0,
    nonProductive: 1,
    ...over,
  },
});

describe('CheckMetricData and GetMetricData', () => {
  it('compare the metric of the working queue, a named queue or an agent queue', async () => {
    const routing = new FakeRouting({ metrics: true });
    routing.queueMetrics = { [SALES.arn]: metrics(), [BILLING.arn]: metrics({ available: 2 }, 0) };
    const w = world({ routing });
    const c = contact({ targetQueue: { id: SALES.id, arn: SALES.arn, name: SALES.name } });
    const staffed = await runBlock(
      w,
      { Type: 'CheckMetricData', Parameters: { MetricType: 'NumberOfAgentsStaffed' } },
      { contact: c },
    );
    expect(staffed.outcome).toEqual({ kind: 'condition', value: 3 });
    expect(staffed.log?.results).toBe('3');
    const available = await runBlock(w, {
      Type: 'CheckMetricData',
      Parameters: { MetricType: 'NumberOfAgentsAvailable', QueueId: 'q-billing' },
    });
    expect(available.outcome).toEqual({ kind: 'condition', value: 2 });
    const oldest = await runBlock(w, {
      Type: 'CheckMetricData',
      Parameters: { MetricType: 'OldestContactInQueueAgeSeconds', QueueId: BILLING.arn },
    });
    // An empty queue has no oldest contact: no number condition holds.
    expect(oldest.outcome).toEqual({ kind: 'condition', value: undefined });
    const agent = await runBlock(w, {
      Type: 'CheckMetricData',
      Parameters: { MetricType: 'NumberOfContactsInQueue', AgentId: 'alice' },
    });
    expect(agent.outcome).toEqual({ kind: 'error', errorType: 'NoMatchingError' });
    expect(agent.log?.results).toMatch(/^ENGINE_RESOURCE_NOT_FOUND: routing has no metrics for alice/);
  });

  it('load the metrics into $.Metrics, as Connect names them', async () => {
    const routing = new FakeRouting({ metrics: true });
    routing.queueMetrics = { [SALES.arn]: metrics() };
    const w = world({ routing });
    const step = await runBlock(w, {
      Type: 'GetMetricData',
      Parameters: { QueueId: 'q-sales', QueueChannel: 'Voice' },
    });
    expect(step.outcome).toEqual({ kind: 'next' });
    expect(step.contactPatch?.Metrics).toEqual({
      Queue: { Name: 'Sales', ARN: SALES.arn, Size: 3, OldestContactAge: 125 },
      Agents: {
        Online: { Count: 4 },
        Available: { Count: 0 },
        Staffed: { Count: 3 },
        AfterContactWork: { Count: 1 },
        Busy: { Count: 2 },
        Missed: { Count: 0 },
        NonProductive: { Count: 1 },
      },
    });
  });

  it('take the error branch, saying why, without metrics, a queue, or a known metric', async () => {
    const w = world();
    const c = contact({ targetQueue: { id: SALES.id, arn: SALES.arn, name: SALES.name } });
    const none = await runBlock(w, { Type: 'GetMetricData' }, { contact: c });
    expect(none.outcome).toEqual({ kind: 'error', errorType: 'NoMatchingError' });
    expect(none.log?.results).toBe(
      'ENGINE_NO_EXECUTOR: Parley has no real-time queue metrics yet (they come with the routing engine): the block takes its error branch',
    );
    const noQueue = await runBlock(w, {
      Type: 'CheckMetricData',
      Parameters: { MetricType: 'NumberOfAgentsOnline' },
    });
    expect(noQueue.log?.results).toBe(
      'ENGINE_PARAMETER_INVALID: no QueueId or AgentId, and the contact has no working queue',
    );
    const unknown = await runBlock(
      w,
      { Type: 'CheckMetricData', Parameters: { MetricType: 'Mood' } },
      { contact: c },
    );
    expect(unknown.log?.results).toBe('ENGINE_PARAMETER_INVALID: MetricType "Mood"');
    const channel = await runBlock(
      w,
      { Type: 'GetMetricData', Parameters: { QueueChannel: 'Fax' } },
      { contact: c },
    );
    expect(channel.outcome).toEqual({ kind: 'error', errorType: 'NoMatchingError' });
  });
});
