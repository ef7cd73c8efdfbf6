import type { FlowSummary } from './api.js';

const byType = (flows: FlowSummary[]): [string, FlowSummary[]][] => {
  const groups = new Map<string, FlowSummary[]>();
  for (const f of flows) groups.set(f.type, [...(groups.get(f.type) ?? []), f]);
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([type, list]) => [type, list.toSorted((a, b) => a.name.localeCompare(b.name))]);
};

/** The instance's flows, grouped by flow type. */
export function FlowList(props: {
  flows: FlowSummary[];
  selected: string | undefined;
  onOpen: (flow: string) => void;
}) {
  if (props.flows.length === 0) return <p className="hint">This instance has no flows yet.</p>;
  return (
    <nav className="flow-list" aria-label="Flows">
      {byType(props.flows).map(([type, flows]) => (
        <section key={type}>
          <h2>{type}</h2>
          <ul>
            {flows.map((f) => (
              <li key={f.id}>
                <button
                  type="button"
                  aria-current={f.id === props.selected || f.name === props.selected ? 'page' : undefined}
                  onClick={() => props.onOpen(f.id)}
                  title={f.description || undefined}
                >
                  {f.name}
                  <span className="version">
                    v{f.latestVersion}
                    {f.publishedVersion === null ? ' · draft' : ` · published v${f.publishedVersion}`}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </nav>
  );
}
