import { type FormEvent, useState } from 'react';

/** Asks for an API token (`parley start` prints the admin token on its first run). */
export function TokenForm({ onToken, error }: { onToken: (token: string) => void; error?: string }) {
  const [value, setValue] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (value.trim()) onToken(value.trim());
  };
  return (
    <form className="token-form" onSubmit={submit}>
      <h1>Parley designer</h1>
      <label>
        API token
        <input
          type="password"
          autoComplete="off"
          placeholder="parley_…"
          value={value}
          onChange={(e) => setValue(e.target.value)}
        />
      </label>
      <button type="submit">Sign in</button>
      {error && <p className="error">{error}</p>}
      <p className="hint">
        <code>parley start</code> prints an admin token the first time it runs; create more with{' '}
        <code>POST /api/tokens</code>.
      </p>
    </form>
  );
}
