import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { NumberField } from './NumberField.js';
import { fieldProps } from './test-fields.js';

describe('NumberField', () => {
  it("shows Connect's string number with the catalog's range", () => {
    const html = renderToStaticMarkup(
      <NumberField {...fieldProps('GetParticipantInput', 'InputTimeLimitSeconds', '5')} />,
    );
    expect(html).toMatch(/value="5"/);
    expect(html).toContain('inputMode="numeric"');
    expect(html).toContain('1 to 86400');
    expect(html).not.toContain('field-problem');
  });

  it('says when the value is out of range or not a whole number', () => {
    const out = renderToStaticMarkup(
      <NumberField {...fieldProps('GetParticipantInput', 'InputTimeLimitSeconds', '0')} />,
    );
    expect(out).toContain('Must be from 1 to 86400');
    expect(out).toContain('aria-invalid="true"');
    const decimal = renderToStaticMarkup(<NumberField {...fieldProps('Loop', 'LoopCount', 2.5)} />);
    expect(decimal).toContain('Not a whole number');
  });
});
