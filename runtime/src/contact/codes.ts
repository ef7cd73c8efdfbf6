import type { CodeSpec } from '@parley/flow';

/**
 * Codes of the contact runner, the instance bundle and `parley run`. They use the catalogue's shape
 * (`CodeSpec`) so they can join `packages/flow/src/diagnostics/codes.ts` and docs/ERRORS.md as they
 * are; until then they live here, next to the only code that raises them.
 */
export const RUN_CODES = {
  CONTACT_STEP_LIMIT: {
    severity: 'error',
    title: 'Contact ran too many blocks',
    doc: 'The contact executed more blocks than the runtime allows without the call ending (a loop through flows or blocks that never waits). The call is disconnected.',
  },
  CONTACT_FLOW_FAULT: {
    severity: 'error',
    title: 'Flow stopped by a runtime fault',
    doc: 'A block executor threw or returned something that is not an outcome; the call is disconnected. The flow log names the block.',
  },
  CONTACT_TRANSFER_TARGET_MISSING: {
    severity: 'error',
    title: 'Transfer to a flow the instance does not have',
    doc: 'A TransferToFlow block ended the flow with a target the instance cannot find any more; the call is disconnected.',
  },
  CONTACT_ANSWER_FAILED: {
    severity: 'error',
    title: 'Call could not be answered',
    doc: 'Answering the inbound call failed (the channel vanished or the telephony server refused); no flow ran.',
  },
  INSTANCE_BUNDLE_INVALID: {
    severity: 'error',
    title: 'Instance bundle is not valid',
    doc: 'The --instance file does not follow the instance bundle format (see runtime/src/contact/instance.ts), or a file it names cannot be read.',
  },
  INSTANCE_FLOW_INVALID: {
    severity: 'error',
    title: 'Flow of the instance cannot be loaded',
    doc: 'A flow file named by the bundle, found in --flows or given to parley run is not a flow document.',
  },
  RUN_SCRIPT_INVALID: {
    severity: 'error',
    title: 'Caller script is not valid',
    doc: 'The --caller file does not follow schemas/caller-script.schema.json.',
  },
  RUN_PROMPT_NOT_HEARD: {
    severity: 'error',
    title: 'Expected prompt never played',
    doc: 'An expectPrompt step of the caller script waited for a prompt containing its text, and the call ended (or the time limit passed) without one starting.',
  },
  RUN_TIME_LIMIT: {
    severity: 'error',
    title: 'Call ran past the simulated time limit',
    doc: 'The simulated call was still running when the time limit (--time-limit, 1 hour by default) passed; the caller hung up. Endless flows end this way.',
  },
  RUN_CALL_FAILED: {
    severity: 'error',
    title: 'Simulated call could not be placed',
    doc: 'The caller could not reach the runtime through the simulated telephony server (no inbound call arrived, or it was never answered).',
  },
} as const satisfies Record<string, CodeSpec>;

export type RunCode = keyof typeof RUN_CODES;

/** A coded problem as `parley run` and the runner report it. */
export interface RunProblem {
  code: RunCode | string;
  message: string;
  /** The action it happened at, when there is one. */
  at?: string;
}

export const problem = (code: RunCode | string, message: string, at?: string): RunProblem =>
  at === undefined ? { code, message } : { code, message, at };
