import { describe, expect, it } from 'vitest';
import {
  type HoursOfOperation,
  type HoursRange,
  isOpen,
  localTime,
  PURE_DECIDERS,
  WEEKDAYS,
  type Weekday,
} from '../../src/index.js';
import { action, contact, env, HOURS_ARN, OFFICE_HOURS, QUEUE_ARN } from './support.js';

const at = (iso: string) => Date.parse(iso);
const range = (Day: Weekday, from: string, to: string): HoursRange => {
  const t = (s: string) => ({ Hours: Number(s.slice(0, 2)), Minutes: Number(s.slice(3, 5)) });
  return { Day, StartTime: t(from), EndTime: t(to) };
};
const open = (hours: HoursOfOperation, iso: string) => {
  const r = isOpen(hours, at(iso));
  if (!r.ok) throw new Error(r.error.message);
  return r.open;
};

describe('hours of operation in a time zone', () => {
  it('reads wall-clock time in the zone, weekday included', () => {
    expect(localTime(at('2025-06-02T15:00:00Z'), 'America/New_York')).toEqual({
      year: 2025,
      month: 6,
      day: 2,
      weekday: 'MONDAY',
      minute: 11 * 60,
    });
    // Half-hour offset, and a different date than UTC.
    expect(localTime(at('2025-06-01T20:00:00Z'), 'Asia/Kolkata')).toMatchObject({
      day: 2,
      weekday: 'MONDAY',
      minute: 90,
    });
  });

  it('opens at the start minute and closes at the end minute', () => {
    expect(open(OFFICE_HOURS, '2025-01-06T13:59:00Z')).toBe(false); // Mon 08:59 EST
    expect(open(OFFICE_HOURS, '2025-01-06T14:00:00Z')).toBe(true); // Mon 09:00
    expect(open(OFFICE_HOURS, '2025-01-06T21:59:59Z')).toBe(true); // Mon 16:59:59
    expect(open(OFFICE_HOURS, '2025-01-06T22:00:00Z')).toBe(false); // Mon 17:00
  });

  it('is closed on days without a range', () => {
    expect(open(OFFICE_HOURS, '2025-01-04T16:00:00Z')).toBe(false); // Saturday 11:00
  });

  it('follows daylight saving time: the same UTC instant is in hours in summer but not in winter', () => {
    expect(open(OFFICE_HOURS, '2025-01-06T13:30:00Z')).toBe(false); // 08:30 EST
    expect(open(OFFICE_HOURS, '2025-07-07T13:30:00Z')).toBe(true); // 09:30 EDT
  });

  it('switches on the days the clocks change', () => {
    // Friday before spring-forward (EST) and the Monday after (EDT).
    expect(open(OFFICE_HOURS, '2025-03-07T14:30:00Z')).toBe(true); // 09:30 EST
    expect(open(OFFICE_HOURS, '2025-03-10T13:30:00Z')).toBe(true); // 09:30 EDT
    expect(open(OFFICE_HOURS, '2025-03-10T12:59:00Z')).toBe(false); // 08:59 EDT
    // Fall back: Monday 3 November 2025 is EST again.
    expect(open(OFFICE_HOURS, '2025-11-03T13:30:00Z')).toBe(false); // 08:30 EST
    expect(open(OFFICE_HOURS, '2025-11-03T14:30:00Z')).toBe(true); // 09:30 EST
  });

  it('keeps an overnight range open across midnight and the spring-forward gap', () => {
    const night: HoursOfOperation = {
      TimeZone: 'America/New_York',
      Config: [range('SATURDAY', '22:00', '06:00')],
    };
    expect(open(night, '2025-03-09T03:30:00Z')).toBe(true); // Sat 22:30 EST
    expect(open(night, '2025-03-09T07:30:00Z')).toBe(true); // Sun 03:30 EDT (02:xx never happened)
    expect(open(night, '2025-03-09T09:59:00Z')).toBe(true); // Sun 05:59 EDT
    expect(open(night, '2025-03-09T10:00:00Z')).toBe(false); // Sun 06:00 EDT
    expect(open(night, '2025-03-08T20:00:00Z')).toBe(false); // Sat 15:00
  });

  it('reads an end of 00:00 as midnight and 00:00–00:00 as the whole day', () => {
    const late: HoursOfOperation = { TimeZone: 'UTC', Config: [range('MONDAY', '10:00', '00:00')] };
    expect(open(late, '2025-06-02T23:59:00Z')).toBe(true);
    expect(open(late, '2025-06-03T00:00:00Z')).toBe(false);
    const always: HoursOfOperation = {
      TimeZone: 'Europe/London',
      Config: WEEKDAYS.map((d) => range(d, '00:00', '00:00')),
    };
    for (const iso of [
      '2025-03-30T00:30:00Z',
      '2025-03-30T01:30:00Z',
      '2025-10-26T00:30:00Z',
      '2025-06-01T23:59:00Z',
    ])
      expect(open(always, iso)).toBe(true);
  });

  it('supports several ranges a day (closed for lunch)', () => {
    const lunch: HoursOfOperation = {
      TimeZone: 'Europe/Paris',
      Config: [range('TUESDAY', '09:00', '12:00'), range('TUESDAY', '13:30', '18:00')],
    };
    expect(open(lunch, '2025-06-03T09:30:00Z')).toBe(true); // 11:30 CEST
    expect(open(lunch, '2025-06-03T10:30:00Z')).toBe(false); // 12:30
    expect(open(lunch, '2025-06-03T11:45:00Z')).toBe(true); // 13:45
  });

  it('reports an unknown time zone or a malformed range as a coded error', () => {
    const r = isOpen({ TimeZone: 'Mars/Olympus_Mons', Config: [] }, at('2025-06-02T15:00:00Z'));
    expect(r.ok || r.error.code).toBe('ENGINE_HOURS_INVALID');
    const bad = isOpen(
      {
        TimeZone: 'UTC',
        Config: [{ Day: 'MONDAY', StartTime: { Hours: 25, Minutes: 0 }, EndTime: { Hours: 1, Minutes: 0 } }],
      },
      at('2025-06-02T15:00:00Z'),
    );
    expect(bad.ok || bad.error.code).toBe('ENGINE_HOURS_INVALID');
  });
});

describe('hours of operation overrides', () => {
  const withOverrides: HoursOfOperation = {
    ...OFFICE_HOURS,
    Overrides: [
      {
        Name: 'Christmas',
        OverrideType: 'CLOSED',
        EffectiveFrom: '2025-12-25',
        EffectiveTill: '2025-12-25',
        Config: [],
      },
      {
        Name: 'Christmas Eve',
        OverrideType: 'STANDARD',
        EffectiveFrom: '2025-12-24',
        EffectiveTill: '2025-12-24',
        Config: [range('WEDNESDAY', '09:00', '12:00')],
      },
      {
        Name: 'Holiday Saturday',
        OverrideType: 'OPEN',
        EffectiveFrom: '2025-12-20',
        EffectiveTill: '2025-12-20',
        Config: [range('SATURDAY', '10:00', '14:00')],
      },
      {
        Name: 'Staff meeting',
        OverrideType: 'CLOSED',
        EffectiveFrom: '2025-12-01',
        EffectiveTill: '2025-12-31',
        Config: [range('MONDAY', '12:00', '13:00')],
      },
      {
        Name: 'Last Friday early close',
        OverrideType: 'STANDARD',
        EffectiveFrom: '2025-01-01',
        EffectiveTill: '2025-12-31',
        Config: [range('FRIDAY', '09:00', '15:00')],
        RecurrenceConfig: { RecurrencePattern: { Frequency: 'MONTHLY', ByWeekdayOccurrence: [-1] } },
      },
    ],
  };

  it('a CLOSED override without ranges closes its whole dates', () => {
    expect(open(withOverrides, '2025-12-25T15:00:00Z')).toBe(false); // Thursday 10:00 EST
    expect(open(withOverrides, '2025-12-26T15:00:00Z')).toBe(true); // Friday 10:00, not the last one
  });

  it('a STANDARD override replaces the day’s hours', () => {
    expect(open(withOverrides, '2025-12-24T15:00:00Z')).toBe(true); // 10:00
    expect(open(withOverrides, '2025-12-24T18:00:00Z')).toBe(false); // 13:00, normally open
  });

  it('an OPEN override adds hours to a closed day', () => {
    expect(open(withOverrides, '2025-12-20T16:00:00Z')).toBe(true); // Saturday 11:00
    expect(open(withOverrides, '2025-12-20T20:00:00Z')).toBe(false); // Saturday 15:00
    expect(open(withOverrides, '2025-12-13T16:00:00Z')).toBe(false); // another Saturday
  });

  it('a CLOSED override with ranges closes only those ranges', () => {
    expect(open(withOverrides, '2025-12-15T17:30:00Z')).toBe(false); // Monday 12:30
    expect(open(withOverrides, '2025-12-15T18:30:00Z')).toBe(true); // Monday 13:30
    expect(open(withOverrides, '2025-11-17T17:30:00Z')).toBe(true); // November: not in effect
  });

  it('a recurring override applies only on the dates of its pattern', () => {
    expect(open(withOverrides, '2025-10-31T20:30:00Z')).toBe(false); // last Friday of October, 16:30 EDT
    expect(open(withOverrides, '2025-10-24T20:30:00Z')).toBe(true); // the Friday before
    expect(open(withOverrides, '2025-10-31T18:30:00Z')).toBe(true); // 14:30, before the early close
  });

  it('yearly and interval patterns follow their months and periods', () => {
    const h: HoursOfOperation = {
      TimeZone: 'UTC',
      Config: WEEKDAYS.map((d) => range(d, '00:00', '00:00')),
      Overrides: [
        {
          OverrideType: 'CLOSED',
          EffectiveFrom: '2024-01-01',
          EffectiveTill: '2030-12-31',
          Config: [],
          RecurrenceConfig: {
            RecurrencePattern: { Frequency: 'YEARLY', Interval: 2, ByMonth: [7], ByMonthDay: [4] },
          },
        },
        {
          OverrideType: 'CLOSED',
          EffectiveFrom: '2025-01-05',
          EffectiveTill: '2025-12-31',
          Config: [],
          RecurrenceConfig: { RecurrencePattern: { Frequency: 'WEEKLY', Interval: 2, ByMonthDay: [] } },
        },
      ],
    };
    expect(open(h, '2024-07-04T12:00:00Z')).toBe(false);
    expect(open(h, '2025-07-04T12:00:00Z')).toBe(true); // odd year, in an open fortnight
    expect(open(h, '2026-07-04T12:00:00Z')).toBe(false);
    expect(open(h, '2027-07-04T12:00:00Z')).toBe(true); // odd year, and outside the weekly override
    // The fortnightly override closes the week of 5 January 2025, not the next one.
    expect(open(h, '2025-01-07T12:00:00Z')).toBe(false);
    expect(open(h, '2025-01-14T12:00:00Z')).toBe(true);
    expect(open(h, '2025-01-21T12:00:00Z')).toBe(false);
  });
});

describe('CheckHoursOfOperation decides True or False from the clock', () => {
  const check = PURE_DECIDERS.CheckHoursOfOperation;
  if (!check) throw new Error('no decider');
  const named = action({ Type: 'CheckHoursOfOperation', Parameters: { HoursOfOperationId: HOURS_ARN } });

  it('is True inside the named hours and False outside', () => {
    expect(check(named, contact(), env(at('2025-06-02T15:00:00Z'))).outcome).toEqual({
      kind: 'condition',
      value: 'True',
    });
    expect(check(named, contact(), env(at('2025-06-02T23:00:00Z'))).outcome).toEqual({
      kind: 'condition',
      value: 'False',
    });
  });

  it('reads the hours ID from a JSONPath', () => {
    const dynamic = action({
      Type: 'CheckHoursOfOperation',
      Parameters: { HoursOfOperationId: '$.Attributes.hours' },
    });
    const r = check(dynamic, contact({ Attributes: { hours: 'h-office' } }), env(at('2025-06-02T15:00:00Z')));
    expect(r.outcome).toEqual({ kind: 'condition', value: 'True' });
  });

  it("uses the working queue's hours when the action names none", () => {
    const plain = action({ Type: 'CheckHoursOfOperation' });
    const c = contact({
      targetQueue: { id: 'q-sales', arn: QUEUE_ARN, name: 'Sales', hoursOfOperationId: 'h-office' },
    });
    expect(check(plain, c, env(at('2025-06-02T15:00:00Z'))).outcome).toEqual({
      kind: 'condition',
      value: 'True',
    });
  });

  it('takes the error branch for an agent queue, no queue, or unknown hours', () => {
    const plain = action({ Type: 'CheckHoursOfOperation' });
    const agentQueue = contact({
      targetQueue: { id: 'alice', arn: 'arn:agent', name: 'alice', agentId: 'alice' },
    });
    const unknown = action({ Type: 'CheckHoursOfOperation', Parameters: { HoursOfOperationId: 'h-nope' } });
    for (const [a, c] of [
      [plain, agentQueue],
      [plain, contact()],
      [unknown, contact()],
    ] as const) {
      const r = check(a, c, env());
      expect(r.outcome).toEqual({ kind: 'error', errorType: 'NoMatchingError' });
      expect(r.log?.results).toMatch(/^ENGINE_RESOURCE_NOT_FOUND/);
    }
  });
});
