import { type ComponentType, useState } from 'react';
import { fn } from 'storybook/test';
import { PathSuggestions } from '../inspector/AttributePicker.js';
import { catalogField, testContext } from '../inspector/test-fields.js';
import type { FieldProps } from '../inspector/types.js';
import '../inspector/inspector.css';

/** The props of a catalog field (block type and parameter), as the tests build them. */
export const fieldArgs = (
  type: string,
  key: string,
  value: unknown,
  over: Partial<FieldProps> = {},
): FieldProps => ({
  field: catalogField(type, key),
  value,
  ctx: testContext(),
  onChange: fn(),
  ...over,
});

/**
 * A field as the inspector shows it (its styles and the flow's path suggestions) that takes its own
 * edits, so a story can be tried by typing; `onChange` still hears each.
 */
export function liveField<P extends FieldProps>(Field: ComponentType<P>) {
  return function LiveField(props: P) {
    const [value, setValue] = useState(props.value);
    return (
      <section className="inspector" aria-label="Inspector" style={{ width: 360 }}>
        <Field
          {...props}
          value={value}
          onChange={(update, group) => {
            setValue(update);
            props.onChange(update, group);
          }}
        />
        <PathSuggestions paths={props.ctx.paths} />
      </section>
    );
  };
}
