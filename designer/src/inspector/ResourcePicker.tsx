import type { ResourceKind } from '@parley/flow';
import { type ReactNode, useId } from 'react';
import { FieldFrame } from './FieldFrame.js';
import { optionFor, type ResourceOption } from './resources.js';
import { TextField } from './TextField.js';
import { type FieldProps, to } from './types.js';
import { type ResourceList, useResourceList } from './useInstanceResources.js';
import { displayText } from './values.js';

const KIND_NAMES: Readonly<Partial<Record<ResourceKind, string>>> = {
  queue: 'queue',
  agent: 'agent',
  flow: 'flow',
  module: 'module',
  prompt: 'prompt',
  hours: 'hours of operation',
  lambda: 'Lambda function',
  lexBot: 'Lex bot',
  lexV2Alias: 'Lex V2 bot alias',
  phoneNumber: 'phone number',
};

/**
 * One of the instance's resources of the field's kind, shown by name, saved as what Connect saves
 * (its ARN). A value the instance does not have (another account's ARN, a deleted resource) is
 * kept as it is, with a warning; a kind with no list, or no list at hand, takes text.
 */
export function ResourcePicker(props: FieldProps & { aside?: ReactNode }) {
  const kind = props.field.resource ?? 'queue';
  const list = useResourceList(props.ctx.resources, kind);
  if (list === undefined || list.state === 'idle' || list.state === 'failed')
    return <TextField {...props} problems={[...(props.problems ?? []), failure(list)].filter(isText)} />;
  return <ResourceSelect {...props} kind={kind} list={list} />;
}

const isText = (s: string | undefined): s is string => s !== undefined;
const failure = (list: ResourceList | undefined) =>
  list?.state === 'failed' ? `The instance's list could not be read: ${list.error}` : undefined;

function ResourceSelect(
  props: FieldProps & {
    aside?: ReactNode;
    kind: ResourceKind;
    list: Exclude<ResourceList, { state: 'idle' } | { state: 'failed' }>;
  },
) {
  const { field, list, kind, ctx } = props;
  const id = useId();
  const current = displayText(props.value);
  const options: ResourceOption[] = list.state === 'done' ? list.options : [];
  const found = current === '' ? undefined : optionFor(options, current);
  const unknown = current !== '' && found === undefined && list.state === 'done';
  const name = KIND_NAMES[kind] ?? kind;
  return (
    <FieldFrame
      field={field}
      inputId={id}
      note={props.note}
      aside={
        <>
          {props.aside}
          <button
            type="button"
            className="field-refresh"
            aria-label={`Reload the ${name} list`}
            title="Reload the list"
            onClick={() => ctx.resources?.refresh(kind)}
          >
            ↻
          </button>
        </>
      }
      problems={[
        ...(props.problems ?? []),
        unknown ? `Not a ${name} of this instance; kept as it is` : undefined,
      ]}
    >
      <select
        id={id}
        value={current}
        disabled={list.state === 'loading'}
        onChange={(e) => props.onChange(to(e.target.value === '' ? undefined : e.target.value))}
      >
        <option value="">{list.state === 'loading' ? 'Loading…' : `(no ${name})`}</option>
        {options.map((o) => (
          // The entry the value names keeps the value as written (an ID stays an ID until picked).
          <option key={o.id} value={o === found ? current : o.value}>
            {o.name}
          </option>
        ))}
        {current !== '' && found === undefined && <option value={current}>{current}</option>}
      </select>
    </FieldFrame>
  );
}
