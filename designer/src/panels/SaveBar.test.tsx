import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { FlowSaving } from '../editor/useFlowSaving.js';
import { SaveBar } from './SaveBar.js';

const saving = (over: Partial<FlowSaving> = {}): FlowSaving => ({
  dirty: false,
  version: 3,
  publishedVersion: null,
  busy: undefined,
  message: '',
  setMessage: () => undefined,
  notice: undefined,
  problem: undefined,
  publishBlocker: undefined,
  save: async () => undefined,
  publish: async () => undefined,
  dismiss: () => undefined,
  ...over,
});

describe('SaveBar', () => {
  it('shows the version, or that there are unsaved changes', () => {
    expect(renderToStaticMarkup(<SaveBar saving={saving({ publishedVersion: 2 })} />)).toContain(
      'Version 3 · published v2',
    );
    const dirty = renderToStaticMarkup(
      <SaveBar saving={saving({ dirty: true, publishBlocker: 'Save first' })} />,
    );
    expect(dirty).toContain('data-dirty="true"');
    expect(dirty).toContain('Unsaved changes');
    expect(dirty).toMatch(/<button type="button" disabled="" title="Save first">Publish<\/button>/);
  });

  it('shows a version conflict clearly, with a way to save anyway', () => {
    const html = renderToStaticMarkup(
      <SaveBar
        saving={saving({
          problem: { kind: 'conflict', latestVersion: 5, message: 'Not saved: version 5 was saved' },
        })}
      />,
    );
    expect(html).toContain('role="alert"');
    expect(html).toContain('Not saved: version 5 was saved');
    expect(html).toContain('Save as version 6 anyway');
  });

  it('points to the publish report when publishing was refused, and shows what a save said', () => {
    const refused = saving({
      problem: { kind: 'publish', message: 'Main version 3 has 2 problem(s)', diagnostics: [] },
    });
    expect(renderToStaticMarkup(<SaveBar saving={refused} />)).toContain('See the publish report.');
    expect(renderToStaticMarkup(<SaveBar saving={saving({ notice: 'Saved version 4' })} />)).toContain(
      '<span class="save-notice" role="status">Saved version 4</span>',
    );
  });
});
