import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Api } from '../app/api.js';
import { ReplayTab, TestCallTab } from './panels.js';
import { sampleContext as testContext } from './sample.js';

// Rendering to markup runs no effects: nothing is requested, only the first frame is drawn.
const api = { socket: () => ({}) as WebSocket } as unknown as Api;
const props = { api, instance: 'demo', flowId: 'f', context: testContext(), ended: new EventTarget() };

describe('the test call and replay tabs', () => {
  it('open on a call button and an empty contact picker', () => {
    expect(renderToStaticMarkup(<TestCallTab {...props} />)).toContain('>Call</button>');
    expect(renderToStaticMarkup(<ReplayTab {...props} />)).toContain('No contact of this flow yet');
  });
});
