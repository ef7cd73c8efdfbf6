import { readFileSync } from 'node:fs';
import { loadFlow } from '@parley/flow';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { VersionHistory } from '../app/api.js';
import type { Async } from '../app/hooks.js';
import type { PanelContext } from '../editor/panels.js';
import { type VersionActions, VersionsPanel } from './VersionsPanel.js';

const text = readFileSync(new URL('../../../fixtures/runs/menu-dtmf/flow.json', import.meta.url), 'utf8');
const model = loadFlow(text).model;
if (!model) throw new Error('the fixture should load');

const context: PanelContext = {
  model,
  flowType: 'CONTACT_FLOW',
  content: () => text,
  version: 2,
  labels: new Map(),
  setOverlay: () => {},
  focusBlock: () => {},
};
const actions: VersionActions = {
  load: async () => model,
  restore: async () => {
    throw new Error('not here');
  },
  publish: async () => undefined,
  open: () => {},
};
const history: VersionHistory = {
  versions: [2, 1].map((version) => ({
    version,
    hash: 'h',
    author: 'ada',
    message: `Message ${version}`,
    errors: 0,
    warnings: 0,
    createdAt: '2025-01-01T00:00:00Z',
  })),
  publications: [{ version: 1, action: 'publish', actor: 'ada', at: 'x' }],
};

const render = (state: Async<VersionHistory>, over: Partial<VersionActions> = {}) =>
  renderToStaticMarkup(<VersionsPanel context={context} history={state} actions={{ ...actions, ...over }} />);

describe('VersionsPanel', () => {
  it('lists the versions with the one in the editor and the published one, and a way to compare any two', () => {
    const html = render({ state: 'done', value: history });
    expect(html).toMatch(/data-version="2" data-current="true"/);
    expect(html).toMatch(/data-version="1" data-published="true"/);
    expect(html).toContain('aria-label="Compare from"');
    expect(html).toContain('<option value="2">version 2</option>');
    expect(html).toContain('aria-label="Open version 1"');
  });

  it('compares only with the draft and opens nothing where the app cannot navigate', () => {
    const { open: _, ...withoutOpen } = actions;
    const html = renderToStaticMarkup(
      <VersionsPanel context={context} history={{ state: 'done', value: history }} actions={withoutOpen} />,
    );
    expect(html).not.toContain('Open version');
    expect(html).not.toContain('<option value="2">version 2</option>');
  });

  it('says so while the list loads or when it cannot be read', () => {
    expect(render({ state: 'loading' })).toContain('Loading versions…');
    expect(render({ state: 'failed', error: new Error('API_FORBIDDEN') })).toContain('API_FORBIDDEN');
  });
});
