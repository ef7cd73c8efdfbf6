import type { AgentContact, AgentEvent, AgentState, ContactDetails } from './types.js';

/**
 * The agent panel's state, folded from the API's answers and the agent event stream. Pure, so the
 * whole panel logic is tested without a browser.
 */
export interface PanelState {
  /** `starting` until the first answer; `unavailable` when the server runs no contact center. */
  phase: 'starting' | 'ready' | 'unavailable' | 'failed';
  agent: AgentState | undefined;
  /** The event socket is open (events arrive as they happen). */
  live: boolean;
  /** The action waiting for its answer, to disable the buttons meanwhile. */
  pending: string | undefined;
  /** The last refusal, with its code, until the next success. */
  error: { code: string | undefined; message: string } | undefined;
  lastEventId: string | undefined;
}

export type PanelAction =
  | { kind: 'loaded'; agent: AgentState }
  | { kind: 'event'; event: AgentEvent }
  | { kind: 'socket'; live: boolean }
  | { kind: 'pending'; action: string }
  | { kind: 'refused'; code: string | undefined; message: string }
  | { kind: 'unavailable'; message: string };

export const START: PanelState = {
  phase: 'starting',
  agent: undefined,
  live: false,
  pending: undefined,
  error: undefined,
  lastEventId: undefined,
};

export function reducePanel(state: PanelState, action: PanelAction): PanelState {
  switch (action.kind) {
    case 'loaded':
      return { ...state, phase: 'ready', agent: action.agent, pending: undefined, error: undefined };
    case 'event': {
      const { event } = action;
      if (!state.agent || event.EventId === state.lastEventId) return state;
      // Connect's stream carries the whole snapshot: the latest one is the truth.
      const snapshot = event.EventType === 'LOGOUT' ? null : event.CurrentAgentSnapshot;
      const ids = new Set(snapshot?.Contacts.map((c) => c.ContactId));
      const contacts = state.agent.contacts.filter((c) => ids.has(c.contactId));
      return { ...state, agent: { ...state.agent, snapshot, contacts }, lastEventId: event.EventId };
    }
    case 'socket':
      return { ...state, live: action.live };
    case 'pending':
      return { ...state, pending: action.action };
    case 'refused':
      return {
        ...state,
        phase: state.agent ? state.phase : 'failed',
        pending: undefined,
        error: { code: action.code, message: action.message },
      };
    case 'unavailable':
      return {
        ...state,
        phase: 'unavailable',
        pending: undefined,
        error: { code: 'AGENT_UNAVAILABLE', message: action.message },
      };
  }
}

/**
 * A message of the events socket as the panel folds it: Connect's agent events are; anything else,
 * such as the server's {"type":"PARTICIPANTS_CHANGED"}, is only a cue to read GET /agent again,
 * which the panel does after every message.
 */
export function socketAction(data: string): PanelAction | undefined {
  let message: unknown;
  try {
    message = JSON.parse(data);
  } catch {
    return undefined;
  }
  const event = typeof message === 'object' && message !== null && 'EventType' in message;
  return event ? { kind: 'event', event: message as AgentEvent } : undefined;
}

/** What the agent is doing, as the panel's main area shows it. */
export type Activity = 'logged-out' | 'idle' | 'ringing' | 'on-call' | 'acw' | 'missed';

export interface PanelView {
  activity: Activity;
  /** The chosen status: Available, Offline or a custom one. */
  status: string | undefined;
  contact: AgentContact | undefined;
  details: ContactDetails | undefined;
}

const ACTIVITY: Record<AgentContact['State'], Exclude<Activity, 'logged-out' | 'idle'>> = {
  INCOMING: 'ringing',
  PENDING: 'ringing',
  CONNECTING: 'ringing',
  CONNECTED: 'on-call',
  CONNECTED_ONHOLD: 'on-call',
  ENDED: 'acw',
  MISSED: 'missed',
  REJECTED: 'missed',
  ERROR: 'missed',
};
// When the agent has several contacts (a call and a new offer), the call comes first.
const RANK: Activity[] = ['on-call', 'ringing', 'acw', 'missed'];

export function viewOf(state: PanelState): PanelView {
  const snapshot = state.agent?.snapshot;
  if (!snapshot) return { activity: 'logged-out', status: undefined, contact: undefined, details: undefined };
  const ranked = [...snapshot.Contacts].sort(
    (a, b) => RANK.indexOf(ACTIVITY[a.State]) - RANK.indexOf(ACTIVITY[b.State]),
  );
  const contact = ranked[0];
  return {
    activity: contact ? ACTIVITY[contact.State] : 'idle',
    status: snapshot.AgentStatus.Name,
    contact,
    details: contact && state.agent?.contacts.find((d) => d.contactId === contact.ContactId),
  };
}

/** `m:ss` (or `h:mm:ss`) from an ISO timestamp to `now` (ms), for the ACW and call timers. */
export function elapsed(since: string, now: number): string {
  const seconds = Math.max(0, Math.floor((now - Date.parse(since)) / 1000));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = String(seconds % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}
