import type {
  ActionNode,
  ConditionEdge,
  Edge,
  ErrorEdge,
  FlowModel,
  JsonObject,
  TransitionSet,
} from './types.js';

/** A JSON object: not null, not an array. */
export const isJsonObject = (v: unknown): v is JsonObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Splits `obj` into the string fields named in `keys` and everything else. */
function take<K extends string>(
  obj: JsonObject,
  keys: readonly K[],
): [Partial<Record<K, string>>, JsonObject] {
  const picked: Partial<Record<K, string>> = {};
  const rest: JsonObject = {};
  // Runs for every edge of every flow read: keys rather than entries, which allocate a pair per key.
  for (const k of Object.keys(obj)) {
    const v = obj[k];
    if (typeof v === 'string' && (keys as readonly string[]).includes(k)) picked[k as K] = v;
    // Assigning `__proto__` would set rest's prototype and drop the key from the round trip.
    else if (k === '__proto__')
      Object.defineProperty(rest, k, { value: v, enumerable: true, writable: true, configurable: true });
    else rest[k] = v;
  }
  return [picked, rest];
}

/**
 * Builds the model of a 2019-10-30 document. Returns undefined only when the document has no
 * Version string and Actions array: such input is not a flow at all.
 */
export function toModel(doc: unknown): FlowModel | undefined {
  if (!isJsonObject(doc) || typeof doc.Version !== 'string' || !Array.isArray(doc.Actions)) return undefined;
  const actions = doc.Actions.map(toActionNode);
  const { Version, StartAction, Metadata, Settings, Actions: _actions, ...rest } = doc;
  return {
    version: Version as string,
    startAction: typeof StartAction === 'string' ? StartAction : undefined,
    metadata: isJsonObject(Metadata) ? Metadata : undefined,
    settings: isJsonObject(Settings) ? Settings : undefined,
    actions,
    rest: {
      ...rest,
      ...(StartAction !== undefined && typeof StartAction !== 'string' ? { StartAction } : {}),
      ...(Metadata !== undefined && !isJsonObject(Metadata) ? { Metadata } : {}),
      ...(Settings !== undefined && !isJsonObject(Settings) ? { Settings } : {}),
    },
  };
}

function toActionNode(a: unknown): ActionNode {
  if (!isJsonObject(a) || typeof a.Identifier !== 'string' || typeof a.Type !== 'string') {
    return { raw: a, id: '', type: '', parameters: undefined, transitions: undefined, rest: {} };
  }
  const { Identifier, Type, Parameters, Transitions, ...rest } = a;
  if (Parameters !== undefined && !isJsonObject(Parameters)) rest.Parameters = Parameters;
  if (Transitions !== undefined && !isJsonObject(Transitions)) rest.Transitions = Transitions;
  return {
    id: Identifier,
    type: Type,
    parameters: isJsonObject(Parameters) ? Parameters : undefined,
    transitions: isJsonObject(Transitions) ? toTransitionSet(Transitions) : undefined,
    rest,
  };
}

function toTransitionSet(t: JsonObject): TransitionSet {
  const { NextAction, Errors, Conditions, ...rest } = t;
  if (NextAction !== undefined && typeof NextAction !== 'string') rest.NextAction = NextAction;
  if (Errors !== undefined && !Array.isArray(Errors)) rest.Errors = Errors;
  if (Conditions !== undefined && !Array.isArray(Conditions)) rest.Conditions = Conditions;
  return {
    next: typeof NextAction === 'string' ? NextAction : undefined,
    errors: Array.isArray(Errors) ? Errors.map(toErrorEdge) : undefined,
    conditions: Array.isArray(Conditions) ? Conditions.map(toConditionEdge) : undefined,
    rest,
  };
}

const ERROR_EDGE_KEYS = ['ErrorType', 'NextAction'] as const;
const NEXT_ACTION = ['NextAction'] as const;
const OPERATOR = ['Operator'] as const;

function toErrorEdge(e: unknown): ErrorEdge {
  if (!isJsonObject(e)) return { raw: e, errorType: undefined, target: undefined, rest: {} };
  const [{ ErrorType, NextAction }, rest] = take(e, ERROR_EDGE_KEYS);
  return { errorType: ErrorType, target: NextAction, rest };
}

function toConditionEdge(c: unknown): ConditionEdge {
  if (!isJsonObject(c))
    return {
      raw: c,
      operator: undefined,
      operands: undefined,
      target: undefined,
      rest: {},
      conditionRest: {},
    };
  const { Condition, ...outer } = c;
  const [{ NextAction }, rest] = take(outer, NEXT_ACTION);
  if (!isJsonObject(Condition)) {
    return { operator: undefined, operands: undefined, target: NextAction, rest, conditionRest: Condition };
  }
  const { Operands, ...inner } = Condition;
  const [{ Operator }, conditionRest] = take(inner, OPERATOR);
  if (Operands !== undefined && !Array.isArray(Operands)) conditionRest.Operands = Operands;
  return {
    operator: Operator,
    operands: Array.isArray(Operands) ? Operands : undefined,
    target: NextAction,
    rest,
    conditionRest,
  };
}

/**
 * A branch target meaning "end the flow", seen in exports of Connect's current designer. `$` is
 * forbidden in Identifiers, so it can never name an action.
 */
export const END_OF_FLOW = '$end';

/** Every outgoing edge of an action that names an action ("" is an unconnected branch, `$end` the end). */
export function edgesOf(action: ActionNode): Edge[] {
  const t = action.transitions;
  if (!t) return [];
  const edges: Edge[] = [];
  forEachTarget(t, (target, kind, index) => {
    if (target === '' || target === END_OF_FLOW) return;
    if (kind === 'next') edges.push({ kind, target });
    else if (kind === 'condition') {
      const c = t.conditions?.[index];
      edges.push({ kind, index, operator: c?.operator, operands: c?.operands, target });
    } else edges.push({ kind, index, errorType: t.errors?.[index]?.errorType, target });
  });
  return edges;
}

export type TargetKind = Edge['kind'];

/**
 * Calls `visit` for every target a transition set names (including "" and END_OF_FLOW), in order:
 * NextAction, then Conditions, then Errors. The one place that knows where transitions keep targets.
 */
export function forEachTarget(
  t: TransitionSet,
  visit: (target: string, kind: TargetKind, index: number) => void,
): void {
  if (t.next !== undefined) visit(t.next, 'next', 0);
  const conditions = t.conditions ?? [];
  for (let i = 0; i < conditions.length; i++) {
    const target = conditions[i]?.target;
    if (target !== undefined) visit(target, 'condition', i);
  }
  const errors = t.errors ?? [];
  for (let i = 0; i < errors.length; i++) {
    const target = errors[i]?.target;
    if (target !== undefined) visit(target, 'error', i);
  }
}

/** Actions by Identifier; the first wins when Identifiers repeat (the validator reports duplicates). */
export function indexActions(model: FlowModel): Map<string, ActionNode> {
  const byId = new Map<string, ActionNode>();
  for (const a of actionsOf(model)) if (!byId.has(a.id)) byId.set(a.id, a);
  return byId;
}

/** The entries of Actions that are actions (see ActionNode.raw). */
export const actionsOf = (model: FlowModel): ActionNode[] => model.actions.filter((a) => !('raw' in a));
