import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { QuickConnects } from './QuickConnects.js';
import { quickConnects } from './sample.js';

describe('QuickConnects', () => {
  it('lists each quick connect with its kind; on a call each transfers', () => {
    const html = renderToStaticMarkup(
      <QuickConnects quickConnects={quickConnects} onCall disabled={false} onTransfer={() => {}} />,
    );
    expect(html).toContain('Bob (agent) <small>Agent</small>');
    expect(html).toContain('Billing queue <small>Queue</small>');
    expect(html).toContain('Legal desk <small>External</small>');
    expect(html.match(/>Transfer<\/button>/g)).toHaveLength(3);
  });

  it('off a call each calls out; with none it says so', () => {
    const html = renderToStaticMarkup(
      <QuickConnects quickConnects={quickConnects} onCall={false} disabled={false} onTransfer={() => {}} />,
    );
    expect(html).toContain('aria-label="Call Legal desk"');
    expect(
      renderToStaticMarkup(
        <QuickConnects quickConnects={[]} onCall={false} disabled={false} onTransfer={() => {}} />,
      ),
    ).toContain('No quick connects');
  });
});
