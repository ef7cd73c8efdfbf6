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

/**
 * What the flow log says about one block execution (reference §6.2), before the log writer adds the
 * contact, flow, legacy names and timestamp. UpdateContactAttributes's resolved `Attributes` become one
 * entry per attribute there.
 */
export interface StepLog {
  /** The action's parameters with dynamic values resolved, under their Flow-language names. */
  parameters?: Record<string, JsonValue>;
  /** Connect's `Results`: the digit, the compared value, True/False, or the error text. */
  results?: string;
  /** Connect's `ExternalResults`: the Lambda response, on success only. */
  externalResults?: Record<string, JsonValue>;
}

/** What an executor (or a pure decider) returns for one block execution. */
export interface StepResult {
  outcome: Outcome;
  contactPatch?: ContactPatch;
  /** For the flow log; a pure decider's parameters default to the action's, resolved. */
  log?: StepLog;
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
