import { describe, expect, it } from 'vitest';
import { contactIn, NOW, sampleAgent, T0 } from './sample.js';
import {
  elapsed,
  type PanelAction,
  type PanelState,
  reducePanel,
  START,
  socketAction,
  viewOf,
} from './state.js';
import type { AgentEvent, AgentSnapshot, ParticipantsChanged } from './types.js';

const fold = (...actions: PanelAction[]): PanelState => actions.reduce(reducePanel, START);
const event = (
  id: string,
  current: AgentSnapshot | null,
  type: AgentEvent['EventType'] = 'STATE_CHANGE',
): PanelAction => ({
  kind: 'event',
  event: {
    AgentARN: 'arn',
    AWSAccountId: '111122223333',
    InstanceARN: 'arn:aws:connect:us-east-1:111122223333:instance/i',
    Version: '2019-05-25',
    EventId: id,
    EventTimestamp: T0,
    EventType: type,
    CurrentAgentSnapshot: current,
    PreviousAgentSnapshot: null,
  },
});
const snapshotOf = (options: Parameters<typeof sampleAgent>[0]) =>
  sampleAgent(options).snapshot as AgentSnapshot;

describe('the agent panel folded from answers and events', () => {
  it('starts signing in and is ready with the first answer, logged out until a snapshot comes', () => {
    expect(START.phase).toBe('starting');
    const loaded = fold({ kind: 'loaded', agent: { ...sampleAgent(), snapshot: null } });
    expect(loaded.phase).toBe('ready');
    expect(viewOf(loaded).activity).toBe('logged-out');
  });

  it('takes each event’s current snapshot: an offer rings, is connected, ends in ACW, is cleared', () => {
    const steps = [
      event('1', snapshotOf({ contact: 'INCOMING' })),
      event('2', snapshotOf({ contact: 'CONNECTED' })),
      event('3', snapshotOf({ contact: 'CONNECTED_ONHOLD' })),
      event('4', snapshotOf({ contact: 'ENDED' })),
      event('5', snapshotOf({})),
    ];
    let state = fold({ kind: 'loaded', agent: sampleAgent() });
    const seen: string[] = [];
    for (const step of steps) {
      state = reducePanel(state, step);
      seen.push(viewOf(state).activity);
    }
    expect(seen).toEqual(['ringing', 'on-call', 'on-call', 'acw', 'idle']);
    expect(viewOf(state).status).toBe('Available');
  });

  it('keeps a contact’s attributes while the contact lasts and drops them when it is gone', () => {
    const ringing = fold({ kind: 'loaded', agent: sampleAgent({ contact: 'INCOMING' }) });
    expect(viewOf(ringing).details?.attributes).toEqual({ account: '1234', reason: 'Billing question' });
    const connected = reducePanel(ringing, event('1', snapshotOf({ contact: 'CONNECTED' })));
    expect(viewOf(connected).details?.contactId).toBe('c-1');
    const gone = reducePanel(connected, event('2', snapshotOf({})));
    expect(gone.agent?.contacts).toEqual([]);
  });

  it('a rejected or missed offer shows as missed; a logout clears the snapshot', () => {
    const missed = fold(
      { kind: 'loaded', agent: sampleAgent() },
      event('1', snapshotOf({ contact: 'REJECTED' })),
    );
    expect(viewOf(missed).activity).toBe('missed');
    const out = reducePanel(missed, event('2', snapshotOf({}), 'LOGOUT'));
    expect(viewOf(out).activity).toBe('logged-out');
  });

  it('a call comes before a new offer when the agent has both', () => {
    const agent = sampleAgent({ contact: 'INCOMING' });
    const snapshot = agent.snapshot as AgentSnapshot;
    const both = {
      ...agent,
      snapshot: { ...snapshot, Contacts: [contactIn('INCOMING', 'c-2'), contactIn('CONNECTED')] },
    };
    expect(viewOf(fold({ kind: 'loaded', agent: both })).contact?.ContactId).toBe('c-1');
  });

  it('ignores events before the agent is known and an event seen twice', () => {
    expect(fold(event('1', snapshotOf({ contact: 'INCOMING' })))).toEqual(START);
    const once = fold(
      { kind: 'loaded', agent: sampleAgent() },
      event('1', snapshotOf({ contact: 'INCOMING' })),
    );
    const loadedAgain = reducePanel(once, { kind: 'loaded', agent: sampleAgent() });
    expect(reducePanel(loadedAgain, event('1', snapshotOf({ contact: 'INCOMING' })))).toBe(loadedAgain);
  });

  it('a refusal keeps the panel with its code until the next answer; without an agent it fails', () => {
    const ready = fold({ kind: 'loaded', agent: sampleAgent() }, { kind: 'pending', action: 'accept' });
    const refused = reducePanel(ready, {
      kind: 'refused',
      code: 'AGENT_NOT_ALLOWED',
      message: 'nothing offered',
    });
    expect(refused).toMatchObject({
      phase: 'ready',
      pending: undefined,
      error: { code: 'AGENT_NOT_ALLOWED' },
    });
    expect(reducePanel(refused, { kind: 'loaded', agent: sampleAgent() }).error).toBeUndefined();
    expect(fold({ kind: 'refused', code: 'AGENT_TOKEN_UNBOUND', message: 'no user' }).phase).toBe('failed');
    expect(fold({ kind: 'unavailable', message: 'no center' }).phase).toBe('unavailable');
  });

  it('folds the socket’s agent events, but not PARTICIPANTS_CHANGED, which only asks for a reread', () => {
    const connected = event('1', snapshotOf({ contact: 'CONNECTED' }));
    const agentEvent = connected.kind === 'event' ? connected.event : undefined;
    expect(socketAction(JSON.stringify(agentEvent))).toEqual(connected);
    const changed: ParticipantsChanged = { type: 'PARTICIPANTS_CHANGED' };
    expect(socketAction(JSON.stringify(changed))).toBeUndefined();
    expect(socketAction('not json')).toBeUndefined();
    expect(socketAction('null')).toBeUndefined();
  });

  it('the socket’s state is kept for the live marker', () => {
    expect(fold({ kind: 'socket', live: true }).live).toBe(true);
  });

  it('times read m:ss, then h:mm:ss', () => {
    expect(elapsed(T0, NOW)).toBe('1:35');
    expect(elapsed(T0, Date.parse(T0) + 3_725_000)).toBe('1:02:05');
    expect(elapsed(T0, Date.parse(T0) - 5_000)).toBe('0:00');
  });
});
