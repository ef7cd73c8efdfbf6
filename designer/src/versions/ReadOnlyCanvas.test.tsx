import { readFileSync } from 'node:fs';
import { loadFlow } from '@parley/flow';
import { ReactFlowProvider } from '@xyflow/react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ReadOnlyCanvas } from './ReadOnlyCanvas.js';

const text = readFileSync(new URL('../../../fixtures/runs/menu-dtmf/flow.json', import.meta.url), 'utf8');
const model = loadFlow(text).model;
if (!model) throw new Error('the fixture should load');

describe('ReadOnlyCanvas', () => {
  it('counts the blocks and says what it shows, with the overlay label when there is one', () => {
    const overlay = { label: 'Changes from version 1', blocks: new Map(), edges: new Map() };
    const html = renderToStaticMarkup(
      <ReactFlowProvider>
        <ReadOnlyCanvas model={model} diagnostics={[]} overlay={overlay} status="version 1, read-only" />
      </ReactFlowProvider>,
    );
    expect(html).toContain('class="canvas read-only"');
    expect(html).toContain('<p class="canvas-overlay-label">Changes from version 1</p>');
    expect(html).toContain('<p class="canvas-status">9 blocks · version 1, read-only</p>');
  });
});
