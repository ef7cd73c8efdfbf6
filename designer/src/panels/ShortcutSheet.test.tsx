import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { SHORTCUTS } from '../editor/keys.js';
import { keyLabel, ShortcutSheet } from './ShortcutSheet.js';

describe('ShortcutSheet', () => {
  it('lists every shortcut with its keys for the platform', () => {
    const html = renderToStaticMarkup(<ShortcutSheet mac={false} onClose={() => undefined} />);
    for (const s of SHORTCUTS) expect(html).toContain(s.help);
    expect(html).toContain('<kbd>Ctrl+Shift+Z</kbd><kbd>Ctrl+Y</kbd>');
    expect(html).toContain('Select the blocks in a box');
  });

  it('writes ⌘ and ⇧ on a Mac', () => {
    expect(keyLabel('Mod+Shift+Z', true)).toBe('⌘+⇧+Z');
    expect(renderToStaticMarkup(<ShortcutSheet mac onClose={() => undefined} />)).toContain('<kbd>⌘+Z</kbd>');
  });
});
