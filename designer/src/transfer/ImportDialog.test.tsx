import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ApiError, type FlowSummary } from '../app/api.js';
import { ImportDialogView } from './ImportDialog.js';
import { BILLING, loadedResources, REPORT } from './test-support.js';
import type { ImportState } from './useImport.js';

const flows: FlowSummary[] = [
  {
    id: 'f-1',
    name: 'Bank menu',
    type: 'CONTACT_FLOW',
    description: '',
    latestVersion: 2,
    publishedVersion: 1,
  },
  {
    id: 'f-2',
    name: 'Billing transfer',
    type: 'QUEUE_TRANSFER',
    description: '',
    latestVersion: 1,
    publishedVersion: 1,
  },
];

const state = (over: Partial<ImportState> = {}): ImportState => ({
  source: undefined,
  setSource: () => undefined,
  target: { mode: 'new', name: '' },
  setTarget: () => undefined,
  fixes: {},
  fix: () => undefined,
  dryRun: { state: 'idle' },
  blocker: 'Choose a flow file first.',
  importing: false,
  problem: undefined,
  runImport: async () => undefined,
  ...over,
});

const render = (s: ImportState) =>
  renderToStaticMarkup(
    <ImportDialogView
      state={s}
      flows={flows}
      resources={loadedResources({ queue: [BILLING] })}
      onImport={() => undefined}
      onClose={() => undefined}
    />,
  );

describe('ImportDialogView', () => {
  it('asks for a file or pasted JSON, and Import waits for one', () => {
    const html = render(state());
    expect(html).toContain('role="dialog"');
    expect(html).toContain('type="file"');
    expect(html).toContain('aria-label="Flow JSON text"');
    expect(html).toMatch(
      /<button type="button" class="primary" disabled="" title="Choose a flow file first.">Import/,
    );
    expect(html).not.toContain('Resolution report');
  });

  it('shows the report of the dry run, the file’s type beside the new flow’s name, and enables Import', () => {
    const html = render(
      state({
        source: { text: '{}', fileName: 'inbound.json' },
        target: { mode: 'new', name: 'Simple inbound' },
        dryRun: { state: 'done', result: { report: REPORT } },
        blocker: undefined,
      }),
    );
    expect(html).toContain('inbound.json');
    expect(html).toContain('value="Simple inbound"');
    expect(html).toContain('Type: CONTACT_FLOW');
    expect(html).toContain('aria-label="Resolution report"');
    expect(html).toMatch(/<button type="button" class="primary">Import<\/button>/);
  });

  it('offers only flows of the file’s type as the flow to import into', () => {
    const html = render(
      state({ target: { mode: 'version', flow: '' }, dryRun: { state: 'done', result: { report: REPORT } } }),
    );
    expect(html).toContain('aria-label="Flow to import into"');
    expect(html).toContain('Bank menu (CONTACT_FLOW)');
    expect(html).not.toContain('Billing transfer');
  });

  it('shows a refused import with its code and diagnostics', () => {
    const problem = new ApiError(422, 'IMPORT_FLOW_TYPE_MISMATCH', 'wrong type', {
      diagnostics: [
        { code: 'IMPORT_FLOW_TYPE_MISMATCH', severity: 'error', message: 'this is a CONTACT_FLOW flow' },
      ],
    });
    const html = render(state({ problem }));
    expect(html).toContain('<code>IMPORT_FLOW_TYPE_MISMATCH</code> wrong type');
    expect(html).toContain('this is a CONTACT_FLOW flow');
  });

  it('says when the dry run is running', () => {
    expect(render(state({ dryRun: { state: 'running' } }))).toContain(
      'Checking the file against the instance',
    );
  });
});
