import type { Branch } from '@parley/flow';
import type { TranscriptEntry } from '../executors/types.js';
import type { InstanceScope } from '../services/context.js';

export type TestCallState = 'ringing' | 'in-call' | 'ended';

/** What a test call tells the browser over its WebSocket, in the order it happened. */
export type TestCallMessage =
  | {
      type: 'state';
      state: TestCallState;
      at: string;
      /** Set once ended: why, and how long the call lasted from dialling. */
      reason?: string;
      durationMs?: number;
    }
  /** The runtime answered: the contact exists and its first block is about to run. */
  | { type: 'contact'; contactId: string; flowArn: string; startAction: string | null }
  /** A block finished; `next` is the block running now (null when the flow ended there). */
  | {
      type: 'step';
      identifier: string;
      blockType: string;
      flowArn: string;
      /** The branch the block took, as the engine routes it. */
      branch: Branch | null;
      next: string | null;
    }
  /** A flow-log entry exactly as stored (Connect's CloudWatch fields). */
  | { type: 'log'; entry: Record<string, unknown> }
  /** A prompt starting to play: its words, its SSML when it had some, and where to fetch its audio. */
  | { type: 'prompt'; identifier: string; text: string; ssml?: string; audio?: string }
  /** The contact's user-defined attributes after a block changed them. */
  | { type: 'attributes'; attributes: Record<string, string> }
  /** Keys the flow took, what a bot heard, transfers and disconnects. */
  | { type: 'transcript'; entry: Exclude<TranscriptEntry, { kind: 'prompt' }> };

export interface TestCallRequest {
  /** The flow the draft is of; absent for a draft never saved. */
  flowId?: string;
  /** The draft as the designer serializes it. */
  content: string;
  flowType: string;
  /** The caller's number (E.164); a test number when absent. */
  from?: string;
}

export interface TestCallInfo {
  id: string;
  state: TestCallState;
  /** The number dialled: one of its own, so the draft answers it and no published flow does. */
  number: string;
  from: string;
  flowId: string;
  flowArn: string;
  contactId: string | null;
  startedAt: string;
}

/** What the server's routes need of test calls; absent when the server has no telephony. */
export interface TestCallService {
  start(scope: InstanceScope, request: TestCallRequest): Promise<TestCallInfo>;
  get(instanceId: string, id: string): TestCallHandle | undefined;
}

export interface TestCallHandle {
  info(): TestCallInfo;
  /** Sends every message so far, then each new one; returns the unsubscribe function. */
  subscribe(listener: (message: TestCallMessage) => void): () => void;
  dtmf(digits: string): Promise<void>;
  speech(text: string): Promise<void>;
  /** Hangs up as the caller; `because` is the reason the end message gives. */
  hangup(because?: string): Promise<void>;
  /** The WAV file of the `n`th audio the call played (as named in `prompt` messages). */
  audioFile(n: number): string | undefined;
}
