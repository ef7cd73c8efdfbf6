import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { TokenForm } from './TokenForm.js';

describe('TokenForm', () => {
  it('asks for the API token in a password field that the browser does not fill in', () => {
    const html = renderToStaticMarkup(<TokenForm onToken={() => {}} />);
    expect(html).toMatch(/<label>API token<input type="password" autoComplete="off" placeholder="parley_…"/);
    expect(html).toContain('<button type="submit">Sign in</button>');
    expect(html).toContain('<code>parley start</code> prints an admin token');
  });

  it('shows why the last token was refused, and nothing when there is no error', () => {
    expect(renderToStaticMarkup(<TokenForm onToken={() => {}} />)).not.toContain('class="error"');
    const html = renderToStaticMarkup(
      <TokenForm onToken={() => {}} error="API_UNAUTHORIZED: unknown token" />,
    );
    expect(html).toContain('<p class="error">API_UNAUTHORIZED: unknown token</p>');
  });
});
