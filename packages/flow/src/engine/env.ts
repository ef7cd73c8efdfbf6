import type { TargetQueue } from './contact.js';
import type { HoursOfOperation } from './hours.js';

/**
 * A queue as the instance knows it; lookups accept an ID or an ARN. It is what becomes the
 * contact's working queue (`$.Queue`), so both are one shape.
 */
export type QueueInfo = TargetQueue;

export interface FlowInfo {
  id: string;
  arn: string;
  name?: string;
}

/**
 * What pure deciders may ask of the world: the time and the instance's resources. The runtime
 * supplies it (a simulated clock in tests); nothing here performs I/O.
 */
export interface EngineEnv {
  /** Milliseconds since the epoch, from the runtime's clock. */
  now(): number;
  queue(idOrArn: string): QueueInfo | undefined;
  /** The personal queue of an agent, by user ID or ARN. */
  agentQueue(agentIdOrArn: string): QueueInfo | undefined;
  hoursOfOperation(idOrArn: string): HoursOfOperation | undefined;
  /** A flow or module; when absent, any reference is accepted as written. */
  flow?(idOrArn: string): FlowInfo | undefined;
  /** Whether the instance may dial an E.164 number (callback numbers); when absent, every number. */
  isDialable?(e164: string): boolean;
  /** Whether a Polly voice (with an engine) can speak; when absent, every voice. */
  isVoice?(voice: string, engine: string | undefined): boolean;
}
