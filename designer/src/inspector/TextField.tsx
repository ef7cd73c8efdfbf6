import { type ReactNode, useId } from 'react';
import { FieldFrame } from './FieldFrame.js';
import type { FieldProps } from './types.js';
import { to } from './types.js';
import { useFieldDraft } from './useFieldDraft.js';
import { displayText, fromText, patternProblem, ssmlProblem } from './values.js';

/**
 * Text: one line for a static value, a box for text that may embed `$.` references (with a menu
 * that inserts one), and an SSML mode (monospace, checked for <speak>…</speak>).
 */
export function TextField(props: FieldProps & { aside?: ReactNode }) {
  const { field, ctx } = props;
  const id = useId();
  const draft = useFieldDraft(displayText(props.value), (text, group) =>
    props.onChange(to(fromText(text)), group),
  );
  const ssml = field.kind === 'ssml';
  const embeds = field.dynamic === 'text';
  const common = {
    id,
    value: draft.text,
    onChange: (e: { target: { value: string } }) => draft.onChange(e.target.value),
    onFocus: draft.onFocus,
    onBlur: draft.onBlur,
    onKeyDown: draft.onKeyDown,
    spellCheck: !ssml,
    'aria-invalid': props.problems?.length ? true : undefined,
  };
  return (
    <FieldFrame
      field={field}
      note={props.note}
      aside={props.aside}
      inputId={id}
      problems={[
        ...(props.problems ?? []),
        ssml ? ssmlProblem(draft.text) : patternProblem(draft.text, field),
      ]}
    >
      {ssml || embeds ? (
        <textarea {...common} rows={ssml ? 4 : 2} className={ssml ? 'ssml' : undefined} />
      ) : (
        <input {...common} type="text" />
      )}
      {embeds && ctx.paths.length > 0 && (
        <select
          className="insert-reference"
          aria-label={`Insert a reference into ${field.label}`}
          value=""
          onChange={(e) => e.target.value !== '' && draft.onChange(`${draft.text}${e.target.value}`)}
        >
          <option value="">Insert $.reference…</option>
          {ctx.paths
            .filter((p) => !p.endsWith('.'))
            .map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
        </select>
      )}
    </FieldFrame>
  );
}
