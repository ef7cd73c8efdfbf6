import { type ReactNode, useState } from 'react';
import { AttributePicker } from './AttributePicker.js';
import { DynamicToggle } from './DynamicToggle.js';
import { BooleanField, EnumField } from './EnumField.js';
import { JsonField } from './JsonField.js';
import { ListField } from './ListField.js';
import { MapField } from './MapField.js';
import { NumberField } from './NumberField.js';
import { ObjectField } from './ObjectField.js';
import { ResourcePicker } from './ResourcePicker.js';
import { TextField } from './TextField.js';
import { type FieldProps, to } from './types.js';
import { hasDynamicToggle, isDynamicValue } from './values.js';

/** The editor for one field, by its kind; with the static/dynamic toggle where the catalog allows it. */
export function FieldView(props: FieldProps) {
  if (hasDynamicToggle(props.field)) return <Toggled {...props} />;
  return <StaticField {...props} />;
}

/**
 * A field that takes a static value or one whole JSONPath. A value decides the mode it shows in;
 * with none, the toggle does. Switching the mode of a set value clears it (one undoable edit).
 */
function Toggled(props: FieldProps) {
  const valueDynamic = isDynamicValue(props.value);
  const [chosen, setChosen] = useState(valueDynamic);
  const set = props.value !== undefined && props.value !== '';
  const dynamic = set ? valueDynamic : chosen;
  const toggle = (
    <DynamicToggle
      dynamic={dynamic}
      label={props.field.label}
      onChange={(d) => {
        setChosen(d);
        if (set && d !== valueDynamic) props.onChange(to(undefined));
      }}
    />
  );
  return dynamic ? <AttributePicker {...props} aside={toggle} /> : <StaticField {...props} aside={toggle} />;
}

function StaticField(props: FieldProps & { aside?: ReactNode }) {
  switch (props.field.kind) {
    case 'text':
    case 'ssml':
      return props.field.dynamic === 'pathOnly' ? <AttributePicker {...props} /> : <TextField {...props} />;
    case 'number':
      return <NumberField {...props} />;
    case 'boolean':
      return <BooleanField {...props} />;
    case 'enum':
      return <EnumField {...props} />;
    case 'resource':
      return <ResourcePicker {...props} />;
    case 'attributes-map':
      return <MapField {...props} />;
    case 'list':
      return <ListField {...props} />;
    case 'object':
      return <ObjectField {...props} />;
    default:
      return <JsonField {...props} />;
  }
}
