import { describe, expect, it } from 'vitest';
import { columnsOf } from './columns.js';
import { formOf } from './schemaForm.js';
import { typeAt } from './test-types.js';

describe('resource table columns', () => {
  it('shows a queue’s hours by name', () => {
    const refs = { 'hours-of-operation': [{ id: 'h-1', arn: 'arn:h', name: 'Always open' }] };
    const columns = columnsOf(formOf(typeAt('queues')), refs);
    const entry = { id: 'q', arn: 'arn:q', name: 'Billing', hoursOfOperation: 'h-1', maxContacts: 50 };
    expect(Object.fromEntries(columns.map((c) => [c.label, c.cell(entry)]))).toMatchObject({
      'Hours of operation': 'Always open',
      'Max contacts': '50',
    });
  });

  it('sums up a weekly schedule and says which source a prompt has', () => {
    const hours = columnsOf(formOf(typeAt('hours-of-operation')), {});
    const monday = { Day: 'MONDAY', StartTime: { Hours: 9, Minutes: 0 }, EndTime: { Hours: 17, Minutes: 0 } };
    const cells = (e: object) => hours.map((c) => c.cell({ id: 'h', arn: 'a', name: 'n', ...e }));
    expect(cells({ timeZone: 'UTC', config: [monday] })).toEqual(['UTC', 'MONDAY 09:00–17:00']);
    expect(cells({ timeZone: 'UTC', config: [] })).toEqual(['UTC', 'Closed']);
    const prompts = columnsOf(formOf(typeAt('prompts')), {});
    const source = prompts.find((c) => c.key === 'source');
    expect(source?.cell({ id: 'p', arn: 'a', name: 'Beep', file: 'beep' })).toBe('File: beep');
  });

  it('shows a quick connect’s type, then what its type uses, by name', () => {
    const refs = {
      queues: [{ id: 'q-1', arn: 'arn:q', name: 'Billing' }],
      flows: [{ id: 'f-1', arn: 'arn:f', name: 'Billing transfer', type: 'QUEUE_TRANSFER' }],
    };
    const columns = columnsOf(formOf(typeAt('quick-connects')), refs);
    expect(columns.map((c) => c.label)).toEqual(['Type', 'Target']);
    const row = (e: object) => columns.map((c) => c.cell({ id: 'qc', arn: 'arn:qc', name: 'n', ...e }));
    expect(row({ type: 'QUEUE', queue: 'q-1', flow: 'f-1' })).toEqual([
      'QUEUE',
      'Queue: Billing, Flow: Billing transfer',
    ]);
    expect(row({ type: 'PHONE_NUMBER', phoneNumber: '+15550100123' })).toEqual([
      'PHONE_NUMBER',
      'Phone number: +15550100123',
    ]);
  });
});
