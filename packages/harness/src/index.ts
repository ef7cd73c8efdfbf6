export { CallerLeg, SPEECH_EVENT } from './caller.js';
export { asteriskFromEnv, TEST_DIALPLAN, type TelephonyTarget } from './config.js';
export {
  type CallOptions,
  Harness,
  type HarnessOptions,
  type PhoneBehaviour,
  type PhoneKind,
} from './harness.js';
export { Leg, type WaitOptions } from './leg.js';
export { PhoneLeg } from './phone.js';
export { type SimControl, simControl } from './sim-control.js';
export {
  openSimulatedTelephony,
  type SimulatedTelephony,
  type SimulatedTelephonyOptions,
} from './simulated.js';
