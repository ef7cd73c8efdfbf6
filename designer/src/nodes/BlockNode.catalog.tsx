import type { Meta } from '@storybook/react-vite';
import { type NodeTypes, ReactFlow, ReactFlowProvider } from '@xyflow/react';
import { useMemo } from 'react';
import { storyFlows } from '../stories/flows.js';
import { BlockNode } from './BlockNode.js';
import { blockSample } from './block-sample.js';

/**
 * The stories of every catalog block. This module exports none by hand: Storybook's indexer and a
 * Vite plugin (.storybook/blocks.ts) add one per catalog entry (block-stories.ts), so a block added
 * to the catalog has its story with no file to edit.
 */

const nodeTypes: NodeTypes = { block: BlockNode };

function CatalogBlock({ type }: { type: string }) {
  const sample = useMemo(() => blockSample(type, storyFlows()), [type]);
  const node = { ...sample.node, position: { x: 0, y: 0 } };
  return (
    <div style={{ width: 520, height: 360 }} data-sample-flow={sample.flow}>
      <ReactFlowProvider>
        <ReactFlow
          nodes={[node]}
          edges={[]}
          nodeTypes={nodeTypes}
          fitView
          fitViewOptions={{ maxZoom: 1 }}
          proOptions={{ hideAttribution: true }}
        />
      </ReactFlowProvider>
    </div>
  );
}

export default {
  title: 'Blocks',
  component: CatalogBlock,
  parameters: { layout: 'centered' },
} satisfies Meta<typeof CatalogBlock>;
