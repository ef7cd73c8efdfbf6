import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ResourceForm } from './ResourceForm.js';
import { formOf } from './schemaForm.js';
import { typeAt } from './test-types.js';

const render = (path: string, entry?: { id: string; arn: string; name: string; [k: string]: unknown }) =>
  renderToStaticMarkup(
    <ResourceForm
      title="Form"
      model={formOf(typeAt(path))}
      refs={{}}
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
});
