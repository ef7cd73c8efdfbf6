import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ObjectField } from './ObjectField.js';
import { fieldProps } from './test-fields.js';
import type { FieldProps } from './types.js';

const dtmf = (value: unknown) => fieldProps('GetParticipantInput', 'DTMFConfiguration', value);

/** The child fields ObjectField hands to FieldView (it uses no hooks, so it can be called). */
const children = (props: FieldProps): ReactElement<FieldProps>[] =>
  (ObjectField(props) as ReactElement<{ children: ReactElement<FieldProps>[] }>).props.children;

const child = (props: FieldProps, key: string) => {
  const found = children(props).find((c) => c.props.field.key === key);
  if (!found) throw new Error(`no child ${key}`);
  return found.props;
};

describe('ObjectField', () => {
  it('draws the object as a group with a field per catalog property, each showing its value', () => {
    const html = renderToStaticMarkup(<ObjectField {...dtmf({ InterdigitTimeLimitSeconds: '3' })} />);
    expect(html).toMatch(
      /^<fieldset class="field field-group" data-field="DTMFConfiguration" data-kind="object">/,
    );
    expect(html).toContain('<legend>DTMF configuration</legend>');
    expect(html).toContain('data-field="DTMFConfiguration.InputTerminationSequence" data-kind="text"');
    expect(html).toContain('data-field="DTMFConfiguration.DisableCancelKey" data-kind="boolean"');
    expect(html).toMatch(/placeholder="1–20" value="3"/);
  });

  it('shows its problems and the object’s help', () => {
    const html = renderToStaticMarkup(
      <ObjectField
        {...fieldProps('MessageParticipant', 'Media', undefined)}
        problems={['Media needs a Uri']}
      />,
    );
    expect(html).toContain('<p class="field-help">Audio file played from S3.</p>');
    expect(html).toContain('<p class="field-problem" role="status">Media needs a Uri</p>');
  });

  it('sets an edited property inside the object, keeping the keys the catalog does not list', () => {
    const props = dtmf({ InterdigitTimeLimitSeconds: '3', Unlisted: 'kept' });
    child(props, 'DisableCancelKey').onChange(() => 'true');
    expect(props.edits).toEqual([
      { InterdigitTimeLimitSeconds: '3', Unlisted: 'kept', DisableCancelKey: 'true' },
    ]);
  });

  it('makes an object for the first property set, and drops it when the last one is cleared', () => {
    const empty = dtmf(undefined);
    child(empty, 'InterdigitTimeLimitSeconds').onChange(() => '5');
    expect(empty.edits).toEqual([{ InterdigitTimeLimitSeconds: '5' }]);
    const one = dtmf({ InterdigitTimeLimitSeconds: '5' });
    child(one, 'InterdigitTimeLimitSeconds').onChange(() => undefined);
    expect(one.edits).toEqual([undefined]);
  });

  it('passes an edit’s undo group through', () => {
    const groups: unknown[] = [];
    const props = { ...dtmf(undefined), onChange: (_: unknown, group?: string) => groups.push(group) };
    child(props, 'InputTerminationSequence').onChange(() => '#', 'typing');
    expect(groups).toEqual(['typing']);
  });
});
