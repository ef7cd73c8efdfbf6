import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { AgentPanel } from './AgentPanel.js';
import { NOW, quickConnects, sampleAgent } from './sample.js';
import { type PanelState, START } from './state.js';
import type { ContactState } from './types.js';
import type { AgentActions } from './useAgentPanel.js';

const none = () => {};
const actions: AgentActions = {
  setStatus: none,
  accept: none,
  reject: none,
  clear: none,
  participant: none,
  transfer: none,
  conference: none,
  swap: none,
  holdAll: none,
};
const render = (options: { status?: string; contact?: ContactState } = {}, over: Partial<PanelState> = {}) =>
  renderToStaticMarkup(
    <AgentPanel
      state={{ ...START, phase: 'ready', agent: sampleAgent(options), live: true, ...over }}
      quickConnects={quickConnects}
      now={NOW}
      actions={actions}
    />,
  );

describe('AgentPanel', () => {
  it('an Available agent waits for contacts, with quick connects and the dial pad to call out', () => {
    const html = render();
    expect(html).toContain('data-activity="idle"');
    expect(html).toContain('Waiting for contacts');
    expect(html).toContain('aria-label="Call out"');
    expect(html).toContain('>Live</span>');
  });

  it('an Offline or custom status says no contacts are routed', () => {
    expect(render({ status: 'Break' })).toContain('Break: no contacts are routed to you.');
  });

  it('shows the offer while it rings, the call once connected and ACW once ended', () => {
    expect(render({ contact: 'INCOMING' })).toContain('aria-label="Incoming contact"');
    const call = render({ contact: 'CONNECTED' });
    expect(call).toContain('aria-label="Call"');
    expect(call).toContain('aria-label="Transfer"');
    const acw = render({ contact: 'ENDED' });
    expect(acw).toContain('aria-label="After contact work"');
    expect(acw).not.toContain('Dial pad');
  });

  it('says when an offer was missed', () => {
    expect(render({ contact: 'MISSED' })).toContain('Missed contact');
  });

  it('shows a refusal with its code and disables the buttons while an action runs', () => {
    const html = render(
      { contact: 'INCOMING' },
      { pending: 'accept', error: { code: 'AGENT_NOT_ALLOWED', message: 'nothing offered' } },
    );
    expect(html).toContain('AGENT_NOT_ALLOWED: nothing offered');
    expect(html).toMatch(/class="agent-accept" disabled=""/);
  });
});
