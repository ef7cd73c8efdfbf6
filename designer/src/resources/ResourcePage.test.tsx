import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ResourceTable } from './ResourcePage.js';
import { formOf } from './schemaForm.js';
import { typeAt } from './test-types.js';

const queues = typeAt('queues');
const render = (entries: { id: string; arn: string; name: string; [k: string]: unknown }[]) =>
  renderToStaticMarkup(
    <ResourceTable
      data={{
        type: queues,
        model: formOf(queues),
        entries,
        refs: { 'hours-of-operation': [{ id: 'h-1', arn: 'arn:h-1', name: 'Always open' }] },
      }}
      save={async () => undefined}
      remove={async () => undefined}
    />,
  );

describe('ResourceTable', () => {
  it('lists the entries by name with their short fields, each with Edit and Delete', () => {
    const html = render([
      { id: 'q-1', arn: 'arn:q-1', name: 'Billing', hoursOfOperation: 'h-1', maxContacts: 50 },
    ]);
    expect(html).toContain('<section class="resource-page" aria-label="Queue">');
    expect(html).toContain('<th scope="row" title="arn:q-1">Billing</th>');
    expect(html).toContain('<td>Always open</td><td>50</td>');
    expect(html).toContain('aria-label="Edit Billing"');
    expect(html).toContain('aria-label="Delete Billing"');
    expect(html).toContain('>New queue</button>');
  });

  it('says when the instance has none of the kind', () => {
    expect(render([])).toContain('This instance has no queue yet.');
  });
});
