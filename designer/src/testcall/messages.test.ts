import { describe, expect, it } from 'vitest';
import { type CallView, duration, IDLE, pathOf, reduceCall, type TestCallMessage } from './messages.js';

const FLOW = 'arn:aws:connect:us-east-1:1:instance/i/contact-flow/f';
const run = (...messages: TestCallMessage[]): CallView =>
  messages.reduce(
    (view, message) => reduceCall(view, { kind: 'message', message }),
    reduceCall(reduceCall(IDLE, { kind: 'placing' }), { kind: 'placed', id: 'c1', flowArn: FLOW }),
  );
const step = (identifier: string, next: string | null, flowArn = FLOW): TestCallMessage => ({
  type: 'step',
  identifier,
  blockType: 'X',
  flowArn,
  branch: null,
  next,
});

describe('a test call folded from its messages', () => {
  it('runs from ringing to in call to ended, keeping why and how long', () => {
    const view = run(
      { type: 'state', state: 'ringing', at: 't' },
      { type: 'state', state: 'in-call', at: 't' },
      { type: 'state', state: 'ended', at: 't', reason: 'hung up', durationMs: 65_000 },
    );
    expect(view).toMatchObject({ state: 'ended', reason: 'hung up', durationMs: 65_000 });
    expect(duration(65_000)).toBe('1:05');
  });

  it('follows the running block of this flow: the start, then each step’s next', () => {
    const started = run({ type: 'contact', contactId: 'k', flowArn: FLOW, startAction: 'menu' });
    expect(pathOf(started)).toEqual(['menu']);
    const later = [
      step('menu', 'sales'),
      step('elsewhere', 'x', `${FLOW}-other`),
      step('sales', 'bye'),
    ].reduce((v, message) => reduceCall(v, { kind: 'message', message }), started);
    expect(later.visited).toEqual(['menu', 'sales']);
    expect(pathOf(later)).toEqual(['menu', 'sales', 'bye']);
    const ended = reduceCall(later, { kind: 'message', message: { type: 'state', state: 'ended', at: 't' } });
    expect(pathOf(ended)).toEqual(['menu', 'sales']);
  });

  it('keeps prompts, the caller’s keys and the flow’s events as one transcript, and the latest attributes', () => {
    let view = run(
      { type: 'prompt', identifier: 'menu', text: 'Press 1', audio: '/api/a/0' },
      { type: 'attributes', attributes: { dept: 'sales' } },
    );
    view = reduceCall(view, { kind: 'caller', text: 'Pressed 1' });
    view = reduceCall(view, {
      kind: 'message',
      message: { type: 'transcript', entry: { kind: 'input', identifier: 'menu', digits: '1', ended: 'x' } },
    });
    expect(view.transcript).toEqual([
      { kind: 'prompt', identifier: 'menu', text: 'Press 1', audio: '/api/a/0' },
      { kind: 'caller', text: 'Pressed 1' },
      { kind: 'event', identifier: 'menu', text: 'Keys taken: 1' },
    ]);
    expect(view.attributes).toEqual({ dept: 'sales' });
  });

  it('ends a live call whose socket was lost, and leaves an ended one as it was', () => {
    const live = run({ type: 'state', state: 'in-call', at: 't' });
    expect(reduceCall(live, { kind: 'lost' })).toMatchObject({ state: 'ended', reason: expect.any(String) });
    const ended = run({ type: 'state', state: 'ended', at: 't', reason: 'hung up' });
    expect(reduceCall(ended, { kind: 'lost' }).reason).toBe('hung up');
  });

  it('shows a refused draft’s problems until the next call', () => {
    const refused = reduceCall(IDLE, {
      kind: 'refused',
      error: 'the draft has 1 problem(s)',
      problems: [
        { code: 'TRANSITION_TARGET_DANGLING', severity: 'error', message: 'goes nowhere', actionId: 'a' },
      ],
    });
    expect(refused).toMatchObject({ state: 'idle', problems: [{ code: 'TRANSITION_TARGET_DANGLING' }] });
    expect(reduceCall(refused, { kind: 'placing' }).problems).toBeUndefined();
  });
});
