import { readFileSync } from 'node:fs';
import { loadFlow } from '@parley/flow';
import { ReactFlowProvider } from '@xyflow/react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Api, FlowSummary } from '../app/api.js';
import { removeBlocks } from '../system/index.js';
import { type Shown, VersionLayout, VersionView } from './VersionView.js';

const text = readFileSync(new URL('../../../fixtures/runs/menu-dtmf/flow.json', import.meta.url), 'utf8');
const model = loadFlow(text).model;
if (!model) throw new Error('the fixture should load');
const summary = { id: 'f', name: 'Bank menu', latestVersion: 3, publishedVersion: 2 } as FlowSummary;
const api = {} as Api;
const common = { api, instance: 'demo', flow: 'f', navigate: () => {} };

const render = (version: number, shown: Shown, compare?: number) =>
  renderToStaticMarkup(
    <ReactFlowProvider>
      <VersionLayout {...common} version={version} compare={compare} shown={shown} />
    </ReactFlowProvider>,
  );

describe('VersionView', () => {
  it('says it is opening the version while it loads', () => {
    expect(renderToStaticMarkup(<VersionView {...common} version={3} />)).toContain('Opening version 3…');
  });

  it('shows the version read-only under a banner offering restore and the way back to the editor', () => {
    const html = render(2, { summary, versions: [3, 2, 1], model, diagnostics: [] });
    expect(html).toContain('<strong>Version 2</strong> of Bank menu · read-only · published');
    expect(html).toContain('Restore as new version');
    expect(html).toContain('Back to the editor');
    expect(html).toContain('9 blocks · version 2, read-only');
    expect(html).toContain('Show changes since version');
    expect(html).not.toContain('<option value="2">');
  });

  it('lists the changes since another version beside the coloured canvas', () => {
    const html = render(
      3,
      { summary, versions: [3, 2, 1], model: removeBlocks(model, ['Cards']), diagnostics: [], base: model },
      1,
    );
    expect(html).toContain('· read-only · latest');
    expect(html).toContain('Changes from version 1 to version 3');
    expect(html).toContain('<h3>Version 1 → version 3</h3>');
    expect(html).toMatch(/<span class="diff-kind">Removed<\/span> [^<]*\(Cards\)/);
    expect(html).toContain('Stop comparing');
  });
});
