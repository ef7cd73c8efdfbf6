import { type FlowModel, indexActions, type JsonObject } from '@parley/flow';
import {
  addBlock,
  addCondition,
  connect,
  copyBlocks,
  createHistory,
  disconnect,
  moveBlocks,
  newActionId,
  pasteBlocks,
  removeBlocks,
  removeCondition,
  renameBlock,
  setParameters,
  setStart,
  updateCondition,
  type XY,
} from '../system/index.js';

/** What is selected on the canvas: blocks by Identifier, edges by their toGraph id. */
export interface Selection {
  nodes: ReadonlySet<string>;
  edges: ReadonlySet<string>;
}

export interface EditorState {
  model: FlowModel;
  selection: Selection;
  canUndo: boolean;
  canRedo: boolean;
}

/** A branch end: the block and its handle (branch id). */
export interface BranchEnd {
  source: string;
  sourceHandle: string;
}

/**
 * The editing session of one flow, framework-free: the model in an undo history, the selection,
 * and every edit the canvas offers. React reads it through useSyncExternalStore (useFlowEditor).
 */
export interface Editor {
  getState(): EditorState;
  subscribe(listener: () => void): () => void;
  /** Adds a block and selects it; returns its Identifier. */
  add(type: string, at: XY, id?: string): string;
  connect(source: string, branchId: string, target: string): void;
  /** Moves an edge: its old branch is unconnected and the new one connected, as one edit. */
  reconnect(from: BranchEnd, to: BranchEnd & { target: string }): void;
  /** Removes blocks and unconnects branches (edges, by toGraph id) as one edit. */
  remove(nodeIds: Iterable<string>, edgeIds?: Iterable<string>): void;
  deleteSelected(): void;
  /** Commits positions (at the end of a drag, not on every frame). */
  move(positions: Readonly<Record<string, XY>>): void;
  setStart(id: string): void;
  /**
   * Rewrites an action's Parameters from the present ones (undefined removes the key). Edits of one
   * `group` in a row are one undo step: the inspector gives each focus of a field its own group.
   */
  editParameters(
    id: string,
    f: (parameters: JsonObject | undefined) => JsonObject | undefined,
    group?: string,
  ): void;
  /** Names a block (renameBlock); the selection follows it. Its Identifier after, undefined if refused. */
  rename(id: string, name: string): string | undefined;
  addCondition(id: string, operator: string, value: string): void;
  /** Changes what a condition tests; `group` as for editParameters. */
  updateCondition(id: string, index: number, operator: string, value: string, group?: string): void;
  removeCondition(id: string, index: number): void;
  /**
   * Applies a pure edit of the model (the notes' edits, say) as one undo step; `group` as for
   * editParameters. An edit that changes nothing is not recorded.
   */
  update(f: (model: FlowModel) => FlowModel, group?: string): void;
  undo(): void;
  redo(): void;
  select(selection: Partial<Selection>): void;
  selectAll(): void;
  /** The selected blocks as flow JSON text; undefined when none is selected. */
  copy(): string | undefined;
  /** Pastes flow JSON (offset further at each paste of the same text) and selects what came in. */
  paste(text: string): string[];
  /** Starts over from another model (a reload); history and selection are forgotten. */
  reset(model: FlowModel): void;
}

const NONE: Selection = { nodes: new Set(), edges: new Set() };
export const PASTE_STEP = 40;

/**
 * toGraph names an edge `${source}->${branchId}`; branch ids never hold `->` (Identifiers may), so
 * the last one splits it.
 */
export function edgeEnds(edgeId: string): BranchEnd | undefined {
  const at = edgeId.lastIndexOf('->');
  return at <= 0 ? undefined : { source: edgeId.slice(0, at), sourceHandle: edgeId.slice(at + 2) };
}

export function createEditor(initial: FlowModel, newId: () => string = newActionId): Editor {
  const history = createHistory(initial);
  const listeners = new Set<() => void>();
  let lastPaste = { text: '', count: 0 };
  /** The group of the last edit, while nothing else has happened to the history since. */
  let lastGroup: string | undefined;
  let state: EditorState = snapshot(NONE);

  function snapshot(selection: Selection): EditorState {
    return { model: history.present, selection, canUndo: history.canUndo(), canRedo: history.canRedo() };
  }
  const emit = (selection: Selection) => {
    state = snapshot(selection);
    for (const l of listeners) l();
  };
  /**
   * Records an edit; an edit that changed nothing leaves the history and the selection alone. An
   * edit of the same group as the one before amends it instead of adding an undo step.
   */
  const edit = (model: FlowModel, selection: Selection = state.selection, group?: string) => {
    if (model === history.present && selection === state.selection) return;
    if (group !== undefined && group === lastGroup) history.replace(model);
    else history.push(model);
    lastGroup = group;
    emit(selection);
  };
  /** The selection without what the present model no longer has (after undo, redo). */
  const pruned = (): Selection => {
    const ids = indexActions(history.present);
    const nodes = new Set([...state.selection.nodes].filter((id) => ids.has(id)));
    return { nodes, edges: new Set() };
  };

  const editor: Editor = {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    add(type, at, id = newId()) {
      edit(addBlock(history.present, type, at, id), { nodes: new Set([id]), edges: new Set() });
      return id;
    },
    connect(source, branchId, target) {
      edit(connect(history.present, source, branchId, target));
    },
    reconnect(from, to) {
      const same = from.source === to.source && from.sourceHandle === to.sourceHandle;
      const unlinked = same ? history.present : disconnect(history.present, from.source, from.sourceHandle);
      const linked = connect(unlinked, to.source, to.sourceHandle, to.target);
      // A refused connection must not leave the old edge unlinked.
      if (linked !== unlinked) edit(linked);
    },
    remove(nodeIds, edgeIds = []) {
      let model = removeBlocks(history.present, nodeIds);
      for (const id of edgeIds) {
        const ends = edgeEnds(id);
        if (ends) model = disconnect(model, ends.source, ends.sourceHandle);
      }
      if (model !== history.present) edit(model, NONE);
    },
    deleteSelected() {
      editor.remove(state.selection.nodes, state.selection.edges);
    },
    move(positions) {
      edit(moveBlocks(history.present, positions));
    },
    setStart(id) {
      edit(setStart(history.present, id));
    },
    editParameters(id, f, group) {
      const action = indexActions(history.present).get(id);
      if (!action) return;
      const next = f(action.parameters);
      if (next !== action.parameters) edit(setParameters(history.present, id, next), state.selection, group);
    },
    rename(id, name) {
      const index = history.present.actions.findIndex((a) => !('raw' in a) && a.id === id);
      const renamed = renameBlock(history.present, id, name);
      // Unchanged: refused, or the block already has this name.
      if (renamed === history.present) return index >= 0 && name === id ? id : undefined;
      const to = renamed.actions[index]?.id ?? id;
      const nodes = new Set([...state.selection.nodes].map((n) => (n === id ? to : n)));
      edit(renamed, { nodes, edges: new Set() });
      return to;
    },
    addCondition(id, operator, value) {
      edit(addCondition(history.present, id, operator, value));
    },
    updateCondition(id, index, operator, value, group) {
      edit(updateCondition(history.present, id, index, operator, value), state.selection, group);
    },
    update(f, group) {
      edit(f(history.present), state.selection, group);
    },
    removeCondition(id, index) {
      const model = removeCondition(history.present, id, index);
      // The branches after it are renumbered, so their selected edges would name others.
      if (model !== history.present) edit(model, { ...state.selection, edges: new Set() });
    },
    undo() {
      lastGroup = undefined;
      if (!history.canUndo()) return;
      history.undo();
      emit(pruned());
    },
    redo() {
      lastGroup = undefined;
      if (!history.canRedo()) return;
      history.redo();
      emit(pruned());
    },
    select(selection) {
      emit({
        nodes: selection.nodes ?? state.selection.nodes,
        edges: selection.edges ?? state.selection.edges,
      });
    },
    selectAll() {
      emit({ nodes: new Set(indexActions(history.present).keys()), edges: new Set() });
    },
    copy() {
      if (state.selection.nodes.size === 0) return undefined;
      return JSON.stringify(copyBlocks(history.present, state.selection.nodes), null, 2);
    },
    paste(text) {
      lastPaste = { text, count: lastPaste.text === text ? lastPaste.count + 1 : 1 };
      const step = PASTE_STEP * lastPaste.count;
      const pasted = pasteBlocks(history.present, text, { x: step, y: step }, newId);
      if (pasted.ids.length > 0) edit(pasted.model, { nodes: new Set(pasted.ids), edges: new Set() });
      return pasted.ids;
    },
    reset(model) {
      history.reset(model);
      lastGroup = undefined;
      lastPaste = { text: '', count: 0 };
      emit(NONE);
    },
  };
  return editor;
}
