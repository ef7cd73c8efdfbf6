import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { palette, searchPalette } from '../system/index.js';
import { Palette } from './Palette.js';

const add = () => undefined;

describe('Palette', () => {
  it('shows every catalog block under Connect’s groups, each draggable', () => {
    const html = renderToStaticMarkup(<Palette onAdd={add} />);
    const groups = palette();
    for (const g of groups) expect(html).toContain(`<h3>${g.group}</h3>`);
    const count = groups.reduce((n, g) => n + g.entries.length, 0);
    expect(html.match(/class="palette-entry"/g)).toHaveLength(count);
    expect(html.match(/draggable="true"/g)).toHaveLength(count);
  });

  it('disables the blocks a flow type does not allow', () => {
    const groups = palette('CUSTOMER_WHISPER');
    const refused = groups.flatMap((g) => g.entries).filter((e) => !e.allowed);
    expect(refused.length).toBeGreaterThan(0);
    const html = renderToStaticMarkup(<Palette flowType="CUSTOMER_WHISPER" onAdd={add} />);
    expect(html.match(/disabled=""/g)).toHaveLength(refused.length);
    expect(html).toContain('Not available in CUSTOMER_WHISPER flows.');
  });

  it('shows only what matches the search, and says when nothing does', () => {
    const html = renderToStaticMarkup(<Palette onAdd={add} initialQuery="disconnect" />);
    const found = searchPalette(palette(), 'disconnect').flatMap((g) => g.entries);
    expect(found.length).toBeLessThan(palette().flatMap((g) => g.entries).length);
    expect(html.match(/class="palette-entry"/g)).toHaveLength(found.length);
    expect(html).toContain('Disconnect');
    expect(renderToStaticMarkup(<Palette onAdd={add} initialQuery="zzzz" />)).toContain('No block matches');
  });
});
