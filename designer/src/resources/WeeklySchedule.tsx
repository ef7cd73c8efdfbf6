import { WEEKDAYS } from '@parley/flow';
import { type HoursRange, timeOf, timeText } from './draft.js';

const NINE_TO_FIVE = { StartTime: { Hours: 9, Minutes: 0 }, EndTime: { Hours: 17, Minutes: 0 } };

/** Monday first, then the day after the last range's, so adding ranges walks through the week. */
function nextDay(ranges: readonly HoursRange[]): string {
  const last = ranges.at(-1);
  if (!last) return 'MONDAY';
  const at = WEEKDAYS.indexOf(last.Day as (typeof WEEKDAYS)[number]);
  return WEEKDAYS[(at + 1) % WEEKDAYS.length] ?? 'MONDAY';
}

/**
 * Weekly ranges of hours of operation: a day, a start and an end (an end of 00:00 is midnight at
 * the end of the day; an end before the start runs overnight, as Connect reads it).
 */
export function WeeklySchedule(props: {
  ranges: readonly HoursRange[];
  onChange: (r: HoursRange[]) => void;
}) {
  const { ranges } = props;
  const set = (i: number, patch: Partial<HoursRange>) =>
    props.onChange(ranges.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <div className="weekly-schedule">
      {ranges.length === 0 && <p className="hint">Closed all week: add a range.</p>}
      <ol>
        {ranges.map((r, i) => (
          // Ranges have no identity but their place; editing one keeps the others' places.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <li key={i}>
            <select
              aria-label={`Range ${i + 1} day`}
              value={r.Day}
              onChange={(e) => set(i, { Day: e.target.value })}
            >
              {WEEKDAYS.map((d) => (
                <option key={d} value={d}>
                  {d}
                </option>
              ))}
            </select>
            <input
              type="time"
              aria-label={`Range ${i + 1} start`}
              value={timeText(r.StartTime)}
              onChange={(e) => {
                const t = timeOf(e.target.value);
                if (t) set(i, { StartTime: t });
              }}
            />
            –
            <input
              type="time"
              aria-label={`Range ${i + 1} end`}
              value={timeText(r.EndTime)}
              onChange={(e) => {
                const t = timeOf(e.target.value);
                if (t) set(i, { EndTime: t });
              }}
            />
            <button
              type="button"
              aria-label={`Remove range ${i + 1}`}
              onClick={() => props.onChange(ranges.filter((_, j) => j !== i))}
            >
              ×
            </button>
          </li>
        ))}
      </ol>
      <button
        type="button"
        onClick={() =>
          props.onChange([...ranges, { Day: nextDay(ranges), ...structuredClone(NINE_TO_FIVE) }])
        }
      >
        Add range
      </button>
    </div>
  );
}
