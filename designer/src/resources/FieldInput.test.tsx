import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { FieldInput } from './FieldInput.js';
import { type FormField, formOf } from './schemaForm.js';
import { typeAt } from './test-types.js';

const field = (path: string, name: string): FormField => {
  const f = formOf(typeAt(path)).fields.find((x) => x.name === name);
  if (!f) throw new Error(`no field ${name}`);
  return f;
};
const render = (f: FormField, value: string | undefined, extra: object = {}) =>
  renderToStaticMarkup(<FieldInput field={f} value={value} onChange={() => undefined} {...extra} />);

describe('FieldInput', () => {
  it('picks a reference from the instance’s entries by name, valued by ID', () => {
    const refs = [{ id: 'h-1', arn: 'arn:h-1', name: 'Always open' }];
    const html = render(field('queues', 'hoursOfOperation'), 'h-1', { refs });
    expect(html).toContain('<span>Hours of operation</span>');
    expect(html).toContain('<option value="h-1" selected="">Always open</option>');
  });

  it('keeps a reference the lists do not have as an option of its own', () => {
    const html = render(field('phone-numbers', 'flow'), 'Old flow', { refs: [] });
    expect(html).toContain('<option value="Old flow" selected="">Old flow</option>');
  });

  it('picks any number of references from a list, those chosen selected, one it does not know kept', () => {
    const refs = [
      { id: 'qc-1', arn: 'arn:qc-1', name: 'To billing' },
      { id: 'qc-2', arn: 'arn:qc-2', name: 'To sales' },
      { id: 'qc-3', arn: 'arn:qc-3', name: 'To the desk' },
    ];
    const html = render(field('queues', 'quickConnects'), 'qc-1\nTo the desk\nOld one', { refs });
    expect(html).toContain('<span>Quick connects</span><select multiple=""');
    expect(html).toContain('<option value="qc-1" selected="">To billing</option>');
    expect(html).toContain('<option value="qc-2">To sales</option>');
    // Named in the entry rather than by ID: the same entry, selected.
    expect(html).toContain('<option value="qc-3" selected="">To the desk</option>');
    expect(html).toContain('<option value="Old one" selected="">Old one</option>');
  });

  it('suggests IANA zones for a time zone and marks it required', () => {
    const html = render(field('hours-of-operation', 'timeZone'), 'UTC');
    expect(html).toContain('<span>Time zone *</span>');
    expect(html).toContain('list="resource-time-zones"');
    expect(html).toContain('<option value="Europe/Paris">');
  });

  it('uploads a WAV for audio and describes the one a prompt has', () => {
    const existing = { sha256: 'a'.repeat(64), bytes: 16044, durationMs: 1000 };
    const html = render(field('prompts', 'audio'), undefined, { existing });
    expect(html).toContain('type="file" accept=".wav,audio/wav"');
    expect(html).toContain('Uploaded WAV: 1.0 s, 16044 bytes');
  });

  it('offers an enum’s values and a blank', () => {
    const html = render(field('queues', 'status'), '');
    expect(html).toContain('<option value="ENABLED">ENABLED</option>');
    expect(html).toContain('<option value="" selected="">—</option>');
  });
});
