import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { VersionRow } from './history.js';
import { VersionList } from './VersionList.js';

const row = (version: number, over: Partial<VersionRow> = {}): VersionRow => ({
  version,
  hash: 'h',
  author: 'ada',
  message: `Message ${version}`,
  errors: 0,
  warnings: 2,
  createdAt: '2025-01-10T11:00:00Z',
  published: false,
  current: false,
  ...over,
});

const actions = { onCompare: () => {}, onRestore: () => {}, onPublish: () => {} };
const now = Date.parse('2025-01-10T12:00:00Z');

describe('VersionList', () => {
  it('shows each version with its message, author, time and counts, the published and current ones marked', () => {
    const html = renderToStaticMarkup(
      <VersionList
        rows={[row(3, { current: true, errors: 1 }), row(2, { published: true, message: '' })]}
        now={now}
        busy={false}
        onOpen={() => {}}
        {...actions}
      />,
    );
    expect(html).toMatch(/data-version="3"[^>]*data-current="true"/);
    expect(html).toMatch(/data-version="2" data-published="true"/);
    expect(html).toContain('Message 3');
    expect(html).toContain('<em>No message</em>');
    expect(html).toContain(
      'ada · <time dateTime="2025-01-10T11:00:00Z" title="2025-01-10T11:00:00Z">1 h ago</time>',
    );
    expect(html).toContain('1 error</span> · 2 warnings');
    expect(html).toContain('In the editor');
    expect(html).toContain('Published');
  });

  it('offers open, compare, restore and publish per version; publishing the published one is disabled', () => {
    const html = renderToStaticMarkup(
      <VersionList
        rows={[row(2, { published: true }), row(1)]}
        now={now}
        busy={false}
        onOpen={() => {}}
        {...actions}
      />,
    );
    for (const label of [
      'Open version 1',
      'Compare version 1 with the draft',
      'Restore version 1',
      'Publish version 1',
    ])
      expect(html).toContain(`aria-label="${label}"`);
    expect(html).toMatch(
      /aria-label="Publish version 2" title="Contacts already run this version" disabled=""/,
    );
    expect(html).not.toMatch(/aria-label="Publish version 1"[^>]*disabled/);
  });

  it('leaves out Open where nothing can navigate, and disables changes while one is under way', () => {
    const html = renderToStaticMarkup(<VersionList rows={[row(1)]} now={now} busy {...actions} />);
    expect(html).not.toContain('Open version 1');
    expect(html).toMatch(/aria-label="Restore version 1" disabled=""/);
  });

  it('says when there is no version yet', () => {
    expect(renderToStaticMarkup(<VersionList rows={[]} now={now} busy={false} {...actions} />)).toContain(
      'No version saved yet.',
    );
  });
});
