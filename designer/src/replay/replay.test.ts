import { describe, expect, it } from 'vitest';
import type { LogEntry } from '../testcall/messages.js';
import { blockAt, contactLabel, pathUpTo } from './replay.js';

const FLOW = 'arn:flow/main';
const entry = (Identifier: string, extra: Partial<LogEntry> = {}): LogEntry => ({
  Identifier,
  ContactFlowId: FLOW,
  ContactFlowModuleType: 'PlayPrompt',
  Timestamp: '2025-01-01T00:00:00.000Z',
  ...extra,
});

describe('replaying a contact’s flow log', () => {
  const entries = [
    entry('menu', { ContactFlowModuleType: 'GetUserInput' }),
    entry('set', { ContactFlowModuleType: 'SetAttributes' }),
    entry('set', { ContactFlowModuleType: 'SetAttributes' }),
    entry('module-block', { ContactFlowId: 'arn:flow/module' }),
    entry('sales'),
    entry('menu', { ContactFlowModuleType: 'GetUserInput', Timestamp: '2025-01-01T00:00:05.000Z' }),
  ];

  it('draws the path of this flow up to the current entry, one step per block run', () => {
    expect(pathUpTo(entries, 0, FLOW)).toEqual(['menu']);
    expect(pathUpTo(entries, 2, FLOW)).toEqual(['menu', 'set']);
    expect(pathUpTo(entries, 5, FLOW)).toEqual(['menu', 'set', 'sales', 'menu']);
  });

  it('names the current block only when it is on this canvas', () => {
    expect(blockAt(entries, 4, FLOW)).toBe('sales');
    expect(blockAt(entries, 3, FLOW)).toBeUndefined();
    expect(blockAt(entries, 9, FLOW)).toBeUndefined();
  });

  it('labels a contact by when it started and its ID', () => {
    expect(
      contactLabel({
        contactId: '0123456789abcdef',
        initialContactId: null,
        initiationTimestamp: '2025-01-01T10:20:30Z',
        disconnectTimestamp: null,
      }),
    ).toBe('2025-01-01 10:20:30 · 01234567');
  });
});
