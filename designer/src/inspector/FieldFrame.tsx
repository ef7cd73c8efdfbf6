import type { ReactNode } from 'react';
import type { Field } from './fields.js';

/** A field's label, help, notes and problems around its input. */
export function FieldFrame(props: {
  field: Field;
  /** The input's id, for the label; a group (list, map, object) has a legend instead. */
  inputId?: string;
  problems?: readonly (string | undefined)[];
  note?: string | undefined;
  /** Drawn beside the label (the static/dynamic toggle). */
  aside?: ReactNode;
  children: ReactNode;
}) {
  const { field } = props;
  const problems = (props.problems ?? []).filter((p): p is string => p !== undefined && p !== '');
  const label = (
    <>
      {field.label}
      {field.required && (
        <span className="field-required" title="Required">
          {' '}
          *
        </span>
      )}
    </>
  );
  const body = (
    <>
      {props.children}
      {field.help && <p className="field-help">{field.help}</p>}
      {props.note && <p className="field-note">{props.note}</p>}
      {problems.map((p) => (
        <p key={p} className="field-problem" role="status">
          {p}
        </p>
      ))}
    </>
  );
  const data = { 'data-field': field.path.join('.') || field.key, 'data-kind': field.kind };
  if (props.inputId === undefined)
    return (
      <fieldset className="field field-group" {...data}>
        <legend>
          {label}
          {props.aside}
        </legend>
        {body}
      </fieldset>
    );
  return (
    <div className="field" {...data}>
      <div className="field-head">
        <label htmlFor={props.inputId}>{label}</label>
        {props.aside}
      </div>
      {body}
    </div>
  );
}
