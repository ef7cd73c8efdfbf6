import type { FlowModel } from '@parley/flow';
import { useState } from 'react';
import type { SaveResult, VersionHistory } from '../app/api.js';
import type { Async } from '../app/hooks.js';
import type { PanelContext } from '../editor/panels.js';
import { problemOf, type SaveProblem } from '../editor/useFlowSaving.js';
import { DiagnosticList } from '../panels/Problems.js';
import { CompareForm, type CompareTarget } from './CompareForm.js';
import { DiffSummary } from './DiffSummary.js';
import { versionRows } from './history.js';
import { useDraftComparison } from './useDraftComparison.js';
import { VersionList } from './VersionList.js';
import './versions.css';

/** What the panel asks of the app: the API behind it and, where there is one, navigation. */
export interface VersionActions {
  /** A saved version's model, to compare with. */
  load(version: number): Promise<FlowModel>;
  /** Saves the version's content as the new latest version (the editor then opens it). */
  restore(version: number): Promise<SaveResult>;
  /** Publishes the version: a rollback when it is older than the published one. */
  publish(version: number): Promise<unknown>;
  /** Shows a saved version read-only; with `compare`, coloured by its changes since that version. */
  open?(version: number, compare?: number): void;
}

/** Something that leaves the editor's draft behind, waiting for a yes while the draft is unsaved. */
type Pending = { kind: 'restore'; version: number } | { kind: 'open'; version: number; compare?: number };

/**
 * The Versions tab beside the canvas: the history with open, compare, restore and publish (rollback)
 * per version, a comparison of any two (or of one with the draft) and its change list.
 */
export function VersionsPanel(props: {
  context: PanelContext;
  history: Async<VersionHistory>;
  actions: VersionActions;
}) {
  const { context, history, actions } = props;
  const [busy, setBusy] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const [problem, setProblem] = useState<SaveProblem>();
  const [pending, setPending] = useState<Pending>();
  const draft = useDraftComparison(context, actions.load);
  const [now] = useState(Date.now);

  const run = async (label: string, task: () => Promise<string>) => {
    setBusy(label);
    setProblem(undefined);
    setNotice(undefined);
    try {
      setNotice(await task());
    } catch (e) {
      setProblem(problemOf(e));
    } finally {
      setBusy(undefined);
    }
  };
  const go = (p: Pending) => {
    setPending(undefined);
    if (p.kind === 'open') actions.open?.(p.version, p.compare);
    else
      void run(`Restoring version ${p.version}…`, async () => {
        const saved = await actions.restore(p.version);
        return `Version ${p.version} restored as version ${saved.version.version}`;
      });
  };
  // Leaving an unsaved draft asks first; a saved one has nothing to lose.
  const leave = (p: Pending) => (context.dirty ? setPending(p) : go(p));
  const compare = (from: number, to: CompareTarget) => {
    if (to === 'draft') draft.start(from);
    else leave({ kind: 'open', version: Math.max(from, to), compare: Math.min(from, to) });
  };
  const publish = (version: number) =>
    void run(`Publishing version ${version}…`, async () => {
      await actions.publish(version);
      return `Published version ${version}`;
    });

  if (history.state === 'loading') return <p className="hint">Loading versions…</p>;
  if (history.state === 'failed') return <p className="error">{history.error.message}</p>;
  const rows = versionRows(history.value, context.version);
  const c = draft.comparison;
  return (
    <div className="versions-panel">
      {c.state === 'on' && (
        <DiffSummary
          title={`Version ${c.from} → draft`}
          entries={c.comparison.entries}
          identical={c.comparison.identical}
          onFocus={context.focusBlock}
          onClose={draft.stop}
        />
      )}
      {c.state === 'loading' && <p className="hint">Loading version {c.from}…</p>}
      {c.state === 'failed' && (
        <p className="error" role="alert">
          Version {c.from} could not be compared: {c.message}
        </p>
      )}
      <CompareForm
        versions={rows.map((r) => r.version)}
        versionsAsTarget={actions.open !== undefined}
        onCompare={compare}
      />
      {pending && (
        <div className="versions-confirm" role="alertdialog" aria-label="Unsaved changes">
          <p>
            The draft has unsaved changes, which{' '}
            {pending.kind === 'restore' ? `restoring version ${pending.version}` : 'leaving the editor'}{' '}
            drops.
          </p>
          <button type="button" onClick={() => go(pending)}>
            {pending.kind === 'restore'
              ? `Restore version ${pending.version}`
              : `Open version ${pending.version}`}{' '}
            anyway
          </button>{' '}
          <button type="button" onClick={() => setPending(undefined)}>
            Cancel
          </button>
        </div>
      )}
      {busy && <p className="hint">{busy}</p>}
      {notice && (
        <p className="versions-notice" role="status">
          {notice}
        </p>
      )}
      {problem && (
        <section className="publish-report" aria-label="Versions problem">
          <h3 role="alert">{problem.message}</h3>
          {problem.kind === 'publish' && (
            <DiagnosticList
              diagnostics={problem.diagnostics}
              labels={context.labels}
              onSelect={context.focusBlock}
            />
          )}
        </section>
      )}
      <VersionList
        rows={rows}
        now={now}
        busy={busy !== undefined}
        {...(actions.open ? { onOpen: (version: number) => leave({ kind: 'open', version }) } : {})}
        onCompare={(version) => draft.start(version)}
        onRestore={(version) => leave({ kind: 'restore', version })}
        onPublish={publish}
      />
    </div>
  );
}
