import { type Diagnostic, type FlowModel, getBlock, indexActions, type JsonObject } from '@parley/flow';
import { useEffect, useId, useMemo, useState } from 'react';
import type { Editor } from '../editor/editor.js';
import { renameProblem } from '../system/index.js';
import { isFriendlyName } from '../system/metadata.js';
import { PathSuggestions } from './AttributePicker.js';
import { flowNames, pathSuggestions } from './attributes.js';
import { ConditionList } from './ConditionList.js';
import { openResult } from './conditions.js';
import { splitDiagnostics } from './diagnostics.js';
import { FieldView } from './FieldView.js';
import { type Field, fieldsOfAction } from './fields.js';
import type { FieldContext } from './types.js';
import type { InstanceResources } from './useInstanceResources.js';
import { getAt, setField } from './values.js';
import './inspector.css';

/** The edits the inspector makes, each through the editing session (one undoable edit). */
export type InspectorEdits = Pick<
  Editor,
  'editParameters' | 'rename' | 'addCondition' | 'updateCondition' | 'removeCondition'
>;

export interface InspectorProps {
  model: FlowModel;
  actionId: string;
  /** The flow's live diagnostics; the block's are shown, those about a parameter with its field. */
  diagnostics: readonly Diagnostic[];
  edits: InspectorEdits;
  resources?: InstanceResources | undefined;
  /** Block labels by Identifier, to name where a condition leads. */
  labels?: ReadonlyMap<string, string>;
}

/** The selected block: its name, type and help, a form from its parameter schema, its conditions and problems. */
export function Inspector(props: InspectorProps) {
  const { model, actionId, edits } = props;
  const action = indexActions(model).get(actionId);
  const paths = useMemo(() => pathSuggestions(flowNames(model)), [model]);
  const mine = useMemo(
    () => props.diagnostics.filter((d) => d.actionId === actionId),
    [props.diagnostics, actionId],
  );
  if (!action)
    return (
      <section className="inspector" aria-label="Inspector">
        <p className="hint">This block is no longer in the flow.</p>
      </section>
    );
  const block = getBlock(action.type);
  const parameters = action.parameters;
  const { byParameter, others } = splitDiagnostics(mine);
  const ctx: FieldContext = { resources: props.resources, paths };
  const fields = fieldsOfAction(block, parameters);
  const result = openResult(block, action);
  return (
    <section className="inspector" aria-label="Inspector">
      <NameField model={model} id={actionId} onRename={(name) => edits.rename(actionId, name)} />
      <p className="inspector-type">
        {block?.ui.label ?? 'Unknown block'} <code>{action.type}</code>
      </p>
      {block && <p className="field-help">{block.ui.help}</p>}
      {!block && (
        <p className="field-problem">
          The catalog does not know {action.type}: its parameters are kept as they are.
        </p>
      )}
      {block?.notProvided && (
        <p className="field-note">
          Parley does not provide {block.notProvided}: at run time this block takes its error branch.
        </p>
      )}
      {others.length > 0 && <Problems diagnostics={others} />}
      <div className="inspector-fields">
        {fields.length === 0 && <p className="hint">This block has no parameters.</p>}
        {fields.map((field) => (
          <FieldView
            key={field.key}
            field={field}
            value={getAt(parameters, field.path)}
            ctx={ctx}
            problems={byParameter.get(field.key)?.map((d) => `${d.code}: ${d.message}`)}
            note={exclusiveNote(field, parameters)}
            onChange={(update, group) =>
              edits.editParameters(actionId, (p) => setField(p, field, update(getAt(p, field.path))), group)
            }
          />
        ))}
      </div>
      {result && <ConditionList action={action} result={result} edits={edits} labels={props.labels} />}
      <PathSuggestions paths={paths} />
    </section>
  );
}

/** What setting the field would clear: the parameters it excludes that are set. */
function exclusiveNote(field: Field, parameters: JsonObject | undefined): string | undefined {
  if (getAt(parameters, field.path) !== undefined) return undefined;
  const set = (field.exclusive ?? []).filter((k) => parameters?.[k] !== undefined);
  return set.length === 0 ? undefined : `Setting it clears ${set.join(', ')}: the block takes only one.`;
}

function Problems(props: { diagnostics: readonly Diagnostic[] }) {
  return (
    <ul className="diagnostics inspector-problems" aria-label="Problems of this block">
      {props.diagnostics.map((d, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: diagnostics have no identity; the list is rebuilt whole
        <li key={i} data-severity={d.severity}>
          <span className="diagnostic-code">{d.code}</span> {d.message}
        </li>
      ))}
    </ul>
  );
}

/**
 * The block's name: its Identifier when named (Connect's friendly name), else empty (the catalog
 * label shows). Renamed on Enter or blur, as one edit; a name the flow cannot take is explained.
 */
function NameField(props: { model: FlowModel; id: string; onRename(name: string): void }) {
  const inputId = useId();
  const current = isFriendlyName(props.model, props.id) ? props.id : '';
  const [name, setName] = useState(current);
  useEffect(() => setName(current), [current]);
  const problem = name === '' || name === current ? undefined : renameProblem(props.model, props.id, name);
  const commit = () => {
    if (name !== current && !problem) props.onRename(name);
  };
  return (
    <div className="field inspector-name">
      <label htmlFor={inputId}>Block name</label>
      <input
        id={inputId}
        type="text"
        value={name}
        placeholder={getBlock(props.model.actions.find((a) => a.id === props.id)?.type ?? '')?.ui.label}
        aria-invalid={problem ? true : undefined}
        onChange={(e) => setName(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape') setName(current);
        }}
      />
      {problem && (
        <p className="field-problem" role="status">
          {problem.message}
        </p>
      )}
    </div>
  );
}
