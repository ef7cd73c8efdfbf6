import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { FieldFrame } from './FieldFrame.js';
import type { Field } from './fields.js';
import { catalogField } from './test-fields.js';

const field: Field = { ...catalogField('Loop', 'LoopCount'), required: true, help: 'How many times round.' };

describe('FieldFrame', () => {
  it('labels a single input by its id, starring a required field, with its help below the input', () => {
    const html = renderToStaticMarkup(
      <FieldFrame field={field} inputId="loop-count">
        <input id="loop-count" />
      </FieldFrame>,
    );
    expect(html).toContain('<div class="field" data-field="LoopCount" data-kind="number">');
    expect(html).toContain(
      '<label for="loop-count">Loop count<span class="field-required" title="Required"> *</span></label>',
    );
    expect(html).toContain('<input id="loop-count"/><p class="field-help">How many times round.</p>');
  });

  it('has no star and no help for an optional field without any', () => {
    const html = renderToStaticMarkup(
      <FieldFrame field={{ ...field, required: false, help: undefined }} inputId="x">
        <input id="x" />
      </FieldFrame>,
    );
    expect(html).not.toContain('field-required');
    expect(html).not.toContain('field-help');
  });

  it('draws a group of inputs as a fieldset with a legend, the toggle beside the label', () => {
    const html = renderToStaticMarkup(
      <FieldFrame field={field} aside={<button type="button">$.</button>}>
        <input />
      </FieldFrame>,
    );
    expect(html).toMatch(/^<fieldset class="field field-group" data-field="LoopCount"/);
    expect(html).toMatch(
      /<legend>Loop count<span[^>]*> \*<\/span><button type="button">\$\.<\/button><\/legend>/,
    );
    expect(html).not.toContain('<label');
  });

  it('shows the note and each problem, skipping empty ones', () => {
    const html = renderToStaticMarkup(
      <FieldFrame
        field={field}
        inputId="x"
        note="Set by the module"
        problems={[undefined, 'Must be 1 to 100', '']}
      >
        <input id="x" />
      </FieldFrame>,
    );
    expect(html).toContain('<p class="field-note">Set by the module</p>');
    expect(html.match(/class="field-problem"/g)).toHaveLength(1);
    expect(html).toContain('<p class="field-problem" role="status">Must be 1 to 100</p>');
  });

  it('names a nested field by its whole path', () => {
    const nested = catalogField('GetParticipantInput', 'DTMFConfiguration').fields?.[0];
    if (!nested) throw new Error('DTMFConfiguration should have properties');
    const html = renderToStaticMarkup(
      <FieldFrame field={nested} inputId="x">
        <input id="x" />
      </FieldFrame>,
    );
    expect(html).toContain(`data-field="DTMFConfiguration.${nested.key}"`);
  });
});
