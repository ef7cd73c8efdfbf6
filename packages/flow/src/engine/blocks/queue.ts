/** Routing settings: the working queue, the callback number, routing priority and age. */
import type { TargetQueue } from '../contact.js';
import type { QueueInfo } from '../env.js';
import { engineError } from '../errors.js';
import { type Decider, fail, invalid, next, parametersOf, readInt, readPathOrStatic } from './common.js';

/** E.164: a plus, a country code that does not start with 0, at most 15 digits in all. */
export const E164 = /^\+[1-9]\d{1,14}$/;

/** Set working queue: QueueId, or AgentId for the agent's personal queue (reference §3.3). */
export const updateContactTargetQueue: Decider = (action, contact, env) => {
  const p = parametersOf(action);
  const byAgent = p.QueueId === undefined && p.AgentId !== undefined;
  const ref = readPathOrStatic(byAgent ? p.AgentId : p.QueueId, contact, byAgent ? 'AgentId' : 'QueueId');
  if (!ref.ok) return fail(ref.error);
  const found = byAgent ? env.agentQueue(ref.value) : env.queue(ref.value);
  if (!found)
    return fail(engineError('ENGINE_RESOURCE_NOT_FOUND', `no ${byAgent ? 'agent' : 'queue'} ${ref.value}`));
  // Logged as the ARN whatever form the flow used, as Connect's SetQueue entries show it.
  return next(
    { targetQueue: targetQueue(found) },
    { parameters: { [byAgent ? 'AgentId' : 'QueueId']: found.arn } },
  );
};

function targetQueue(q: QueueInfo): TargetQueue {
  const t: TargetQueue = { id: q.id, arn: q.arn, name: q.name };
  if (q.outboundCallerId) t.outboundCallerId = q.outboundCallerId;
  if (q.hoursOfOperationId !== undefined) t.hoursOfOperationId = q.hoursOfOperationId;
  if (q.agentId !== undefined) t.agentId = q.agentId;
  return t;
}

/**
 * Set callback number: the JSONPath (usually `$.StoredCustomerInput`) must hold an E.164 number the
 * instance can dial. A caller who typed nothing stored `Timeout`, which is not a number.
 */
export const updateContactCallbackNumber: Decider = (action, contact, env) => {
  const r = readPathOrStatic(parametersOf(action).CallbackNumber, contact, 'CallbackNumber');
  if (!r.ok) return fail(r.error, 'InvalidCallbackNumber');
  const number = r.value.trim();
  if (!E164.test(number)) return fail(invalid(`"${number}" is not an E.164 number`), 'InvalidCallbackNumber');
  if (env.isDialable && !env.isDialable(number))
    return fail(invalid(`${number} is not dialable from this instance`), 'CallbackNumberNotDialable');
  return next({ callbackNumber: number });
};

/** Change routing priority / age: one of QueuePriority (≥ 1) and QueueTimeAdjustmentSeconds. */
export const updateContactRoutingBehavior: Decider = (action, contact) => {
  const p = parametersOf(action);
  if (p.QueuePriority !== undefined) {
    const n = readInt(p.QueuePriority, contact, 'QueuePriority', [1, Number.MAX_SAFE_INTEGER]);
    if (!n.ok) return fail(n.error);
    return next({ routing: { ...contact.routing, priority: n.value } });
  }
  if (p.QueueTimeAdjustmentSeconds !== undefined) {
    const n = readInt(
      p.QueueTimeAdjustmentSeconds,
      contact,
      'QueueTimeAdjustmentSeconds',
      [-2147483648, 2147483647],
    );
    if (!n.ok) return fail(n.error);
    return next({ routing: { ...contact.routing, ageAdjustmentSeconds: n.value } });
  }
  return fail(invalid('needs QueuePriority or QueueTimeAdjustmentSeconds'));
};
