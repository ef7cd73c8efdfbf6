import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AgentPage } from './AgentPage.js';
import { sampleAgent } from './sample.js';
import { agentApi } from './sample-api.js';

afterEach(() => vi.unstubAllGlobals());

describe('AgentPage', () => {
  it('signs in first, with the designer’s token when no agent token was given', () => {
    vi.stubGlobal('localStorage', { getItem: () => null, setItem() {}, removeItem() {} });
    const api = agentApi(sampleAgent());
    const html = renderToStaticMarkup(<AgentPage api={api} instance="demo" apiFor={() => api} />);
    expect(html).toContain('Signing in…');
  });
});
