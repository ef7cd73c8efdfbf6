import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { FieldView } from './FieldView.js';
import { fieldProps } from './test-fields.js';

describe('FieldView', () => {
  it('offers the static/dynamic toggle where the catalog allows a JSONPath, in the mode the value is', () => {
    const fixed = renderToStaticMarkup(<FieldView {...fieldProps('Loop', 'LoopCount', '3')} />);
    expect(fixed).toContain('aria-label="How Loop count is set"');
    expect(fixed).toMatch(/aria-pressed="true">Static/);
    expect(fixed).toContain('inputMode="numeric"');
    const dynamic = renderToStaticMarkup(
      <FieldView {...fieldProps('Loop', 'LoopCount', '$.Attributes.n')} />,
    );
    expect(dynamic).toMatch(/aria-pressed="true"[^>]*>\$\./);
    expect(dynamic).toContain('class="path-input"');
  });

  it('has no toggle for a static value, a JSONPath-only one, or text that embeds references', () => {
    for (const [type, key] of [
      ['GetParticipantInput', 'InputTimeLimitSeconds'],
      ['Compare', 'ComparisonValue'],
      ['MessageParticipant', 'Text'],
    ] as const)
      expect(renderToStaticMarkup(<FieldView {...fieldProps(type, key, undefined)} />)).not.toContain(
        'dynamic-toggle',
      );
  });

  it('draws each kind with its editor', () => {
    const html = (type: string, key: string, value: unknown = undefined) =>
      renderToStaticMarkup(<FieldView {...fieldProps(type, key, value)} />);
    expect(html('Compare', 'ComparisonValue')).toContain('path-input');
    expect(html('MessageParticipant', 'SSML')).toContain('class="ssml"');
    expect(html('GetParticipantInput', 'StoreInput')).toContain('(not set)');
    expect(html('UpdateFlowLoggingBehavior', 'FlowLoggingBehavior')).toContain('<option value="Enabled">');
    expect(html('CheckHoursOfOperation', 'HoursOfOperationId')).toContain('dynamic-toggle');
    expect(html('UpdateContactAttributes', 'Attributes')).toContain('data-kind="attributes-map"');
    expect(html('UnTagContact', 'TagKeys')).toContain('data-kind="list"');
    expect(html('MessageParticipant', 'Media')).toContain('data-kind="object"');
    expect(html('ShowView', 'ViewData')).toContain('class="json"');
  });
});
