/**
 * Flow-control blocks the engine cannot decide alone: the clock-driven Wait, moving between flows
 * and modules (the runner does the switching), routing criteria, and queue metrics from routing.
 */
import {
  type ContactPatch,
  type ExecutorInput,
  enterFlow,
  type JsonMap,
  type JsonValue,
  type QueueInfo,
  resolveParameters,
} from '@parley/flow';
import {
  aborted,
  coded,
  condition,
  end,
  fail,
  hungUp,
  isObject,
  next,
  paramsOf,
  type Read,
  readInt,
  readStatic,
  readText,
  settle,
} from './common.js';
import { decideWith } from './participant.js';
import type { BlockExecutor, QueueMetrics, RuntimePorts } from './types.js';

/** End flow / Resume: what follows is the runner's (disconnect, stay queued, bridge after a whisper). */
export const endFlowExecution: BlockExecutor = async (input, ports) =>
  decideWith(input, ports, 'EndFlowExecution');

/** Seven days, the longest Wait Connect allows. */
const MAX_WAIT_SECONDS = 604800;

/**
 * Wait: `WaitCompleted` when the time runs out on the clock. A caller who hangs up ends the contact.
 * `CustomerReturned` is a chat event and never comes on a call; a bot participant that could leave
 * (`BotParticipantDisconnected`) does not exist in Parley, which is Connect's ParticipantNotFound.
 */
export const wait: BlockExecutor = async (input, ports) => {
  const p = paramsOf(input);
  // The action page names it TimeoutSeconds; every real export writes TimeLimitSeconds.
  const seconds = readInt(p.TimeLimitSeconds ?? p.TimeoutSeconds, input, 'TimeLimitSeconds', [
    1,
    MAX_WAIT_SECONDS,
  ]);
  if (!seconds.ok) return fail(input, 'NoMatchingError', seconds.results);
  const events = Array.isArray(p.Events) ? p.Events : [];
  if (events.includes('BotParticipantDisconnected'))
    return fail(input, 'ParticipantNotFound', 'the contact has no bot participant to wait for');
  if (input.contact.Channel === 'VOICE' && ports.call.ended) return hungUp(input);
  const waited = await settle(ports, undefined, seconds.value * 1000);
  if (waited.kind === 'aborted') return aborted(input);
  if (waited.kind === 'hungup') return hungUp(input);
  return condition(input, 'WaitCompleted', { results: 'WaitCompleted' });
};

/** A flow the contact can move to, by ID or ARN, written statically or as one JSONPath. */
function target(
  input: ExecutorInput,
  ports: RuntimePorts,
  value: unknown,
  name: string,
  module: boolean,
): Read<{ arn: string; name: string; type: string }> {
  const ref = readStatic(value, input, name);
  if (!ref.ok) return ref;
  const flow = ports.flow(ref.value.trim());
  if (!flow)
    return {
      ok: false,
      results: coded(
        'ENGINE_RESOURCE_NOT_FOUND',
        `no ${module ? 'flow module' : 'flow'} ${ref.value} in this instance`,
      ),
    };
  if ((flow.type === 'MODULE') !== module)
    return {
      ok: false,
      results: coded(
        'ENGINE_PARAMETER_INVALID',
        `${flow.name} is ${module ? 'a flow, not a module' : 'a module: invoke it with InvokeFlowModule'}`,
      ),
    };
  return { ok: true, value: flow };
}

/**
 * Transfer to flow: a jump, not a call. The flow ends here with the target's ARN and the runner
 * starts that flow on the contact (logging and attributes carry over, flow attributes do not).
 */
export const transferToFlow: BlockExecutor = async (input, ports) => {
  const flow = target(input, ports, paramsOf(input).ContactFlowId, 'ContactFlowId', false);
  if (!flow.ok) return fail(input, 'NoMatchingError', flow.results);
  ports.transcript({ kind: 'transfer', identifier: input.action.id, to: flow.value.name, target: 'flow' });
  const { FlowAttributes } = enterFlow(input.contact);
  return end(input, 'transferToFlow', flow.value.arn, {
    patch: { FlowAttributes },
    results: flow.value.arn,
    parameters: { ContactFlowId: flow.value.arn },
  });
};

/**
 * Invoke module: the flow stops here with the module's ARN (`transferToFlow`; the target's type,
 * MODULE, tells the runner it is a call). The module ends with EndFlowModuleExecution, which leaves
 * `moduleResult` on the contact; the runner resumes this action's Transitions with
 * `{ kind: 'condition', value: moduleResult.branch }`.
 */
export const invokeFlowModule: BlockExecutor = async (input, ports) => {
  const flow = target(input, ports, paramsOf(input).FlowModuleId, 'FlowModuleId', true);
  if (!flow.ok) return fail(input, 'NoMatchingError', flow.results);
  ports.transcript({ kind: 'transfer', identifier: input.action.id, to: flow.value.name, target: 'module' });
  const patch: ContactPatch = {
    FlowAttributes: enterFlow(input.contact).FlowAttributes,
    moduleResult: undefined,
  };
  return end(input, 'transferToFlow', flow.value.arn, {
    patch,
    results: flow.value.arn,
    parameters: { FlowModuleId: flow.value.arn },
  });
};

/**
 * Return: ends the module. Its return branch is `Result` when the designer wrote one (one of the
 * module's Settings.Transitions), else Success; `ResultData` is the module's output.
 */
export const endFlowModuleExecution: BlockExecutor = async (input, ports) => {
  const p = paramsOf(input);
  let branch = 'Success';
  if (p.Result !== undefined) {
    const r = readText(p.Result, input, 'Result');
    if (!r.ok) return fail(input, 'NoMatchingError', r.results);
    branch = r.value.trim() || branch;
  }
  const output = isObject(p.ResultData) ? (resolveParameters(p.ResultData, input.contact) as JsonMap) : {};
  const decided = decideWith(input, ports, 'EndFlowModuleExecution');
  return {
    ...decided,
    contactPatch: { moduleResult: { branch, output } },
    log: { ...decided.log, results: branch },
  };
};

/**
 * Set routing criteria: the steps, resolved, become the contact's routing criteria for the routing
 * engine. Steps may be one JSONPath to the steps (an array, or JSON text of one).
 */
export const updateRoutingCriteria: BlockExecutor = async (input) => {
  const criteria = paramsOf(input).RoutingCriteria;
  if (!isObject(criteria))
    return fail(
      input,
      'NoMatchingError',
      coded('ENGINE_PARAMETER_INVALID', 'RoutingCriteria must be an object'),
    );
  let steps: JsonValue | undefined;
  if (typeof criteria.Steps === 'string') {
    const r = readStatic(criteria.Steps, input, 'RoutingCriteria.Steps');
    if (!r.ok) return fail(input, 'NoMatchingError', r.results);
    try {
      steps = JSON.parse(r.value) as JsonValue;
    } catch {
      steps = undefined;
    }
  } else {
    steps = resolveParameters({ Steps: criteria.Steps }, input.contact).Steps;
  }
  if (!Array.isArray(steps) || steps.length === 0 || !steps.every(isObject))
    return fail(
      input,
      'NoMatchingError',
      coded('ENGINE_PARAMETER_INVALID', 'RoutingCriteria.Steps must be a list of routing steps'),
    );
  const resolved: JsonMap = { Steps: steps };
  return next(input, { patch: { routing: { ...input.contact.routing, criteria: resolved } } });
};

/** The queue a metrics block is about: QueueId, else AgentId's queue, else the working queue. */
function metricsQueue(input: ExecutorInput, ports: RuntimePorts): Read<{ arn: string; name: string }> {
  const p = paramsOf(input);
  if (p.QueueId !== undefined || p.AgentId !== undefined) {
    const byAgent = p.QueueId === undefined;
    const name = byAgent ? 'AgentId' : 'QueueId';
    const ref = readText(byAgent ? p.AgentId : p.QueueId, input, name);
    if (!ref.ok) return ref;
    const id = ref.value.trim();
    const q: QueueInfo | undefined = byAgent ? ports.env.agentQueue(id) : ports.env.queue(id);
    if (!q)
      return {
        ok: false,
        results: coded(
          'ENGINE_RESOURCE_NOT_FOUND',
          `no ${byAgent ? 'agent' : 'queue'} ${id} in this instance`,
        ),
      };
    return { ok: true, value: { arn: q.arn, name: q.name } };
  }
  const working = input.contact.targetQueue;
  if (!working)
    return {
      ok: false,
      results: coded(
        'ENGINE_PARAMETER_INVALID',
        'no QueueId or AgentId, and the contact has no working queue',
      ),
    };
  return { ok: true, value: { arn: working.arn, name: working.name } };
}

async function loadMetrics(
  input: ExecutorInput,
  ports: RuntimePorts,
  channel: 'VOICE' | 'CHAT' | undefined,
): Promise<Read<QueueMetrics>> {
  const queue = metricsQueue(input, ports);
  if (!queue.ok) return queue;
  const metrics = ports.routing.metrics;
  if (!metrics)
    return {
      ok: false,
      results: coded(
        'ENGINE_NO_EXECUTOR',
        'Parley has no real-time queue metrics yet (they come with the routing engine): the block takes its error branch',
      ),
    };
  const m = await metrics.call(ports.routing, queue.value.arn, channel);
  if (!m)
    return {
      ok: false,
      results: coded('ENGINE_RESOURCE_NOT_FOUND', `routing has no metrics for ${queue.value.name}`),
    };
  return { ok: true, value: m };
}

/** Check staffing / queue status: the metric is the result the conditions compare. */
export const checkMetricData: BlockExecutor = async (input, ports) => {
  const type = paramsOf(input).MetricType;
  const pick = typeof type === 'string' ? METRIC[type] : undefined;
  if (!pick)
    return fail(input, 'NoMatchingError', coded('ENGINE_PARAMETER_INVALID', `MetricType "${String(type)}"`));
  const m = await loadMetrics(input, ports, undefined);
  if (!m.ok) return fail(input, 'NoMatchingError', m.results);
  const value = pick(m.value);
  // No contact waiting has no age: nothing a number condition can hold for.
  return condition(input, value ?? undefined, { results: value === null ? '' : String(value) });
};

const METRIC: Readonly<Record<string, (m: QueueMetrics) => number | null>> = {
  NumberOfAgentsAvailable: (m) => m.agents.available,
  NumberOfAgentsStaffed: (m) => m.agents.staffed,
  NumberOfAgentsOnline: (m) => m.agents.online,
  OldestContactInQueueAgeSeconds: (m) => m.oldestContactAgeSeconds,
  NumberOfContactsInQueue: (m) => m.size,
};

/** Get queue metrics: `$.Metrics.Queue.*` and `$.Metrics.Agents.*` (reference §9.2). */
export const getMetricData: BlockExecutor = async (input, ports) => {
  const p = paramsOf(input);
  let channel: 'VOICE' | 'CHAT' | undefined;
  if (p.QueueChannel !== undefined) {
    const c = readText(p.QueueChannel, input, 'QueueChannel');
    if (!c.ok) return fail(input, 'NoMatchingError', c.results);
    const upper = c.value.trim().toUpperCase();
    if (upper !== 'VOICE' && upper !== 'CHAT')
      return fail(input, 'NoMatchingError', coded('ENGINE_PARAMETER_INVALID', `QueueChannel "${c.value}"`));
    channel = upper;
  }
  const m = await loadMetrics(input, ports, channel);
  if (!m.ok) return fail(input, 'NoMatchingError', m.results);
  return next(input, { patch: { Metrics: metricsData(m.value) } });
};

const count = (n: number): JsonMap => ({ Count: n });

function metricsData(m: QueueMetrics): JsonMap {
  return {
    Queue: {
      Name: m.queue.name,
      ARN: m.queue.arn,
      Size: m.size,
      OldestContactAge: m.oldestContactAgeSeconds,
    },
    Agents: {
      Online: count(m.agents.online),
      Available: count(m.agents.available),
      Staffed: count(m.agents.staffed),
      AfterContactWork: count(m.agents.afterContactWork),
      Busy: count(m.agents.busy),
      Missed: count(m.agents.missed),
      NonProductive: count(m.agents.nonProductive),
    },
  };
}
