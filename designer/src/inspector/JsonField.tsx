import { useId, useState } from 'react';
import { FieldFrame } from './FieldFrame.js';
import { type FieldProps, to } from './types.js';
import { fromJsonText } from './values.js';

const show = (value: unknown) => (value === undefined ? '' : JSON.stringify(value, null, 2));

/** Any value, as JSON: what the form cannot draw is still seen and edited, and kept as it is. */
export function JsonField(props: FieldProps) {
  const id = useId();
  const [draft, setDraft] = useState<string | undefined>(undefined);
  const text = draft ?? show(props.value);
  const parsed = fromJsonText(text);
  const error = 'error' in parsed ? `Not JSON: ${parsed.error}` : undefined;
  return (
    <FieldFrame
      field={props.field}
      inputId={id}
      note={props.note}
      problems={[...(props.problems ?? []), error]}
    >
      <textarea
        id={id}
        className="json"
        spellCheck={false}
        rows={Math.min(10, Math.max(2, text.split('\n').length))}
        value={text}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={() => {
          // Committed whole at blur: half-typed JSON is no value.
          if ('value' in parsed && draft !== undefined && draft !== show(props.value))
            props.onChange(to(parsed.value));
          if (!error) setDraft(undefined);
        }}
      />
    </FieldFrame>
  );
}
