import { loadFlow } from '@parley/flow';
import { Background, Controls, MiniMap, type NodeTypes, ReactFlow } from '@xyflow/react';
import { useMemo } from 'react';
import { BlockNode } from '../nodes/BlockNode.js';
import { toGraph } from '../system/index.js';
import type { Api } from './api.js';
import { useAsync } from './hooks.js';

const nodeTypes: NodeTypes = { block: BlockNode };

/** The flow's latest version on a read-only canvas. */
export function FlowCanvas({ api, instance, flow }: { api: Api; instance: string; flow: string }) {
  const content = useAsync(() => api.flowContent(instance, flow), `${instance}\n${flow}`);
  if (content.state === 'loading') return <p className="hint">Opening the flow…</p>;
  if (content.state === 'failed') return <p className="error">{content.error.message}</p>;
  return <FlowGraph key={`${instance}\n${flow}`} text={content.value} />;
}

function FlowGraph({ text }: { text: string }) {
  const loaded = useMemo(() => loadFlow(text), [text]);
  const graph = useMemo(
    () => (loaded.model ? toGraph(loaded.model, { diagnostics: loaded.diagnostics }) : undefined),
    [loaded],
  );
  const errors = loaded.diagnostics.filter((d) => d.severity === 'error').length;
  if (!graph)
    return (
      <ul className="error">
        {loaded.diagnostics.map((d) => (
          <li key={`${d.code} ${d.path ?? ''} ${d.message}`}>
            {d.code}: {d.message}
          </li>
        ))}
      </ul>
    );
  return (
    <div className="canvas">
      <ReactFlow
        nodes={graph.nodes}
        edges={graph.edges}
        nodeTypes={nodeTypes}
        nodesDraggable={false}
        nodesConnectable={false}
        edgesReconnectable={false}
        deleteKeyCode={null}
        minZoom={0.05}
        onlyRenderVisibleElements
        fitView
      >
        <MiniMap pannable zoomable />
        <Controls showInteractive={false} />
        <Background />
      </ReactFlow>
      <p className="canvas-status">
        {graph.nodes.length} blocks · {errors} error{errors === 1 ? '' : 's'} ·{' '}
        {loaded.diagnostics.length - errors} other diagnostics
      </p>
    </div>
  );
}
