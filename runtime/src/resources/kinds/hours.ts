import { type Diagnostic, type HoursOverride, type HoursRange, WEEKDAYS } from '@parley/flow';
import { connectArn, entrySchema, fieldProblem } from '../fields.js';
import type { ResourceType } from '../types.js';
import { overrideSchema, rangeSchema } from './hours-schema.js';

/** When queues are open: weekly ranges in an IANA zone, and dated overrides (holidays, events). */
export const hoursType: ResourceType = {
  kind: 'hours',
  collection: 'hoursOfOperation',
  path: 'hours-of-operation',
  title: 'Hours of operation',
  flowKinds: ['hours'],
  schema: entrySchema(
    'Hours of operation',
    {
      timeZone: {
        type: 'string',
        minLength: 1,
        maxLength: 64,
        description: 'IANA zone, e.g. America/New_York.',
      },
      config: { type: 'array', maxItems: 100, items: rangeSchema },
      overrides: { type: 'array', items: overrideSchema },
    },
    { required: ['timeZone', 'config'], named: ['name', 'id'] },
  ),
  arn: (ns, entry) => connectArn(ns, 'operating-hours', entry.id),
  references: () => [],
  defaultName: (fields) => (typeof fields.id === 'string' ? fields.id : undefined),
  rules(fields) {
    const out: Diagnostic[] = [];
    const zone = fields.timeZone as string;
    if (!knownZone(zone))
      out.push(fieldProblem('RESOURCE_TIME_ZONE_UNKNOWN', '/timeZone', `"${zone}" is not an IANA time zone`));
    out.push(...checkRanges(fields.config as HoursRange[], '/config'));
    const overrides = (fields.overrides ?? []) as HoursOverride[];
    const names = new Set<string>();
    overrides.forEach((o, i) => {
      const at = `/overrides/${i}`;
      const bad = (field: string, message: string) =>
        out.push(fieldProblem('RESOURCE_HOURS_OVERRIDE_INVALID', `${at}${field}`, message));
      if (o.Name !== undefined && names.has(o.Name)) bad('/Name', `"${o.Name}" names another override too`);
      if (o.Name !== undefined) names.add(o.Name);
      const from = dayOf(o.EffectiveFrom);
      const till = dayOf(o.EffectiveTill);
      if (from === undefined) bad('/EffectiveFrom', `${o.EffectiveFrom} is not a calendar date`);
      if (till === undefined) bad('/EffectiveTill', `${o.EffectiveTill} is not a calendar date`);
      if (from !== undefined && till !== undefined && till < from)
        bad('/EffectiveTill', `${o.EffectiveTill} is before EffectiveFrom ${o.EffectiveFrom}`);
      if (o.OverrideType === 'OPEN' && o.Config.length === 0)
        bad('/Config', 'is empty: an OPEN override opens ranges');
      out.push(...checkRanges(o.Config, `${at}/Config`));
    });
    return out;
  },
};

function knownZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Days since 1970 of a YYYY-MM-DD that names a real date (no 31 April). */
function dayOf(date: string): number | undefined {
  const [y, m, d] = date.split('-').map(Number);
  if (y === undefined || m === undefined || d === undefined) return undefined;
  const t = Date.UTC(y, m - 1, d);
  const back = new Date(t);
  return back.getUTCFullYear() === y && back.getUTCMonth() === m - 1 && back.getUTCDate() === d
    ? t / 86_400_000
    : undefined;
}

const DAY = 1440;
const WEEK = 7 * DAY;
const minute = (t: { Hours: number; Minutes: number }) => t.Hours * 60 + t.Minutes;
const clock = (t: { Hours: number; Minutes: number }) =>
  `${String(t.Hours).padStart(2, '0')}:${String(t.Minutes).padStart(2, '0')}`;
const label = (r: HoursRange) => `${r.Day} ${clock(r.StartTime)}–${clock(r.EndTime)}`;

/**
 * The minutes of the week a range covers, as the engine reads it (packages/flow engine/hours.ts):
 * an end of 00:00 is midnight at the end of the day, an end not after the start runs overnight.
 */
function weekSpans(r: HoursRange): [number, number][] {
  const day = WEEKDAYS.indexOf(r.Day) * DAY;
  const start = day + minute(r.StartTime);
  const raw = minute(r.EndTime);
  const end = day + (raw === 0 ? DAY : raw > minute(r.StartTime) ? raw : DAY + raw);
  // Saturday night runs into Sunday morning, the start of the week.
  return end <= WEEK
    ? [[start, end]]
    : [
        [start, WEEK],
        [0, end - WEEK],
      ];
}

function checkRanges(ranges: readonly HoursRange[], at: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const bad = (i: number, message: string) =>
    out.push(fieldProblem('RESOURCE_HOURS_RANGE_INVALID', `${at}/${i}`, message));
  const usable: number[] = [];
  for (const [i, r] of ranges.entries()) {
    const start = minute(r.StartTime);
    const end = minute(r.EndTime);
    if (r.StartTime.Hours === 24) bad(i, `${label(r)} starts at 24:00; 24:00 is only an end`);
    else if (r.EndTime.Hours === 24 && r.EndTime.Minutes > 0) bad(i, `${label(r)} ends after 24:00`);
    else if (start === end && start !== 0)
      bad(i, `${label(r)} starts and ends at the same time (00:00–00:00 is the whole day)`);
    else usable.push(i);
  }
  for (const [n, i] of usable.entries())
    for (const j of usable.slice(n + 1)) {
      const a = ranges[i] as HoursRange;
      const b = ranges[j] as HoursRange;
      const overlap = weekSpans(a).some(([s1, e1]) => weekSpans(b).some(([s2, e2]) => s1 < e2 && s2 < e1));
      if (overlap) bad(j, `${label(b)} overlaps ${label(a)}`);
    }
  return out;
}
