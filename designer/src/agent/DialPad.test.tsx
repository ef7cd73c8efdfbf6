import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { DialPad } from './DialPad.js';

describe('DialPad', () => {
  it('has a number box, a phone’s twelve keys and a call button, off until a number is typed', () => {
    const html = renderToStaticMarkup(<DialPad onCall={false} disabled={false} onDial={() => {}} />);
    expect([...html.matchAll(/aria-label="Dial (.)"/g)].map((m) => m[1])).toEqual([
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
      '8',
      '9',
      '*',
      '0',
      '#',
    ]);
    expect(html).toContain('aria-label="Phone number"');
    expect(html).toMatch(/<button type="submit" disabled="">Call number<\/button>/);
  });

  it('on a call transfers to the number', () => {
    expect(renderToStaticMarkup(<DialPad onCall disabled={false} onDial={() => {}} />)).toContain(
      'Transfer to number',
    );
  });
});
