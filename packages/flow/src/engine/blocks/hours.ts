/** CheckHoursOfOperation: True inside the hours, False outside (reference §3.4, §9.1). */
import { engineError } from '../errors.js';
import { isOpen } from '../hours.js';
import { type Decider, fail, parametersOf, readPathOrStatic } from './common.js';

/**
 * Uses the hours the action names, else the working queue's. An agent's queue has no hours and no
 * queue at all leaves nothing to check: both take the error branch, as Connect does.
 */
export const checkHoursOfOperation: Decider = (action, contact, env) => {
  const param = parametersOf(action).HoursOfOperationId;
  let id: string;
  if (param !== undefined && param !== '') {
    const r = readPathOrStatic(param, contact, 'HoursOfOperationId');
    if (!r.ok) return fail(r.error);
    id = r.value;
  } else {
    const queue = contact.targetQueue;
    if (!queue)
      return fail(engineError('ENGINE_RESOURCE_NOT_FOUND', 'no hours given and no working queue set'));
    if (queue.agentId !== undefined || queue.hoursOfOperationId === undefined)
      return fail(engineError('ENGINE_RESOURCE_NOT_FOUND', `queue ${queue.name} has no hours of operation`));
    id = queue.hoursOfOperationId;
  }
  const hours = env.hoursOfOperation(id);
  if (!hours) return fail(engineError('ENGINE_RESOURCE_NOT_FOUND', `no hours of operation ${id}`));
  const open = isOpen(hours, env.now());
  if (!open.ok) return fail(open.error);
  const value = open.open ? 'True' : 'False';
  return {
    outcome: { kind: 'condition', value },
    log: { results: value },
  };
};
