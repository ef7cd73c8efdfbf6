import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { JsonField } from './JsonField.js';
import { fieldProps } from './test-fields.js';

describe('JsonField', () => {
  it('shows any value as JSON, kept as it is', () => {
    const html = renderToStaticMarkup(
      <JsonField
        {...fieldProps('UpdateContactData', 'References', { Case: { Value: 'x', Type: 'STRING' } })}
      />,
    );
    expect(html).toMatch(/<textarea[^>]*class="json"/);
    expect(html).toContain('&quot;Case&quot;: {');
  });
});
