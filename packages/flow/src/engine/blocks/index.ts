import { updateContactAttributes, updateFlowAttributes } from './attributes.js';
import { compare, distributeByPercentage, loop } from './branch.js';
import type { Decider } from './common.js';
import { disconnectParticipant, endFlowExecution, endFlowModuleExecution } from './end.js';
import { checkHoursOfOperation } from './hours.js';
import {
  updateContactCallbackNumber,
  updateContactRoutingBehavior,
  updateContactTargetQueue,
} from './queue.js';
import {
  updateContactData,
  updateContactEventHooks,
  updateContactRecordingBehavior,
  updateContactTextToSpeechVoice,
  updateFlowLoggingBehavior,
} from './settings.js';
import { tagContact, unTagContact } from './tags.js';

export type { Decider } from './common.js';

/**
 * The blocks the engine decides by itself, keyed by Flow-language Type. The runtime provides
 * executors for the others (and may wrap these, e.g. to start a recording after
 * UpdateContactRecordingBehavior or hang up after DisconnectParticipant).
 */
export const PURE_DECIDERS: Readonly<Record<string, Decider>> = {
  CheckHoursOfOperation: checkHoursOfOperation,
  Compare: compare,
  DisconnectParticipant: disconnectParticipant,
  DistributeByPercentage: distributeByPercentage,
  EndFlowExecution: endFlowExecution,
  EndFlowModuleExecution: endFlowModuleExecution,
  Loop: loop,
  TagContact: tagContact,
  UnTagContact: unTagContact,
  UpdateContactAttributes: updateContactAttributes,
  UpdateContactCallbackNumber: updateContactCallbackNumber,
  UpdateContactData: updateContactData,
  UpdateContactEventHooks: updateContactEventHooks,
  UpdateContactRecordingBehavior: updateContactRecordingBehavior,
  UpdateContactRoutingBehavior: updateContactRoutingBehavior,
  UpdateContactTargetQueue: updateContactTargetQueue,
  UpdateContactTextToSpeechVoice: updateContactTextToSpeechVoice,
  UpdateFlowAttributes: updateFlowAttributes,
  UpdateFlowLoggingBehavior: updateFlowLoggingBehavior,
};
