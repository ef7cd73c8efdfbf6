import { type FormEvent, useState } from 'react';

/** Asks for an agent token (an admin makes one for the agent's user) when the current one is not. */
export function AgentSignIn(props: { error?: string; onToken: (token: string) => void }) {
  const [value, setValue] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (value.trim()) props.onToken(value.trim());
  };
  return (
    <form className="token-form agent-sign-in" onSubmit={submit}>
      <h2>Agent sign in</h2>
      {props.error && <p className="error">{props.error}</p>}
      <label>
        Agent token
        <input
          type="password"
          autoComplete="off"
          placeholder="parley_…"
          value={value}
          onChange={(e) => setValue(e.target.value)}
        />
      </label>
      <button type="submit">Sign in as agent</button>
      <p className="hint">
        An admin makes agent tokens with <code>POST /api/tokens</code> and{' '}
        <code>{'{ "role": "agent", "user": "<username>" }'}</code>.
      </p>
    </form>
  );
}
