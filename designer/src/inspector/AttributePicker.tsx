import { type ReactNode, useId } from 'react';
import { pathProblem } from './attributes.js';
import { FieldFrame } from './FieldFrame.js';
import { type FieldProps, to } from './types.js';
import { useFieldDraft } from './useFieldDraft.js';
import { displayText, fromText } from './values.js';

/** The id of the one list of JSONPath suggestions an inspector draws (PathSuggestions). */
export const PATHS_LIST_ID = 'inspector-paths';

/** A JSONPath (`$.Attributes.x`, `$.External.y`…), typed with the flow's suggestions and checked. */
export function AttributePicker(props: FieldProps & { aside?: ReactNode }) {
  const id = useId();
  const draft = useFieldDraft(displayText(props.value), (text, group) =>
    props.onChange(to(fromText(text.trim())), group),
  );
  return (
    <FieldFrame
      field={props.field}
      inputId={id}
      note={props.note}
      aside={props.aside}
      problems={[...(props.problems ?? []), pathProblem(draft.text.trim())]}
    >
      <input
        id={id}
        type="text"
        className="path-input"
        list={PATHS_LIST_ID}
        placeholder="$.Attributes.name"
        spellCheck={false}
        autoComplete="off"
        value={draft.text}
        onChange={(e) => draft.onChange(e.target.value)}
        onFocus={draft.onFocus}
        onBlur={draft.onBlur}
        onKeyDown={draft.onKeyDown}
      />
    </FieldFrame>
  );
}

/** The suggestions every attribute picker of the inspector offers (one datalist for them all). */
export function PathSuggestions(props: { paths: readonly string[] }) {
  return (
    <datalist id={PATHS_LIST_ID}>
      {props.paths.map((p) => (
        <option key={p} value={p} />
      ))}
    </datalist>
  );
}
