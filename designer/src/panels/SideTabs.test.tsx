import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { SideTabs } from './SideTabs.js';

const render = (tabs: { id: string; title: string }[]) =>
  renderToStaticMarkup(
    <SideTabs tabs={tabs} selected="test" onSelect={() => {}}>
      <p>content</p>
    </SideTabs>,
  );

describe('SideTabs', () => {
  it('shows one tab per panel, the selected one marked, above the selected panel', () => {
    const html = render([
      { id: 'block', title: 'Block' },
      { id: 'test', title: 'Test call' },
    ]);
    expect(html).toContain('role="tablist"');
    expect(html).toMatch(/aria-selected="true"[^>]*>Test call</);
    expect(html).toMatch(/aria-selected="false"[^>]*>Block</);
    expect(html).toContain('<p>content</p>');
  });

  it('shows no tab bar when there is only one panel', () => {
    expect(render([{ id: 'block', title: 'Block' }])).toBe('<p>content</p>');
  });
});
