import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ListField } from './ListField.js';
import { ObjectField } from './ObjectField.js';
import { fieldProps } from './test-fields.js';

describe('ListField', () => {
  it('edits each item with the item field, numbered, and adds more', () => {
    const html = renderToStaticMarkup(<ListField {...fieldProps('Wait', 'Events', ['CustomerReturned'])} />);
    expect(html).toContain('Events 1');
    expect(html).toContain('<option value="CustomerReturned" selected="">CustomerReturned</option>');
    expect(html).toContain('aria-label="Remove Events 1"');
    expect(html).toContain('>Add</button>');
  });
});

describe('ObjectField', () => {
  it("groups an object's properties, reading each from its place", () => {
    const html = renderToStaticMarkup(
      <ObjectField
        {...fieldProps('GetParticipantInput', 'DTMFConfiguration', { InterdigitTimeLimitSeconds: '3' })}
      />,
    );
    expect(html).toContain('<legend>DTMF configuration');
    expect(html).toContain('data-field="DTMFConfiguration.InterdigitTimeLimitSeconds"');
    expect(html).toMatch(/value="3"/);
    expect(html).toContain('Disable cancel key');
  });
});
