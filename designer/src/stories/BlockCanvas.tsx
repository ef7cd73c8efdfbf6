import { type NodeTypes, ReactFlow, ReactFlowProvider } from '@xyflow/react';
import { OverlayContext } from '../editor/overlay.js';
import { BlockNode } from '../nodes/BlockNode.js';
import type { BlockMark, GraphNode } from '../system/index.js';

const nodeTypes: NodeTypes = { block: BlockNode };

/** One block node on a React Flow pane of its own, as the canvas draws it. */
export function BlockCanvas(props: { node: GraphNode; selected?: boolean; mark?: BlockMark }) {
  const node = { ...props.node, position: { x: 0, y: 0 }, selected: props.selected ?? false };
  const overlay = props.mark && {
    label: props.mark,
    blocks: new Map([[node.id, props.mark]]),
    edges: new Map(),
  };
  return (
    <div style={{ width: 520, height: 360 }}>
      <ReactFlowProvider>
        <OverlayContext.Provider value={overlay}>
          <ReactFlow
            nodes={[node]}
            edges={[]}
            nodeTypes={nodeTypes}
            fitView
            fitViewOptions={{ maxZoom: 1 }}
            proOptions={{ hideAttribution: true }}
          />
        </OverlayContext.Provider>
      </ReactFlowProvider>
    </div>
  );
}
