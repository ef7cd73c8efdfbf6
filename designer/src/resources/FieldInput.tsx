import { entryNamed, type ResourceEntry } from '../inspector/resources.js';
import type { FieldValue, HoursRange } from './draft.js';
import type { FormField } from './schemaForm.js';
import { WeeklySchedule } from './WeeklySchedule.js';

/** IANA zones the browser knows, for the time zone field's suggestions. */
const TIME_ZONES: readonly string[] =
  typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];

export const TIME_ZONE_LIST = 'resource-time-zones';

/** An uploaded WAV as the entry describes it. */
function audioSummary(audio: unknown): string | undefined {
  if (typeof audio !== 'object' || audio === null) return undefined;
  const a = audio as { bytes?: number; durationMs?: number };
  return `Uploaded WAV: ${((a.durationMs ?? 0) / 1000).toFixed(1)} s, ${a.bytes ?? 0} bytes`;
}

/** One field of a resource form, its input chosen by the field's kind. */
export function FieldInput(props: {
  field: FormField;
  value: FieldValue;
  onChange: (value: FieldValue) => void;
  /** The entries a reference field picks from (undefined while loading). */
  refs?: readonly ResourceEntry[] | undefined;
  /** The value the entry being edited has (an uploaded audio's description). */
  existing?: unknown;
}) {
  const { field, value } = props;
  const text = typeof value === 'string' ? value : '';
  const set = (v: FieldValue) => props.onChange(v);
  const label = `${field.label}${field.required ? ' *' : ''}`;
  if (field.kind === 'schedule')
    return (
      <fieldset className="resource-field" title={field.description}>
        <legend>{label}</legend>
        <WeeklySchedule ranges={Array.isArray(value) ? (value as HoursRange[]) : []} onChange={set} />
      </fieldset>
    );
  return (
    // biome-ignore lint/a11y/noLabelWithoutControl: control() renders the label's input
    <label className="resource-field" title={field.description}>
      <span>{label}</span>
      {control()}
    </label>
  );

  function control() {
    switch (field.kind) {
      case 'textarea':
      case 'json':
      case 'strings':
        return (
          <textarea
            rows={field.kind === 'textarea' ? 3 : 4}
            className={field.kind === 'json' ? 'code' : undefined}
            placeholder={
              field.kind === 'strings' ? 'One per line' : field.kind === 'json' ? 'JSON' : undefined
            }
            value={text}
            onChange={(e) => set(e.target.value)}
          />
        );
      case 'number':
        return <input type="number" value={text} onChange={(e) => set(e.target.value)} />;
      case 'enum':
        return (
          <select value={text} onChange={(e) => set(e.target.value)}>
            <option value="">—</option>
            {field.options?.map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </select>
        );
      case 'ref': {
        const refs = props.refs ?? [];
        const known = text === '' || entryNamed(refs, text) !== undefined;
        return (
          <select value={text} onChange={(e) => set(e.target.value)}>
            <option value="">{props.refs ? '— none —' : 'Loading…'}</option>
            {refs.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
            {!known && <option value={text}>{text}</option>}
          </select>
        );
      }
      case 'refs': {
        // Held as the strings field's lines: the entries' IDs, or names and ARNs read from an entry.
        const chosen = text.split('\n').filter(Boolean);
        const refs = props.refs ?? [];
        const unknown = chosen.filter((c) => entryNamed(refs, c) === undefined);
        const ids = chosen.map((c) => entryNamed(refs, c)?.id ?? c);
        return (
          <select
            multiple
            size={Math.min(6, Math.max(2, refs.length + unknown.length))}
            value={ids}
            onChange={(e) => set([...e.target.selectedOptions].map((o) => o.value).join('\n'))}
          >
            {refs.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
            {unknown.map((u) => (
              <option key={u} value={u}>
                {u}
              </option>
            ))}
          </select>
        );
      }
      case 'timeZone':
        return (
          <>
            <input
              list={TIME_ZONE_LIST}
              placeholder="e.g. America/New_York"
              value={text}
              onChange={(e) => set(e.target.value)}
            />
            <datalist id={TIME_ZONE_LIST}>
              {TIME_ZONES.map((z) => (
                <option key={z} value={z} />
              ))}
            </datalist>
          </>
        );
      case 'audio':
        return (
          <>
            <input
              type="file"
              accept=".wav,audio/wav"
              onChange={(e) => set(e.target.files?.[0] ?? undefined)}
            />
            <small className="hint">{audioSummary(props.existing) ?? '8 kHz mono WAV'}</small>
          </>
        );
      default:
        return <input value={text} onChange={(e) => set(e.target.value)} />;
    }
  }
}
