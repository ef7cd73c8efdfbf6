import { loadFlow } from '@parley/flow';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { type NodeTypes, ReactFlow, ReactFlowProvider } from '@xyflow/react';
import { generateFlow } from '../../../packages/flow/bench/generate.js';
import { BlockNode } from '../nodes/BlockNode.js';
import { storyFlow } from '../stories/flows.js';
import { type Graph, toGraph } from '../system/index.js';
import { BlockMiniMap } from './BlockMiniMap.js';
import { toFlowNodes } from './view.js';
import './editor.css';

const nodeTypes: NodeTypes = { block: BlockNode };
const nothing = { selectedEdges: new Set<string>(), dragging: new Map() };
const nodesOf = (graph: Graph, selected: string[] = []) =>
  toFlowNodes(new Map(), graph, { ...nothing, selectedNodes: new Set(selected) });

// The minimap stands in for React Flow's only on flows over BIG_FLOW blocks: 2,000 as the benchmark makes.
const big = loadFlow(JSON.stringify(generateFlow(2000))).model;
if (!big) throw new Error('the generated flow should load');
const bigGraph = toGraph(big);

const meta = {
  component: BlockMiniMap,
  parameters: { layout: 'fullscreen' },
  // The minimap reads and moves React Flow's view, so it sits in a canvas showing the same blocks.
  decorators: [
    (Story, { args }) => (
      <div className="canvas big-flow" style={{ position: 'relative', height: '100vh' }}>
        <ReactFlowProvider>
          <ReactFlow
            nodes={[...args.nodes]}
            edges={[]}
            nodeTypes={nodeTypes}
            onlyRenderVisibleElements
            defaultViewport={{ x: 60, y: 60, zoom: 1 }}
            proOptions={{ hideAttribution: true }}
          >
            <Story />
          </ReactFlow>
        </ReactFlowProvider>
      </div>
    ),
  ],
  args: { nodes: nodesOf(bigGraph) },
} satisfies Meta<typeof BlockMiniMap>;

export default meta;
type Story = StoryObj<typeof meta>;

export const BigFlow: Story = {};

// Selected blocks are drawn blue, the entry green.
export const BlocksSelected: Story = {
  args: {
    nodes: nodesOf(
      bigGraph,
      bigGraph.nodes.slice(400, 460).map((n) => n.id),
    ),
  },
};

// The canvas keeps React Flow's own minimap for a flow this small; here for comparison.
export const SmallFlow: Story = {
  args: { nodes: nodesOf(toGraph(storyFlow('inbound-main-ivr.json').model)) },
};
