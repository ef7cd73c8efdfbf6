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
    expect(enabled(render())).toEqual(['?']);
    expect(enabled(render({ canUndo: true, canRedo: true, canDelete: true }))).toEqual([
      'Undo',
      'Redo',
      'Delete',
      '?',
    ]);
  });

  it('offers to make the one selected block the entry, unless it is already', () => {
    expect(enabled(render({ selected: ['b'] }))).toContain('Set as entry');
    expect(enabled(render({ selected: ['a'] }))).not.toContain('Set as entry');
    expect(enabled(render({ selected: ['a', 'b'] }))).not.toContain('Set as entry');
  });
});
