import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Api } from '../app/api.js';
import type { Route } from '../app/route.js';
import { sampleContext } from '../testcall/sample.js';
import { useVersionsPanel, type VersionsHost } from './useVersionsPanel.js';
import type { VersionActions } from './VersionsPanel.js';

// Rendering to markup runs no effects: the history is still loading, and the actions are called
// by hand on what the hook returned.
type Props = Parameters<typeof useVersionsPanel>[0];

function Probe(props: Props & { hosted: (host: VersionsHost) => void }) {
  const { hosted, ...rest } = props;
  const host = useVersionsPanel(rest);
  hosted(host);
  return <>{host.panel.render(sampleContext())}</>;
}

function host(over: Pick<Props, 'navigate' | 'onChange'> = {}) {
  const calls: unknown[][] = [];
  const api = {
    versions: async () => ({ versions: [], publications: [] }),
    publish: async (...args: unknown[]) => {
      calls.push(['publish', ...args]);
      return { flow: {}, version: args[2] };
    },
  } as unknown as Api;
  let hosted: VersionsHost | undefined;
  const html = renderToStaticMarkup(
    <Probe api={api} instance="demo" flow="sales" {...over} hosted={(h) => (hosted = h)} />,
  );
  if (!hosted) throw new Error('the hook should have run');
  const panel = hosted.panel.render(sampleContext()) as ReactElement<{ actions: VersionActions }>;
  return { html, host: hosted, actions: panel.props.actions, calls };
}

describe('useVersionsPanel', () => {
  it('gives a Versions tab that shows the list loading, nothing published or reopened yet', () => {
    const { html, host: h } = host();
    expect(h.panel).toMatchObject({ id: 'versions', title: 'Versions' });
    expect(html).toContain('Loading versions…');
    expect(h.published).toBeUndefined();
    expect(h.reopened).toBe(0);
  });

  it('publishes the version asked for through the API, then tells the flows list', async () => {
    let told = 0;
    const { actions, calls } = host({ onChange: () => told++ });
    await actions.publish(3);
    expect(calls).toEqual([['publish', 'demo', 'sales', 3]]);
    expect(told).toBe(1);
  });

  it('opens a version, or a comparison, as a route of the same flow, only when the app can navigate', () => {
    const routes: Route[] = [];
    const { actions } = host({ navigate: (r) => routes.push(r) });
    actions.open?.(2);
    actions.open?.(2, 1);
    expect(routes).toEqual([
      { instance: 'demo', flow: 'sales', version: 2 },
      { instance: 'demo', flow: 'sales', version: 2, compare: 1 },
    ]);
    expect(host().actions.open).toBeUndefined();
  });
});
