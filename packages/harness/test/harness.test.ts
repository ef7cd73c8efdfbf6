import { type AriClient, ManualClock } from '@parley/ari';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Harness } from '../src/harness.js';
import { openSimulatedTelephony, type SimulatedTelephony } from '../src/simulated.js';

// The harness on ari-sim in-process, on a hand-driven clock: no sockets, no waiting.
let clock: ManualClock;
let telephony: SimulatedTelephony;
let runtime: AriClient;
let harness: Harness;

beforeEach(async () => {
  clock = new ManualClock();
  telephony = await openSimulatedTelephony(clock);
  ({ runtimeAri: runtime, harness } = telephony);
});
afterEach(() => telephony.close());

async function inbound(number = '18005550100') {
  const arrived = runtime.waitFor('StasisStart', (e) => e.args[0] === 'inbound');
  const call = await harness.call(number);
  await clock.advance(10);
  const start = await arrived;
  return { call, start };
}

async function dial(ext: string, timeout = 20) {
  const channelId = runtime.newId('agent');
  const statuses: string[] = [];
  runtime.on('Dial', (e) => {
    if (e.peer.id === channelId) statuses.push(e.dialstatus);
  });
  const destroyed = runtime.waitFor('ChannelDestroyed', (e) => e.channel.id === channelId);
  const answered = runtime.waitFor('StasisStart', (e) => e.channel.id === channelId);
  destroyed.catch(() => {});
  answered.catch(() => {});
  await runtime.channels.originate({
    endpoint: `Local/${ext}@test-agents/n`,
    app: 'parley',
    channelId,
    otherChannelId: `${channelId}-ph`,
    timeout,
  });
  return { channelId, statuses, destroyed, answered };
}

describe('the caller', () => {
  it('reaches the runtime app with the dialled number and is answered when the runtime answers', async () => {
    const { call, start } = await inbound('18005550100');
    expect(start.args).toEqual(['inbound', '18005550100']);
    expect(start.channel.id).toBe(call.runtimeChannelId);
    await runtime.channels.answer({ channelId: call.runtimeChannelId });
    const answered = call.answered();
    await clock.advance(10);
    await answered;
    expect(call.inStasis).toBe(true);
  });

  it('hears a prompt as audio and then silence when it ends', async () => {
    const { call } = await inbound();
    await runtime.channels.answer({ channelId: call.runtimeChannelId });
    const answered = call.answered();
    await clock.advance(10);
    await answered;
    await runtime.channels.playWithId({
      channelId: call.runtimeChannelId,
      playbackId: 'pb',
      media: ['sound:vm-goodbye'],
    });
    await clock.advance(300);
    expect(call.talking).toBe(true);
    expect(call.prompts).toEqual(['pb']);
    await clock.advance(1000);
    expect(call.prompts).toEqual([]);
    await expect(call.waitForSilence({ timeoutMs: 1 })).resolves.toBeUndefined();
  });

  it('collects the digits the runtime sends it', async () => {
    const { call } = await inbound();
    await runtime.channels.answer({ channelId: call.runtimeChannelId });
    const answered = call.answered();
    await clock.advance(10);
    await answered;
    await runtime.channels.sendDTMF({ channelId: call.runtimeChannelId, dtmf: '42#', between: 100 });
    await clock.advance(1000);
    expect(call.digitsHeard).toBe('42#');
  });

  it('speaks to the runtime as a ParleySpeech user event about the runtime half of the call', async () => {
    const { call } = await inbound();
    await runtime.channels.answer({ channelId: call.runtimeChannelId });
    await clock.advance(10);
    const heard = runtime.waitFor('ChannelUserevent');
    await call.say('I want to pay my bill');
    await clock.advance(10);
    expect(await heard).toMatchObject({
      eventname: 'ParleySpeech',
      userevent: { text: 'I want to pay my bill' },
      channel: { id: call.runtimeChannelId },
    });
  });

  it('notices the runtime hanging up, with the cause', async () => {
    const { call } = await inbound();
    await runtime.channels.answer({ channelId: call.runtimeChannelId });
    await clock.advance(10);
    await runtime.channels.hangup({ channelId: call.runtimeChannelId, reason: 'normal' });
    await clock.advance(10);
    expect(call.hungUp).toBe(true);
    expect(call.cause).toBe(16);
  });
});

describe('phones', () => {
  it('ring, then answer after the configured ring time', async () => {
    harness.phone('agent', '1001', { answer: { ringMs: 500 } });
    const leg = await dial('1001');
    await clock.advance(100);
    expect(leg.statuses).toEqual(['', 'RINGING']);
    await clock.advance(500);
    await leg.answered;
    expect(leg.statuses).toEqual(['', 'RINGING', 'ANSWER']);
    const phone = await harness.incoming('agent', '1001');
    await expect(phone.waitForAnswer({ timeoutMs: 1 })).resolves.toBeUndefined();
    expect(phone.failure).toBeUndefined();
  });

  it('refuse as busy, which the runtime sees as BUSY and cause 17', async () => {
    harness.phone('agent', '1002', { reject: 'busy' });
    const leg = await dial('1002');
    await clock.advance(100);
    expect((await leg.destroyed).cause).toBe(17);
    expect(leg.statuses).toContain('BUSY');
  });

  it('that ignore the call let the dial time out with cause 19', async () => {
    harness.phone('agent', '1003', 'ignore');
    const leg = await dial('1003', 4);
    await clock.advance(3900);
    expect(leg.statuses).toEqual(['', 'RINGING']);
    await clock.advance(200);
    expect((await leg.destroyed).cause).toBe(19);
  });

  it('wait for a call that has not arrived yet, and time out when none comes', async () => {
    const later = harness.incoming('pstn', '15557770000', 1000);
    const never = expect(harness.incoming('pstn', '15550000000', 1000)).rejects.toThrow(
      /no call reached pstn:15550000000/,
    );
    await runtime.channels.originate({
      endpoint: 'Local/15557770000@test-pstn/n',
      app: 'parley',
      channelId: 'p1',
    });
    await clock.advance(10);
    await expect(later).resolves.toMatchObject({ kind: 'pstn', ext: '15557770000' });
    await clock.advance(1000);
    await never;
  });
});
