import type { ResourceEntry } from '../inspector/resources.js';
import type { FieldValue } from './draft.js';
import type { FormField, FormModel } from './schemaForm.js';

/*
 * Which fields an entry being drafted uses: the source chosen (a prompt's), and for a kind whose
 * fields depend on its type (a quick connect's), those its type names. Framework-free.
 */

interface Drafted {
  values: Readonly<Record<string, FieldValue>>;
  chosen: string | undefined;
}

/** Whether the field is used by one type of the kind only (a quick connect's queue). */
export function dependsOnType(model: FormModel, name: string): boolean {
  const cases = model.cases;
  return cases !== undefined && Object.values(cases.uses).some((fields) => fields.includes(name));
}

/** The type the draft has, or the kind's fallback when it has none yet. */
const typeOf = (model: FormModel, values: Readonly<Record<string, unknown>>): string | undefined => {
  const value = model.cases && values[model.cases.field];
  return typeof value === 'string' && value !== '' ? value : model.cases?.fallback;
};

/** Whether the draft uses the field: shown in the form and sent in the body. */
export function inUse(model: FormModel, draft: Drafted, name: string): boolean {
  if (model.choice?.includes(name) && name !== draft.chosen) return false;
  if (!dependsOnType(model, name)) return true;
  const type = typeOf(model, draft.values);
  return type !== undefined && (model.cases?.uses[type]?.includes(name) ?? false);
}

/** The fields an entry of its type uses, in the form's order (for the table). */
export function usedBy(model: FormModel, entry: ResourceEntry): FormField[] {
  const type = typeOf(model, entry);
  const used = type === undefined ? [] : (model.cases?.uses[type] ?? []);
  return model.fields.filter((f) => used.includes(f.name));
}

/**
 * The entries a reference field offers: all of its list, except a flow field of a kind whose type
 * decides the flow's type (a quick connect to a queue runs a queue transfer flow).
 */
export function refsFor(
  model: FormModel,
  draft: Drafted,
  field: FormField,
  refs: Readonly<Record<string, readonly ResourceEntry[]>>,
): readonly ResourceEntry[] | undefined {
  const list = field.ref ? refs[field.ref.path] : undefined;
  const type = typeOf(model, draft.values);
  const flowType = type === undefined ? undefined : model.cases?.flowTypes?.[type];
  if (!list || field.name !== 'flow' || flowType === undefined) return list;
  return list.filter((e) => e.type === flowType);
}
