import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { SayBox, sendWords } from './SayBox.js';

describe('SayBox', () => {
  it('is a labelled text box with a Say button, both usable in a call', () => {
    const html = renderToStaticMarkup(<SayBox disabled={false} onSay={() => {}} />);
    expect(html).toMatch(/<form class="testcall-say"><input aria-label="Say to the bot" [^>]*value=""\/>/);
    expect(html).toContain('<button type="submit">Say</button>');
    expect(html).not.toContain('disabled');
  });

  it('disables the box and the button when no call is answered', () => {
    const html = renderToStaticMarkup(<SayBox disabled onSay={() => {}} />);
    expect(html.match(/disabled=""/g)).toHaveLength(2);
  });

  it('sends what was typed, trimmed, and empties the box', () => {
    const said: string[] = [];
    expect(sendWords('  I want to pay my bill ', (w) => said.push(w))).toBe('');
    expect(said).toEqual(['I want to pay my bill']);
  });

  it('sends nothing for a blank box and leaves it as typed', () => {
    const said: string[] = [];
    expect(sendWords('   ', (w) => said.push(w))).toBe('   ');
    expect(said).toEqual([]);
  });
});
