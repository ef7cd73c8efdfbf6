import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { createInstanceResources } from '../inspector/useInstanceResources.js';
import { allFlows } from '../system/test-flows.js';
import type { VersionsHost } from '../versions/useVersionsPanel.js';
import { createApi, type FlowContent, type FlowSummary } from './api.js';
import { FlowCanvas, OpenedFlow } from './FlowCanvas.js';
import { fakeFetch } from './test-fetch.js';

// Markup runs no effects: nothing is fetched, and the tabs other than Block are not rendered.
const api = createApi('t', fakeFetch({}).impl);
const IVR = allFlows().find((f) => f.name === 'fixtures/inbound-main-ivr.json')?.text ?? '';
const summary: FlowSummary = {
  id: 'f-1',
  name: 'Main IVR',
  type: 'CONTACT_FLOW',
  description: '',
  latestVersion: 3,
  publishedVersion: 2,
};
const versions = (published: number | null | undefined): VersionsHost => ({
  panel: { id: 'versions', title: 'Versions', render: () => null },
  changed: () => undefined,
  reopened: 0,
  published,
});

const render = (content: FlowContent, published?: number | null, over: Partial<FlowSummary> = {}) =>
  renderToStaticMarkup(
    <OpenedFlow
      api={api}
      instance="demo"
      summary={{ ...summary, ...over }}
      content={content}
      resources={createInstanceResources(async () => ({}))}
      versions={versions(published)}
      onChange={undefined}
    />,
  );

describe('FlowCanvas', () => {
  it('says the flow is opening until its summary and content arrive', () => {
    expect(renderToStaticMarkup(<FlowCanvas api={api} instance="demo" flow="f-1" />)).toBe(
      '<p class="hint">Opening the flow…</p>',
    );
  });

  it('opens a saved flow in the editor, with the Versions, Test call and Replay tabs and Export', () => {
    expect(IVR).not.toBe('');
    const html = render({ text: IVR, version: 3 });
    expect(html).toContain('39 blocks');
    expect(html).toContain('Version 3 · published v2');
    const tabs = [...html.matchAll(/role="tab" id="side-tab-([^"]+)"/g)].map((m) => m[1]);
    expect(tabs).toEqual(['block', 'versions', 'test-call', 'replay']);
    expect(html).toContain('>Export</button>');
  });

  it('shows the version the Versions list says is published over the summary’s (after a rollback there)', () => {
    expect(render({ text: IVR, version: 3 }, 1)).toContain('Version 3 · published v1');
  });

  it('opens a flow without a version as an empty flow of its type', () => {
    const html = render({ text: undefined, version: 0 }, undefined, {
      type: 'MODULE',
      latestVersion: 0,
      publishedVersion: null,
    });
    expect(html).toContain('0 blocks');
    expect(html).toContain('No version yet');
    expect(html).not.toContain('published v');
  });

  it('lists the codes of content that is not a flow instead of an editor', () => {
    const html = render({ text: '{"Version": ', version: 3 });
    expect(html).toMatch(/^<ul class="error"><li>JSON_SYNTAX: /);
    expect(html).not.toContain('blocks');
  });
});
