import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { TextField } from './TextField.js';
import { fieldProps } from './test-fields.js';

describe('TextField', () => {
  it('edits static text on one line, labelled, with its help', () => {
    const html = renderToStaticMarkup(
      <TextField {...fieldProps('UpdateContactData', 'LanguageCode', 'es-US')} />,
    );
    expect(html).toMatch(/<label for="([^"]+)">Language code<\/label>/);
    expect(html).toMatch(/<input id="[^"]+"[^>]*type="text" value="es-US"\/>/);
    expect(html).toContain('Language of the contact');
  });

  it('edits text that embeds references in a box, with a menu that inserts one', () => {
    const html = renderToStaticMarkup(
      <TextField {...fieldProps('MessageParticipant', 'Text', 'Hi $.Name')} />,
    );
    expect(html).toMatch(/<textarea[^>]*rows="2"[^>]*>Hi \$.Name<\/textarea>/);
    expect(html).toContain('aria-label="Insert a reference into Text"');
    expect(html).toContain('<option value="$.Attributes.tier">');
    // A prefix to complete by hand is no reference to insert.
    expect(html).not.toContain('<option value="$.External.">');
  });

  it('has an SSML mode that checks the <speak> wrapper', () => {
    const good = renderToStaticMarkup(
      <TextField {...fieldProps('MessageParticipant', 'SSML', '<speak>Hi</speak>')} />,
    );
    expect(good).toMatch(/<textarea[^>]*class="ssml"/);
    expect(good).not.toContain('field-problem');
    const bad = renderToStaticMarkup(<TextField {...fieldProps('MessageParticipant', 'SSML', 'Hi')} />);
    expect(bad).toContain('SSML is wrapped in &lt;speak&gt;…&lt;/speak&gt;');
  });

  it("checks a static value against the catalog's pattern, and shows the validator's problems", () => {
    const props = fieldProps('GetParticipantInput', 'DTMFConfiguration', undefined);
    const terminator = props.field.fields?.find((f) => f.key === 'InputTerminationSequence');
    if (!terminator) throw new Error('no InputTerminationSequence');
    const html = renderToStaticMarkup(
      <TextField {...props} field={terminator} value="#x" problems={['PARAM_X: bad']} />,
    );
    expect(html).toContain('Does not match ^[0-9*#]{0,5}$');
    expect(html).toContain('PARAM_X: bad');
    expect(html).toContain('aria-invalid="true"');
  });
});
