import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ParticipantRow } from './ParticipantRow.js';
import { customer, me } from './sample.js';

const buttons = (html: string) => [...html.matchAll(/<button[^>]*>([^<]+)<\/button>/g)].map((m) => m[1]);
const row = (participant: typeof me) =>
  renderToStaticMarkup(<ParticipantRow participant={participant} disabled={false} onOp={() => {}} />);

describe('ParticipantRow', () => {
  it('lets the agent hold, mute and hang up another party', () => {
    expect(buttons(row(customer))).toEqual(['Hold', 'Mute', 'Hang up']);
  });

  it('offers Resume for a party on hold and no Unmute for a muted other party', () => {
    const html = row({ ...customer, state: 'ON_HOLD', muted: true });
    expect(buttons(html)).toEqual(['Resume', 'Hang up']);
    expect(html).toContain('on hold');
    expect(html).toContain('muted');
  });

  it('lets the agent mute and unmute only themself', () => {
    expect(buttons(row(me))).toEqual(['Mute']);
    expect(buttons(row({ ...me, muted: true }))).toEqual(['Unmute']);
    expect(row(me)).toContain('You');
  });
});
