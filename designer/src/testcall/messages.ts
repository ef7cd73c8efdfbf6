import type { Diagnostic } from '@parley/flow';

/**
 * What a test call tells the designer over its socket (runtime/src/testcalls/types.ts) and the
 * view the panel draws, folded from those messages. Framework-free, so it is tested on its own.
 */

export type CallState = 'idle' | 'placing' | 'ringing' | 'in-call' | 'ended';

/** A flow-log entry with Connect's CloudWatch fields (only those the designer reads are typed). */
export interface LogEntry {
  ContactId?: string;
  ContactFlowId?: string;
  ContactFlowName?: string;
  ContactFlowModuleType?: string;
  Identifier?: string;
  Timestamp?: string;
  Parameters?: Record<string, unknown>;
  Results?: string;
  [field: string]: unknown;
}

export type TestCallMessage =
  | {
      type: 'state';
      state: 'ringing' | 'in-call' | 'ended';
      at: string;
      reason?: string;
      durationMs?: number;
    }
  | { type: 'contact'; contactId: string; flowArn: string; startAction: string | null }
  | {
      type: 'step';
      identifier: string;
      blockType: string;
      flowArn: string;
      branch: unknown;
      next: string | null;
    }
  | { type: 'log'; entry: LogEntry }
  | { type: 'prompt'; identifier: string; text: string; ssml?: string; audio?: string }
  | { type: 'attributes'; attributes: Record<string, string> }
  | { type: 'transcript'; entry: { kind: string; identifier: string; [field: string]: unknown } };

/** One line of the call's transcript: what the caller heard or did. */
export type TranscriptLine =
  | { kind: 'prompt'; identifier: string; text: string; ssml?: string; audio?: string }
  | { kind: 'caller'; text: string }
  | { kind: 'event'; identifier: string; text: string };

export interface CallView {
  state: CallState;
  id?: string;
  /** The draft's flow ARN: steps of other flows (a transfer, a module) are not on this canvas. */
  flowArn?: string;
  contactId?: string;
  /** Blocks of this flow the call finished, in order. */
  visited: string[];
  /** The block running now, if it is one of this flow's. */
  running?: string;
  logs: LogEntry[];
  transcript: TranscriptLine[];
  attributes: Record<string, string>;
  reason?: string;
  durationMs?: number;
  /** Why the call could not be placed (an API error's message), and the draft's problems. */
  error?: string;
  problems?: Diagnostic[];
}

export const IDLE: CallView = { state: 'idle', visited: [], logs: [], transcript: [], attributes: {} };

/** The view after one more message from the socket. */
export function applyMessage(view: CallView, m: TestCallMessage): CallView {
  switch (m.type) {
    case 'state':
      if (m.state !== 'ended') return view.state === 'ended' ? view : { ...view, state: m.state };
      return {
        ...view,
        state: 'ended',
        running: undefined,
        ...(m.reason !== undefined ? { reason: m.reason } : {}),
        ...(m.durationMs !== undefined ? { durationMs: m.durationMs } : {}),
      };
    case 'contact':
      return { ...view, contactId: m.contactId, flowArn: m.flowArn, running: m.startAction ?? undefined };
    case 'step': {
      if (m.flowArn !== view.flowArn) return view;
      return { ...view, visited: [...view.visited, m.identifier], running: m.next ?? undefined };
    }
    case 'log':
      return { ...view, logs: [...view.logs, m.entry] };
    case 'prompt': {
      const { type: _, ...line } = m;
      return { ...view, transcript: [...view.transcript, { kind: 'prompt', ...line }] };
    }
    case 'attributes':
      return { ...view, attributes: m.attributes };
    case 'transcript':
      return { ...view, transcript: [...view.transcript, eventLine(m.entry)] };
  }
}

function eventLine(entry: { kind: string; identifier: string; [field: string]: unknown }): TranscriptLine {
  const s = (v: unknown) => (typeof v === 'string' ? v : '');
  const text =
    entry.kind === 'input'
      ? `Keys taken: ${s(entry.digits) || 'none'}`
      : entry.kind === 'timeout'
        ? 'No answer in time'
        : entry.kind === 'intent'
          ? `Bot heard “${s(entry.heard)}”: ${s(entry.intent)}`
          : entry.kind === 'transfer'
            ? `Transfer to ${s(entry.target)} ${s(entry.to)}`
            : entry.kind === 'disconnect'
              ? `Disconnected by the ${s(entry.by)}`
              : s(entry.text) || entry.kind;
  return { kind: 'event', identifier: entry.identifier, text };
}

/** The path to draw: the blocks finished, then the one running (marked so while the call is live). */
export function pathOf(view: CallView): string[] {
  return view.running === undefined ? view.visited : [...view.visited, view.running];
}

export const isLive = (state: CallState) => state === 'placing' || state === 'ringing' || state === 'in-call';

/** `1:05` for 65 s: the status line's duration. */
export function duration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** What the hook does to the view: socket messages, and the panel's own steps around them. */
export type CallAction =
  | { kind: 'placing' }
  | { kind: 'placed'; id: string; flowArn: string }
  | { kind: 'refused'; error: string; problems: Diagnostic[] }
  | { kind: 'message'; message: TestCallMessage }
  | { kind: 'caller'; text: string }
  | { kind: 'lost' }
  | { kind: 'clear' };

export function reduceCall(view: CallView, action: CallAction): CallView {
  switch (action.kind) {
    case 'placing':
      return { ...IDLE, state: 'placing' };
    case 'placed':
      return { ...view, id: action.id, flowArn: action.flowArn };
    case 'refused':
      return { ...IDLE, error: action.error, problems: action.problems };
    case 'message':
      return applyMessage(view, action.message);
    case 'caller':
      return { ...view, transcript: [...view.transcript, { kind: 'caller', text: action.text }] };
    case 'lost':
      return isLive(view.state)
        ? { ...view, state: 'ended', running: undefined, reason: 'connection to the server lost' }
        : view;
    case 'clear':
      return IDLE;
  }
}
