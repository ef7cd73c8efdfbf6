import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ResourceForm } from './ResourceForm.js';
import { formOf } from './schemaForm.js';
import { typeAt } from './test-types.js';

type Entry = { id: string; arn: string; name: string; [k: string]: unknown };

const render = (path: string, entry?: Entry, refs: Record<string, Entry[]> = {}) =>
  renderToStaticMarkup(
    <ResourceForm
      title="Form"
      model={formOf(typeAt(path))}
      refs={refs}
      {...(entry ? { entry } : {})}
      onSubmit={async () => undefined}
      onCancel={() => undefined}
    />,
  );

describe('ResourceForm', () => {
  it('renders a field per property of the kind, and Create for a new entry', () => {
    const html = render('queues');
    for (const label of ['Name', 'Description', 'Hours of operation', 'Max contacts', 'Status'])
      expect(html).toContain(`<span>${label}</span>`);
    expect(html).toContain('>Create</button>');
  });

  it('shows only the chosen source of a prompt, with the choice of the others', () => {
    const html = render('prompts', { id: 'p', arn: 'arn:p', name: 'Welcome', text: 'Hello' });
    expect(html).toContain('<legend>One of</legend>');
    expect(html).toContain('<span>Text</span>');
    expect(html).not.toContain('<span>SSML</span>');
    expect(html).toContain('>Hello</textarea>');
    expect(html).toContain('>Save</button>');
  });

  it('gives hours a weekly schedule', () => {
    expect(render('hours-of-operation')).toContain('<legend>Config *</legend>');
  });

  it('asks a new quick connect for its type before the fields the type uses', () => {
    const html = render('quick-connects');
    expect(html).toContain('<span>Type *</span>');
    for (const label of ['User', 'Queue', 'Flow', 'Phone number'])
      expect(html).not.toContain(`<span>${label}</span>`);
  });

  it('shows a queue quick connect its queue and flow, the flow picked among queue transfer flows', () => {
    const flows = [
      { id: 'f-1', arn: 'arn:f-1', name: 'Billing transfer', type: 'QUEUE_TRANSFER' },
      { id: 'f-2', arn: 'arn:f-2', name: 'Bank menu', type: 'CONTACT_FLOW' },
      { id: 'f-3', arn: 'arn:f-3', name: 'To an agent', type: 'AGENT_TRANSFER' },
    ];
    const entry = { id: 'qc', arn: 'arn:qc', name: 'Billing line', type: 'QUEUE', queue: 'q-1', flow: 'f-1' };
    const html = render('quick-connects', entry, {
      flows,
      queues: [{ id: 'q-1', arn: 'arn:q-1', name: 'Billing' }],
    });
    expect(html).toContain('<span>Queue</span>');
    expect(html).not.toContain('<span>User</span>');
    expect(html).not.toContain('<span>Phone number</span>');
    const flow = /<span>Flow<\/span><select>(.*?)<\/select>/.exec(html)?.[1] ?? '';
    expect([...flow.matchAll(/<option value="([^"]*)"/g)].map((m) => m[1])).toEqual(['', 'f-1']);
    expect(html).toContain('<option value="q-1" selected="">Billing</option>');
  });
});
