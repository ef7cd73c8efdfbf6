import { type ImportedReference, type ImportReport, KIND_LABELS } from '@parley/flow';
import { optionFor } from '../inspector/resources.js';
import { type InstanceResources, useResourceList } from '../inspector/useInstanceResources.js';
import { fixKey, RESOLUTION_LABELS, resolutionCounts } from './importLogic.js';

/**
 * The dry run's resolution report: every reference (kind, value in the file, how it resolved and
 * the instance resource it now names) with a picker to send it elsewhere, and every diagnostic with
 * its code.
 */
export function ImportReportView(props: {
  report: ImportReport;
  resources: InstanceResources | undefined;
  fixes: Readonly<Record<string, string>>;
  onFix: (key: string, value: string) => void;
}) {
  const { report } = props;
  const { resolved, unresolved } = resolutionCounts(report);
  return (
    <section className="import-report" aria-label="Resolution report">
      <p className="import-summary">
        {report.flowType ?? 'Not a flow'}
        {report.name !== undefined && ` · “${report.name}”`} · {report.references.length} reference
        {report.references.length === 1 ? '' : 's'}: {resolved} resolved, {unresolved} unresolved
      </p>
      {report.references.length > 0 && (
        <table className="import-references">
          <thead>
            <tr>
              <th scope="col">Kind</th>
              <th scope="col">In the file</th>
              <th scope="col">Resolved by</th>
              <th scope="col">Now names</th>
            </tr>
          </thead>
          <tbody>
            {report.references.map((ref) => {
              const key = fixKey(ref, report.references);
              return (
                <ReferenceRow
                  key={`${ref.actionId} ${ref.parameter}`}
                  reference={ref}
                  resources={props.resources}
                  fixed={props.fixes[key] ?? ''}
                  onFix={(value) => props.onFix(key, value)}
                />
              );
            })}
          </tbody>
        </table>
      )}
      {report.errors.length > 0 && (
        <ul className="import-diagnostics" aria-label="Import diagnostics">
          {report.errors.map((d, i) => (
            // Diagnostics have no identity of their own; the list is rebuilt on each dry run.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            <li key={i} data-severity={d.severity}>
              <code>{d.code}</code>{' '}
              {d.actionId !== undefined && <span className="where">{d.actionId}: </span>}
              {d.message}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** One reference, and the picker that maps it to a resource of its kind. */
export function ReferenceRow(props: {
  reference: ImportedReference;
  resources: InstanceResources | undefined;
  /** The picked value, '' for none. */
  fixed: string;
  onFix: (value: string) => void;
}) {
  const { reference: ref } = props;
  const list = useResourceList(props.resources, ref.kind);
  const options = list?.state === 'done' ? list.options : [];
  const target = ref.target === null ? undefined : optionFor(options, ref.target);
  const label = KIND_LABELS[ref.kind];
  return (
    <tr data-resolution={ref.resolution} data-action-id={ref.actionId}>
      <td>{label}</td>
      <td className="import-value">
        <span title={ref.arn}>{ref.arn}</span>
        {ref.name !== null && <span className="import-name"> “{ref.name}”</span>}
        <span className="where">
          {' '}
          {ref.actionId} · {ref.parameter}
        </span>
      </td>
      <td className="import-resolution">{RESOLUTION_LABELS[ref.resolution]}</td>
      <td>
        {ref.target !== null && <span className="import-target">{target?.name ?? ref.target}</span>}
        {list === undefined ? null : (
          <select
            aria-label={`Map ${label} ${ref.name ?? ref.arn}`}
            value={props.fixed}
            onChange={(e) => props.onFix(e.target.value)}
          >
            <option value="">{ref.resolution === 'unresolved' ? `Pick a ${label}…` : 'As resolved'}</option>
            {options.map((o) => (
              <option key={o.arn} value={o.value}>
                {o.name}
              </option>
            ))}
            {list.state === 'loading' && <option disabled>Loading…</option>}
            {list.state === 'failed' && <option disabled>{list.error}</option>}
          </select>
        )}
      </td>
    </tr>
  );
}
