/** The contact's user attributes, as the queue flow left them: the screen pop. */
export function Attributes({ attributes }: { attributes: Record<string, string> }) {
  const entries = Object.entries(attributes);
  if (entries.length === 0) return <p className="hint">No contact attributes.</p>;
  return (
    <dl className="agent-attributes" aria-label="Contact attributes">
      {entries.map(([key, value]) => (
        <div key={key}>
          <dt>{key}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
