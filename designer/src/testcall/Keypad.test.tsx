import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Keypad } from './Keypad.js';

describe('Keypad', () => {
  it('has the twelve keys of a phone, in its order', () => {
    const html = renderToStaticMarkup(<Keypad disabled={false} onPress={() => {}} />);
    const keys = [...html.matchAll(/aria-label="Press (.)"/g)].map((m) => m[1]);
    expect(keys).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#']);
    expect(html).not.toContain('disabled');
  });

  it('disables every key when no call is answered', () => {
    const html = renderToStaticMarkup(<Keypad disabled onPress={() => {}} />);
    expect(html.match(/disabled=""/g)).toHaveLength(12);
  });
});
