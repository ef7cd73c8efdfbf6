import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { MapField } from './MapField.js';
import { fieldProps } from './test-fields.js';

describe('MapField', () => {
  it('shows each key with its value editor, a remove button each and Add', () => {
    const html = renderToStaticMarkup(
      <MapField
        {...fieldProps('UpdateContactAttributes', 'Attributes', {
          tier: 'gold',
          caller: '$.CustomerEndpoint.Address',
        })}
      />,
    );
    expect(html).toMatch(
      /<fieldset class="field field-group" data-field="Attributes" data-kind="attributes-map"><legend>Attributes/,
    );
    expect(html).toContain('aria-label="Key"');
    expect(html).toContain('value="tier"');
    expect(html).toContain('>gold</textarea>');
    expect(html).toContain('aria-label="Remove caller"');
    expect(html).toMatch(/<button type="button" class="field-add">Add<\/button>/);
  });

  it('picks keys from a closed set, and stops adding at the maximum', () => {
    const html = renderToStaticMarkup(
      <MapField {...fieldProps('UpdateContactEventHooks', 'EventHooks', { CustomerQueue: 'arn:flow' })} />,
    );
    expect(html).toContain('<option value="CustomerQueue" selected="">CustomerQueue</option>');
    expect(html).toContain('<option value="AgentHold">AgentHold</option>');
    expect(html).toMatch(/class="field-add" disabled="">Add/);
  });
});
