import { getBlock } from '@parley/flow';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { SaveResult } from '../app/api.js';
import { addBlock } from '../system/index.js';
import { fixture } from '../system/test-flows.js';
import { FlowEditor } from './FlowEditor.js';

const never = () => new Promise<never>(() => undefined);
const render = (model = fixture('inbound-main-ivr.json')) =>
  renderToStaticMarkup(
    <FlowEditor
      model={model}
      diagnostics={[]}
      flowType="CONTACT_FLOW"
      version={3}
      publishedVersion={2}
      save={never as () => Promise<SaveResult>}
      publish={never}
    />,
  );

describe('FlowEditor', () => {
  it('puts the palette, the canvas, the toolbar, the problems list and the save bar around the flow', () => {
    const html = render();
    expect(html).toContain('aria-label="Blocks"');
    // React Flow itself mounts once the pane has a size (useOpening); the browser tests see it.
    expect(html).toContain('class="canvas"');
    expect(html).toContain('aria-label="Edit"');
    expect(html).toContain('Problems · 0 errors');
    expect(html).toContain('Version 3 · published v2');
    expect(html).toContain('39 blocks');
  });

  it('lists a new problem of the model it opens, naming the block', () => {
    const model = addBlock(fixture('inbound-main-ivr.json'), 'MessageParticipant', { x: 0, y: 0 }, 'Lonely');
    const html = render(model);
    expect(html).toMatch(/Problems · [1-9]\d* errors?/);
    expect(html).toContain(
      `<span class="diagnostic-block"> · ${getBlock('MessageParticipant')?.ui.label}</span>`,
    );
  });
});
