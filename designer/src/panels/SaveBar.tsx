import type { FormEvent, ReactNode } from 'react';
import type { FlowSaving } from '../editor/useFlowSaving.js';
import './panels.css';

/**
 * Save with a message, publish, the dirty indicator and what the last save or publish said;
 * `children` are more actions on the flow (Export), after Publish.
 */
export function SaveBar({ saving, children }: { saving: FlowSaving; children?: ReactNode }) {
  const { dirty, version, publishedVersion, busy, problem } = saving;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void saving.save();
  };
  const state = dirty ? 'Unsaved changes' : version === 0 ? 'No version yet' : `Version ${version}`;
  return (
    <form className="save-bar" onSubmit={submit}>
      <span className="save-state" data-dirty={dirty || undefined}>
        {dirty && <span aria-hidden="true">● </span>}
        {state}
        {publishedVersion !== null && ` · published v${publishedVersion}`}
      </span>
      <input
        aria-label="Version message"
        placeholder="What changed?"
        maxLength={1000}
        value={saving.message}
        onChange={(e) => saving.setMessage(e.target.value)}
      />
      <button type="submit" disabled={busy !== undefined}>
        {busy === 'saving' ? 'Saving…' : 'Save'}
      </button>
      <button
        type="button"
        disabled={busy !== undefined || saving.publishBlocker !== undefined}
        title={saving.publishBlocker}
        onClick={() => void saving.publish()}
      >
        {busy === 'publishing' ? 'Publishing…' : 'Publish'}
      </button>
      {children}
      {saving.notice && (
        <span className="save-notice" role="status">
          {saving.notice}
        </span>
      )}
      {problem && (
        <span className="save-problem" role="alert">
          {problem.message}
          {problem.kind === 'conflict' && problem.latestVersion !== undefined && (
            <>
              {' '}
              <button type="button" onClick={() => void saving.save({ overwrite: true })}>
                Save as version {problem.latestVersion + 1} anyway
              </button>{' '}
              (version {problem.latestVersion} stays in the history)
            </>
          )}
          {problem.kind === 'publish' && ' See the publish report.'}{' '}
          <button type="button" aria-label="Dismiss" onClick={saving.dismiss}>
            ×
          </button>
        </span>
      )}
    </form>
  );
}
