import type { ActionNode } from '../model/types.js';
import type { Contact, ContactPatch, JsonValue } from './contact.js';

/**
 * Why a flow stopped. `disconnect`…`endModule` come from executors; the machine adds `noTransition`
 * (the chosen branch leads nowhere, which ends the flow as Connect does), `stepLimit` and `fault`.
 */
export type EndReason =
  | 'disconnect'
  | 'endFlow'
  | 'transferToFlow'
  | 'transferToQueue'
  | 'transferToAgent'
  | 'endModule'
  | 'noTransition'
  | 'stepLimit'
  | 'fault';

/** What one block execution decided (reference §2.4). */
export type Outcome =
  /** Plain success: follow NextAction. */
  | { kind: 'next' }
  /** A result the Conditions are tested against (a digit, an intent, True/False, a number…). */
  | { kind: 'condition'; value: JsonValue | undefined }
  /** An error type, routed through Errors (then NoMatchingError). */
  | { kind: 'error'; errorType: string }
  /** The flow stops here; `target` names what takes over (a flow, a queue…) when there is one. */
  | { kind: 'end'; reason: EndReason; target?: string };

/** One flow-log entry's variable part, in CloudWatch's field names (reference §6.2). */
export interface LogResult {
  Parameters?: Record<string, JsonValue>;
  Results?: string;
  ExternalResults?: Record<string, string>;
}

/** What an executor (or a pure decider) returns for one block execution. */
export interface StepResult {
  outcome: Outcome;
  contactPatch?: ContactPatch;
  /**
   * The flow-log entries this execution writes (UpdateContactAttributes writes one per attribute);
   * absent: one entry with the action's parameters.
   */
  results?: readonly LogResult[];
}

/** What the machine hands the executor it invokes for an action. */
export interface ExecutorInput {
  action: ActionNode;
  contact: Contact;
  /** The compiled flow's key (its content hash, as the caller chose it). */
  flowKey: string;
  /** How many actions this run has executed, this one included. */
  step: number;
}
