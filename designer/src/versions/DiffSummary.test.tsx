import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { DiffSummary } from './DiffSummary.js';

const noop = () => {};

describe('DiffSummary', () => {
  it('lists each change with its details, block changes as buttons, flow changes as text, and the legend', () => {
    const html = renderToStaticMarkup(
      <DiffSummary
        title="Version 2 → draft"
        identical={false}
        entries={[
          { kind: 'added', blockId: 'Promo', block: 'Play prompt (Promo)', details: ['MessageParticipant'] },
          { kind: 'rewired', blockId: 'Menu', block: 'Get input (Menu)', details: ['Equals 1: A → B'] },
          { kind: 'flow', details: ['Entry: A → B'] },
        ]}
        onFocus={noop}
        onClose={noop}
      />,
    );
    expect(html).toContain('<h3>Version 2 → draft</h3>');
    expect(html).toContain('Stop comparing');
    expect(html).toMatch(
      /data-kind="added"><button[^>]*><span class="diff-kind">Added<\/span> Play prompt \(Promo\)/,
    );
    expect(html).toContain('<span class="diff-detail">Equals 1: A → B</span>');
    expect(html).toMatch(/data-kind="flow"><span class="diff-kind">Flow<\/span> the flow/);
    expect(html).toContain('aria-label="Legend"');
    expect(html).toContain('Block removed (ghost)');
  });

  it('says when only the layout differs', () => {
    const html = renderToStaticMarkup(
      <DiffSummary title="t" identical entries={[]} onFocus={noop} onClose={noop} />,
    );
    expect(html).toContain('No changes but layout.');
  });
});
