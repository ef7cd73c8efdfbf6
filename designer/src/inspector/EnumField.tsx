import { type ReactNode, useId } from 'react';
import { FieldFrame } from './FieldFrame.js';
import { type FieldProps, to } from './types.js';
import { displayText, readBoolean, writeBoolean } from './values.js';

/** One of the catalog's values; a value the catalog does not list is kept and shown as such. */
export function EnumField(props: FieldProps & { aside?: ReactNode }) {
  const { field } = props;
  const id = useId();
  const current = displayText(props.value);
  const options = field.options ?? [];
  const unknown = current !== '' && !options.includes(current);
  return (
    <FieldFrame
      field={field}
      inputId={id}
      note={props.note}
      aside={props.aside}
      problems={[
        ...(props.problems ?? []),
        unknown ? `${current} is not one of the values this block takes; kept as it is` : undefined,
      ]}
    >
      <select
        id={id}
        value={current}
        onChange={(e) => props.onChange(to(e.target.value === '' ? undefined : e.target.value))}
      >
        <option value="">(not set)</option>
        {options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
        {unknown && <option value={current}>{current} (unknown)</option>}
      </select>
    </FieldFrame>
  );
}

/** True, False or not set, written in the spelling the flow already uses ("True" as Connect does). */
export function BooleanField(props: FieldProps) {
  const { field } = props;
  const id = useId();
  const on = readBoolean(props.value);
  const odd = props.value !== undefined && on === undefined;
  return (
    <FieldFrame
      field={field}
      inputId={id}
      note={props.note}
      problems={[
        ...(props.problems ?? []),
        odd ? `${displayText(props.value)} is neither True nor False; kept as it is` : undefined,
      ]}
    >
      <select
        id={id}
        value={on === undefined ? (odd ? 'odd' : '') : String(on)}
        onChange={(e) => {
          const v = e.target.value;
          if (v === 'odd') return;
          props.onChange((old) => (v === '' ? undefined : writeBoolean(v === 'true', old)));
        }}
      >
        <option value="">(not set)</option>
        <option value="true">True</option>
        <option value="false">False</option>
        {odd && <option value="odd">{displayText(props.value)}</option>}
      </select>
    </FieldFrame>
  );
}
