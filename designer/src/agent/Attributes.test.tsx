import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Attributes } from './Attributes.js';

describe('Attributes', () => {
  it('lists each attribute with its value', () => {
    const html = renderToStaticMarkup(<Attributes attributes={{ account: '1234', reason: 'Billing' }} />);
    expect(html).toContain('<dt>account</dt><dd>1234</dd>');
    expect(html).toContain('<dt>reason</dt><dd>Billing</dd>');
  });

  it('says so when the contact has none', () => {
    expect(renderToStaticMarkup(<Attributes attributes={{}} />)).toContain('No contact attributes');
  });
});
