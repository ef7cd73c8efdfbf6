import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSession, type Session } from './support/session.js';

let s: Session;
beforeEach(async () => {
  s = await openSession();
});
afterEach(async () => {
  await s.close();
});

describe('calls in', () => {
  it('delivers an inbound call to the runtime app with the dialled number and the caller id', async () => {
    const call = await s.harness.call('18005550100', { callerId: '"Ada" <+15550001111>' });
    const start = await s.runtime.nextInbound();
    expect(start.args).toEqual(['inbound', '18005550100']);
    expect(start.channel.id).toBe(call.runtimeChannelId);
    expect(start.channel.state).toBe('Ring');
    expect(start.channel.caller).toMatchObject({ name: 'Ada', number: '+15550001111' });
    expect(start.channel.dialplan.exten).toBe('18005550100');

    await s.runtime.ari.channels.answer({ channelId: call.runtimeChannelId });
    await call.answered();
    expect(call.inStasis).toBe(true);
    await call.hangup();
  });

  it('tells the runtime when the caller hangs up', async () => {
    const call = await s.harness.call('18005550101');
    const start = await s.runtime.nextInbound();
    const ended = s.runtime.ari.waitFor('StasisEnd', (e) => e.channel.id === start.channel.id, {
      timeoutMs: 10_000,
    });
    await s.runtime.ari.channels.answer({ channelId: start.channel.id });
    await call.answered();
    await call.hangup();
    await expect(ended).resolves.toMatchObject({ channel: { id: call.runtimeChannelId } });
  });

  it('tells the caller when the runtime hangs up, with normal clearing', async () => {
    const call = await s.answeredCall('18005550102');
    await s.runtime.ari.channels.hangup({ channelId: call.runtimeChannelId, reason: 'normal' });
    await call.waitForHangup();
    expect(call.cause).toBe(16);
  });
});

describe('calls out', () => {
  it('reaches an agent phone that rings and answers', async () => {
    s.harness.phone('agent', '1001', { answer: { ringMs: 300 } });
    const dial = await s.runtime.dial('agent', '1001');
    const phone = await s.harness.incoming('agent', '1001');
    const answered = await dial.answered;
    expect(answered.args).toEqual(['agent']);
    expect(dial.statuses).toEqual(['', 'RINGING', 'ANSWER']);
    await phone.waitForAnswer();
    await s.runtime.ari.channels.hangup({ channelId: dial.channelId });
    await phone.waitForHangup();
  });

  it('sees a busy external number as BUSY with cause 17', async () => {
    s.harness.phone('pstn', '15557770000', { reject: 'busy' });
    const dial = await s.runtime.dial('pstn', '15557770000');
    const destroyed = await dial.destroyed;
    expect(destroyed.cause).toBe(17);
    expect(dial.statuses).toContain('BUSY');
  });

  it('gives up on a phone that never answers when the dial timeout expires, with cause 19', async () => {
    s.harness.phone('agent', '1002', 'ignore');
    const dial = await s.runtime.dial('agent', '1002', 2);
    const destroyed = await dial.destroyed;
    expect(destroyed.cause).toBe(19);
    expect(dial.statuses).not.toContain('ANSWER');
    await expect(s.runtime.ari.channels.get({ channelId: dial.channelId })).rejects.toMatchObject({
      status: 404,
    });
  });
});
