import { describe, expect, it } from 'vitest';
import { bodyOf, draftOf, rangeLabel, timeOf } from './draft.js';
import { formOf } from './schemaForm.js';
import { typeAt } from './test-types.js';

const queue = formOf(typeAt('queues'));
const hours = formOf(typeAt('hours-of-operation'));
const prompt = formOf(typeAt('prompts'));
const quickConnect = formOf(typeAt('quick-connects'));
const MONDAY = { Day: 'MONDAY', StartTime: { Hours: 9, Minutes: 0 }, EndTime: { Hours: 17, Minutes: 0 } };

describe('resource form drafts', () => {
  it('starts empty and sends only what was filled, numbers as numbers', () => {
    const draft = draftOf(queue);
    draft.values.name = ' Sales ';
    draft.values.maxContacts = '25';
    draft.values.hoursOfOperation = 'h-1';
    expect(bodyOf(queue, draft)).toEqual({
      ok: true,
      body: { name: 'Sales', maxContacts: 25, hoursOfOperation: 'h-1' },
    });
  });

  it('reads an entry to edit, lists one per line, and sends them back as they were', () => {
    const entry = { id: 'q', arn: 'arn:q', name: 'Sales', maxContacts: 5, quickConnects: ['a', 'b'] };
    const draft = draftOf(queue, entry);
    expect(draft.values).toMatchObject({ name: 'Sales', maxContacts: '5', quickConnects: 'a\nb' });
    expect(bodyOf(queue, draft, entry)).toEqual({
      ok: true,
      body: { name: 'Sales', maxContacts: 5, quickConnects: ['a', 'b'] },
    });
  });

  it('keeps a weekly schedule as ranges and JSON fields as JSON', () => {
    const draft = draftOf(hours);
    draft.values = { ...draft.values, name: 'Office', timeZone: 'UTC', config: [MONDAY], overrides: '[]' };
    expect(bodyOf(hours, draft)).toEqual({
      ok: true,
      body: { name: 'Office', timeZone: 'UTC', config: [MONDAY], overrides: [] },
    });
  });

  it('names inputs it cannot read instead of sending them', () => {
    const draft = draftOf(hours);
    draft.values.overrides = '[oops';
    expect(bodyOf(hours, draft)).toEqual({
      ok: false,
      problems: [{ field: 'overrides', message: 'is not JSON' }],
    });
    const q = draftOf(queue);
    q.values.maxContacts = 'many';
    expect(bodyOf(queue, q)).toEqual({
      ok: false,
      problems: [{ field: 'maxContacts', message: '"many" is not a number' }],
    });
  });

  it('sends only the chosen source of a prompt, and a picked WAV as an upload', () => {
    const draft = draftOf(prompt);
    expect(draft.chosen).toBe('file');
    draft.values = { ...draft.values, name: 'Hello', file: 'beep', text: 'Hello there' };
    draft.chosen = 'text';
    expect(bodyOf(prompt, draft)).toEqual({ ok: true, body: { name: 'Hello', text: 'Hello there' } });
    const wav = new Blob(['RIFF'], { type: 'audio/wav' });
    draft.chosen = 'audio';
    draft.values.audio = wav;
    expect(bodyOf(prompt, draft)).toEqual({ ok: true, body: { name: 'Hello' }, upload: wav });
  });

  it('keeps the audio a prompt has unless a new WAV is picked, and asks for one for a new prompt', () => {
    const audio = { sha256: 'a'.repeat(64), bytes: 100, durationMs: 500 };
    const entry = { id: 'p', arn: 'arn:p', name: 'Hello', audio };
    const draft = draftOf(prompt, entry);
    expect(draft.chosen).toBe('audio');
    expect(bodyOf(prompt, draft, entry)).toEqual({ ok: true, body: { name: 'Hello', audio } });
    const fresh = draftOf(prompt);
    fresh.chosen = 'audio';
    expect(bodyOf(prompt, fresh)).toEqual({
      ok: false,
      problems: [{ field: 'audio', message: 'choose a WAV file to upload' }],
    });
  });

  it('sends only the fields a quick connect’s type uses, though others were filled before its type changed', () => {
    const draft = draftOf(quickConnect);
    draft.values = { ...draft.values, name: 'Erin', type: 'USER', user: 'u-1', flow: 'f-1' };
    draft.values.type = 'PHONE_NUMBER';
    draft.values.phoneNumber = '+1 555 0100 123';
    expect(bodyOf(quickConnect, draft)).toEqual({
      ok: true,
      body: { name: 'Erin', type: 'PHONE_NUMBER', phoneNumber: '+1 555 0100 123' },
    });
    draft.values.type = 'USER';
    expect(bodyOf(quickConnect, draft)).toEqual({
      ok: true,
      body: { name: 'Erin', type: 'USER', user: 'u-1', flow: 'f-1' },
    });
  });

  it('reads and shows times of day', () => {
    expect(timeOf('09:30')).toEqual({ Hours: 9, Minutes: 30 });
    expect(timeOf('25:00')).toBeUndefined();
    expect(rangeLabel(MONDAY)).toBe('MONDAY 09:00–17:00');
  });
});
