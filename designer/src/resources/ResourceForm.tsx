import { type FormEvent, useState } from 'react';
import type { ResourceEntry } from '../inspector/resources.js';
import { ProblemLine } from '../transfer/ImportDialog.js';
import { inUse, refsFor } from './cases.js';
import { type Draft, draftOf } from './draft.js';
import { FieldInput } from './FieldInput.js';
import { FormProblems } from './saveResource.js';
import { type FormModel, labelOf } from './schemaForm.js';

/**
 * A create or edit form generated from the kind's schema. `onSubmit` saves; what it throws (the
 * server's refusal with its code and diagnostics, or inputs not readable here) is shown beside it.
 */
export function ResourceForm(props: {
  title: string;
  model: FormModel;
  entry?: ResourceEntry;
  /** Entries of the lists reference fields pick from, by API path. */
  refs: Readonly<Record<string, readonly ResourceEntry[]>>;
  onSubmit: (draft: Draft) => Promise<void>;
  onCancel: () => void;
}) {
  const { model, entry } = props;
  const [draft, setDraft] = useState(() => draftOf(model, entry));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error>();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await props.onSubmit(draft);
    } catch (err) {
      setError(err instanceof Error ? err : new Error(String(err)));
    } finally {
      setBusy(false);
    }
  };
  const shown = model.fields.filter((f) => inUse(model, draft, f.name));
  return (
    <form className="resource-form" aria-label={props.title} onSubmit={(e) => void submit(e)}>
      <h3>{props.title}</h3>
      {model.choice && (
        <fieldset className="resource-choice">
          <legend>One of</legend>
          {model.choice.map((name) => (
            <label key={name}>
              <input
                type="radio"
                name="resource-choice"
                checked={draft.chosen === name}
                onChange={() => setDraft({ ...draft, chosen: name })}
              />{' '}
              {labelOf(name)}
            </label>
          ))}
        </fieldset>
      )}
      {shown.map((field) => (
        <FieldInput
          key={field.name}
          field={field}
          value={draft.values[field.name]}
          refs={refsFor(model, draft, field, props.refs)}
          existing={entry?.[field.name]}
          onChange={(value) => setDraft((d) => ({ ...d, values: { ...d.values, [field.name]: value } }))}
        />
      ))}
      {error instanceof FormProblems ? (
        <ul className="error" role="alert">
          {error.problems.map((p) => (
            <li key={p.field}>
              {labelOf(p.field)} {p.message}
            </li>
          ))}
        </ul>
      ) : (
        error && <ProblemLine error={error} />
      )}
      <footer>
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Saving…' : entry ? 'Save' : 'Create'}
        </button>
        <button type="button" onClick={props.onCancel}>
          Cancel
        </button>
      </footer>
    </form>
  );
}
