import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { FlowSummary } from './api.js';
import { FlowList } from './FlowList.js';

const flow = (id: string, name: string, type: string, over: Partial<FlowSummary> = {}): FlowSummary => ({
  id,
  name,
  type,
  description: '',
  latestVersion: 1,
  publishedVersion: null,
  ...over,
});

const flows = [
  flow('f3', 'Sales', 'CONTACT_FLOW', { latestVersion: 4, publishedVersion: 3 }),
  flow('f1', 'Authenticate', 'MODULE', { description: 'Asks for a PIN' }),
  flow('f2', 'Main IVR', 'CONTACT_FLOW', { latestVersion: 2 }),
];

const render = (selected: string | undefined, list = flows) =>
  renderToStaticMarkup(<FlowList flows={list} selected={selected} onOpen={() => {}} />);

describe('FlowList', () => {
  it('says so when the instance has no flows', () => {
    expect(render(undefined, [])).toBe('<p class="hint">This instance has no flows yet.</p>');
  });

  it('groups flows by type, types and names in alphabetical order', () => {
    const html = render(undefined);
    expect([...html.matchAll(/<h2>([^<]+)<\/h2>/g)].map((m) => m[1])).toEqual(['CONTACT_FLOW', 'MODULE']);
    expect([...html.matchAll(/<button[^>]*>([^<]+)</g)].map((m) => m[1])).toEqual([
      'Main IVR',
      'Sales',
      'Authenticate',
    ]);
  });

  it('shows each flow’s latest version and whether, and which, it is published', () => {
    const html = render(undefined);
    expect(html).toContain('Main IVR<span class="version">v2 · draft</span>');
    expect(html).toContain('Sales<span class="version">v4 · published v3</span>');
  });

  it('marks the open flow, named by id or by name, and titles a flow by its description', () => {
    expect(render('f2')).toMatch(/aria-current="page"[^>]*>Main IVR/);
    expect(render('Sales')).toMatch(/aria-current="page"[^>]*>Sales/);
    expect(render(undefined)).not.toContain('aria-current');
    expect(render(undefined)).toMatch(/title="Asks for a PIN">Authenticate/);
    expect(render(undefined)).not.toMatch(/title=""/);
  });
});
