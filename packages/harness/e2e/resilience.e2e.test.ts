import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSession, type Session } from './support/session.js';

let s: Session;
beforeEach(async () => {
  s = await openSession();
});
afterEach(async () => {
  await s.close();
});

describe('a dropped events socket', () => {
  it('reconnects, finds its calls again and keeps controlling them', async () => {
    const call = await s.answeredCall('18005550130');

    const reconnected = new Promise<void>((resolve) => {
      const off = s.runtime.ari.onLifecycle((state) => {
        if (state.type === 'reconnected') {
          off();
          resolve();
        }
      });
    });
    expect(await s.dropRuntimeSocket()).toBe(1);
    await reconnected;

    // The call stayed up in Asterisk and is still the app's.
    const state = await s.runtime.ari.resync();
    expect(state.channels.map((c) => c.id)).toContain(call.runtimeChannelId);
    expect(call.hungUp).toBe(false);

    // Control and events work again: a prompt plays and a key press arrives.
    const play = await s.runtime.play(call.runtimeChannelId, ['sound:vm-goodbye']);
    await expect(play.finished).resolves.toMatchObject({ playback: { state: 'done' } });
    const digit = s.runtime.ari.waitFor(
      'ChannelDtmfReceived',
      (e) => e.channel.id === call.runtimeChannelId,
      {
        timeoutMs: 10_000,
      },
    );
    await call.press('7');
    expect((await digit).digit).toBe('7');
    await call.hangup();
  });
});
