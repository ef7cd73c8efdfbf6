import type { Instance } from './api.js';

export function InstancePicker(props: {
  instances: Instance[];
  selected: string | undefined;
  onSelect: (instance: string) => void;
}) {
  return (
    <select
      aria-label="Instance"
      value={props.selected ?? ''}
      onChange={(e) => props.onSelect(e.target.value)}
    >
      <option value="" disabled>
        Choose an instance
      </option>
      {props.instances.map((i) => (
        <option key={i.id} value={i.alias}>
          {i.alias}
        </option>
      ))}
    </select>
  );
}
