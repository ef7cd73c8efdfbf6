import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { BooleanField, EnumField } from './EnumField.js';
import { fieldProps } from './test-fields.js';

describe('EnumField', () => {
  it("lists the catalog's values and a way to unset", () => {
    const html = renderToStaticMarkup(
      <EnumField {...fieldProps('UpdateContactAttributes', 'TargetContact', 'Related')} />,
    );
    expect(html).toContain('<option value="">(not set)</option>');
    expect(html).toContain('<option value="Current">Current</option>');
    expect(html).toContain('<option value="Related" selected="">Related</option>');
  });

  it('keeps a value the catalog does not list, with a warning', () => {
    const html = renderToStaticMarkup(
      <EnumField {...fieldProps('UpdateContactAttributes', 'TargetContact', 'Other')} />,
    );
    expect(html).toContain('<option value="Other" selected="">Other (unknown)</option>');
    expect(html).toContain('Other is not one of the values this block takes; kept as it is');
  });
});

describe('BooleanField', () => {
  it('reads every spelling as True or False', () => {
    for (const v of ['True', 'true', true])
      expect(
        renderToStaticMarkup(<BooleanField {...fieldProps('GetParticipantInput', 'StoreInput', v)} />),
      ).toContain('<option value="true" selected="">True</option>');
    expect(
      renderToStaticMarkup(<BooleanField {...fieldProps('GetParticipantInput', 'StoreInput', undefined)} />),
    ).toContain('<option value="" selected="">(not set)</option>');
  });

  it('keeps a value that is neither, with a warning', () => {
    const html = renderToStaticMarkup(
      <BooleanField {...fieldProps('GetParticipantInput', 'StoreInput', 'yes')} />,
    );
    expect(html).toContain('<option value="odd" selected="">yes</option>');
    expect(html).toContain('yes is neither True nor False');
  });
});
