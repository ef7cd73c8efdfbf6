import { createAriClient, httpTransport } from '@parley/ari';
import { afterEach, beforeEach, describe, expect, it, type TestContext } from 'vitest';
import { type SimControl, simControl } from '../src/sim-control.js';
import { openSession, type Session } from './support/session.js';

// The telephony's own faults, as the harness meets them. The runtime under the same faults is in
// runtime/e2e/faults.e2e.test.ts; both need ari-sim's controls and skip against a real Asterisk.
let s: Session;
let control: SimControl | undefined;
beforeEach(async () => {
  s = await openSession();
  control = simControl(s.target);
});
afterEach(async () => {
  await control?.clear();
  await s.close();
});

function sim(ctx: TestContext): SimControl {
  if (!control) ctx.skip('needs ari-sim fault controls; a real Asterisk (PARLEY_TEST_ARI_URL) has none');
  return control as SimControl;
}

describe('telephony faults seen over ARI', () => {
  it('answer a 5xx to a plain client, while a client that repeats safe operations gets through', async (ctx) => {
    const faults = sim(ctx);
    const call = await s.answeredCall('18005550130');
    await faults.fail({
      operation: 'channels.get',
      user: s.target.username,
      times: 2,
      fault: { status: 503 },
    });
    await expect(s.runtime.ari.channels.get({ channelId: call.runtimeChannelId })).rejects.toMatchObject({
      status: 503,
    });
    const repeating = createAriClient({
      transport: httpTransport({
        url: s.target.url,
        username: s.target.username,
        password: s.target.password,
      }),
      app: 'parley-probe',
      retry: { attempts: 3, delayMs: 10 },
    });
    await expect(repeating.channels.get({ channelId: call.runtimeChannelId })).resolves.toMatchObject({
      id: call.runtimeChannelId,
    });
    expect(await faults.pending()).toEqual([]);
    await call.hangup();
  });

  it('lose every call to an Asterisk restart; both apps reconnect and the next call goes through', async (ctx) => {
    const faults = sim(ctx);
    await s.answeredCall('18005550130');
    const back = (ari: Session['harness']['ari']) =>
      new Promise<void>((resolve) => {
        const off = ari.onLifecycle((e) => {
          if (e.type !== 'reconnected') return;
          off();
          resolve();
        });
      });
    const reconnected = Promise.all([back(s.runtime.ari), back(s.harness.ari)]);
    await faults.restart(200);
    await reconnected;
    expect(await s.runtime.ari.channels.list()).toEqual([]);
    expect((await s.runtime.ari.resync()).channels).toEqual([]);
    const next = await s.answeredCall('18005550130');
    expect(next.inStasis).toBe(true);
    await next.hangup();
  });
});
