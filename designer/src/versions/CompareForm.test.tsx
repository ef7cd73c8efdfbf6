import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { CompareForm } from './CompareForm.js';

describe('CompareForm', () => {
  it('compares the version before the latest with the draft unless told otherwise', () => {
    const html = renderToStaticMarkup(
      <CompareForm versions={[3, 2, 1]} versionsAsTarget onCompare={() => {}} />,
    );
    expect(html).toMatch(/<option value="2" selected="">2<\/option>/);
    expect(html).toMatch(/<option value="draft" selected="">the draft<\/option>/);
    expect(html).toContain('<option value="1">version 1</option>');
  });

  it('offers only the draft where another version cannot be shown, and nothing without versions', () => {
    const html = renderToStaticMarkup(
      <CompareForm versions={[1]} versionsAsTarget={false} onCompare={() => {}} />,
    );
    expect(html).toMatch(/<option value="1" selected="">1<\/option>/);
    expect(html).not.toContain('version 1</option>');
    expect(renderToStaticMarkup(<CompareForm versions={[]} versionsAsTarget onCompare={() => {}} />)).toBe(
      '',
    );
  });
});
