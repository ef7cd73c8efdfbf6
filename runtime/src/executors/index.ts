/**
 * The runtime's block executors: one per Flow-language Type the catalog knows. Blocks the engine
 * decides purely run its deciders; the others act through the contact's ports (call, voice, Lambda,
 * prompts, flows, routing). `bindExecutors` binds them to one contact's ports for `startFlow`.
 */
import { CATALOG, decide, type Executor, PURE_DECIDERS } from '@parley/flow';
import {
  checkMetricData,
  endFlowExecution,
  endFlowModuleExecution,
  getMetricData,
  invokeFlowModule,
  transferToFlow,
  updateRoutingCriteria,
  wait,
} from './flow.js';
import { getParticipantInput } from './input.js';
import { invokeLambdaFunction } from './lambda.js';
import { connectParticipantWithLexBot } from './lex.js';
import {
  disconnectParticipant,
  messageParticipant,
  messageParticipantIteratively,
  transferParticipantToThirdParty,
} from './participant.js';
import { updateContactRecordingAndAnalyticsBehavior, updateContactRecordingBehavior } from './recording.js';
import {
  completeOutboundCall,
  createCallbackContact,
  dequeueContactAndTransferToQueue,
  transferContactToAgent,
  transferContactToQueue,
  updatePreviousContactParticipantState,
} from './routing.js';
import type { BlockExecutor, RuntimePorts } from './types.js';
import { NOT_PROVIDED, notAnAction, notProvided } from './unsupported.js';

export { toE164 } from './input.js';
export { lambdaContact } from './lambda.js';
export { RECORDING_NOT_YET } from './recording.js';
export type * from './types.js';
export { NOT_PROVIDED } from './unsupported.js';

/** Executors that need more than a pure decider (which they may still use, e.g. to hang up after it). */
const ACTING: Readonly<Record<string, BlockExecutor>> = {
  MessageParticipant: messageParticipant,
  GetParticipantInput: getParticipantInput,
  MessageParticipantIteratively: messageParticipantIteratively,
  ConnectParticipantWithLexBot: connectParticipantWithLexBot,
  DisconnectParticipant: disconnectParticipant,
  TransferParticipantToThirdParty: transferParticipantToThirdParty,
  EndFlowExecution: endFlowExecution,
  Wait: wait,
  TransferToFlow: transferToFlow,
  InvokeFlowModule: invokeFlowModule,
  EndFlowModuleExecution: endFlowModuleExecution,
  InvokeLambdaFunction: invokeLambdaFunction,
  TransferContactToQueue: transferContactToQueue,
  DequeueContactAndTransferToQueue: dequeueContactAndTransferToQueue,
  TransferContactToAgent: transferContactToAgent,
  CreateCallbackContact: createCallbackContact,
  UpdatePreviousContactParticipantState: updatePreviousContactParticipantState,
  CompleteOutboundCall: completeOutboundCall,
  UpdateContactRecordingBehavior: updateContactRecordingBehavior,
  UpdateContactRecordingAndAnalyticsBehavior: updateContactRecordingAndAnalyticsBehavior,
  UpdateRoutingCriteria: updateRoutingCriteria,
  CheckMetricData: checkMetricData,
  GetMetricData: getMetricData,
};

/** A pure decider as an executor: the engine's decision, with the runtime's environment. */
const pure =
  (type: string): BlockExecutor =>
  async (input, ports) => {
    const decider = PURE_DECIDERS[type];
    if (!decider) throw new Error(`no pure decider for ${type}`);
    return decide(decider, input.action, input.contact, ports.env);
  };

/**
 * One executor per catalog Type: the acting ones above, the engine's pure deciders, an error branch
 * naming the service for blocks Parley does not provide, and for legacy or unverified names.
 */
export function createExecutors(): Record<string, BlockExecutor> {
  const executors: Record<string, BlockExecutor> = {};
  for (const [type, spec] of CATALOG) {
    const service = NOT_PROVIDED[type];
    executors[type] =
      ACTING[type] ??
      (PURE_DECIDERS[type] ? pure(type) : undefined) ??
      (service ? notProvided(service) : undefined) ??
      (spec.status === 'legacy' || spec.status === 'unverified' ? notAnAction : notProvided(spec.ui.label));
  }
  return executors;
}

/**
 * The executors `startFlow` runs for a compiled flow, bound to one contact's ports. Each block gets
 * the run's abort signal, so a stopped run stops its block.
 */
export function bindExecutors(
  executors: Readonly<Record<string, BlockExecutor>>,
  ports: RuntimePorts,
): Record<string, Executor> {
  return Object.fromEntries(
    Object.entries(executors).map(([type, run]): [string, Executor] => [
      type,
      (input, signal) =>
        run(input, { ...ports, signal: ports.signal ? AbortSignal.any([ports.signal, signal]) : signal }),
    ]),
  );
}
