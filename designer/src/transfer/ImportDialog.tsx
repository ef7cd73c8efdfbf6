import { type DragEvent, useState } from 'react';
import type { Api, FlowSummary } from '../app/api.js';
import { ApiError } from '../app/api.js';
import { type InstanceResources, useInstanceResources } from '../inspector/useInstanceResources.js';
import { ImportReportView } from './ImportReport.js';
import type { ImportTarget } from './importLogic.js';
import { type ImportSource, type ImportState, useImport } from './useImport.js';
import './transfer.css';

/** The import dialog over the instance: file or paste, target, report with fix-ups, Import. */
export function ImportDialog(props: {
  api: Api;
  instance: string;
  flows: readonly FlowSummary[];
  onImported: (flowId: string) => void;
  onClose: () => void;
}) {
  const state = useImport(props.api, props.instance);
  // Its own lists: resources made on the resource pages since the canvas cached them are offered.
  const resources = useInstanceResources(props.api, props.instance);
  const submit = async () => {
    const id = await state.runImport();
    if (id) props.onImported(id);
  };
  return <ImportDialogView {...props} state={state} resources={resources} onImport={() => void submit()} />;
}

/** The dialog as a function of its state (rendered by the tests and stories without a server). */
export function ImportDialogView(props: {
  state: ImportState;
  flows: readonly FlowSummary[];
  resources: InstanceResources | undefined;
  onImport: () => void;
  onClose: () => void;
}) {
  const { state } = props;
  const [dragging, setDragging] = useState(false);
  const drop = async (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const file = e.dataTransfer.files[0];
    if (file) state.setSource({ text: await file.text(), fileName: file.name });
  };
  return (
    <div className="modal-backdrop">
      <div
        className="import-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="import-title"
        data-dragging={dragging || undefined}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => void drop(e)}
      >
        <h2 id="import-title">Import flow</h2>
        <SourcePicker source={state.source} onSource={state.setSource} />
        <TargetPicker
          target={state.target}
          flows={props.flows}
          flowType={state.dryRun.state === 'done' ? state.dryRun.result.report.flowType : null}
          onTarget={state.setTarget}
        />
        {state.dryRun.state === 'running' && <p className="hint">Checking the file against the instance…</p>}
        {state.dryRun.state === 'failed' && <ProblemLine error={state.dryRun.error} />}
        {state.dryRun.state === 'done' && (
          <ImportReportView
            report={state.dryRun.result.report}
            resources={props.resources}
            fixes={state.fixes}
            onFix={state.fix}
          />
        )}
        {state.problem && <ProblemLine error={state.problem} />}
        <footer>
          <button type="button" onClick={props.onClose}>
            Cancel
          </button>
          <button
            type="button"
            className="primary"
            disabled={state.blocker !== undefined || state.importing}
            title={state.blocker}
            onClick={props.onImport}
          >
            {state.importing ? 'Importing…' : 'Import'}
          </button>
        </footer>
      </div>
    </div>
  );
}

function SourcePicker(props: {
  source: ImportSource | undefined;
  onSource: (s: ImportSource | undefined) => void;
}) {
  const { source } = props;
  return (
    <fieldset className="import-source">
      <legend>Flow JSON</legend>
      <label>
        File (or drop one here){' '}
        <input
          type="file"
          accept=".json,application/json"
          aria-label="Flow file"
          onChange={async (e) => {
            const file = e.target.files?.[0];
            if (file) props.onSource({ text: await file.text(), fileName: file.name });
          }}
        />
      </label>
      {source?.fileName && <p className="hint">{source.fileName}</p>}
      <textarea
        aria-label="Flow JSON text"
        placeholder="…or paste the flow's JSON"
        rows={4}
        value={source && source.fileName === undefined ? source.text : ''}
        onChange={(e) => props.onSource(e.target.value.trim() ? { text: e.target.value } : undefined)}
      />
    </fieldset>
  );
}

function TargetPicker(props: {
  target: ImportTarget;
  flows: readonly FlowSummary[];
  flowType: string | null;
  onTarget: (t: ImportTarget) => void;
}) {
  const { target, flows, flowType } = props;
  // Only flows of the file's type can take it as a version; the server says why others cannot.
  const matching = flowType === null ? flows : flows.filter((f) => f.type === flowType);
  return (
    <fieldset className="import-target-picker">
      <legend>Import as</legend>
      <label>
        <input
          type="radio"
          name="import-target"
          checked={target.mode === 'new'}
          onChange={() => props.onTarget({ mode: 'new', name: '' })}
        />{' '}
        New flow
      </label>
      {target.mode === 'new' && (
        <span className="import-new">
          <input
            aria-label="New flow name"
            placeholder="Name"
            maxLength={127}
            value={target.name}
            onChange={(e) => props.onTarget({ mode: 'new', name: e.target.value })}
          />
          <span className="hint">Type: {flowType ?? 'read from the file'}</span>
        </span>
      )}
      <label>
        <input
          type="radio"
          name="import-target"
          checked={target.mode === 'version'}
          onChange={() => props.onTarget({ mode: 'version', flow: '' })}
        />{' '}
        New version of
      </label>
      {target.mode === 'version' && (
        <select
          aria-label="Flow to import into"
          value={target.flow}
          onChange={(e) => props.onTarget({ mode: 'version', flow: e.target.value })}
        >
          <option value="">Pick a flow…</option>
          {matching.map((f) => (
            <option key={f.id} value={f.id}>
              {f.name} ({f.type})
            </option>
          ))}
        </select>
      )}
    </fieldset>
  );
}

/** A refusal with its code and the diagnostics that came with it. */
export function ProblemLine({ error }: { error: Error }) {
  const api = error instanceof ApiError ? error : undefined;
  return (
    <div className="error" role="alert">
      {api?.code && <code>{api.code}</code>} {error.message}
      {api?.body.diagnostics && api.body.diagnostics.length > 0 && (
        <ul>
          {api.body.diagnostics.map((d) => (
            <li key={`${d.code} ${d.path ?? ''} ${d.message}`}>
              <code>{d.code}</code> {d.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
