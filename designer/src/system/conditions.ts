import {
  type ConditionEdge,
  type FlowModel,
  indexActions,
  isJsonObject,
  type JsonObject,
} from '@parley/flow';
import { newActionId, updateAction } from './edit.js';
import { entryOf, withActionMetadata } from './metadata.js';

/*
 * Conditions (menu options, Compare tests, Lex intents) live in Transitions, and Connect's designer
 * mirrors them one for one in ActionMetadata[id].conditionMetadata (every real export that has it
 * agrees). These edits keep that mirror in step, and drop it for the action rather than guess a
 * shape never seen in an export: Connect rebuilds it from Transitions, as for hand-written flows.
 */

/** conditionMetadata operators as Connect's designer writes them; the others were never seen. */
const OPERATOR_METADATA: Readonly<Record<string, JsonObject>> = {
  Equals: { name: 'Equals', value: 'Equals', shortDisplay: '=' },
  TextContains: { name: 'Contains', value: 'Contains', shortDisplay: 'contains' },
  TextStartsWith: { name: 'Starts with', value: 'StartsWith', shortDisplay: 'starts with' },
  NumberGreaterThan: { name: 'Is greater than', value: 'GreaterThan', shortDisplay: '>' },
  NumberLessThan: { name: 'Is less than', value: 'LessThan', shortDisplay: '<' },
};

/** Menus (GetParticipantInput) write no operator: the only one they allow is Equals. */
const WITHOUT_OPERATOR = new Set(['GetParticipantInput']);

interface Draft {
  conditions: ConditionEdge[];
  /** A copy of conditionMetadata when it is in step with the conditions; else undefined. */
  mirror: unknown[] | undefined;
}

/** 'kept': the mirror was edited alongside; 'lost': it could not be, so it is dropped. */
type Edit = (draft: Draft) => 'unchanged' | 'kept' | 'lost';

function editConditions(model: FlowModel, id: string, edit: Edit): FlowModel {
  const action = indexActions(model).get(id);
  if (!action) return model;
  const t = action.transitions ?? { next: undefined, errors: undefined, conditions: undefined, rest: {} };
  const cm = entryOf(model, id)?.conditionMetadata;
  // A mirror already out of step is left as read: it is not this edit's to fix.
  const inStep = Array.isArray(cm) && cm.length === (t.conditions ?? []).length;
  const draft: Draft = { conditions: [...(t.conditions ?? [])], mirror: inStep ? [...cm] : undefined };
  const outcome = edit(draft);
  if (outcome === 'unchanged') return model;
  const updated = updateAction(model, id, (a) => ({
    ...a,
    transitions: { ...t, conditions: draft.conditions },
  }));
  if (!inStep) return updated;
  return withActionMetadata(updated, (am) => {
    const { conditionMetadata: _, ...others } = entryOf(updated, id) ?? {};
    am[id] = outcome === 'kept' ? { ...others, conditionMetadata: draft.mirror } : others;
    return am;
  });
}

function mirrorEntry(model: FlowModel, id: string, operator: string, value: string): JsonObject | undefined {
  const type = indexActions(model).get(id)?.type ?? '';
  if (WITHOUT_OPERATOR.has(type)) return operator === 'Equals' ? { id: newActionId(), value } : undefined;
  const op = OPERATOR_METADATA[operator];
  return op && { id: newActionId(), operator: op, value };
}

/** Adds a condition (its branch `condition:<n>`, unconnected) at the end of the action's list. */
export function addCondition(model: FlowModel, id: string, operator: string, value: string): FlowModel {
  const meta = mirrorEntry(model, id, operator, value);
  return editConditions(model, id, (d) => {
    d.conditions.push({ operator, operands: [value], target: '', rest: {}, conditionRest: {} });
    if (!meta) return 'lost';
    d.mirror?.push(meta);
    return 'kept';
  });
}

/** Changes what a condition tests; its target and anything else it holds stay. */
export function updateCondition(
  model: FlowModel,
  id: string,
  index: number,
  operator: string,
  value: string,
): FlowModel {
  const meta = mirrorEntry(model, id, operator, value);
  return editConditions(model, id, (d) => {
    const c = d.conditions[index];
    if (!c || 'raw' in c) return 'unchanged';
    d.conditions[index] = { ...c, operator, operands: [value] };
    const old = d.mirror?.[index];
    if (!meta || (d.mirror && !isJsonObject(old))) return 'lost';
    if (d.mirror && isJsonObject(old)) d.mirror[index] = { ...old, ...meta, id: old.id ?? meta.id };
    return 'kept';
  });
}

/** Removes a condition; the branches after it are renumbered (`condition:3` becomes `condition:2`). */
export function removeCondition(model: FlowModel, id: string, index: number): FlowModel {
  return editConditions(model, id, (d) => {
    if (index < 0 || index >= d.conditions.length) return 'unchanged';
    d.conditions.splice(index, 1);
    d.mirror?.splice(index, 1);
    return 'kept';
  });
}
