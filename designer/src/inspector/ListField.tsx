import { FieldFrame } from './FieldFrame.js';
import { FieldView } from './FieldView.js';
import type { Field } from './fields.js';
import type { FieldProps } from './types.js';
import { emptyValue } from './values.js';

const listOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** A list: one editor per item, remove buttons and an Add button (up to the schema's maximum). */
export function ListField(props: FieldProps) {
  const { field, ctx } = props;
  const item: Field = field.item ?? { ...field, kind: 'json', key: '', path: [] };
  const items = listOf(props.value);
  const full = field.max !== undefined && items.length >= field.max;
  // A required list stays, empty; another goes with its last item.
  const orNothing = (list: unknown[]) => (list.length === 0 && !field.required ? undefined : list);
  return (
    <FieldFrame field={field} note={props.note} problems={props.problems}>
      <ol className="field-list">
        {items.map((value, i) => (
          // Items have no identity but their place; an edit never reorders them.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <li key={i}>
            <FieldView
              field={{ ...item, label: `${item.label} ${i + 1}` }}
              value={value}
              ctx={ctx}
              onChange={(update, group) =>
                props.onChange(
                  (old) => listOf(old).map((x, j) => (j === i ? (update(x) ?? emptyValue(item)) : x)),
                  group,
                )
              }
            />
            <button
              type="button"
              className="field-remove"
              aria-label={`Remove ${item.label} ${i + 1}`}
              onClick={() => props.onChange((old) => orNothing(listOf(old).filter((_, j) => j !== i)))}
            >
              ×
            </button>
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="field-add"
        disabled={full}
        onClick={() => props.onChange((old) => [...listOf(old), emptyValue(item)])}
      >
        Add
      </button>
    </FieldFrame>
  );
}
