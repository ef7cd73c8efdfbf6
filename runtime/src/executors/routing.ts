/**
 * Blocks that hand the contact to routing: queue and agent transfers end the flow as Connect's do
 * once routing has the contact; callbacks are queued through routing too. The routing engine behind
 * the port is a later issue: what it refuses comes back as the block's error type.
 */
import type { ExecutorInput, QueueInfo, TargetQueue } from '@parley/flow';
import {
  coded,
  end,
  fail,
  hungUp,
  isObject,
  next,
  paramsOf,
  type Read,
  readInt,
  readStatic,
} from './common.js';
import type { BlockExecutor, RuntimePorts } from './types.js';

const targetQueue = (q: QueueInfo): TargetQueue => ({
  id: q.id,
  arn: q.arn,
  name: q.name,
  ...(q.outboundCallerId ? { outboundCallerId: q.outboundCallerId } : {}),
  ...(q.hoursOfOperationId !== undefined ? { hoursOfOperationId: q.hoursOfOperationId } : {}),
  ...(q.agentId !== undefined ? { agentId: q.agentId } : {}),
});

/** QueueId, or AgentId for the agent's personal queue (one of them, each static or one JSONPath). */
function queueOrAgent(input: ExecutorInput, ports: RuntimePorts): Read<QueueInfo> | undefined {
  const p = paramsOf(input);
  if (p.QueueId === undefined && p.AgentId === undefined) return undefined;
  const byAgent = p.QueueId === undefined;
  const ref = readStatic(byAgent ? p.AgentId : p.QueueId, input, byAgent ? 'AgentId' : 'QueueId');
  if (!ref.ok) return ref;
  const id = ref.value.trim();
  const q = byAgent ? ports.env.agentQueue(id) : ports.env.queue(id);
  if (!q)
    return {
      ok: false,
      results: coded('ENGINE_RESOURCE_NOT_FOUND', `no ${byAgent ? 'agent' : 'queue'} ${id} in this instance`),
    };
  return { ok: true, value: q };
}

/**
 * Transfer to queue: the working queue takes the contact and this flow stops; the queue's customer
 * queue flow runs next. A queue at capacity (or any refusal) is the error branch, the contact
 * staying where it was.
 */
export const transferContactToQueue: BlockExecutor = async (input, ports) => {
  if (input.contact.Channel === 'VOICE' && ports.call.ended) return hungUp(input);
  const queue = input.contact.targetQueue;
  if (!queue)
    return fail(
      input,
      'NoMatchingError',
      coded('ENGINE_PARAMETER_INVALID', 'the contact has no working queue (Set working queue first)'),
    );
  const queued = await ports.routing.enqueue(input.contact, queue.arn);
  if (!queued.ok) return fail(input, queued.errorType, queued.reason);
  ports.transcript({ kind: 'transfer', identifier: input.action.id, to: queue.name, target: 'queue' });
  return end(input, 'transferToQueue', queue.arn, { results: queue.arn });
};

/**
 * Transfer to queue inside a customer queue flow: the queued contact moves to another queue (a new
 * contact segment, for routing to create) and this queue flow stops.
 */
export const dequeueContactAndTransferToQueue: BlockExecutor = async (input, ports) => {
  if (input.contact.Channel === 'VOICE' && ports.call.ended) return hungUp(input);
  const found = queueOrAgent(input, ports);
  if (!found)
    return fail(input, 'NoMatchingError', coded('ENGINE_PARAMETER_INVALID', 'needs QueueId or AgentId'));
  if (!found.ok) return fail(input, 'NoMatchingError', found.results);
  const queue = targetQueue(found.value);
  const moved = { ...input.contact, targetQueue: queue };
  const queued = await ports.routing.enqueue(moved, queue.arn);
  if (!queued.ok) return fail(input, queued.errorType, queued.reason);
  ports.transcript({ kind: 'transfer', identifier: input.action.id, to: queue.name, target: 'queue' });
  return end(input, 'transferToQueue', queue.arn, { patch: { targetQueue: queue }, results: queue.arn });
};

/**
 * Transfer to agent (agent transfer flows): the working queue is the agent's own, set by the quick
 * connect. Connect disconnects a contact whose agent cannot take it; there is no error branch.
 */
export const transferContactToAgent: BlockExecutor = async (input, ports) => {
  if (input.contact.Channel === 'VOICE' && ports.call.ended) return hungUp(input);
  const queue = input.contact.targetQueue;
  const refused = async (reason: string) => {
    if (!ports.call.ended) {
      ports.transcript({ kind: 'disconnect', identifier: input.action.id, by: 'flow' });
      await ports.call.hangup('normal');
    }
    return end(input, 'disconnect', undefined, { results: reason });
  };
  if (!queue?.agentId)
    return refused('the contact has no agent to transfer to (its working queue is not an agent queue)');
  const queued = await ports.routing.enqueue(input.contact, queue.arn);
  if (!queued.ok) return refused(queued.reason);
  ports.transcript({ kind: 'transfer', identifier: input.action.id, to: queue.name, target: 'agent' });
  return end(input, 'transferToAgent', queue.arn, { results: queue.arn });
};

/**
 * Transfer to callback queue: routing queues a callback to the contact's callback number in the
 * given (else the working) queue. The flow goes on: it usually thanks the caller and hangs up.
 */
export const createCallbackContact: BlockExecutor = async (input, ports) => {
  const p = paramsOf(input);
  const found = queueOrAgent(input, ports);
  if (found && !found.ok) return fail(input, 'NoMatchingError', found.results);
  const queue = found?.value ?? input.contact.targetQueue;
  if (!queue)
    return fail(
      input,
      'NoMatchingError',
      coded('ENGINE_PARAMETER_INVALID', 'no QueueId or AgentId, and the contact has no working queue'),
    );
  const number = input.contact.callbackNumber;
  if (!number)
    return fail(
      input,
      'NoMatchingError',
      coded('ENGINE_VALUE_MISSING', 'the contact has no callback number'),
    );
  const delay = readInt(p.InitialCallDelaySeconds, input, 'InitialCallDelaySeconds', [1, 259200], 5);
  if (!delay.ok) return fail(input, 'NoMatchingError', delay.results);
  const attempts = readInt(
    p.MaximumConnectionAttempts,
    input,
    'MaximumConnectionAttempts',
    [0, 2147483647],
    1,
  );
  if (!attempts.ok) return fail(input, 'NoMatchingError', attempts.results);
  const retry = readInt(p.RetryDelaySeconds, input, 'RetryDelaySeconds', [1, 259200], 600);
  if (!retry.ok) return fail(input, 'NoMatchingError', retry.results);
  let flowArn: string | undefined;
  if (p.ContactFlowId !== undefined) {
    const ref = readStatic(p.ContactFlowId, input, 'ContactFlowId');
    if (!ref.ok) return fail(input, 'NoMatchingError', ref.results);
    const flow = ports.flow(ref.value.trim());
    if (!flow)
      return fail(
        input,
        'NoMatchingError',
        coded('ENGINE_RESOURCE_NOT_FOUND', `no flow ${ref.value} in this instance`),
      );
    flowArn = flow.arn;
  }
  const create = ports.routing.createCallback;
  if (!create)
    return fail(
      input,
      'NoMatchingError',
      coded(
        'ENGINE_NO_EXECUTOR',
        'Parley cannot queue callbacks yet (they come with the routing engine): the block takes its error branch',
      ),
    );
  const created = await create.call(ports.routing, input.contact, {
    queueArn: queue.arn,
    number,
    initialCallDelaySeconds: delay.value,
    maxConnectionAttempts: attempts.value,
    retryDelaySeconds: retry.value,
    ...(flowArn ? { flowArn } : {}),
  });
  if (!created.ok) return fail(input, created.errorType, created.reason);
  ports.transcript({
    kind: 'note',
    identifier: input.action.id,
    text: `callback to ${number} queued in ${queue.name}`,
  });
  return next(input, { results: created.contactId });
};

/**
 * Hold customer or agent: acts on the agent call of the contact this one was transferred from.
 * Parley has no agent call control yet, so there is never such a participant to hold.
 */
export const updatePreviousContactParticipantState: BlockExecutor = async (input) => {
  const state = paramsOf(input).PreviousContactParticipantState;
  if (state !== 'AgentOnHold' && state !== 'CustomerOnHold' && state !== 'OffHold')
    return fail(
      input,
      'NoMatchingError',
      coded('ENGINE_PARAMETER_INVALID', `PreviousContactParticipantState "${String(state)}"`),
    );
  const why = input.contact.PreviousContactId
    ? 'Parley has no agent call control yet (a later issue), so the previous contact has no participant to hold'
    : 'the contact has no previous contact whose participants could be held';
  return fail(input, 'NoMatchingError', coded('ENGINE_NO_EXECUTOR', why));
};

/**
 * Call phone number (outbound whisper): places the agent's outbound call, with the block's caller
 * ID when set, through the contact center. A call already connected (no outbound call in the
 * making) has nothing left to dial; a voice connector is a service Parley does not provide.
 */
export const completeOutboundCall: BlockExecutor = async (input, ports) => {
  const p = paramsOf(input);
  if (isObject(p.VoiceConnector))
    return fail(
      input,
      'NoMatchingError',
      coded('ENGINE_NO_EXECUTOR', 'Parley does not provide Amazon Chime SDK voice connectors'),
    );
  const place = ports.routing.completeOutboundCall;
  if (!place) {
    if (ports.call.ended) return hungUp(input);
    return next(input, { results: 'the call is already connected: nothing to dial' });
  }
  const number = isObject(p.CallerId) ? p.CallerId.Number : undefined;
  const callerId = number === undefined ? undefined : readStatic(number, input, 'CallerId.Number');
  if (callerId && !callerId.ok) return fail(input, 'NoMatchingError', callerId.results);
  const answered = await place(callerId?.value || undefined);
  if (!answered || ports.call.ended) return hungUp(input);
  return next(input, { results: callerId?.value ? `called from ${callerId.value}` : 'called' });
};
