import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { AttributesTable, EntryDetails, LogList } from './CallDetails.js';
import type { LogEntry } from './messages.js';

const entry: LogEntry = {
  ContactFlowName: 'Bank menu',
  ContactFlowModuleType: 'GetUserInput',
  Identifier: 'menu',
  Timestamp: '2025-01-01T00:00:00.000Z',
  Parameters: { Text: 'Press 1 for sales' },
  Results: '1',
};
const labels = new Map([['menu', 'Main menu']]);

describe('call details', () => {
  it('lists attributes as a table, or says there are none', () => {
    expect(renderToStaticMarkup(<AttributesTable attributes={{ dept: 'sales' }} />)).toContain(
      '<td>dept</td><td>sales</td>',
    );
    expect(renderToStaticMarkup(<AttributesTable attributes={{}} />)).toContain('No attributes set.');
  });

  it('lists log entries by block name with their results, marking the current one', () => {
    const html = renderToStaticMarkup(
      <LogList
        entries={[entry, { ...entry, Identifier: 'x', Results: undefined }]}
        labels={labels}
        current={1}
        onSelect={() => {}}
      />,
    );
    expect(html).toContain('Main menu');
    expect(html).toContain('→ 1');
    expect(html).toMatch(/<li data-block="x" aria-current="step">/);
  });

  it('shows one entry in full: block, flow, time, parameters and results', () => {
    const html = renderToStaticMarkup(<EntryDetails entry={entry} labels={labels} />);
    for (const text of [
      'Main menu',
      'GetUserInput',
      'Bank menu',
      '2025-01-01T00:00:00.000Z',
      '&quot;Text&quot;: &quot;Press 1 for sales&quot;',
      '<dd>1</dd>',
    ])
      expect(html).toContain(text);
  });
});
