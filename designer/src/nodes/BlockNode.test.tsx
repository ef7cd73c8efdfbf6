import type { Diagnostic } from '@parley/flow';
import { type NodeProps, ReactFlowProvider } from '@xyflow/react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { OverlayContext } from '../editor/overlay.js';
import type { BlockNodeData, CanvasOverlay } from '../system/index.js';
import { BlockNode, type BlockNodeType } from './BlockNode.js';

const data = (over: Partial<BlockNodeData> = {}): BlockNodeData => ({
  actionId: 'a1',
  blockType: 'GetParticipantInput',
  label: 'Main menu',
  group: 'Interact',
  branches: [
    { id: 'condition:0', label: 'Pressed 1', kind: 'condition' },
    { id: 'error:NoMatchingError', label: 'Error', kind: 'error' },
  ],
  diagnostics: [],
  isStart: false,
  isFriendlyName: false,
  ...over,
});

// The server renderer is enough to check the markup; a browser test comes with Playwright.
const render = (d: BlockNodeData, overlay?: CanvasOverlay) => {
  const props: NodeProps<BlockNodeType> = {
    id: d.actionId,
    type: 'block',
    data: d,
    selected: false,
    dragging: false,
    draggable: false,
    selectable: true,
    deletable: false,
    isConnectable: false,
    zIndex: 0,
    positionAbsoluteX: 0,
    positionAbsoluteY: 0,
  };
  return renderToStaticMarkup(
    <ReactFlowProvider>
      <OverlayContext.Provider value={overlay}>
        <BlockNode {...props} />
      </OverlayContext.Provider>
    </ReactFlowProvider>,
  );
};

const error = (message: string): Diagnostic => ({ code: 'DOC_SCHEMA', severity: 'error', message });

describe('BlockNode', () => {
  it('shows the label and the block type, with one target handle', () => {
    const html = render(data());
    expect(html).toContain('Main menu');
    expect(html).toContain('GetParticipantInput');
    expect(html.match(/react-flow__handle[^"]* target/g)).toHaveLength(1);
  });

  it('has one labelled source handle per branch, named by the branch id', () => {
    const html = render(data());
    expect(html.match(/react-flow__handle[^"]* source/g)).toHaveLength(2);
    expect(html).toMatch(/Pressed 1<\/span><div data-handleid="condition:0"/);
    expect(html).toMatch(/Error<\/span><div data-handleid="error:NoMatchingError"/);
  });

  it('counts error diagnostics in a badge, and shows none without errors', () => {
    expect(render(data())).not.toContain('block-errors');
    const warning: Diagnostic = { ...error('w'), severity: 'warning' };
    const html = render(data({ diagnostics: [error('one'), error('two'), warning] }));
    expect(html).toMatch(/<span class="block-errors"[^>]*aria-label="2 errors"[^>]*>2<\/span>/);
  });

  it('marks the entry block', () => {
    expect(render(data({ isStart: true }))).toContain('Entry');
    expect(render(data())).not.toContain('Entry');
  });

  it('carries the mark an overlay gives it (a test call running it), and none without one', () => {
    const overlay: CanvasOverlay = {
      label: 'Test call',
      blocks: new Map([['a1', 'running']]),
      edges: new Map(),
    };
    expect(render(data(), overlay)).toContain('data-mark="running"');
    expect(render(data())).not.toContain('data-mark');
  });
});
