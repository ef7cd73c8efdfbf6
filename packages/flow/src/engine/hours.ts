/**
 * Hours of operation (reference §9.1): weekly ranges in an IANA time zone plus dated overrides.
 * Wall-clock time comes from Intl.DateTimeFormat, so daylight-saving changes follow the zone's rules
 * without any offset arithmetic here.
 *
 * Ranges include their start and exclude their end; an end of 00:00 means midnight at the end of the
 * day (Connect's "10:00 AM to 12:00 AM" is 14 hours) and 00:00–00:00 is the whole day. A range whose
 * end is not after its start runs overnight into the next day.
 *
 * Overrides apply on the dates EffectiveFrom…EffectiveTill (inclusive, in the hours' zone), filtered by
 * their recurrence pattern. Connect documents "temporary hours" (STANDARD, also assumed when
 * OverrideType is absent) as superseding everything else for their dates, so their ranges replace the
 * day; otherwise OPEN overrides add ranges to the weekly ones and CLOSED overrides remove theirs (a
 * CLOSED override without any range, a holiday, closes its whole dates).
 */
import { type EngineError, engineError } from './errors.js';

export const WEEKDAYS = [
  'SUNDAY',
  'MONDAY',
  'TUESDAY',
  'WEDNESDAY',
  'THURSDAY',
  'FRIDAY',
  'SATURDAY',
] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export interface TimeOfDay {
  Hours: number;
  Minutes: number;
}

export interface HoursRange {
  Day: Weekday;
  StartTime: TimeOfDay;
  EndTime: TimeOfDay;
}

export interface HoursOverride {
  Name?: string;
  Config: readonly HoursRange[];
  /** YYYY-MM-DD, inclusive. */
  EffectiveFrom: string;
  /** YYYY-MM-DD, inclusive. */
  EffectiveTill: string;
  OverrideType?: 'STANDARD' | 'OPEN' | 'CLOSED';
  RecurrenceConfig?: {
    RecurrencePattern: {
      Frequency: 'WEEKLY' | 'MONTHLY' | 'YEARLY';
      /** Every Interval weeks/months/years, counted from EffectiveFrom. */
      Interval?: number;
      ByMonth?: readonly number[];
      /** Days of the month; negative counts from the end (-1 is the last day). */
      ByMonthDay?: readonly number[];
      /** Which occurrence of the weekday in the month; -1 is the last. */
      ByWeekdayOccurrence?: readonly number[];
    };
  };
}

export interface HoursOfOperation {
  HoursOfOperationId?: string;
  HoursOfOperationArn?: string;
  Name?: string;
  /** IANA zone, e.g. America/New_York. */
  TimeZone: string;
  Config: readonly HoursRange[];
  Overrides?: readonly HoursOverride[];
}

/** A calendar date and the minute of its day, in some zone. */
export interface LocalTime {
  year: number;
  month: number;
  day: number;
  weekday: Weekday;
  /** Minutes since local midnight. */
  minute: number;
}

const DAY_MINUTES = 1440;
const formatters = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock date and time of an instant in a zone; throws RangeError for an unknown zone. */
export function localTime(instant: number, timeZone: string): LocalTime {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    // Zones are few (one per hours resource); the bound only guards against a runaway caller.
    if (formatters.size > 500) formatters.clear();
    formatters.set(timeZone, f);
  }
  const parts: Record<string, number> = {};
  for (const p of f.formatToParts(instant)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const year = parts.year ?? 0;
  const month = parts.month ?? 1;
  const day = parts.day ?? 1;
  return {
    year,
    month,
    day,
    weekday: weekdayOf(year, month, day),
    minute: ((parts.hour ?? 0) % 24) * 60 + (parts.minute ?? 0),
  };
}

/** Whether the hours are open at an instant. */
export function isOpen(
  hours: HoursOfOperation,
  instant: number,
): { ok: true; open: boolean } | { ok: false; error: EngineError } {
  let now: LocalTime;
  try {
    now = localTime(instant, hours.TimeZone);
  } catch {
    return { ok: false, error: engineError('ENGINE_HOURS_INVALID', `unknown time zone "${hours.TimeZone}"`) };
  }
  const bad = [...hours.Config, ...(hours.Overrides ?? []).flatMap((o) => o.Config)].find(
    (r) => !validRange(r),
  );
  if (bad)
    return { ok: false, error: engineError('ENGINE_HOURS_INVALID', `invalid range ${JSON.stringify(bad)}`) };
  const today = dayNumber(now.year, now.month, now.day);
  return { ok: true, open: openAt(hours, today, now.minute) };
}

/** Days since 1970-01-01 of a calendar date: date arithmetic without time zones. */
const dayNumber = (y: number, m: number, d: number): number => Math.floor(Date.UTC(y, m - 1, d) / 86400000);

function dateOf(day: number): { year: number; month: number; day: number } {
  const d = new Date(day * 86400000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

const weekdayOf = (y: number, m: number, d: number): Weekday =>
  WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()] ?? 'SUNDAY';

function parseDate(s: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  return m ? dayNumber(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
}

const minuteOf = (t: TimeOfDay): number => t.Hours * 60 + t.Minutes;

function validRange(r: HoursRange): boolean {
  const ok = (t: TimeOfDay) =>
    Number.isInteger(t?.Hours) &&
    Number.isInteger(t?.Minutes) &&
    t.Hours >= 0 &&
    t.Hours <= 24 &&
    t.Minutes >= 0 &&
    t.Minutes < 60;
  return (WEEKDAYS as readonly string[]).includes(r.Day) && ok(r.StartTime) && ok(r.EndTime);
}

type Span = readonly [number, number];

/** A range as the spans it covers on its own day and, overnight, on the next. */
function spans(r: HoursRange): { same: Span; spill?: Span } {
  const start = minuteOf(r.StartTime);
  const raw = minuteOf(r.EndTime);
  const end = raw === 0 ? DAY_MINUTES : raw;
  if (end > start) return { same: [start, Math.min(end, DAY_MINUTES)] };
  return { same: [start, DAY_MINUTES], spill: [0, raw] };
}

interface DaySchedule {
  /** Ranges starting on this date. */
  open: HoursRange[];
  closed: HoursRange[];
  closedAllDay: boolean;
  /** A STANDARD override owns the date: nothing else counts, not even yesterday's overnight range. */
  exclusive: boolean;
}

function scheduleFor(hours: HoursOfOperation, day: number): DaySchedule {
  const { year, month, day: dom } = dateOf(day);
  const weekday = weekdayOf(year, month, dom);
  const onDay = (rs: readonly HoursRange[]) => rs.filter((r) => r.Day === weekday);
  const active = (hours.Overrides ?? []).filter((o) => applies(o, day));
  const standard = active.filter((o) => (o.OverrideType ?? 'STANDARD') === 'STANDARD');
  if (standard.length > 0)
    return {
      open: standard.flatMap((o) => onDay(o.Config)),
      closed: [],
      closedAllDay: false,
      exclusive: true,
    };
  const closedOverrides = active.filter((o) => o.OverrideType === 'CLOSED');
  return {
    open: [
      ...onDay(hours.Config),
      ...active.filter((o) => o.OverrideType === 'OPEN').flatMap((o) => onDay(o.Config)),
    ],
    closed: closedOverrides.flatMap((o) => onDay(o.Config)),
    closedAllDay: closedOverrides.some((o) => o.Config.length === 0),
    exclusive: false,
  };
}

function openAt(hours: HoursOfOperation, today: number, minute: number): boolean {
  const now = scheduleFor(hours, today);
  if (now.closedAllDay) return false;
  const inSpan = ([a, b]: Span) => minute >= a && minute < b;
  const covers = (rs: readonly HoursRange[], yesterday: readonly HoursRange[]) =>
    rs.some((r) => inSpan(spans(r).same)) ||
    yesterday.some((r) => {
      const spill = spans(r).spill;
      return spill !== undefined && inSpan(spill);
    });
  const before = now.exclusive ? undefined : scheduleFor(hours, today - 1);
  const open = covers(now.open, before && !before.closedAllDay ? before.open : []);
  if (!open) return false;
  return !covers(now.closed, before?.closed ?? []);
}

function applies(o: HoursOverride, day: number): boolean {
  const from = parseDate(o.EffectiveFrom);
  const till = parseDate(o.EffectiveTill);
  if (from === undefined || till === undefined || day < from || day > till) return false;
  const p = o.RecurrenceConfig?.RecurrencePattern;
  if (!p) return true;
  const { year, month, day: dom } = dateOf(day);
  const start = dateOf(from);
  const interval = p.Interval !== undefined && p.Interval > 0 ? p.Interval : 1;
  if (p.ByMonth?.length && !p.ByMonth.includes(month)) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (p.ByMonthDay?.length && !p.ByMonthDay.some((d) => (d > 0 ? d === dom : daysInMonth + d + 1 === dom)))
    return false;
  if (p.ByWeekdayOccurrence?.length) {
    const nth = Math.ceil(dom / 7);
    const nthFromEnd = -Math.ceil((daysInMonth - dom + 1) / 7);
    if (!p.ByWeekdayOccurrence.some((n) => n === nth || n === nthFromEnd)) return false;
  }
  switch (p.Frequency) {
    case 'WEEKLY':
      // Weeks counted from the Sunday of EffectiveFrom's week, as Connect's weeks start on Sunday.
      return Math.floor((day - (from - new Date(from * 86400000).getUTCDay())) / 7) % interval === 0;
    case 'MONTHLY':
      return ((year - start.year) * 12 + (month - start.month)) % interval === 0;
    case 'YEARLY':
      return (year - start.year) % interval === 0;
    default:
      return true;
  }
}
