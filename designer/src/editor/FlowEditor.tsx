import { type Diagnostic, type FlowModel, parseFlowType, serialize } from '@parley/flow';
import { Background, Controls, MiniMap, type NodeTypes, ReactFlow, ReactFlowProvider } from '@xyflow/react';
import { type ReactNode, useMemo, useRef, useState } from 'react';
import type { SaveResult } from '../app/api.js';
import { Inspector } from '../inspector/Inspector.js';
import type { InstanceResources } from '../inspector/useInstanceResources.js';
import { BlockNode } from '../nodes/BlockNode.js';
import { NoteNode } from '../nodes/NoteNode.js';
import { FindBar } from '../panels/FindBar.js';
import { Palette } from '../panels/Palette.js';
import { DiagnosticList, ProblemsPanel } from '../panels/Problems.js';
import { SaveBar } from '../panels/SaveBar.js';
import { ShortcutSheet } from '../panels/ShortcutSheet.js';
import { SideTabs } from '../panels/SideTabs.js';
import { Toolbar } from '../panels/Toolbar.js';
import type { CanvasOverlay } from '../system/index.js';
import { BlockMiniMap } from './BlockMiniMap.js';
import { useOverlaid } from './ghosts.js';
import { isMac } from './keys.js';
import { FIT, MIN_ZOOM, useOpening } from './opening.js';
import { OverlayContext } from './overlay.js';
import type { PanelContext, SidePanel } from './panels.js';
import { useCanvas } from './useCanvas.js';
import { useCanvasExtras } from './useCanvasExtras.js';
import { useFlowEditor } from './useFlowEditor.js';
import { useFlowSaving } from './useFlowSaving.js';
import './editor.css';

// Outside the component: React Flow warns (and re-mounts every node) when nodeTypes changes.
const nodeTypes: NodeTypes = { block: BlockNode, note: NoteNode };

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
  /** Tabs beside the block inspector (test call, versions, replay). */
  panels?: readonly SidePanel[];
  /** Marks over the canvas from outside (a diff); a panel's own overlay wins while it sets one. */
  overlay?: CanvasOverlay;
  /** More actions on the flow, shown in the save bar after Publish (Export). */
  saveActions?: ReactNode;
}

const BLOCK_TAB = { id: 'block', title: 'Block' };

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
    hooks: {
      save: () => void saving.save(),
      fit: () => canvas.fit(),
      layout: () => extras.layout.run(),
      addNote: () => extras.addNote(),
      find: () => extras.find.show(),
      closeFind: () => extras.find.close(),
    },
  });
  const canvas = useCanvas(fe.editor, pane);
  const opening = useOpening(pane, fe.nodes, fe.state.model.startAction);
  const saving = useFlowSaving({ ...props, model: fe.state.model });
  const labels = useMemo(() => new Map(fe.graph.nodes.map((n) => [n.id, n.data.label])), [fe.graph]);
  const { selection, model } = fe.state;
  const errors = fe.diagnostics.filter((d) => d.severity === 'error').length;
  const [tab, setTab] = useState(BLOCK_TAB.id);
  const [panelOverlay, setPanelOverlay] = useState<CanvasOverlay>();
  const overlay = panelOverlay ?? props.overlay;
  const shown = useOverlaid(fe.nodes, fe.edges, overlay);
  const extras = useCanvasExtras(fe, canvas, pane, shown.nodes, mac);
  const panelContext: PanelContext = {
    model,
    flowType: props.flowType,
    content: () => serialize(model),
    version: saving.version,
    dirty: saving.dirty,
    labels,
    setOverlay: setPanelOverlay,
    focusBlock: canvas.focusBlock,
  };

  return (
    <div className="editor">
      <SaveBar saving={saving}>{props.saveActions}</SaveBar>
      <div className="editor-body">
        <Palette flowType={parseFlowType(props.flowType)} onAdd={canvas.addAtCentre} />
        <div className={opening?.big ? 'canvas big-flow' : 'canvas'} ref={pane} {...canvas.dropHandlers}>
          {overlay && <p className="canvas-overlay-label">{overlay.label}</p>}
          {opening && (
            <OverlayContext.Provider value={overlay}>
              <ReactFlow
                nodes={extras.nodes}
                edges={shown.edges}
                nodeTypes={nodeTypes}
                onNodesChange={extras.onNodesChange}
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
            </OverlayContext.Provider>
          )}
          {/* One row over the canvas, wrapping when the pane is narrow, so none of these covers another. */}
          <div className="canvas-top">
            <FindBar {...extras.findBar} />
            <p className="canvas-status">
              {fe.graph.nodes.length} blocks · {errors} error{errors === 1 ? '' : 's'}
              {selection.nodes.size > 0 && ` · ${selection.nodes.size} selected`}
              {extras.layout.error && ` · layout failed: ${extras.layout.error}`}
            </p>
            <Toolbar
              canUndo={fe.state.canUndo}
              canRedo={fe.state.canRedo}
              selected={[...selection.nodes]}
              canDelete={selection.nodes.size + selection.edges.size > 0}
              startAction={model.startAction}
              onCommand={fe.run}
              onSetStart={fe.editor.setStart}
              layingOut={extras.layout.busy}
            />
          </div>
        </div>
        <aside className="editor-side">
          <SideTabs tabs={[BLOCK_TAB, ...(props.panels ?? [])]} selected={tab} onSelect={setTab}>
            {tab === BLOCK_TAB.id && (
              <>
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
              </>
            )}
            {/* A panel renders while shown, or hidden when it keeps running (a test call under another tab). */}
            {props.panels?.map(
              (p) =>
                (p.id === tab || p.keepMounted) && (
                  <div key={p.id} hidden={p.id !== tab}>
                    {p.render(panelContext)}
                  </div>
                ),
            )}
          </SideTabs>
        </aside>
      </div>
      {fe.shortcutsOpen && <ShortcutSheet mac={mac} onClose={() => fe.setShortcutsOpen(false)} />}
    </div>
  );
}
