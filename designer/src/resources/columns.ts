import { entryNamed, type ResourceEntry } from '../inspector/resources.js';
import { dependsOnType, usedBy } from './cases.js';
import { type HoursRange, rangeLabel } from './draft.js';
import { type FormField, type FormModel, labelOf } from './schemaForm.js';

/*
 * The table of a resource page: the name, then up to three short fields of the kind, a weekly
 * schedule summed up, for kinds with types the fields the entry's type uses, and for kinds with a
 * choice of source, which one the entry has.
 */

export interface Column {
  key: string;
  label: string;
  cell(entry: ResourceEntry): string;
}

const SHORT = new Set(['text', 'number', 'enum', 'ref', 'timeZone']);

const refName = (field: FormField, value: string, refs: Record<string, readonly ResourceEntry[]>) =>
  (field.ref && entryNamed(refs[field.ref.path] ?? [], value)?.name) ?? value;

function show(field: FormField, value: unknown, refs: Record<string, readonly ResourceEntry[]>): string {
  if (value === undefined || value === null) return '';
  if (field.kind === 'ref' && typeof value === 'string') return refName(field, value, refs);
  if (field.kind === 'schedule' && Array.isArray(value)) {
    const ranges = value as HoursRange[];
    if (ranges.length === 0) return 'Closed';
    return ranges.length <= 2 ? ranges.map(rangeLabel).join(', ') : `${ranges.length} weekly ranges`;
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export function columnsOf(model: FormModel, refs: Record<string, readonly ResourceEntry[]>): Column[] {
  const inChoice = (f: FormField) => model.choice?.includes(f.name) ?? false;
  const fields = model.fields.filter(
    (f) => f.name !== 'name' && f.name !== 'description' && !inChoice(f) && !dependsOnType(model, f.name),
  );
  const short = fields.filter((f) => SHORT.has(f.kind)).slice(0, 3);
  const schedules = fields.filter((f) => f.kind === 'schedule');
  const columns: Column[] = [...short, ...schedules].map((f) => ({
    key: f.name,
    label: f.label,
    cell: (e) => show(f, e[f.name], refs),
  }));
  // A kind whose fields depend on its type: one column with those its type uses, labelled.
  if (model.cases)
    columns.push({
      key: 'target',
      label: 'Target',
      cell: (e) =>
        usedBy(model, e)
          .flatMap((f) => {
            const value = show(f, e[f.name], refs);
            return value === '' ? [] : [`${f.label}: ${value}`];
          })
          .join(', '),
    });
  if (model.choice) {
    const choice = model.choice;
    columns.push({
      key: 'source',
      label: 'Source',
      cell: (e) => {
        const name = choice.find((n) => e[n] !== undefined);
        if (name === undefined) return '';
        const value = e[name];
        return typeof value === 'string' ? `${labelOf(name)}: ${value}` : labelOf(name);
      },
    });
  }
  return columns;
}
