import type { FlowModel } from '@parley/flow';

export interface History {
  /** The model being edited. */
  readonly present: FlowModel;
  /** Records an edit; the redo stack is cleared. The same model again is not an edit. */
  push(model: FlowModel): FlowModel;
  /**
   * Amends the last edit: `model` becomes the present without a new undo step (typing in one field
   * is one edit). The redo stack is cleared; with nothing to undo it is a push.
   */
  replace(model: FlowModel): FlowModel;
  /** Steps back; returns the model now present (the same one when there is nothing to undo). */
  undo(): FlowModel;
  redo(): FlowModel;
  canUndo(): boolean;
  canRedo(): boolean;
  /** Forgets every past and future model (after loading another version, say). */
  reset(model: FlowModel): void;
}

export const HISTORY_LIMIT = 200;

/**
 * Undo/redo over whole models: edits never mutate, so each entry shares everything an edit did not
 * touch and keeping 200 of them costs little. Holds at most `limit` past models; the oldest go first.
 */
export function createHistory(initial: FlowModel, limit: number = HISTORY_LIMIT): History {
  let past: FlowModel[] = [];
  let future: FlowModel[] = [];
  let present = initial;
  return {
    get present() {
      return present;
    },
    push(model) {
      if (model === present) return present;
      past.push(present);
      if (past.length > limit) past = past.slice(past.length - limit);
      future = [];
      present = model;
      return present;
    },
    replace(model) {
      if (past.length === 0) return this.push(model);
      future = [];
      present = model;
      return present;
    },
    undo() {
      const previous = past.pop();
      if (previous === undefined) return present;
      future.push(present);
      present = previous;
      return present;
    },
    redo() {
      const next = future.pop();
      if (next === undefined) return present;
      past.push(present);
      present = next;
      return present;
    },
    canUndo: () => past.length > 0,
    canRedo: () => future.length > 0,
    reset(model) {
      past = [];
      future = [];
      present = model;
    },
  };
}
