/** Blocks that end the flow without needing telephony to decide it (the runtime acts on the reason). */
import type { EndReason } from '../types.js';
import type { Decider } from './common.js';

const ends =
  (reason: EndReason): Decider =>
  () => ({ outcome: { kind: 'end', reason } });

/** Ends the flow; what follows depends on the flow type (a whisper bridges, a queue flow stays queued). */
export const endFlowExecution = ends('endFlow');
/** Hangs up the participant; where there is none it ends the flow like EndFlowExecution. */
export const disconnectParticipant = ends('disconnect');
/** Returns from a flow module to the flow that invoked it. */
export const endFlowModuleExecution = ends('endModule');
