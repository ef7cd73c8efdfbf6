import { type ReactNode, useId } from 'react';
import { FieldFrame } from './FieldFrame.js';
import type { FieldProps } from './types.js';
import { useFieldDraft } from './useFieldDraft.js';
import { displayText, fromNumberText, numberProblem } from './values.js';

/**
 * A number within the catalog's x-range. Saved as Connect saves numbers, a string ("8"), unless
 * the flow holds a JSON number there already.
 */
export function NumberField(props: FieldProps & { aside?: ReactNode }) {
  const { field, value } = props;
  const id = useId();
  const draft = useFieldDraft(displayText(value), (text, group) =>
    props.onChange((old) => fromNumberText(text, old), group),
  );
  const [min, max] = field.range ?? [undefined, undefined];
  return (
    <FieldFrame
      field={field}
      inputId={id}
      note={props.note}
      aside={props.aside}
      problems={[...(props.problems ?? []), numberProblem(draft.text, field)]}
    >
      <input
        id={id}
        type="text"
        inputMode={field.decimal ? 'decimal' : 'numeric'}
        className="number-input"
        placeholder={min !== undefined ? `${min}–${max}` : undefined}
        aria-invalid={numberProblem(draft.text, field) ? true : undefined}
        value={draft.text}
        onChange={(e) => draft.onChange(e.target.value)}
        onFocus={draft.onFocus}
        onBlur={draft.onBlur}
        onKeyDown={draft.onKeyDown}
      />
      {min !== undefined && (
        <span className="field-range">
          {min} to {max}
        </span>
      )}
    </FieldFrame>
  );
}
