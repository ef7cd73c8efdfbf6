import { isJsonObject } from './model.js';
import type { ActionNode, ConditionEdge, ErrorEdge, FlowModel, JsonObject, TransitionSet } from './types.js';

/** Writes the model back as a 2019-10-30 document, keys in the order Connect exports them. */
export function toDocument(model: FlowModel): JsonObject {
  const doc: JsonObject = { Version: model.version };
  if (model.startAction !== undefined) doc.StartAction = model.startAction;
  if (model.metadata !== undefined) doc.Metadata = model.metadata;
  doc.Actions = model.actions.map(actionToJson);
  if (model.settings !== undefined) doc.Settings = model.settings;
  return { ...doc, ...model.rest };
}

function actionToJson(a: ActionNode): unknown {
  if ('raw' in a) return a.raw;
  const out: JsonObject = {};
  if (a.parameters !== undefined) out.Parameters = a.parameters;
  out.Identifier = a.id;
  out.Type = a.type;
  if (a.transitions !== undefined) out.Transitions = transitionsToJson(a.transitions);
  return { ...out, ...a.rest };
}

function transitionsToJson(t: TransitionSet): JsonObject {
  const out: JsonObject = {};
  if (t.next !== undefined) out.NextAction = t.next;
  if (t.conditions !== undefined) out.Conditions = t.conditions.map(conditionToJson);
  if (t.errors !== undefined) out.Errors = t.errors.map(errorToJson);
  return { ...out, ...t.rest };
}

function errorToJson(e: ErrorEdge): unknown {
  if ('raw' in e) return e.raw;
  const out: JsonObject = {};
  if (e.target !== undefined) out.NextAction = e.target;
  if (e.errorType !== undefined) out.ErrorType = e.errorType;
  return { ...out, ...e.rest };
}

function conditionToJson(c: ConditionEdge): unknown {
  if ('raw' in c) return c.raw;
  const out: JsonObject = {};
  if (c.target !== undefined) out.NextAction = c.target;
  const isObj = isJsonObject(c.conditionRest);
  if (isObj || c.operator !== undefined || c.operands !== undefined) {
    const cond: JsonObject = {};
    if (c.operator !== undefined) cond.Operator = c.operator;
    if (c.operands !== undefined) cond.Operands = [...c.operands];
    out.Condition = { ...cond, ...(isObj ? (c.conditionRest as JsonObject) : {}) };
  } else if (c.conditionRest !== undefined) {
    out.Condition = c.conditionRest;
  }
  return { ...out, ...c.rest };
}

/** Serializes a model as Connect-style JSON text (two-space indentation, trailing newline). */
export function serialize(model: FlowModel): string {
  return `${JSON.stringify(toDocument(model), null, 2)}\n`;
}
