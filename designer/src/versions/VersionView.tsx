import type { Diagnostic, FlowModel } from '@parley/flow';
import { ReactFlowProvider } from '@xyflow/react';
import { type FormEvent, useMemo, useState } from 'react';
import type { Api, FlowSummary } from '../app/api.js';
import { useAsync } from '../app/hooks.js';
import type { Route } from '../app/route.js';
import { compareFlows } from '../system/diff-overlay.js';
import { DiffSummary } from './DiffSummary.js';
import { loadVersion, restoreVersion } from './history.js';
import { ReadOnlyCanvas, useFocusNode } from './ReadOnlyCanvas.js';
import './versions.css';

export interface Shown {
  summary: FlowSummary;
  versions: number[];
  model: FlowModel;
  diagnostics: readonly Diagnostic[];
  /** The version compared with, when there is one. */
  base?: FlowModel;
}

/**
 * `/instances/<i>/flows/<f>/versions/<n>[/compare/<m>]`: a saved version, read-only, under a
 * banner that offers to restore it as the new latest version or go back to the editor; with
 * `compare`, coloured by what changed since version m, the changes listed beside it.
 */
export function VersionView(props: {
  api: Api;
  instance: string;
  flow: string;
  version: number;
  compare?: number | undefined;
  navigate(route: Route): void;
  /** Told after a restore (the flows list shows the latest version). */
  onChange?: (() => void) | undefined;
}) {
  const { api, instance, flow, version, compare } = props;
  const opened = useAsync(
    async (): Promise<Shown> => {
      const [summary, history, shown, base] = await Promise.all([
        api.flow(instance, flow),
        api.versions(instance, flow),
        loadVersion(api, instance, flow, version),
        compare === undefined ? undefined : loadVersion(api, instance, flow, compare),
      ]);
      const versions = history.versions.map((v) => v.version).sort((a, b) => b - a);
      return { summary, versions, ...shown, ...(base ? { base: base.model } : {}) };
    },
    `${instance}\n${flow}\n${version}\n${compare ?? ''}`,
  );
  if (opened.state === 'loading') return <p className="hint">Opening version {version}…</p>;
  if (opened.state === 'failed') return <p className="error">{opened.error.message}</p>;
  return (
    <ReactFlowProvider>
      <VersionLayout {...props} shown={opened.value} />
    </ReactFlowProvider>
  );
}

/** The version once loaded (inside a ReactFlowProvider). */
export function VersionLayout(props: Parameters<typeof VersionView>[0] & { shown: Shown }) {
  const { api, instance, flow, version, compare, navigate, shown } = props;
  const [restoring, setRestoring] = useState<'busy' | { error: string }>();
  const focus = useFocusNode();
  const comparison = useMemo(
    () =>
      shown.base && compare !== undefined
        ? compareFlows(shown.base, shown.model, `Changes from version ${compare} to version ${version}`)
        : undefined,
    [shown, compare, version],
  );
  const toFlow = () => navigate({ instance, flow });
  const restore = async () => {
    setRestoring('busy');
    try {
      await restoreVersion(api, instance, flow, version);
      props.onChange?.();
      toFlow();
    } catch (e) {
      setRestoring({ error: e instanceof Error ? e.message : String(e) });
    }
  };
  const { summary } = shown;
  const facts = [
    summary.publishedVersion === version && 'published',
    summary.latestVersion === version && 'latest',
  ].filter(Boolean);
  return (
    <div className="editor version-view">
      <section className="version-banner" aria-label="Version banner">
        <span>
          <strong>Version {version}</strong> of {summary.name} · read-only
          {facts.length > 0 && ` · ${facts.join(', ')}`}
        </span>
        <button type="button" disabled={restoring === 'busy'} onClick={() => void restore()}>
          {restoring === 'busy' ? 'Restoring…' : 'Restore as new version'}
        </button>
        <button type="button" onClick={toFlow}>
          Back to the editor
        </button>
        {typeof restoring === 'object' && (
          <span className="error" role="alert">
            {restoring.error}
          </span>
        )}
      </section>
      <div className="editor-body">
        <ReadOnlyCanvas
          model={shown.model}
          diagnostics={shown.diagnostics}
          overlay={comparison?.overlay}
          status={`version ${version}, read-only`}
        />
        <aside className="editor-side">
          {comparison && compare !== undefined ? (
            <DiffSummary
              title={`Version ${compare} → version ${version}`}
              entries={comparison.entries}
              identical={comparison.identical}
              onFocus={focus}
              onClose={() => navigate({ instance, flow, version })}
            />
          ) : (
            <CompareSince
              versions={shown.versions.filter((v) => v !== version)}
              onCompare={(since) => navigate({ instance, flow, version, compare: since })}
            />
          )}
        </aside>
      </div>
    </div>
  );
}

/** Colours the version shown by its changes since another one. */
export function CompareSince(props: { versions: readonly number[]; onCompare(version: number): void }) {
  if (props.versions.length === 0) return <p className="hint">No other version to compare with.</p>;
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    props.onCompare(Number(new FormData(e.currentTarget).get('since')));
  };
  return (
    <form className="compare-form" onSubmit={submit}>
      <label>
        Show changes since version{' '}
        <select name="since" aria-label="Changes since">
          {props.versions.map((v) => (
            <option key={v} value={v}>
              {v}
            </option>
          ))}
        </select>
      </label>{' '}
      <button type="submit">Compare</button>
    </form>
  );
}
