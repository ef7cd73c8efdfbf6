import { useId } from 'react';
import { FieldFrame } from './FieldFrame.js';
import { FieldView } from './FieldView.js';
import type { Field } from './fields.js';
import type { FieldProps } from './types.js';
import { useFieldDraft } from './useFieldDraft.js';
import { emptyValue, freshKey, objectOf, renameKey } from './values.js';

/**
 * Keys and values (contact attributes, Lambda parameters, tags, event hooks): each entry's key and
 * its value's editor; keys renamed in place, closed key sets picked from a list.
 */
export function MapField(props: FieldProps) {
  const { field, ctx } = props;
  const item: Field = field.item ?? { ...field, kind: 'json', key: '', path: [] };
  const map = objectOf(props.value);
  const keys = Object.keys(map);
  const unused = field.keys?.filter((k) => !keys.includes(k));
  const full = (field.max !== undefined && keys.length >= field.max) || unused?.length === 0;
  const orNothing = (m: Record<string, unknown>) =>
    Object.keys(m).length === 0 && !field.required ? undefined : m;
  return (
    <FieldFrame field={field} note={props.note} problems={props.problems}>
      <ul className="field-map">
        {keys.map((key, i) => (
          // Rows keep their place while a key is typed (renamed in place), so the place is the key.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <li key={i}>
            <KeyInput
              value={key}
              taken={keys}
              options={field.keys ? [key, ...(unused ?? [])] : undefined}
              onRename={(to, group) => props.onChange((old) => renameKey(objectOf(old), key, to), group)}
            />
            <FieldView
              field={{ ...item, label: 'Value' }}
              value={map[key]}
              ctx={ctx}
              onChange={(update, group) =>
                props.onChange((old) => {
                  const m = objectOf(old);
                  return { ...m, [key]: update(m[key]) ?? emptyValue(item) };
                }, group)
              }
            />
            <button
              type="button"
              className="field-remove"
              aria-label={`Remove ${key}`}
              onClick={() =>
                props.onChange((old) => {
                  const { [key]: _, ...others } = objectOf(old);
                  return orNothing(others);
                })
              }
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <button
        type="button"
        className="field-add"
        disabled={full}
        onClick={() =>
          props.onChange((old) => {
            const m = objectOf(old);
            const key = field.keys ? (field.keys.find((k) => !Object.hasOwn(m, k)) ?? '') : freshKey(m);
            return key === '' ? m : { ...m, [key]: emptyValue(item) };
          })
        }
      >
        Add
      </button>
    </FieldFrame>
  );
}

/** A key: typed (renamed as it is typed, one undo step per focus) or picked from the closed set. */
function KeyInput(props: {
  value: string;
  taken: readonly string[];
  options: readonly string[] | undefined;
  onRename(to: string, group?: string): void;
}) {
  const id = useId();
  const draft = useFieldDraft(props.value, (text, group) => {
    if (text !== '' && !props.taken.includes(text)) props.onRename(text, group);
  });
  if (props.options)
    return (
      <select aria-label="Key" id={id} value={props.value} onChange={(e) => props.onRename(e.target.value)}>
        {props.options.map((k) => (
          <option key={k} value={k}>
            {k}
          </option>
        ))}
      </select>
    );
  const problem =
    draft.text === ''
      ? 'A key is needed'
      : draft.text !== props.value && props.taken.includes(draft.text)
        ? `${draft.text} is there already`
        : undefined;
  return (
    <span className="field-key">
      <input
        id={id}
        type="text"
        aria-label="Key"
        spellCheck={false}
        aria-invalid={problem ? true : undefined}
        value={draft.text}
        onChange={(e) => draft.onChange(e.target.value)}
        onFocus={draft.onFocus}
        onBlur={draft.onBlur}
        onKeyDown={draft.onKeyDown}
      />
      {problem && (
        <span className="field-problem" role="status">
          {problem}
        </span>
      )}
    </span>
  );
}
