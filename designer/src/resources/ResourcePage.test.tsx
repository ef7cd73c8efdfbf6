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

  it('lists quick connects with their type and what each transfers to, by name', () => {
    const type = typeAt('quick-connects');
    const html = renderToStaticMarkup(
      <ResourceTable
        data={{
          type,
          model: formOf(type),
          entries: [
            { id: 'qc-1', arn: 'arn:qc-1', name: 'Billing line', type: 'QUEUE', queue: 'q-1', flow: 'f-1' },
            {
              id: 'qc-2',
              arn: 'arn:qc-2',
              name: 'Head office',
              type: 'PHONE_NUMBER',
              phoneNumber: '+15550100123',
            },
          ],
          refs: {
            queues: [{ id: 'q-1', arn: 'arn:q-1', name: 'Billing' }],
            flows: [{ id: 'f-1', arn: 'arn:f-1', name: 'Billing transfer', type: 'QUEUE_TRANSFER' }],
          },
        }}
        save={async () => undefined}
        remove={async () => undefined}
      />,
    );
    expect(html).toContain('<section class="resource-page" aria-label="Quick connect">');
    expect(html).toContain('<th scope="col">Type</th><th scope="col">Target</th>');
    expect(html).toContain('<td>QUEUE</td><td>Queue: Billing, Flow: Billing transfer</td>');
    expect(html).toContain('<td>PHONE_NUMBER</td><td>Phone number: +15550100123</td>');
    expect(html).toContain('>New quick connect</button>');
  });
});
