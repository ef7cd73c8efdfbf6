import { FieldFrame } from './FieldFrame.js';
import { FieldView } from './FieldView.js';
import type { FieldProps } from './types.js';
import { getAt, objectOf, setAt } from './values.js';

/** An object parameter: its properties' fields, grouped. Keys it holds that the catalog does not list stay. */
export function ObjectField(props: FieldProps) {
  const { field, ctx } = props;
  const depth = field.path.length;
  return (
    <FieldFrame field={field} note={props.note} problems={props.problems}>
      {(field.fields ?? []).map((child) => {
        const rel = child.path.slice(depth);
        return (
          <FieldView
            key={child.key}
            field={child}
            value={getAt(props.value, rel)}
            ctx={ctx}
            onChange={(update, group) =>
              props.onChange((old) => {
                const next = setAt(objectOf(old), rel, update(getAt(old, rel)));
                // An object left empty goes, as a cleared value does.
                return Object.keys(next).length === 0 ? undefined : next;
              }, group)
            }
          />
        );
      })}
    </FieldFrame>
  );
}
