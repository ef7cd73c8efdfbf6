import type { LogEntry } from './messages.js';

/** A contact's user-defined attributes as a two-column table. */
export function AttributesTable(props: { attributes: Readonly<Record<string, string>> }) {
  const rows = Object.entries(props.attributes);
  if (rows.length === 0) return <p className="hint">No attributes set.</p>;
  return (
    <table className="testcall-attributes" aria-label="Contact attributes">
      <thead>
        <tr>
          <th scope="col">Attribute</th>
          <th scope="col">Value</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([key, value]) => (
          <tr key={key}>
            <td>{key}</td>
            <td>{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * Flow-log entries in order, each a button that shows its block on the canvas. `current` marks
 * the entry a replay is on.
 */
export function LogList(props: {
  entries: readonly LogEntry[];
  labels: ReadonlyMap<string, string>;
  onSelect: (index: number, identifier: string) => void;
  current?: number;
}) {
  if (props.entries.length === 0) return <p className="hint">No flow-log entry yet.</p>;
  return (
    <ol className="testcall-logs" aria-label="Flow logs">
      {props.entries.map((entry, i) => {
        const id = entry.Identifier ?? '';
        return (
          // Entries of one contact are only ever appended; the index is their identity.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <li key={i} data-block={id} aria-current={props.current === i ? 'step' : undefined}>
            <button type="button" onClick={() => props.onSelect(i, id)}>
              <span className="testcall-log-type">{entry.ContactFlowModuleType}</span>{' '}
              {props.labels.get(id) ?? id}
              {entry.Results !== undefined && (
                <span className="testcall-log-results"> → {entry.Results}</span>
              )}
            </button>
          </li>
        );
      })}
    </ol>
  );
}

/** One entry in full: the block, when, its parameters as Connect logged them, and its results. */
export function EntryDetails(props: { entry: LogEntry; labels: ReadonlyMap<string, string> }) {
  const { entry } = props;
  const id = entry.Identifier ?? '';
  return (
    <dl className="testcall-entry" aria-label="Flow-log entry">
      <dt>Block</dt>
      <dd>
        {props.labels.get(id) ?? id} <span className="hint">({entry.ContactFlowModuleType})</span>
      </dd>
      <dt>Flow</dt>
      <dd>{entry.ContactFlowName}</dd>
      <dt>Time</dt>
      <dd>
        <time dateTime={entry.Timestamp}>{entry.Timestamp}</time>
      </dd>
      <dt>Parameters</dt>
      <dd>
        <pre>{JSON.stringify(entry.Parameters ?? {}, null, 2)}</pre>
      </dd>
      {entry.Results !== undefined && (
        <>
          <dt>Results</dt>
          <dd>{entry.Results}</dd>
        </>
      )}
      {entry.ExternalResults !== undefined && (
        <>
          <dt>External results</dt>
          <dd>
            <pre>{JSON.stringify(entry.ExternalResults, null, 2)}</pre>
          </dd>
        </>
      )}
    </dl>
  );
}
