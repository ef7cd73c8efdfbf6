import type { LegacyTableEntry } from './rule.js';
import { getUserInput, playAudioAndFetchInput, storeUserInput } from './rules/input.js';
import {
  checkHoursOfOperation,
  checkQueueStatus,
  checkStaffing,
  compare,
  distributeByPercentage,
  getMetricData,
  loop,
  wait,
} from './rules/logic.js';
import { messageParticipant, messageParticipantIteratively } from './rules/prompts.js';
import {
  createCallbackContact,
  customerInQueue,
  transfer,
  transferToFlow,
  updateContactCallbackNumber,
  updateContactEventHooks,
  updateContactRoutingBehavior,
  updateContactTargetQueue,
} from './rules/routing.js';
import {
  disconnectParticipant,
  endFlowExecution,
  invokeLambdaFunction,
  setScreenPop,
  startMediaStreaming,
  stopMediaStreaming,
  updateContactAttributes,
  updateContactRecordingBehavior,
  updateContactTextToSpeechVoice,
  updateFlowLoggingBehavior,
} from './rules/settings.js';

/**
 * Every legacy module type Parley converts, keyed by the legacy `type`: the 2019-10-30 action it
 * becomes, how its parameters and branches carry over. Deprecated names (PlayAudio, InvokeExternal,
 * StoreCustomerInput, TransferToFlow, SetScreenPop, …) share the rule of their successor.
 */
export const LEGACY_RULES: Readonly<Record<string, LegacyTableEntry>> = {
  // Interact
  PlayPrompt: messageParticipant,
  PlayAudio: messageParticipant,
  LoopPrompts: messageParticipantIteratively,
  GetUserInput: getUserInput,
  PlayAudioAndFetchInput: playAudioAndFetchInput,
  StoreUserInput: storeUserInput,
  StoreCustomerInput: storeUserInput,
  // Set
  SetAttributes: updateContactAttributes,
  SetScreenPop: setScreenPop,
  SetQueue: updateContactTargetQueue,
  SetLoggingBehavior: updateFlowLoggingBehavior,
  SetRecordingBehavior: updateContactRecordingBehavior,
  SetVoice: updateContactTextToSpeechVoice,
  SetEventHook: updateContactEventHooks,
  SetContactFlow: updateContactEventHooks,
  SetCallBackNumber: updateContactCallbackNumber,
  UpdateRoutingPriority: updateContactRoutingBehavior,
  StartMediaStreaming: startMediaStreaming,
  StopMediaStreaming: stopMediaStreaming,
  // Branch
  CheckAttribute: compare,
  CheckCallAttribute: compare,
  PercentileBranching: distributeByPercentage,
  Loop: loop,
  CheckHoursOfOperation: checkHoursOfOperation,
  CheckStaffing: checkStaffing,
  CheckQueueStatus: checkQueueStatus,
  GetMetricData: getMetricData,
  Wait: wait,
  // Integrate
  InvokeExternalResource: invokeLambdaFunction,
  InvokeExternal: invokeLambdaFunction,
  // Terminate / transfer
  Transfer: transfer,
  TransferToFlow: transferToFlow,
  CustomerInQueue: customerInQueue,
  CreateCallback: createCallbackContact,
  Disconnect: disconnectParticipant,
  Resume: endFlowExecution,
};

/** The 2019-10-30 types the table can produce, for checks that a conversion left no legacy name behind. */
export function legacyTargetTypes(): Set<string> {
  const types = new Set<string>();
  for (const entry of Object.values(LEGACY_RULES)) {
    if ('variants' in entry) for (const v of Object.values(entry.variants)) types.add(v.type);
    else types.add(entry.type);
  }
  return types;
}
