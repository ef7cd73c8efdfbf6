import { textOf } from '../../model/text.js';
import type { ActionBuilder } from '../builder.js';
import type { LegacyRule, LegacyRuleSet, ParamRule } from '../rule.js';
import { legacyBoolean } from '../values.js';

const QUEUE_NAMES = ['queue.text'];
const FLOW_NAMES = ['ContactFlow.text', 'contactFlow.text'];

/** A queue (or an agent's personal queue) chosen in the block: QueueId / AgentId with its display name. */
export const QUEUE_PARAMS: Readonly<Record<string, ParamRule>> = {
  Queue: { to: 'QueueId', names: QUEUE_NAMES, resource: true },
  Agent: { to: 'AgentId', names: QUEUE_NAMES, resource: true },
};

const ERROR_BRANCH = { Error: { error: 'NoMatchingError' } } as const;

/** Set working queue → UpdateContactTargetQueue. */
export const updateContactTargetQueue: LegacyRule = {
  type: 'UpdateContactTargetQueue',
  params: QUEUE_PARAMS,
  branches: ERROR_BRANCH,
};

/** Transfer to queue (inbound flows) → TransferContactToQueue: no parameters, it uses the working queue. */
const transferContactToQueue: LegacyRule = {
  type: 'TransferContactToQueue',
  branches: { AtCapacity: { error: 'QueueAtCapacity' }, Error: { error: 'NoMatchingError' } },
  // Legacy queue transfers have no success branch; exports point NextAction at the error target.
  next: ['Success', 'Error', 'AtCapacity'],
};

/** Transfer to queue inside a customer queue flow is a queue-to-queue transfer. */
const dequeueContactAndTransferToQueue: LegacyRule = {
  ...transferContactToQueue,
  type: 'DequeueContactAndTransferToQueue',
  params: QUEUE_PARAMS,
};

/** Transfer to flow (and the deprecated TransferToFlow block) → TransferToFlow. */
export const transferToFlow: LegacyRule = {
  type: 'TransferToFlow',
  params: { ContactFlowId: { to: 'ContactFlowId', names: FLOW_NAMES, resource: true } },
  branches: ERROR_BRANCH,
  next: ['Success', 'Error'],
};

/** "Resume flow after disconnect" is the opposite of the legacy BlindTransfer flag. */
const blindTransfer: ParamRule = (b, p, i) => {
  const blind = legacyBoolean(p.value);
  if (blind === undefined) {
    b.note(
      'LEGACY_PARAMETER_DROPPED',
      `BlindTransfer ${textOf(p.value)} is not a boolean`,
      b.parameterPath(i),
    );
  } else b.state.continueFlow = blind ? 'False' : 'True';
};

/** Transfer to phone number → TransferParticipantToThirdParty. */
const transferToThirdParty: LegacyRule = {
  type: 'TransferParticipantToThirdParty',
  params: {
    PhoneNumber: { to: 'ThirdPartyPhoneNumber' },
    TimeLimit: { to: 'ThirdPartyConnectionTimeLimitSeconds' },
    BlindTransfer: blindTransfer,
    DTMFDigits: { to: 'ThirdPartyDTMFDigits' },
    CallerIdNumber: { to: 'CallerId.Number' },
    CallerIdName: { to: 'CallerId.Name' },
  },
  finish: (b) => b.set('ContinueFlowExecution', (b.state.continueFlow as string | undefined) ?? 'True'),
  order: ['ThirdPartyPhoneNumber', 'ThirdPartyConnectionTimeLimitSeconds', 'ContinueFlowExecution'],
  branches: {
    CallFailure: { error: 'CallFailed' },
    Timeout: { error: 'ConnectionTimeLimitExceeded' },
    Error: { error: 'NoMatchingError' },
  },
  next: ['Success', 'Error'],
};

/** Transfer to agent (agent-transfer flows) → TransferContactToAgent, which ends the flow. */
const transferContactToAgent: LegacyRule = { type: 'TransferContactToAgent', terminal: true };

export const transfer: LegacyRuleSet = {
  select: (m, flowType) => {
    if (m.target === 'Flow') return 'Flow';
    if (m.target === 'PhoneNumber') return 'PhoneNumber';
    if (m.target === 'Agent') return 'Agent';
    return flowType === 'customerQueue' ? 'QueueToQueue' : 'Queue';
  },
  variants: {
    Queue: transferContactToQueue,
    QueueToQueue: dequeueContactAndTransferToQueue,
    Flow: transferToFlow,
    PhoneNumber: transferToThirdParty,
    Agent: transferContactToAgent,
  },
};

/** The old "Transfer to queue" block of inbound flows (AtCapacity/Error, working queue). */
export const customerInQueue: LegacyRuleSet = {
  select: (_m, flowType) => (flowType === 'customerQueue' ? 'QueueToQueue' : 'Queue'),
  variants: { Queue: transferContactToQueue, QueueToQueue: dequeueContactAndTransferToQueue },
};

function finishEventHook(b: ActionBuilder): void {
  const hook = b.state.hook as string | undefined;
  const flow = b.state.flow as { value: string; name?: string; dynamic: boolean } | undefined;
  if (!hook || !flow) {
    const message = 'needs both Type and ContactFlowId to set an event hook';
    b.note('LEGACY_PARAMETER_DROPPED', message, b.parameterPathOf(hook ? 'ContactFlowId' : 'Type'));
    return;
  }
  b.setEntry('EventHooks', hook, flow.value);
  if (flow.name) b.parameterMetadata.EventHooks = { [hook]: { displayName: flow.name } };
  else if (flow.dynamic) b.parameterMetadata.EventHooks = { [hook]: { useDynamic: true } };
}

/** Set customer queue / hold / whisper / disconnect flow → UpdateContactEventHooks { <Type>: flow }. */
export const updateContactEventHooks: LegacyRule = {
  type: 'UpdateContactEventHooks',
  params: {
    Type: (b, p, i) => {
      const r = b.resolve(p, i);
      if (r) b.state.hook = r.value;
    },
    ContactFlowId: (b, p, i) => {
      const names = [b.module.metadata?.contactFlow, b.module.metadata?.ContactFlow];
      const fromMeta = names
        .map((n) => (n as { text?: unknown } | undefined)?.text)
        .find((t) => typeof t === 'string');
      const name = typeof p.resourceName === 'string' && p.resourceName !== '' ? p.resourceName : fromMeta;
      const missing = p.value === undefined || p.value === null || p.value === '';
      if (missing && typeof name === 'string') b.state.flow = { value: '', name, dynamic: false };
      else {
        const r = b.resolve(p, i);
        if (r) b.state.flow = { ...r, name: typeof name === 'string' && !r.dynamic ? name : undefined };
      }
    },
  },
  finish: finishEventHook,
  branches: ERROR_BRANCH,
};

/** Transfer to queue, callback tab → CreateCallbackContact. */
export const createCallbackContact: LegacyRule = {
  type: 'CreateCallbackContact',
  params: {
    ...QUEUE_PARAMS,
    InitialDelaySeconds: { to: 'InitialCallDelaySeconds' },
    RetryDelaySeconds: { to: 'RetryDelaySeconds' },
    MaxRetryAttempts: { to: 'MaximumConnectionAttempts' },
  },
  branches: ERROR_BRANCH,
};

/** Set callback number → UpdateContactCallbackNumber (the number must be a JSONPath). */
export const updateContactCallbackNumber: LegacyRule = {
  type: 'UpdateContactCallbackNumber',
  params: { CallBackNumber: { to: 'CallbackNumber' }, CallbackNumber: { to: 'CallbackNumber' } },
  branches: {
    InvalidPhoneNumber: { error: 'InvalidCallbackNumber' },
    InvalidNumber: { error: 'InvalidCallbackNumber' },
    NonDialableNumber: { error: 'CallbackNumberNotDialable' },
  },
};

/** Change routing priority / age → UpdateContactRoutingBehavior. */
export const updateContactRoutingBehavior: LegacyRule = {
  type: 'UpdateContactRoutingBehavior',
  params: {
    AbsolutePosition: { to: 'QueuePriority' },
    QueuePriority: { to: 'QueuePriority' },
    TimeOffset: { to: 'QueueTimeAdjustmentSeconds' },
  },
};
