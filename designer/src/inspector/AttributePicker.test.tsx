import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { AttributePicker, PATHS_LIST_ID, PathSuggestions } from './AttributePicker.js';
import { fieldProps } from './test-fields.js';

describe('AttributePicker', () => {
  it('takes a JSONPath with the suggestions list', () => {
    const html = renderToStaticMarkup(
      <AttributePicker {...fieldProps('Compare', 'ComparisonValue', '$.Attributes.tier')} />,
    );
    expect(html).toContain(`list="${PATHS_LIST_ID}"`);
    expect(html).toContain('value="$.Attributes.tier"');
    expect(html).toContain('placeholder="$.Attributes.name"');
    expect(html).not.toContain('field-problem');
  });

  it('says when the value is not a path of the flow data', () => {
    expect(
      renderToStaticMarkup(<AttributePicker {...fieldProps('Compare', 'ComparisonValue', '$.Nope')} />),
    ).toContain('$.Nope is not part of the flow data');
    expect(
      renderToStaticMarkup(<AttributePicker {...fieldProps('Compare', 'ComparisonValue', 'tier')} />),
    ).toContain('Not a JSONPath: must start with $');
  });

  it('draws the suggestions once, as a datalist', () => {
    const html = renderToStaticMarkup(<PathSuggestions paths={['$.ContactId', '$.Attributes.x']} />);
    expect(html).toBe(
      `<datalist id="${PATHS_LIST_ID}"><option value="$.ContactId"></option><option value="$.Attributes.x"></option></datalist>`,
    );
  });
});
