import { type BlockExecution, type FlowLogEntry, flowLogEntries } from './entry.js';
import type { FlowLogSink } from './sinks.js';

/**
 * A contact's flow log. Logging is a property of the contact, not of a flow: it stays as the last
 * UpdateFlowLoggingBehavior left it through TransferToFlow, modules and event-hook flows
 * (reference §6.4), so one logger lives as long as the contact.
 */
export class ContactFlowLog {
  #enabled: boolean;
  readonly #sink: FlowLogSink;
  readonly #now: () => number;

  constructor(sink: FlowLogSink, now: () => number, options: { enabled?: boolean } = {}) {
    this.#sink = sink;
    this.#now = now;
    this.#enabled = options.enabled ?? false;
  }

  get enabled(): boolean {
    return this.#enabled;
  }

  /**
   * Writes the entries of one block execution if logging is on. The logging block itself shows in
   * the log both when it turns logging on (the first entry of a logged contact) and when it turns
   * it off (the last one).
   */
  record(execution: BlockExecution): FlowLogEntry[] {
    const before = this.#enabled;
    if (execution.action.Type === 'UpdateFlowLoggingBehavior') {
      const behavior = execution.parameters.FlowLoggingBehavior;
      if (behavior === 'Enabled') this.#enabled = true;
      else if (behavior === 'Disabled') this.#enabled = false;
    }
    if (!before && !this.#enabled) return [];
    const entries = flowLogEntries(execution, this.#now);
    for (const entry of entries) this.#sink.write(entry);
    return entries;
  }
}
