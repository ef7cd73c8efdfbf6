import type { Diagnostic, FlowModel } from '@parley/flow';
import { Background, Controls, MiniMap, type NodeTypes, ReactFlow, useReactFlow } from '@xyflow/react';
import { useCallback, useMemo, useRef } from 'react';
import { BlockMiniMap } from '../editor/BlockMiniMap.js';
import { useOverlaid } from '../editor/ghosts.js';
import { FIT, MIN_ZOOM, useOpening } from '../editor/opening.js';
import { OverlayContext } from '../editor/overlay.js';
import { toFlowEdges, toFlowNodes } from '../editor/view.js';
import { BlockNode } from '../nodes/BlockNode.js';
import { type CanvasOverlay, toGraph } from '../system/index.js';
import '../editor/editor.css';
import './versions.css';

const nodeTypes: NodeTypes = { block: BlockNode };
const none = new Set<string>();
const noView = { selectedNodes: none, selectedEdges: none, dragging: new Map() };

/**
 * A saved version on a canvas that can be looked at but not changed: blocks cannot be moved,
 * connected, selected or deleted, and no editing shortcut is listening. Marks and ghosts of an
 * overlay are drawn as in the editor. Inside a ReactFlowProvider.
 */
export function ReadOnlyCanvas(props: {
  model: FlowModel;
  diagnostics: readonly Diagnostic[];
  overlay?: CanvasOverlay | undefined;
  /** Said in the status line: "Version 3 · read-only". */
  status: string;
}) {
  const { model, diagnostics } = props;
  const pane = useRef<HTMLDivElement>(null);
  const graph = useMemo(() => toGraph(model, { diagnostics }), [model, diagnostics]);
  const nodes = useMemo(() => toFlowNodes(new Map(), graph, noView), [graph]);
  const edges = useMemo(() => toFlowEdges(new Map(), graph, none), [graph]);
  const shown = useOverlaid(nodes, edges, props.overlay);
  const opening = useOpening(pane, nodes, model.startAction);
  return (
    <div className={opening?.big ? 'canvas read-only big-flow' : 'canvas read-only'} ref={pane}>
      {props.overlay && <p className="canvas-overlay-label">{props.overlay.label}</p>}
      {opening && (
        <OverlayContext.Provider value={props.overlay}>
          <ReactFlow
            nodes={shown.nodes}
            edges={shown.edges}
            nodeTypes={nodeTypes}
            nodesDraggable={false}
            nodesConnectable={false}
            elementsSelectable={false}
            edgesReconnectable={false}
            deleteKeyCode={null}
            minZoom={MIN_ZOOM}
            onlyRenderVisibleElements
            defaultViewport={opening.viewport}
          >
            {opening.big ? <BlockMiniMap nodes={nodes} /> : <MiniMap pannable zoomable />}
            <Controls showInteractive={false} fitViewOptions={FIT} />
            <Background />
          </ReactFlow>
        </OverlayContext.Provider>
      )}
      <p className="canvas-status">
        {graph.nodes.length} blocks · {props.status}
      </p>
    </div>
  );
}

/** Centres the view on a block (a ghost too), for the change list. Inside a ReactFlowProvider. */
export function useFocusNode(): (id: string) => void {
  const flow = useReactFlow();
  return useCallback(
    (id: string) => {
      const node = flow.getInternalNode(id);
      if (!node) return;
      const { x, y } = node.internals.positionAbsolute;
      const w = node.measured.width ?? node.width ?? 0;
      const h = node.measured.height ?? node.height ?? 0;
      void flow.setCenter(x + w / 2, y + h / 2, { zoom: Math.max(flow.getZoom(), 0.8), duration: 300 });
    },
    [flow],
  );
}
