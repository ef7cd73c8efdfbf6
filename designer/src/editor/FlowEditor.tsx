import { type Diagnostic, type FlowModel, parseFlowType } from '@parley/flow';
import { Background, Controls, MiniMap, type NodeTypes, ReactFlow, ReactFlowProvider } from '@xyflow/react';
import { useMemo, useRef, useState } from 'react';
import type { SaveResult } from '../app/api.js';
import { Inspector } from '../inspector/Inspector.js';
import type { InstanceResources } from '../inspector/useInstanceResources.js';
import { BlockNode } from '../nodes/BlockNode.js';
import { Palette } from '../panels/Palette.js';
import { DiagnosticList, ProblemsPanel } from '../panels/Problems.js';
import { SaveBar } from '../panels/SaveBar.js';
import { ShortcutSheet } from '../panels/ShortcutSheet.js';
import { Toolbar } from '../panels/Toolbar.js';
import { BlockMiniMap } from './BlockMiniMap.js';
import { isMac } from './keys.js';
import { FIT, MIN_ZOOM, useOpening } from './opening.js';
import { useCanvas } from './useCanvas.js';
import { useFlowEditor } from './useFlowEditor.js';
import { useFlowSaving } from './useFlowSaving.js';
import './editor.css';

// Outside the component: React Flow warns (and re-mounts every node) when nodeTypes changes.
const nodeTypes: NodeTypes = { block: BlockNode };

export interface FlowEditorProps {
  model: FlowModel;
  /** The diagnostics the flow was opened with. */
  diagnostics: readonly Diagnostic[];
  flowType: string;
  /** The version the model is (0 when the flow has none). */
  version: number;
  publishedVersion: number | null;
  save(content: string, message: string, baseVersion: number): Promise<SaveResult>;
  publish(): Promise<{ version: number }>;
  onChange?: () => void;
  /** The instance's resource lists, for the inspector's pickers. */
  resources?: InstanceResources;
}

/** A flow on an editable canvas, with the palette, the problems list and save/publish. */
export function FlowEditor(props: FlowEditorProps) {
  return (
    <ReactFlowProvider>
      <EditorLayout {...props} />
    </ReactFlowProvider>
  );
}

function EditorLayout(props: FlowEditorProps) {
  const pane = useRef<HTMLDivElement>(null);
  const [mac] = useState(isMac);
  const fe = useFlowEditor(props.model, {
    flowType: props.flowType,
    diagnostics: props.diagnostics,
    hooks: { save: () => void saving.save(), fit: () => canvas.fit() },
  });
  const canvas = useCanvas(fe.editor, pane);
  const opening = useOpening(pane, fe.nodes, fe.state.model.startAction);
  const saving = useFlowSaving({ ...props, model: fe.state.model });
  const labels = useMemo(() => new Map(fe.graph.nodes.map((n) => [n.id, n.data.label])), [fe.graph]);
  const { selection, model } = fe.state;
  const errors = fe.diagnostics.filter((d) => d.severity === 'error').length;

  return (
    <div className="editor">
      <SaveBar saving={saving} />
      <div className="editor-body">
        <Palette flowType={parseFlowType(props.flowType)} onAdd={canvas.addAtCentre} />
        <div className={opening?.big ? 'canvas big-flow' : 'canvas'} ref={pane} {...canvas.dropHandlers}>
          {opening && (
            <ReactFlow
              nodes={fe.nodes}
              edges={fe.edges}
              nodeTypes={nodeTypes}
              onNodesChange={fe.onNodesChange}
              onEdgesChange={fe.onEdgesChange}
              onConnect={fe.onConnect}
              onReconnect={fe.onReconnect}
              edgesReconnectable
              deleteKeyCode={null}
              selectionKeyCode="Shift"
              minZoom={MIN_ZOOM}
              onlyRenderVisibleElements
              defaultViewport={opening.viewport}
            >
              {opening.big ? <BlockMiniMap nodes={fe.nodes} /> : <MiniMap pannable zoomable />}
              <Controls showInteractive={false} fitViewOptions={FIT} />
              <Background />
            </ReactFlow>
          )}
          <Toolbar
            canUndo={fe.state.canUndo}
            canRedo={fe.state.canRedo}
            selected={[...selection.nodes]}
            canDelete={selection.nodes.size + selection.edges.size > 0}
            startAction={model.startAction}
            onCommand={fe.run}
            onSetStart={fe.editor.setStart}
          />
          <p className="canvas-status">
            {fe.graph.nodes.length} blocks · {errors} error{errors === 1 ? '' : 's'}
            {selection.nodes.size > 0 && ` · ${selection.nodes.size} selected`}
          </p>
        </div>
        <aside className="editor-side">
          {selection.nodes.size === 1 && (
            <Inspector
              model={model}
              actionId={[...selection.nodes][0] ?? ''}
              diagnostics={fe.diagnostics}
              edits={fe.editor}
              resources={props.resources}
              labels={labels}
            />
          )}
          <ProblemsPanel diagnostics={fe.diagnostics} labels={labels} onSelect={canvas.focusBlock} />
          {saving.problem?.kind === 'publish' && (
            <section className="publish-report" aria-label="Publish report">
              <h3>Publish report: {saving.problem.message}</h3>
              <DiagnosticList
                diagnostics={saving.problem.diagnostics}
                labels={labels}
                onSelect={canvas.focusBlock}
              />
            </section>
          )}
        </aside>
      </div>
      {fe.shortcutsOpen && <ShortcutSheet mac={mac} onClose={() => fe.setShortcutsOpen(false)} />}
    </div>
  );
}
