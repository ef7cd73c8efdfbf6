import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { sampleContext as testContext } from '../testcall/sample.js';
import { ReplayPanel } from './ReplayPanel.js';
import type { ReplayControls } from './useReplay.js';

const FLOW = 'arn:flow';
const replay = (over: Partial<ReplayControls> = {}): ReplayControls => ({
  flowArn: FLOW,
  contacts: [
    {
      contactId: 'abcdef0123456789',
      initialContactId: null,
      initiationTimestamp: '2025-01-01T10:00:00Z',
      disconnectTimestamp: null,
    },
  ],
  refresh: () => {},
  contactId: undefined,
  pick: () => {},
  entries: [],
  index: 0,
  go: () => {},
  playing: false,
  setPlaying: () => {},
  error: undefined,
  ...over,
});
const render = (over: Partial<ReplayControls> = {}) =>
  renderToStaticMarkup(<ReplayPanel context={testContext()} replay={replay(over)} />);

describe('ReplayPanel', () => {
  it('lists the flow’s past contacts to pick from', () => {
    const html = render();
    expect(html).toContain('Pick a contact…');
    expect(html).toContain('2025-01-01 10:00:00 · abcdef01');
    expect(html).not.toContain('Previous');
  });

  it('steps through a picked contact’s entries, showing the current one in full', () => {
    const html = render({
      contactId: 'abcdef0123456789',
      entries: [
        { Identifier: 'menu', ContactFlowId: FLOW, ContactFlowModuleType: 'GetUserInput', Results: '1' },
        { Identifier: 'bye', ContactFlowId: FLOW, ContactFlowModuleType: 'Disconnect' },
      ],
      index: 1,
    });
    expect(html).toContain('Step 2 of 2');
    expect(html).toMatch(/<button type="button">Previous<\/button>/);
    expect(html).toMatch(/<button type="button" disabled="">Next<\/button>/);
    expect(html).toContain('type="range"');
    expect(html).toContain('aria-label="Flow-log entry"');
    expect(html).toMatch(/<li data-block="bye" aria-current="step">/);
  });

  it('says when there is nothing to replay yet', () => {
    expect(render({ contacts: [] })).toContain('No contact of this flow yet');
  });
});
