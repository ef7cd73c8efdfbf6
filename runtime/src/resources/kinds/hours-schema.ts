/** Connect's DescribeHoursOfOperation shapes: weekly ranges and dated overrides. */
import { WEEKDAYS } from '@parley/flow';

const timeOfDay = {
  type: 'object',
  additionalProperties: false,
  required: ['Hours', 'Minutes'],
  properties: {
    Hours: { type: 'integer', minimum: 0, maximum: 24 },
    Minutes: { type: 'integer', minimum: 0, maximum: 59 },
  },
} as const;

export const rangeSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['Day', 'StartTime', 'EndTime'],
  properties: { Day: { enum: [...WEEKDAYS] }, StartTime: timeOfDay, EndTime: timeOfDay },
} as const;

const date = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } as const;

export const overrideSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['Name', 'Config', 'EffectiveFrom', 'EffectiveTill'],
  properties: {
    HoursOfOperationOverrideId: { type: 'string', minLength: 1, maxLength: 36 },
    Name: { type: 'string', minLength: 1, maxLength: 127 },
    Description: { type: 'string', maxLength: 250 },
    Config: { type: 'array', maxItems: 100, items: rangeSchema },
    EffectiveFrom: {
      ...date,
      description: 'First date the override applies (YYYY-MM-DD, in the hours’ zone).',
    },
    EffectiveTill: { ...date, description: 'Last date the override applies, inclusive.' },
    OverrideType: {
      enum: ['STANDARD', 'OPEN', 'CLOSED'],
      description:
        'STANDARD (the default) replaces the weekly ranges on its dates; OPEN adds ranges; CLOSED removes them (all day when it has none).',
    },
    RecurrenceConfig: {
      type: 'object',
      additionalProperties: false,
      required: ['RecurrencePattern'],
      properties: {
        RecurrencePattern: {
          type: 'object',
          additionalProperties: false,
          required: ['Frequency'],
          properties: {
            Frequency: { enum: ['WEEKLY', 'MONTHLY', 'YEARLY'] },
            Interval: { type: 'integer', minimum: 1, maximum: 6 },
            ByMonth: { type: 'array', items: { type: 'integer', minimum: 1, maximum: 12 } },
            ByMonthDay: {
              type: 'array',
              items: { type: 'integer', minimum: -1, maximum: 31, not: { const: 0 } },
            },
            ByWeekdayOccurrence: {
              type: 'array',
              items: { type: 'integer', minimum: -1, maximum: 5, not: { const: 0 } },
            },
          },
        },
      },
    },
  },
} as const;
