import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { AgentSignIn } from './AgentSignIn.js';

describe('AgentSignIn', () => {
  it('asks for an agent token and says why the current one would not do', () => {
    const html = renderToStaticMarkup(
      <AgentSignIn error="this token is not made for a user" onToken={() => {}} />,
    );
    expect(html).toContain('Agent token');
    expect(html).toContain('type="password"');
    expect(html).toContain('this token is not made for a user');
  });
});
