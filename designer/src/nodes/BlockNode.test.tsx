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

  it('shows the validator’s codes beside the type, errors’ first, each once, without notes', () => {
    const warning: Diagnostic = { code: 'ACTION_UNREACHABLE', severity: 'warning', message: 'w' };
    const info: Diagnostic = { code: 'LEGACY_CONVERTED', severity: 'info', message: 'i' };
    const missing: Diagnostic = { code: 'PARAM_MISSING', severity: 'error', message: 'needs Text' };
    const html = render(data({ diagnostics: [warning, missing, error('one'), missing, info] }));
    expect(html).toMatch(
      /<div class="block-type">GetParticipantInput<\/div><span class="block-codes" data-severity="error" title="[^"]*">PARAM_MISSING · DOC_SCHEMA · ACTION_UNREACHABLE<\/span>/,
    );
    expect(html).toContain(
      'title="PARAM_MISSING: needs Text\nDOC_SCHEMA: one\nPARAM_MISSING: needs Text\nACTION_UNREACHABLE: w"',
    );
    expect(html).not.toContain('LEGACY_CONVERTED');
  });

  it('colours a block with only warnings as a warning, and gives a block without problems no code line', () => {
    const warning: Diagnostic = { code: 'ACTION_UNREACHABLE', severity: 'warning', message: 'w' };
    const warned = render(data({ diagnostics: [warning] }));
    expect(warned).toContain('<span class="block-codes" data-severity="warning"');
    expect(warned).not.toContain('block-errors');
    const clean = render(data());
    expect(clean).not.toContain('block-codes');
    expect(clean).toContain('<div class="block-type">GetParticipantInput</div>');
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
