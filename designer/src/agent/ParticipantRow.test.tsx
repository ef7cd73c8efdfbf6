import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ParticipantRow } from './ParticipantRow.js';
import { customer, dialling, me, otherAgent, thirdParty } from './sample.js';

const buttons = (html: string) => [...html.matchAll(/<button[^>]*>([^<]+)<\/button>/g)].map((m) => m[1]);
const row = (participant: typeof me) =>
  renderToStaticMarkup(<ParticipantRow participant={participant} disabled={false} onOp={() => {}} />);

describe('ParticipantRow', () => {
  it('lets the agent hold, mute and hang up another party', () => {
    expect(buttons(row(customer))).toEqual(['Hold', 'Mute', 'Hang up']);
    expect(buttons(row(otherAgent))).toEqual(['Hold', 'Mute', 'Hang up']);
  });

  it('offers Resume for a party on hold and Unmute for a muted customer or third party', () => {
    const html = row({ ...customer, state: 'ON_HOLD', muted: true });
    expect(buttons(html)).toEqual(['Resume', 'Unmute', 'Hang up']);
    expect(html).toContain('on hold');
    expect(html).toContain('muted');
    expect(buttons(row({ ...thirdParty, muted: true }))).toEqual(['Hold', 'Unmute', 'Hang up']);
  });

  it('never offers to unmute another agent', () => {
    expect(buttons(row({ ...otherAgent, muted: true }))).toEqual(['Hold', 'Hang up']);
  });

  it('lets the agent mute and unmute themself, but not hold or hang up on themself', () => {
    expect(buttons(row(me))).toEqual(['Mute']);
    expect(buttons(row({ ...me, muted: true }))).toEqual(['Unmute']);
    expect(row(me)).toContain('You');
  });

  it('lets an agent put on hold by another resume themself', () => {
    const html = row({ ...me, state: 'ON_HOLD' });
    expect(buttons(html)).toEqual(['Resume', 'Mute']);
    expect(html).toContain('aria-label="Resume alice"');
  });

  it('offers only Cancel for a party still being dialled', () => {
    const html = row(dialling);
    expect(buttons(html)).toEqual(['Cancel']);
    expect(html).toContain('dialling…');
    expect(html).toContain('aria-label="Cancel +15550142"');
  });
});
