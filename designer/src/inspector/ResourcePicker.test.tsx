import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ResourcePicker } from './ResourcePicker.js';
import { fakeResources, fieldProps, testContext } from './test-fields.js';

const ARN = 'arn:aws:connect:us-east-1:000000000000:instance/i/queue';
const queues = fakeResources({
  queue: {
    state: 'done',
    options: [
      { value: `${ARN}/q1`, name: 'Billing', id: 'q1', arn: `${ARN}/q1` },
      { value: `${ARN}/q2`, name: 'Sales', id: 'q2', arn: `${ARN}/q2` },
    ],
  },
});
const props = (value: unknown, resources = queues) =>
  fieldProps('UpdateContactTargetQueue', 'QueueId', value, { ctx: testContext({ resources }) });

describe('ResourcePicker', () => {
  it("lists the instance's resources of the kind by name, valued by ARN", () => {
    const html = renderToStaticMarkup(<ResourcePicker {...props(`${ARN}/q2`)} />);
    expect(html).toContain('<option value="">(no queue)</option>');
    expect(html).toContain(`<option value="${ARN}/q1">Billing</option>`);
    expect(html).toContain(`<option value="${ARN}/q2" selected="">Sales</option>`);
    expect(html).toContain('aria-label="Reload the queue list"');
  });

  it('shows a resource named by ID by its name, keeping the ID', () => {
    expect(renderToStaticMarkup(<ResourcePicker {...props('q1')} />)).toContain(
      '<option value="q1" selected="">Billing</option>',
    );
  });

  it('keeps a value the instance does not have, with a warning', () => {
    const html = renderToStaticMarkup(<ResourcePicker {...props('arn:aws:connect:elsewhere/queue/x')} />);
    expect(html).toContain('<option value="arn:aws:connect:elsewhere/queue/x" selected="">');
    expect(html).toContain('Not a queue of this instance; kept as it is');
  });

  it('waits while the list loads, and takes text without a list or when it failed', () => {
    const loading = renderToStaticMarkup(
      <ResourcePicker {...props('', fakeResources({ queue: { state: 'loading' } }))} />,
    );
    expect(loading).toContain('Loading…');
    expect(loading).toContain('disabled=""');
    const none = renderToStaticMarkup(
      <ResourcePicker {...fieldProps('UpdateContactTargetQueue', 'QueueId', 'q9')} />,
    );
    expect(none).toMatch(/<input[^>]*value="q9"/);
    const failed = renderToStaticMarkup(
      <ResourcePicker
        {...props('q9', fakeResources({ queue: { state: 'failed', error: '403 Forbidden' } }))}
      />,
    );
    expect(failed).toContain('The instance&#x27;s list could not be read: 403 Forbidden');
  });
});
