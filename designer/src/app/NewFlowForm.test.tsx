import { FLOW_TYPES } from '@parley/flow';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { NewFlowForm } from './NewFlowForm.js';

describe('NewFlowForm', () => {
  it('asks for a name and offers every flow type, contact flow first chosen', () => {
    const html = renderToStaticMarkup(<NewFlowForm onCreate={async () => undefined} />);
    expect(html).toContain('aria-label="Flow name"');
    expect(html.match(/<option /g)).toHaveLength(FLOW_TYPES.length);
    expect(html).toContain('<option value="CONTACT_FLOW" selected="">');
  });
});
