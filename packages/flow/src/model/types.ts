/**
 * The in-memory flow: what the designer edits and the compiler reads. Transitions become edges;
 * everything the model does not interpret (unknown keys, malformed values from hand-written files)
 * is kept in `rest` so serializing gives back the document that was read.
 */
export type JsonObject = { [key: string]: unknown };

export interface FlowModel {
  version: string;
  startAction: string | undefined;
  /** Console/UI data, kept as read (positions, display names, annotations). */
  metadata: JsonObject | undefined;
  /** Flow modules only: input/output parameters and return branches. */
  settings: JsonObject | undefined;
  actions: ActionNode[];
  rest: JsonObject;
}

export interface ActionNode {
  /**
   * Set when the entry is not an action at all (no string Identifier or Type): it is written back
   * as read and ignored by everything else. The validator reports it as DOC_SCHEMA.
   */
  raw?: unknown;
  id: string;
  type: string;
  /** `undefined` when the action had no Parameters key. */
  parameters: JsonObject | undefined;
  /** `undefined` when the action had no Transitions key; `{}`-shaped for terminal actions. */
  transitions: TransitionSet | undefined;
  rest: JsonObject;
}

export interface TransitionSet {
  next: string | undefined;
  /** `undefined` when the key was absent; `[]` when present and empty. */
  errors: ErrorEdge[] | undefined;
  conditions: ConditionEdge[] | undefined;
  rest: JsonObject;
}

export interface ErrorEdge {
  /** Set when the entry is not an object at all; it is written back as it was. */
  raw?: unknown;
  errorType: string | undefined;
  target: string | undefined;
  rest: JsonObject;
}

export interface ConditionEdge {
  /** Set when the entry is not an object at all; it is written back as it was. */
  raw?: unknown;
  operator: string | undefined;
  operands: readonly unknown[] | undefined;
  target: string | undefined;
  /** Unknown keys of the transition entry. */
  rest: JsonObject;
  /** Unknown keys of its `Condition` object (or the raw value when it is not an object). */
  conditionRest: JsonObject | unknown;
}

/** One outgoing edge of an action, whatever produced it. */
export type Edge =
  | { kind: 'next'; target: string }
  | {
      kind: 'condition';
      index: number;
      operator: string | undefined;
      operands: readonly unknown[] | undefined;
      target: string;
    }
  | { kind: 'error'; index: number; errorType: string | undefined; target: string };
