import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { InstancePicker } from './InstancePicker.js';

const instances = [
  { id: 'i-1', alias: 'demo', arn: 'arn:aws:connect:us-east-1:123456789012:instance/i-1' },
  { id: 'i-2', alias: 'support', arn: 'arn:aws:connect:us-east-1:123456789012:instance/i-2' },
];

const render = (selected: string | undefined) =>
  renderToStaticMarkup(<InstancePicker instances={instances} selected={selected} onSelect={() => {}} />);

describe('InstancePicker', () => {
  it('asks for an instance until one is chosen, the prompt itself not choosable', () => {
    const html = render(undefined);
    expect(html).toContain('aria-label="Instance"');
    expect(html).toContain('<option value="" disabled="" selected="">Choose an instance</option>');
    expect(html).not.toMatch(/value="demo" selected/);
  });

  it('offers every instance by alias and shows the chosen one selected', () => {
    const html = render('support');
    expect(html).toContain('<option value="demo">demo</option>');
    expect(html).toContain('<option value="support" selected="">support</option>');
    expect(html).not.toContain('<option value="" disabled="" selected="">');
  });

  it('offers only the prompt when there is no instance', () => {
    const html = renderToStaticMarkup(
      <InstancePicker instances={[]} selected={undefined} onSelect={() => {}} />,
    );
    expect(html.match(/<option /g)).toHaveLength(1);
  });
});
