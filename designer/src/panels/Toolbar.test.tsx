import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Toolbar } from './Toolbar.js';

const render = (over: Partial<Parameters<typeof Toolbar>[0]> = {}) =>
  renderToStaticMarkup(
    <Toolbar
      canUndo={false}
      canRedo={false}
      selected={[]}
      canDelete={false}
      startAction="a"
      onCommand={() => undefined}
      onSetStart={() => undefined}
      {...over}
    />,
  );

const enabled = (html: string) =>
  [...html.matchAll(/<button type="button"( disabled="")?[^>]*>([^<]+)</g)]
    .filter((m) => !m[1])
    .map((m) => m[2]);

describe('Toolbar', () => {
  it('enables undo, redo and delete only when they can do something', () => {
    expect(enabled(render())).toEqual(['Lay out', 'Add note', '?']);
    expect(enabled(render({ canUndo: true, canRedo: true, canDelete: true }))).toEqual([
      'Undo',
      'Redo',
      'Delete',
      'Lay out',
      'Add note',
      '?',
    ]);
  });

  it('lays out the selection when two or more blocks are selected, and says when it is working', () => {
    expect(enabled(render({ selected: ['a', 'b'] }))).toContain('Lay out selection');
    const html = render({ layingOut: true });
    expect(html).toMatch(/disabled=""[^>]*>Laying out…</);
  });

  it('offers to make the one selected block the entry, unless it is already', () => {
    expect(enabled(render({ selected: ['b'] }))).toContain('Set as entry');
    expect(enabled(render({ selected: ['a'] }))).not.toContain('Set as entry');
    expect(enabled(render({ selected: ['a', 'b'] }))).not.toContain('Set as entry');
  });
});
