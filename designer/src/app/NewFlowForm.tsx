import { FLOW_TYPES } from '@parley/flow';
import { type FormEvent, useState } from 'react';

/** Creates a flow of a type; the parent opens it. */
export function NewFlowForm({ onCreate }: { onCreate: (name: string, type: string) => Promise<void> }) {
  const [name, setName] = useState('');
  const [type, setType] = useState<string>('CONTACT_FLOW');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim() || busy) return;
    setBusy(true);
    setError(undefined);
    try {
      await onCreate(name.trim(), type);
      setName('');
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <details className="new-flow">
      <summary>New flow</summary>
      <form onSubmit={submit}>
        <input
          aria-label="Flow name"
          placeholder="Name"
          maxLength={127}
          required
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <select aria-label="Flow type" value={type} onChange={(e) => setType(e.target.value)}>
          {FLOW_TYPES.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
        <button type="submit" disabled={busy}>
          {busy ? 'Creating…' : 'Create'}
        </button>
        {error && <p className="error">{error}</p>}
      </form>
    </details>
  );
}
