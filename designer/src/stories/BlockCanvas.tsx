import { type NodeTypes, ReactFlow, ReactFlowProvider } from '@xyflow/react';
import { BlockNode } from '../nodes/BlockNode.js';
import type { GraphNode } from '../system/index.js';

const nodeTypes: NodeTypes = { block: BlockNode };

/** One block node on a React Flow pane of its own, as the canvas draws it. */
export function BlockCanvas(props: { node: GraphNode; selected?: boolean }) {
  const node = { ...props.node, position: { x: 0, y: 0 }, selected: props.selected ?? false };
  return (
    <div style={{ width: 520, height: 360 }}>
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
