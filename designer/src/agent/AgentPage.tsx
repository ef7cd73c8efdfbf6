import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Api } from '../app/api.js';
import { AgentPanel } from './AgentPanel.js';
import { AgentSignIn } from './AgentSignIn.js';
import { useAgentPanel } from './useAgentPanel.js';
import './agent.css';

const TOKEN_KEY = 'parley.agent-token';
/** Refusals that mean "this token is not an agent's": the panel asks for one. */
const NOT_AN_AGENT = new Set([
  'AGENT_TOKEN_UNBOUND',
  'AGENT_USER_UNKNOWN',
  'API_FORBIDDEN',
  'API_UNAUTHORIZED',
]);

/**
 * The agent panel page: the designer's token when it is an agent's, else an agent token asked for
 * here and kept apart from it, so an admin can also sign in as an agent.
 */
export function AgentPage(props: { api: Api; instance: string; apiFor: (token: string) => Api }) {
  const [token, setState] = useState(() => localStorage.getItem(TOKEN_KEY));
  const setToken = useCallback((next: string | null) => {
    if (next) localStorage.setItem(TOKEN_KEY, next);
    else localStorage.removeItem(TOKEN_KEY);
    setState(next);
  }, []);
  const { apiFor } = props;
  const api = useMemo(() => (token ? apiFor(token) : props.api), [token, apiFor, props.api]);
  return <AgentSession key={token ?? ''} api={api} instance={props.instance} onToken={setToken} />;
}

function AgentSession(props: { api: Api; instance: string; onToken: (token: string | null) => void }) {
  const { state, quickConnects, actions } = useAgentPanel(props.api, props.instance);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  if (state.phase === 'starting') return <p className="hint">Signing in…</p>;
  if (state.phase === 'unavailable')
    return (
      <p className="error" role="alert">
        The agent panel needs a contact center: {state.error?.message}
      </p>
    );
  if (state.phase === 'failed' && NOT_AN_AGENT.has(state.error?.code ?? ''))
    return <AgentSignIn error={state.error?.message} onToken={props.onToken} />;
  if (state.phase === 'failed')
    return (
      <p className="error" role="alert">
        {state.error?.message}
      </p>
    );
  return <AgentPanel state={state} quickConnects={quickConnects} now={now} actions={actions} />;
}
