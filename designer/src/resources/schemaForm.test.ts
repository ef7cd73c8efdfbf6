import { describe, expect, it } from 'vitest';
import { formOf, labelOf } from './schemaForm.js';
import { TYPES, typeAt } from './test-types.js';

const kinds = (path: string) => Object.fromEntries(formOf(typeAt(path)).fields.map((f) => [f.name, f.kind]));

describe('forms read from the resource kinds’ schemas', () => {
  it('gives a queue its name, hours picked from the instance, a number and a status', () => {
    const form = formOf(typeAt('queues'));
    expect(kinds('queues')).toMatchObject({
      name: 'text',
      description: 'text',
      hoursOfOperation: 'ref',
      maxContacts: 'number',
      quickConnects: 'refs',
      status: 'enum',
      outboundWhisperFlow: 'ref',
    });
    expect(form.fields.find((f) => f.name === 'hoursOfOperation')?.ref?.path).toBe('hours-of-operation');
    expect(form.fields.find((f) => f.name === 'quickConnects')?.ref?.path).toBe('quick-connects');
    expect(kinds('users')).toMatchObject({ securityProfiles: 'refs' });
    expect(form.fields.find((f) => f.name === 'status')?.options).toEqual(['ENABLED', 'DISABLED']);
    expect(form.choice).toBeUndefined();
  });

  it('leaves out the ID, and the ARN of resources whose ARN the instance derives', () => {
    expect(Object.keys(kinds('queues'))).not.toContain('id');
    expect(Object.keys(kinds('queues'))).not.toContain('arn');
    expect(kinds('lambda-functions')).toMatchObject({
      arn: 'text',
      url: 'text',
      module: 'text',
      headers: 'json',
    });
  });

  it('makes hours a required time zone and weekly schedule', () => {
    const form = formOf(typeAt('hours-of-operation'));
    expect(kinds('hours-of-operation')).toMatchObject({
      timeZone: 'timeZone',
      config: 'schedule',
      overrides: 'json',
    });
    expect(form.fields.filter((f) => f.required).map((f) => f.name)).toEqual(['timeZone', 'config']);
  });

  it('offers a prompt one source of file, uploaded audio, text or SSML', () => {
    const form = formOf(typeAt('prompts'));
    expect(form.choice).toEqual(['file', 'audio', 'text', 'ssml']);
    expect(kinds('prompts')).toMatchObject({
      file: 'text',
      audio: 'audio',
      text: 'textarea',
      ssml: 'textarea',
    });
  });

  it('points a phone number at a flow of the instance', () => {
    const form = formOf(typeAt('phone-numbers'));
    expect(form.fields.find((f) => f.name === 'flow')?.ref?.path).toBe('flows');
    expect(form.fields.find((f) => f.name === 'number')?.required).toBe(true);
  });

  it('asks a Lambda for a module or a URL', () => {
    expect(formOf(typeAt('lambda-functions')).choice).toEqual(['module', 'url']);
  });

  it('gives a quick connect a type that decides its fields, and the flow type of each transfer', () => {
    const form = formOf(typeAt('quick-connects'));
    expect(kinds('quick-connects')).toMatchObject({
      type: 'enum',
      user: 'ref',
      queue: 'ref',
      flow: 'ref',
      phoneNumber: 'text',
    });
    expect(form.fields.find((f) => f.name === 'type')?.options).toEqual(['USER', 'QUEUE', 'PHONE_NUMBER']);
    expect(form.fields.find((f) => f.name === 'user')?.ref?.path).toBe('users');
    expect(form.cases).toEqual({
      field: 'type',
      uses: { USER: ['user', 'flow'], QUEUE: ['queue', 'flow'], PHONE_NUMBER: ['phoneNumber'] },
      flowTypes: { USER: 'AGENT_TRANSFER', QUEUE: 'QUEUE_TRANSFER' },
    });
  });

  it('reads a user’s phone types, the fields each names whether required or not, and the type a user without one has', () => {
    expect(formOf(typeAt('users')).cases).toEqual({
      field: 'phoneType',
      uses: { DESK_PHONE: ['deskPhoneNumber'], SOFT_PHONE: ['endpoint'] },
      fallback: 'SOFT_PHONE',
    });
  });

  it('reads no types where no field’s conditions cover all its values', () => {
    expect(formOf(typeAt('queues')).cases).toBeUndefined();
    expect(formOf(typeAt('routing-profiles')).cases).toBeUndefined();
  });

  it('reads every kind without falling back to JSON for a plain field', () => {
    for (const type of TYPES)
      for (const f of formOf(type).fields)
        if (f.name === 'name' || f.name === 'description')
          expect([type.kind, f.kind]).toEqual([type.kind, 'text']);
  });

  it('labels fields as people write them', () => {
    expect(labelOf('hoursOfOperation')).toBe('Hours of operation');
    expect(labelOf('ssml')).toBe('SSML');
    expect(labelOf('outboundCallerIdName')).toBe('Outbound caller ID name');
    expect(labelOf('arn')).toBe('ARN');
  });
});
