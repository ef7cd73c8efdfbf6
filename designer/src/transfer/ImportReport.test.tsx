import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ImportReportView } from './ImportReport.js';
import { BILLING, loadedResources, REPORT, SUPPORT, UNRESOLVED_QUEUE } from './test-support.js';

const render = (fixes: Record<string, string> = {}) =>
  renderToStaticMarkup(
    <ImportReportView
      report={REPORT}
      resources={loadedResources({ queue: [BILLING, SUPPORT] })}
      fixes={fixes}
      onFix={() => undefined}
    />,
  );

describe('ImportReportView', () => {
  it('sums the report up: flow type, name and how many references resolved', () => {
    expect(render()).toContain('CONTACT_FLOW · “Simple inbound” · 2 references: 1 resolved, 1 unresolved');
  });

  it('lists each reference with its kind, the value in the file, how it resolved and what it now names', () => {
    const html = render();
    expect(html).toContain('data-resolution="unresolved"');
    expect(html).toContain(UNRESOLVED_QUEUE.arn);
    expect(html).toContain('unresolved (kept as written)');
    // The one found by name shows the target's name from the instance's list, not its ARN.
    expect(html).toMatch(
      /<td class="import-resolution">name<\/td><td><span class="import-target">Billing<\/span>/,
    );
  });

  it('offers the instance’s queues by name for every reference, a pick for the unresolved one', () => {
    const html = render();
    expect(html).toContain('aria-label="Map queue BasicQueue"');
    expect(html).toMatch(/<option value=""( selected="")?>Pick a queue…<\/option>/);
    expect(html).toMatch(/<option value=""( selected="")?>As resolved<\/option>/);
    expect(html.match(/>Support<\/option>/g)).toHaveLength(2);
  });

  it('shows the picked queue as chosen in the picker', () => {
    const html = render({ [UNRESOLVED_QUEUE.arn]: BILLING.value });
    expect(html).toContain(`<option value="${BILLING.value}" selected="">Billing</option>`);
  });

  it('lists every diagnostic with its code and block', () => {
    expect(render()).toMatch(
      /<li data-severity="warning"><code>IMPORT_REFERENCE_UNRESOLVED<\/code> <span class="where">Set queue: <\/span>/,
    );
  });
});
