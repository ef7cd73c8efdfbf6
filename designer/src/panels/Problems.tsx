import type { Diagnostic } from '@parley/flow';
import './panels.css';

const RANK: Readonly<Record<string, number>> = { error: 0, warning: 1, info: 2 };

/** Errors first, then warnings, then the rest; the validator's order within each. */
export const bySeverity = (diagnostics: readonly Diagnostic[]): Diagnostic[] =>
  diagnostics.toSorted((a, b) => (RANK[a.severity] ?? 3) - (RANK[b.severity] ?? 3));

export const countOf = (diagnostics: readonly Diagnostic[], severity: Diagnostic['severity']): number =>
  diagnostics.filter((d) => d.severity === severity).length;

/**
 * Diagnostics with their code and message; one that belongs to a block is a button that selects it
 * and brings it into view.
 */
export function DiagnosticList(props: {
  diagnostics: readonly Diagnostic[];
  /** Block labels by Identifier, to name the block a diagnostic is about. */
  labels?: ReadonlyMap<string, string>;
  onSelect: (actionId: string) => void;
}) {
  return (
    <ul className="diagnostics">
      {bySeverity(props.diagnostics).map((d, i) => {
        const body = (
          <>
            <span className="diagnostic-code">{d.code}</span> {d.message}
            {d.actionId !== undefined && (
              <span className="diagnostic-block"> · {props.labels?.get(d.actionId) ?? d.actionId}</span>
            )}
          </>
        );
        return (
          // Diagnostics have no identity of their own; the list is rebuilt whole on each validation.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <li key={i} data-severity={d.severity}>
            {d.actionId === undefined ? (
              body
            ) : (
              <button type="button" onClick={() => d.actionId !== undefined && props.onSelect(d.actionId)}>
                {body}
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}

/** The validator's live diagnostics for the flow being edited. */
export function ProblemsPanel(props: {
  diagnostics: readonly Diagnostic[];
  labels?: ReadonlyMap<string, string>;
  onSelect: (actionId: string) => void;
}) {
  const errors = countOf(props.diagnostics, 'error');
  const warnings = countOf(props.diagnostics, 'warning');
  return (
    <details className="problems" open={errors > 0}>
      <summary>
        Problems · {errors} error{errors === 1 ? '' : 's'} · {warnings} warning{warnings === 1 ? '' : 's'}
        {props.diagnostics.length > errors + warnings &&
          ` · ${props.diagnostics.length - errors - warnings} notes`}
      </summary>
      {props.diagnostics.length === 0 ? (
        <p className="hint">No problems.</p>
      ) : (
        <DiagnosticList diagnostics={props.diagnostics} labels={props.labels} onSelect={props.onSelect} />
      )}
    </details>
  );
}
