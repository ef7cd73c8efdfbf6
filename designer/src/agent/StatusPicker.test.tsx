import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { StatusPicker } from './StatusPicker.js';

describe('StatusPicker', () => {
  it('offers Available, the custom statuses and Offline, with the current one chosen', () => {
    const html = renderToStaticMarkup(
      <StatusPicker
        status="Break"
        customStatuses={['Break', 'Training']}
        disabled={false}
        onChange={() => {}}
      />,
    );
    expect([...html.matchAll(/<option value="([^"]+)"/g)].map((m) => m[1])).toEqual([
      'Available',
      'Break',
      'Training',
      'Offline',
    ]);
    expect(html).toContain('<option value="Break" selected="">');
  });

  it('marks Available as routable', () => {
    const html = renderToStaticMarkup(
      <StatusPicker status="Available" customStatuses={[]} disabled onChange={() => {}} />,
    );
    expect(html).toContain('data-routable="yes"');
    expect(html).toContain('disabled');
  });
});
