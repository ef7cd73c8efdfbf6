import type { ResourceEntry } from '../inspector/resources.js';
import { inUse } from './cases.js';
import type { FormField, FormModel } from './schemaForm.js';

/*
 * What a resource form holds while it is edited, and the request body it becomes. Inputs hold
 * text; weekly schedules hold ranges; an audio field holds the WAV picked for upload.
 */

export interface TimeOfDay {
  Hours: number;
  Minutes: number;
}
export interface HoursRange {
  Day: string;
  StartTime: TimeOfDay;
  EndTime: TimeOfDay;
}

export type FieldValue = string | HoursRange[] | Blob | undefined;

export interface Draft {
  values: Record<string, FieldValue>;
  /** Which of the model's `choice` properties the entry has. */
  chosen: string | undefined;
}

export type Built =
  | {
      ok: true;
      body: Record<string, unknown>;
      /** A WAV to upload once the entry exists (the prompt's audio source). */
      upload?: Blob;
    }
  | { ok: false; problems: { field: string; message: string }[] };

function fieldValueOf(field: FormField, raw: unknown): FieldValue {
  if (raw === undefined || raw === null) return field.kind === 'schedule' ? [] : '';
  switch (field.kind) {
    case 'schedule':
      return Array.isArray(raw) ? (structuredClone(raw) as HoursRange[]) : [];
    case 'strings':
    case 'refs':
      return Array.isArray(raw) ? raw.map(String).join('\n') : String(raw);
    case 'json':
      return JSON.stringify(raw, null, 2);
    case 'audio':
      // Kept as it is unless a new WAV is picked.
      return undefined;
    default:
      return typeof raw === 'string' ? raw : String(raw);
  }
}

/** The form's starting point: empty, or an entry to edit. */
export function draftOf(model: FormModel, entry?: ResourceEntry): Draft {
  const values: Record<string, FieldValue> = {};
  for (const f of model.fields) values[f.name] = fieldValueOf(f, entry?.[f.name]);
  const chosen = model.choice?.find((name) => entry?.[name] !== undefined) ?? model.choice?.[0];
  return { values, chosen };
}

/**
 * The body of a create or an update. Empty inputs are left out (the server names a missing
 * required field with its code); what cannot be read here (a number, JSON) is a problem at once.
 * `entry` is the entry being edited: an uploaded audio source it has is kept unless replaced.
 */
export function bodyOf(model: FormModel, draft: Draft, entry?: ResourceEntry): Built {
  const body: Record<string, unknown> = {};
  const problems: { field: string; message: string }[] = [];
  let upload: Blob | undefined;
  for (const field of model.fields) {
    if (!inUse(model, draft, field.name)) continue;
    const value = draft.values[field.name];
    if (field.kind === 'audio') {
      if (value instanceof Blob) upload = value;
      else if (entry?.[field.name] !== undefined) body[field.name] = entry[field.name];
      else problems.push({ field: field.name, message: 'choose a WAV file to upload' });
      continue;
    }
    if (field.kind === 'schedule') {
      body[field.name] = Array.isArray(value) ? value : [];
      continue;
    }
    if (typeof value !== 'string' || value.trim() === '') continue;
    const text = value.trim();
    if (field.kind === 'number') {
      const n = Number(text);
      if (Number.isFinite(n)) body[field.name] = n;
      else problems.push({ field: field.name, message: `"${text}" is not a number` });
    } else if (field.kind === 'strings' || field.kind === 'refs') {
      body[field.name] = text
        .split(/[\n,]/)
        .map((s) => s.trim())
        .filter(Boolean);
    } else if (field.kind === 'json') {
      try {
        body[field.name] = JSON.parse(text);
      } catch {
        problems.push({ field: field.name, message: 'is not JSON' });
      }
    } else body[field.name] = field.kind === 'textarea' ? value : text;
  }
  if (problems.length > 0) return { ok: false, problems };
  return upload ? { ok: true, body, upload } : { ok: true, body };
}

const clock = (t: TimeOfDay) => `${String(t.Hours).padStart(2, '0')}:${String(t.Minutes).padStart(2, '0')}`;

/** `MONDAY 09:00–17:00` */
export const rangeLabel = (r: HoursRange) => `${r.Day} ${clock(r.StartTime)}–${clock(r.EndTime)}`;

/** `09:30` → { Hours: 9, Minutes: 30 }; undefined for anything else. */
export function timeOf(text: string): TimeOfDay | undefined {
  const m = /^(\d{1,2}):(\d{2})$/.exec(text);
  if (!m) return undefined;
  const Hours = Number(m[1]);
  const Minutes = Number(m[2]);
  return Hours <= 24 && Minutes <= 59 ? { Hours, Minutes } : undefined;
}

export const timeText = clock;
