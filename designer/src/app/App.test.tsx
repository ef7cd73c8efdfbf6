import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from './App.js';

afterEach(() => vi.unstubAllGlobals());

/** The page's storage holding `token` (or none) and its address bar at `pathname`. */
function page(token: string | null, pathname: string) {
  const stored = new Map(token === null ? [] : [['parley.token', token]]);
  vi.stubGlobal('localStorage', {
    getItem: (key: string) => stored.get(key) ?? null,
    setItem: (key: string, value: string) => stored.set(key, value),
    removeItem: (key: string) => stored.delete(key),
  });
  vi.stubGlobal('location', { pathname, href: `http://parley.test${pathname}` });
}

describe('App', () => {
  it('asks for an API token when none is kept, whatever the address', () => {
    page(null, '/instances/demo/flows/f-1');
    const html = renderToStaticMarkup(<App />);
    expect(html).toMatch(/^<form class="token-form"><h1>Parley designer<\/h1>/);
    expect(html).toContain('<button type="submit">Sign in</button>');
    expect(html).not.toContain('Sign out');
  });

  it('opens the workspace with a kept token: the instance’s pages and flows loading, a way to sign out', () => {
    page('parley_kept', '/instances/demo');
    const html = renderToStaticMarkup(<App />);
    expect(html).not.toContain('token-form');
    expect(html).toContain('<strong>Parley designer</strong>');
    expect(html).toContain('<a class="agent-link" href="/instances/demo/agent">Agent panel</a>');
    expect(html).toContain('>Sign out</button>');
    expect(html).toContain('<a href="/instances/demo" aria-current="page">Flows</a>');
    expect(html).toContain('Loading flows…');
    expect(html).toContain('Open a flow.');
  });

  it('asks for an instance when the address names none', () => {
    page('parley_kept', '/');
    const html = renderToStaticMarkup(<App />);
    expect(html).toContain('Choose an instance.');
    expect(html).not.toContain('Agent panel');
  });

  it('shows the resource page the address names', () => {
    page('parley_kept', '/instances/demo/resources/quick-connects');
    const html = renderToStaticMarkup(<App />);
    expect(html).toContain('<a href="/instances/demo/resources/quick-connects" aria-current="page">');
    expect(html).toContain('<p class="hint">Loading…</p>');
    expect(html).not.toContain('Open a flow.');
  });
});
