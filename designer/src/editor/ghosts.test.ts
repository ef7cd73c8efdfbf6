import { describe, expect, it } from 'vitest';
import type { CanvasOverlay, GraphNode } from '../system/index.js';
import { ghostElements } from './ghosts.js';

const ghost: GraphNode = {
  id: 'Cards',
  type: 'block',
  position: { x: 10, y: 20 },
  data: {
    actionId: 'Cards',
    blockType: 'MessageParticipant',
    label: 'Play prompt',
    group: 'Interact',
    branches: [{ id: 'next', label: 'Success', kind: 'next' }],
    diagnostics: [],
    isStart: false,
    isFriendlyName: false,
  },
};

const overlay: CanvasOverlay = {
  label: 'Changes',
  blocks: new Map([['Cards', 'removed']]),
  edges: new Map([['Cards->next', 'removed']]),
  ghosts: {
    nodes: [ghost],
    edges: [
      {
        id: 'Cards->next',
        source: 'Cards',
        sourceHandle: 'next',
        target: 'Goodbye',
        data: { kind: 'next', label: 'Success' },
      },
    ],
  },
};

describe('ghost blocks on the canvas', () => {
  it('are sized and handled up front like every block, and can be neither selected, dragged nor connected', () => {
    const { nodes } = ghostElements(overlay);
    expect(nodes).toHaveLength(1);
    expect(nodes[0]).toMatchObject({
      id: 'Cards',
      position: { x: 10, y: 20 },
      selectable: false,
      draggable: false,
      connectable: false,
      deletable: false,
      className: 'ghost',
    });
    expect(nodes[0]?.handles?.map((h) => h.id)).toEqual([null, 'next']);
    expect(nodes[0]?.measured).toEqual({ width: nodes[0]?.width, height: nodes[0]?.height });
  });

  it('keep their edges with the class of their mark, not selectable or reconnectable', () => {
    expect(ghostElements(overlay).edges).toEqual([
      expect.objectContaining({
        id: 'Cards->next',
        className: 'edge-removed',
        selectable: false,
        reconnectable: false,
      }),
    ]);
  });

  it('are nothing without an overlay or ghosts', () => {
    expect(ghostElements(undefined)).toEqual({ nodes: [], edges: [] });
    expect(ghostElements({ ...overlay, ghosts: undefined })).toEqual({ nodes: [], edges: [] });
  });
});
