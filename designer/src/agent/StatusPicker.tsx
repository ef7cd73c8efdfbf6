import type { AgentStatusChoice } from './types.js';

/** The agent's status: Available takes contacts, Offline and the custom ones (Break…) do not. */
export function StatusPicker(props: {
  status: string | undefined;
  customStatuses: readonly string[];
  disabled: boolean;
  onChange: (status: AgentStatusChoice) => void;
}) {
  const choose = (name: string) =>
    props.onChange(name === 'Available' || name === 'Offline' ? name : { custom: name });
  return (
    <label className="agent-status">
      Status
      <select
        value={props.status ?? 'Offline'}
        disabled={props.disabled}
        onChange={(e) => choose(e.target.value)}
        data-routable={props.status === 'Available' ? 'yes' : 'no'}
      >
        <option value="Available">Available</option>
        {props.customStatuses.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
        <option value="Offline">Offline</option>
      </select>
    </label>
  );
}
