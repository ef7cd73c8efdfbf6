import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { WeeklySchedule } from './WeeklySchedule.js';

describe('WeeklySchedule', () => {
  it('shows each range as a day, a start and an end', () => {
    const html = renderToStaticMarkup(
      <WeeklySchedule
        ranges={[{ Day: 'TUESDAY', StartTime: { Hours: 8, Minutes: 30 }, EndTime: { Hours: 0, Minutes: 0 } }]}
        onChange={() => undefined}
      />,
    );
    expect(html).toContain('<option value="TUESDAY" selected="">TUESDAY</option>');
    expect(html).toContain('aria-label="Range 1 start" value="08:30"');
    expect(html).toContain('aria-label="Range 1 end" value="00:00"');
    expect(html).toContain('aria-label="Remove range 1"');
  });

  it('says an empty schedule is closed all week', () => {
    expect(renderToStaticMarkup(<WeeklySchedule ranges={[]} onChange={() => undefined} />)).toContain(
      'Closed all week',
    );
  });
});
