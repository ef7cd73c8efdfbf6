import type { Diagnostic, FlowModel } from '@parley/flow';
import type { Connection, Edge, OnEdgesChange, OnNodesChange } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { type Graph, toGraph, type XY } from '../system/index.js';
import { flip, merged, readEdgeSelection, readNodeChanges } from './changes.js';
import { type Clipboard, pageClipboard } from './clipboard.js';
import { type CommandHooks, handleKey, runCommand } from './commands.js';
import { createEditor, type Editor, type EditorState } from './editor.js';
import { type Command, isMac } from './keys.js';
import { useDiagnostics } from './useDiagnostics.js';
import {
  type BlockFlowEdge,
  type BlockFlowNode,
  byId,
  stableGraph,
  toFlowEdges,
  toFlowNodes,
} from './view.js';

export interface FlowEditorOptions {
  /** The flow's type (CONTACT_FLOW, MODULE…), which the validator checks blocks against. */
  flowType?: string;
  /** The diagnostics the flow was opened with, shown until a big flow's first validation. */
  diagnostics?: readonly Diagnostic[];
  clipboard?: Clipboard;
  /** Commands the page answers (save, zoom to fit). */
  hooks?: Pick<CommandHooks, 'save' | 'fit' | 'layout' | 'addNote' | 'find' | 'closeFind'>;
}

export interface FlowEditor {
  editor: Editor;
  state: EditorState;
  diagnostics: readonly Diagnostic[];
  graph: Graph;
  nodes: BlockFlowNode[];
  edges: BlockFlowEdge[];
  onNodesChange: OnNodesChange<BlockFlowNode>;
  onEdgesChange: OnEdgesChange<BlockFlowEdge>;
  onConnect: (c: Connection) => void;
  onReconnect: (old: Edge, c: Connection) => void;
  run: (command: Command) => void;
  shortcutsOpen: boolean;
  setShortcutsOpen: (open: boolean) => void;
}

const noDrag: ReadonlyMap<string, XY> = new Map();

/**
 * One flow being edited on a controlled React Flow canvas: the model in an undo history (see
 * createEditor), live validation, React Flow's nodes and edges, its change handlers and the
 * keyboard shortcuts (installed on the document while the editor is mounted).
 */
export function useFlowEditor(initialModel: FlowModel, options: FlowEditorOptions = {}): FlowEditor {
  const [editor] = useState(() => createEditor(initialModel));
  const [clipboard] = useState(() => options.clipboard ?? pageClipboard());
  const state = useSyncExternalStore(editor.subscribe, editor.getState, editor.getState);
  const diagnostics = useDiagnostics(state.model, options.flowType, options.diagnostics);

  const previousGraph = useRef<Graph>(undefined);
  const graph = useMemo(() => {
    const next = stableGraph(previousGraph.current, toGraph(state.model, { diagnostics }));
    previousGraph.current = next;
    return next;
  }, [state.model, diagnostics]);

  const [dragging, setDragging] = useState(noDrag);
  const previousNodes = useRef(new Map<string, BlockFlowNode>());
  const nodes = useMemo(() => {
    const view = {
      selectedNodes: state.selection.nodes,
      selectedEdges: state.selection.edges,
      dragging,
    };
    const next = toFlowNodes(previousNodes.current, graph, view);
    previousNodes.current = byId(next);
    return next;
  }, [graph, state.selection, dragging]);
  const previousEdges = useRef(new Map<string, BlockFlowEdge>());
  const edges = useMemo(() => {
    const next = toFlowEdges(previousEdges.current, graph, state.selection.edges);
    previousEdges.current = byId(next);
    return next;
  }, [graph, state.selection.edges]);

  const onNodesChange = useCallback<OnNodesChange<BlockFlowNode>>(
    (changes) => {
      const c = readNodeChanges(changes);
      const dropped = Object.keys(c.drop);
      if (c.drag.size > 0 || dropped.length > 0) setDragging((d) => merged(d, c.drag, dropped));
      if (dropped.length > 0) editor.move(c.drop);
      if (c.select.size > 0) editor.select({ nodes: flip(editor.getState().selection.nodes, c.select) });
    },
    [editor],
  );
  const onEdgesChange = useCallback<OnEdgesChange<BlockFlowEdge>>(
    (changes) => {
      const flips = readEdgeSelection(changes);
      if (flips.size > 0) editor.select({ edges: flip(editor.getState().selection.edges, flips) });
    },
    [editor],
  );
  const onConnect = useCallback(
    (c: Connection) => {
      if (c.sourceHandle) editor.connect(c.source, c.sourceHandle, c.target);
    },
    [editor],
  );
  const onReconnect = useCallback(
    (old: Edge, c: Connection) => {
      if (!old.sourceHandle || !c.sourceHandle) return;
      editor.reconnect(
        { source: old.source, sourceHandle: old.sourceHandle },
        { source: c.source, sourceHandle: c.sourceHandle, target: c.target },
      );
    },
    [editor],
  );

  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const open = useRef(shortcutsOpen);
  open.current = shortcutsOpen;
  const hooks = useRef(options.hooks);
  hooks.current = options.hooks;
  const run = useCallback(
    (command: Command) => {
      void runCommand(command, editor, clipboard, {
        save: () => hooks.current?.save?.(),
        fit: () => hooks.current?.fit?.(),
        layout: () => hooks.current?.layout?.(),
        addNote: () => hooks.current?.addNote?.(),
        find: () => hooks.current?.find?.(),
        closeFind: () => hooks.current?.closeFind?.() ?? false,
        toggleShortcuts: () => setShortcutsOpen((o) => !o),
        closeShortcuts: () => {
          if (open.current) setShortcutsOpen(false);
          return open.current;
        },
      });
    },
    [editor, clipboard],
  );
  useEffect(() => {
    const mac = isMac();
    const textSelected = () => (getSelection()?.toString() ?? '') !== '';
    const onKey = (e: KeyboardEvent) => handleKey(e, run, { mac, textSelected });
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [run]);

  return {
    editor,
    state,
    diagnostics,
    graph,
    nodes,
    edges,
    onNodesChange,
    onEdgesChange,
    onConnect,
    onReconnect,
    run,
    shortcutsOpen,
    setShortcutsOpen,
  };
}
