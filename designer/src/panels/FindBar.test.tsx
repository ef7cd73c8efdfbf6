import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { SearchHit } from '../system/search.js';
import { FindBar, type FindBarProps, LISTED } from './FindBar.js';

const hit = (id: string): SearchHit => ({
  id,
  label: `Play ${id}`,
  blockType: 'MessageParticipant',
  fields: [
    { where: 'Text', text: 'Welcome to Acme' },
    { where: 'Name', text: `Play ${id}` },
  ],
});

const none = () => undefined;
const render = (over: Partial<FindBarProps> = {}) =>
  renderToStaticMarkup(
    <FindBar
      open={false}
      query=""
      hits={[]}
      index={-1}
      focusKey={0}
      onQuery={none}
      onStep={none}
      onPick={none}
      onOpen={none}
      onClose={none}
      {...over}
    />,
  );

describe('FindBar', () => {
  it('is a search box on the canvas while closed, naming its shortcut', () => {
    const html = render({ shortcut: 'Ctrl+F' });
    expect(html).toContain('<search class="find-bar"');
    expect(html).toContain('placeholder="Find blocks (Ctrl+F)"');
    expect(html).not.toContain('Next match');
  });

  it('counts the matches, then says which one is shown', () => {
    const hits = [hit('a'), hit('b'), hit('c')];
    expect(render({ open: true, query: 'acme', hits })).toContain('3 blocks');
    const at = render({ open: true, query: 'acme', hits, index: 1 });
    expect(at).toContain('2 of 3');
    expect(at).toMatch(/<li aria-current="true"><button[^>]*><span class="find-hit-label">Play b</);
  });

  it('lists each match with where it matched, and how many other places did', () => {
    const html = render({ open: true, query: 'acme', hits: [hit('a')] });
    expect(html).toContain('<span class="find-hit-type">MessageParticipant</span>');
    expect(html).toContain('Text: Welcome to Acme (+1)');
  });

  it('says when nothing matches, and disables moving', () => {
    const html = render({ open: true, query: 'zzz' });
    expect(html).toContain('No blocks');
    expect(html).toMatch(/aria-label="Next match" disabled=""/);
  });

  it(`lists at most ${LISTED} matches, saying how many more there are`, () => {
    const hits = Array.from({ length: LISTED + 5 }, (_, i) => hit(String(i)));
    const html = render({ open: true, query: 'acme', hits });
    expect(html.match(/class="find-hit-label"/g)).toHaveLength(LISTED);
    expect(html).toContain('and 5 more');
  });
});
