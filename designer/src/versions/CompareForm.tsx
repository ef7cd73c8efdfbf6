import type { FormEvent } from 'react';
import './versions.css';

/** What a comparison is against: the unsaved draft in the editor, or a saved version. */
export type CompareTarget = number | 'draft';

/**
 * Picks two things to compare: any saved version, against the draft or another version. The older
 * one defaults to the version before the latest, the newer one to the draft.
 */
export function CompareForm(props: {
  /** Saved version numbers, newest first. */
  versions: readonly number[];
  /** Whether another version can be shown (it opens read-only, away from the editor). */
  versionsAsTarget: boolean;
  onCompare(from: number, to: CompareTarget): void;
}) {
  const { versions } = props;
  if (versions.length === 0) return null;
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const from = Number(data.get('from'));
    const to = String(data.get('to'));
    props.onCompare(from, to === 'draft' ? 'draft' : Number(to));
  };
  return (
    <form className="compare-form" onSubmit={submit}>
      <label>
        Compare version{' '}
        <select name="from" aria-label="Compare from" defaultValue={versions[1] ?? versions[0]}>
          {versions.map((v) => (
            <option key={v} value={v}>
              {v}
            </option>
          ))}
        </select>
      </label>{' '}
      <label>
        with{' '}
        <select name="to" aria-label="Compare with" defaultValue="draft">
          <option value="draft">the draft</option>
          {props.versionsAsTarget &&
            versions.map((v) => (
              <option key={v} value={v}>
                version {v}
              </option>
            ))}
        </select>
      </label>{' '}
      <button type="submit">Compare</button>
    </form>
  );
}
