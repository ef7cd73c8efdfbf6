import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { type Api, ApiError } from '../app/api.js';
import { type PanelState, reducePanel, START, socketAction } from './state.js';
import type { AgentState, AgentStatusChoice, QuickConnect } from './types.js';

export type ParticipantOp = 'hold' | 'resume' | 'mute' | 'unmute' | 'disconnect';

/** What the agent can do from the panel; each is one request to the agent API. */
export interface AgentActions {
  setStatus(status: AgentStatusChoice): void;
  accept(contactId: string): void;
  reject(contactId: string): void;
  clear(contactId: string): void;
  participant(participantId: string, op: ParticipantOp): void;
  transfer(target: { quickConnectId: string } | { phoneNumber: string }): void;
  conference(): void;
  swap(): void;
  holdAll(): void;
}

export interface AgentPanelControls {
  state: PanelState;
  quickConnects: readonly QuickConnect[];
  actions: AgentActions;
}

/**
 * Logs the token's agent in, follows their event stream and runs their actions. Each event is
 * folded at once; the contact's attributes and participants, which Connect's events do not carry,
 * are then read again from GET /agent, as they are on the server's PARTICIPANTS_CHANGED.
 */
export function useAgentPanel(api: Api, instance: string): AgentPanelControls {
  const [state, dispatch] = useReducer(reducePanel, START);
  const [quickConnects, setQuickConnects] = useState<readonly QuickConnect[]>([]);
  const base = `/api/instances/${encodeURIComponent(instance)}/agent`;
  // Answers to GET /agent can overtake one another: only the latest asked for counts.
  const asked = useRef(0);

  const refused = useCallback((e: unknown) => {
    const code = e instanceof ApiError ? e.code : undefined;
    const message = e instanceof Error ? e.message : String(e);
    dispatch(
      code === 'AGENT_UNAVAILABLE' ? { kind: 'unavailable', message } : { kind: 'refused', code, message },
    );
  }, []);

  const refresh = useCallback(() => {
    const n = ++asked.current;
    api
      .send('GET', base)
      .then((res) => res.json() as Promise<AgentState>)
      .then((agent) => n === asked.current && dispatch({ kind: 'loaded', agent }), refused);
  }, [api, base, refused]);

  const run = useCallback(
    (action: string, path: string, body: object = {}) => {
      dispatch({ kind: 'pending', action });
      asked.current++;
      api
        .send('POST', `${base}${path}`, body)
        .then((res) => res.json() as Promise<AgentState>)
        .then((agent) => dispatch({ kind: 'loaded', agent }), refused);
    },
    [api, base, refused],
  );

  useEffect(() => {
    let open = true;
    let socket: WebSocket | undefined;
    api
      .send('POST', `${base}/login`, {})
      .then((res) => res.json() as Promise<AgentState>)
      .then((agent) => {
        if (!open) return;
        dispatch({ kind: 'loaded', agent });
        api.send('GET', `${base}/quick-connects`).then(
          async (res) =>
            open && setQuickConnects(((await res.json()) as { quickConnects: QuickConnect[] }).quickConnects),
          () => undefined,
        );
        socket = api.socket?.(`${base}/events`);
        if (!socket) return;
        socket.onopen = () => dispatch({ kind: 'socket', live: true });
        socket.onclose = () => open && dispatch({ kind: 'socket', live: false });
        socket.onmessage = (message) => {
          const action = socketAction(String(message.data));
          if (action) dispatch(action);
          refresh();
        };
      }, refused);
    return () => {
      open = false;
      socket?.close();
    };
  }, [api, base, refresh, refused]);

  const actions = useMemo<AgentActions>(() => {
    const contact = (id: string, op: string) => `/contacts/${encodeURIComponent(id)}/${op}`;
    return {
      setStatus: (status) => run('status', '/status', { status }),
      accept: (id) => run('accept', contact(id, 'accept')),
      reject: (id) => run('reject', contact(id, 'reject')),
      clear: (id) => run('clear', contact(id, 'clear')),
      participant: (id, op) => run(op, `/participants/${encodeURIComponent(id)}/${op}`),
      transfer: (target) => run('transfer', '/transfer', target),
      conference: () => run('conference', '/conference'),
      swap: () => run('swap', '/swap'),
      holdAll: () => run('hold-all', '/hold-all'),
    };
  }, [run]);

  return { state, quickConnects, actions };
}
