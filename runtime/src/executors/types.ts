import type { Clock } from '@parley/ari';
import type { ActionNode, Contact, EngineEnv, ExecutorInput, FlowModel, StepResult } from '@parley/flow';
import type { BotResource, LexPort } from '../integrations/bot.js';
import type { LambdaPort } from '../integrations/lambda.js';
import type { VoicePort } from '../integrations/tts.js';
import type { CallPort } from '../telephony/port.js';

/** A flow or module the contact can move to (TransferToFlow, InvokeFlowModule, event hooks). */
export interface FlowTarget {
  arn: string;
  id: string;
  name: string;
  /** Connect flow type (CONTACT_FLOW, CUSTOMER_QUEUE, …, MODULE). */
  type: string;
  model: FlowModel;
  /** Content hash: the compiled-machine cache key. */
  key: string;
}

/** An instance prompt: audio the runtime can play (`sound:<file>`; file without extension). */
export interface PromptAudio {
  arn: string;
  name: string;
  file: string;
}

/**
 * Where queue and agent blocks hand the contact over. This issue only enqueues and ends the
 * inbound flow as Connect does; the routing engine behind it comes later.
 */
export interface RoutingPort {
  enqueue(
    contact: Contact,
    queueArn: string,
  ): Promise<{ ok: true } | { ok: false; errorType: string; reason: string }>;
  /**
   * Real-time metrics of a queue (GetMetricData, CheckMetricData), or undefined for a queue the
   * routing engine does not know. Optional: without it those blocks take their error branch and say
   * why, rather than report an empty queue that may not be empty.
   */
  metrics?(queueArn: string, channel?: 'VOICE' | 'CHAT'): Promise<QueueMetrics | undefined>;
  /** Queues a callback contact (CreateCallbackContact). Optional, as `metrics`. */
  createCallback?(
    contact: Contact,
    request: CallbackRequest,
  ): Promise<{ ok: true; contactId: string } | { ok: false; errorType: string; reason: string }>;
  /**
   * Places the agent-dialled call an outbound whisper flow runs for (CompleteOutboundCall), showing
   * `callerId` when given; true once the customer answered. Optional: a contact that is no outbound
   * call in the making has nothing to place.
   */
  completeOutboundCall?(callerId: string | undefined): Promise<boolean>;
}

/** What GetMetricData loads into `$.Metrics` (reference §9.2); null where Connect has no activity. */
export interface QueueMetrics {
  queue: { arn: string; name: string };
  /** Contacts waiting in the queue. */
  size: number;
  /** Age of the oldest waiting contact, in seconds. */
  oldestContactAgeSeconds: number | null;
  agents: {
    online: number;
    available: number;
    /** Available + after contact work + busy. */
    staffed: number;
    afterContactWork: number;
    busy: number;
    missed: number;
    nonProductive: number;
  };
}

export interface CallbackRequest {
  queueArn: string;
  /** E.164: the contact's callback number (UpdateContactCallbackNumber, else the caller's). */
  number: string;
  initialCallDelaySeconds: number;
  maxConnectionAttempts: number;
  retryDelaySeconds: number;
  /** The flow the callback contact runs, when the block names one. */
  flowArn?: string;
}

/** One line of what happened on the call, for `parley run` transcripts and the designer's test call. */
export type TranscriptEntry =
  | { kind: 'prompt'; identifier: string; text: string; media: string[] }
  | { kind: 'input'; identifier: string; digits: string; ended: string }
  | { kind: 'timeout'; identifier: string }
  /** What a bot heard (words or keys) and the intent it made of them. */
  | {
      kind: 'intent';
      identifier: string;
      via: 'speech' | 'dtmf';
      heard: string;
      intent: string;
      slots: Record<string, string | null>;
    }
  | {
      kind: 'transfer';
      identifier: string;
      to: string;
      target: 'flow' | 'queue' | 'agent' | 'number' | 'module';
    }
  | { kind: 'disconnect'; identifier: string; by: 'flow' | 'caller' }
  | { kind: 'note'; identifier: string; text: string };

/** Everything an executor may touch, all behind interfaces (DESIGN.md principle 2). */
export interface RuntimePorts {
  call: CallPort;
  voice: VoicePort;
  lambda: LambdaPort;
  prompt(idOrArn: string): PromptAudio | undefined;
  flow(idOrArn: string): FlowTarget | undefined;
  /**
   * A bot the instance defines, by Lex V2 alias ARN (or Parley ARN) or by name (Lex classic's
   * `LexBot.Name`). Optional: without it every Lex block takes its error branch, unless `lex` is set.
   */
  bot?(arnOrName: string): BotResource | undefined;
  /** Amazon Lex itself, for bots the instance does not define. Parley ships no adapter. */
  lex?: LexPort;
  routing: RoutingPort;
  env: EngineEnv;
  clock: Clock;
  transcript(entry: TranscriptEntry): void;
  /**
   * Aborted when the run that invoked the executor stops (the contact ended, an agent took a queued
   * contact): waits, prompt loops and digit collection give up at once instead of holding the call.
   * Optional; bind one per flow run (see `bindExecutors`).
   */
  signal?: AbortSignal;
}

/** Runs one action of a block type against the contact's ports. */
export type BlockExecutor = (input: ExecutorInput, ports: RuntimePorts) => Promise<StepResult>;

export type { ActionNode };
