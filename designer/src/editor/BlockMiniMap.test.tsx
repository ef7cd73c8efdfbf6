import { ReactFlowProvider } from '@xyflow/react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { BlockNodeData } from '../system/index.js';
import { BlockMiniMap } from './BlockMiniMap.js';
import type { BlockFlowNode } from './view.js';

const block = (id: string, x: number, y: number): BlockFlowNode => ({
  id,
  type: 'block',
  position: { x, y },
  width: 200,
  height: 100,
  data: { isStart: id === 'a' } as BlockNodeData,
});

// A flow 2000 × 1500 px seen in a pane 1000 × 750 px at zoom 1: the view is a quarter of it.
const nodes = [block('a', 0, 0), block('b', 1800, 1400)];
const render = (shown: BlockFlowNode[]) =>
  renderToStaticMarkup(
    <ReactFlowProvider initialWidth={1000} initialHeight={750}>
      <BlockMiniMap nodes={shown} />
    </ReactFlowProvider>,
  );

const outline = (html: string) => {
  const m = html.match(
    /class="block-minimap-view" style="width:([\d.]+)px;height:([\d.]+)px;transform:translate\(([\d.]+)px, ([\d.]+)px\)"/,
  );
  if (!m) throw new Error(`no view outline in ${html}`);
  return m.slice(1).map(Number);
};

describe('BlockMiniMap', () => {
  it('is a 200 × 150 picture in the bottom-right corner, drawn on a canvas', () => {
    const html = render(nodes);
    expect(html).toMatch(
      /class="react-flow__panel block-minimap bottom right"[^>]*role="img"[^>]*aria-label="Mini map"/,
    );
    expect(html).toContain('<canvas width="200" height="150" style="width:200px;height:150px">');
  });

  it('outlines the part of the flow the pane shows, in proportion to the whole flow', () => {
    // The flow is drawn 184 px of 200 wide at most, or 134 of 150 high: here the height decides.
    const scale = 134 / 1500;
    const [width, height, x, y] = outline(render(nodes));
    expect(width).toBeCloseTo(1000 * scale);
    expect(height).toBeCloseTo(750 * scale);
    // The flow is centred across the minimap, its top at the margin; the view is at its corner.
    expect(x).toBeCloseTo((200 - 2000 * scale) / 2);
    expect(y).toBeCloseTo(8);
  });

  it('shrinks the outline when the flow is bigger', () => {
    const [small] = outline(render(nodes));
    const [big] = outline(render([...nodes, block('c', 5800, 1400)]));
    expect(big).toBeLessThan((small ?? 0) / 2);
  });
});
