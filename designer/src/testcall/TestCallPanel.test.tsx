import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { type CallView, IDLE } from './messages.js';
import { sampleContext as testContext } from './sample.js';
import { TestCallPanel } from './TestCallPanel.js';
import type { TestCallControls } from './useTestCall.js';

const controls = (view: CallView, over: Partial<TestCallControls> = {}): TestCallControls => ({
  view,
  call: () => {},
  dtmf: () => {},
  say: () => {},
  hangup: () => {},
  clear: () => {},
  audio: new Map([['/api/a/0', 'blob:prompt']]),
  available: true,
  ...over,
});
const render = (view: CallView, over: Partial<TestCallControls> = {}) =>
  renderToStaticMarkup(<TestCallPanel context={testContext()} controls={controls(view, over)} />);

const inCall: CallView = {
  ...IDLE,
  state: 'in-call',
  visited: ['menu'],
  transcript: [
    {
      kind: 'prompt',
      identifier: 'menu',
      text: 'Press 1 for sales',
      ssml: '<speak>Press 1</speak>',
      audio: '/api/a/0',
    },
    { kind: 'caller', text: 'Pressed 1' },
  ],
  attributes: { dept: 'sales' },
  logs: [{ Identifier: 'menu', ContactFlowModuleType: 'GetUserInput', Results: '1' }],
};

describe('TestCallPanel', () => {
  it('offers a call before there is one', () => {
    const html = render(IDLE);
    expect(html).toContain('>Call</button>');
    expect(html).toContain('No call yet');
    expect(html).toContain('Caller number');
  });

  it('shows a live call: status, transcript with SSML, the prompt’s audio, keys, attributes and logs', () => {
    const html = render(inCall);
    expect(html).toContain('>Hang up</button>');
    expect(html).toMatch(/data-state="in-call">In call</);
    expect(html).toContain('Main menu:</span> Press 1 for sales');
    expect(html).toContain('&lt;speak&gt;Press 1&lt;/speak&gt;');
    expect(html).toMatch(/<audio src="blob:prompt" controls="" autoPlay=""/);
    expect(html).toContain('aria-label="Press 5"');
    expect(html).toContain('<td>dept</td><td>sales</td>');
    expect(html).toContain('GetUserInput');
    expect(html).not.toMatch(/aria-label="Press 5" disabled/);
  });

  it('has a box to say words to a bot, usable only while the call is answered', () => {
    const sayBox = (html: string) => /<form class="testcall-say">.*?<\/form>/.exec(html)?.[0] ?? '';
    const live = sayBox(render(inCall));
    expect(live).toContain('aria-label="Say to the bot"');
    expect(live).toContain('>Say</button>');
    expect(live).not.toContain('disabled');
    for (const state of ['idle', 'ringing', 'ended'] as const)
      expect(sayBox(render({ ...inCall, state })).match(/disabled=""/g)).toHaveLength(2);
  });

  it('tells how an ended call ended and how long it lasted, with a way to clear it', () => {
    const html = render({ ...inCall, state: 'ended', reason: 'hung up', durationMs: 65_000 });
    expect(html).toContain('Ended (hung up) after 1:05');
    expect(html).toContain('>Clear</button>');
    expect(html).toContain('>Call</button>');
  });

  it('lists a refused draft’s problems by code', () => {
    const html = render({
      ...IDLE,
      error: 'the draft has 1 problem(s)',
      problems: [
        { code: 'TRANSITION_TARGET_DANGLING', severity: 'error', message: 'goes nowhere', actionId: 'menu' },
      ],
    });
    expect(html).toContain('role="alert"');
    expect(html).toContain('TRANSITION_TARGET_DANGLING');
  });

  it('says when the API cannot follow calls', () => {
    expect(render(IDLE, { available: false })).toContain('Test calls need the Parley server.');
  });
});
