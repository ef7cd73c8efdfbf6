import type { ActionNode, ResultSpec } from '@parley/flow';
import { useId } from 'react';
import {
  type ConditionRow,
  conditionRows,
  nextOperand,
  OPERATOR_LABELS,
  operandProblem,
} from './conditions.js';
import { useFieldDraft } from './useFieldDraft.js';

/** The condition edits of the editing session (Editor). */
export interface ConditionEdits {
  addCondition(id: string, operator: string, value: string): void;
  updateCondition(id: string, index: number, operator: string, value: string, group?: string): void;
  removeCondition(id: string, index: number): void;
}

/** Add, change and remove the conditions a block branches on; each is a branch handle on the node. */
export function ConditionList(props: {
  action: ActionNode;
  result: ResultSpec;
  edits: ConditionEdits;
  labels?: ReadonlyMap<string, string>;
}) {
  const { action, result, edits } = props;
  const rows = conditionRows(action);
  const operator = result.operators[0] ?? 'Equals';
  return (
    <section className="conditions" aria-label="Conditions">
      <h4>Conditions</h4>
      <p className="field-help">{result.description}</p>
      {rows.length === 0 && <p className="hint">No conditions: every result takes the default branch.</p>}
      <ol>
        {rows.map((row) => (
          <ConditionItem
            key={row.index}
            row={row}
            result={result}
            target={row.target && (props.labels?.get(row.target) ?? row.target)}
            onChange={(op, value, group) => edits.updateCondition(action.id, row.index, op, value, group)}
            onRemove={() => edits.removeCondition(action.id, row.index)}
          />
        ))}
      </ol>
      <button
        type="button"
        className="field-add"
        onClick={() => edits.addCondition(action.id, operator, nextOperand(result, rows))}
      >
        Add condition
      </button>
    </section>
  );
}

function ConditionItem(props: {
  row: ConditionRow;
  result: ResultSpec;
  target: string | undefined;
  onChange(operator: string, value: string, group?: string): void;
  onRemove(): void;
}) {
  const { row, result } = props;
  const id = useId();
  const draft = useFieldDraft(row.value, (text, group) => props.onChange(row.operator, text, group));
  const operators = result.operators.includes(row.operator as never)
    ? result.operators
    : [...result.operators, row.operator];
  return (
    <li className="condition" data-branch={row.branchId}>
      <span className="condition-branch" title={`Branch ${row.branchId}`}>
        {row.label}
      </span>
      {row.editable ? (
        <>
          {operators.length > 1 ? (
            <select
              aria-label={`Operator of condition ${row.index + 1}`}
              value={row.operator}
              onChange={(e) => props.onChange(e.target.value, draft.text)}
            >
              {operators.map((o) => (
                <option key={o} value={o}>
                  {OPERATOR_LABELS[o] ?? o}
                </option>
              ))}
            </select>
          ) : (
            <span className="condition-operator">{OPERATOR_LABELS[row.operator] ?? row.operator}</span>
          )}
          <input
            id={id}
            type="text"
            aria-label={`Value of condition ${row.index + 1}`}
            value={draft.text}
            onChange={(e) => draft.onChange(e.target.value)}
            onFocus={draft.onFocus}
            onBlur={draft.onBlur}
            onKeyDown={draft.onKeyDown}
          />
        </>
      ) : (
        <span className="condition-raw">Not editable here; kept as it is</span>
      )}
      <button
        type="button"
        className="field-remove"
        aria-label={`Remove condition ${row.index + 1}`}
        onClick={props.onRemove}
      >
        ×
      </button>
      <span className="condition-target">{props.target ? `→ ${props.target}` : 'not connected'}</span>
      {row.editable && operandProblem(result, draft.text) && (
        <p className="field-problem" role="status">
          {operandProblem(result, draft.text)}
        </p>
      )}
    </li>
  );
}
