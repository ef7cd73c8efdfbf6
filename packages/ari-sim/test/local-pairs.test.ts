import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { answeredInbound, at, type Bench, bench, eventsOf, START } from './support/sim.js';

let b: Bench;
beforeEach(async () => {
  b = await bench();
  await answeredInbound(b);
  b.parley.clear();
  b.harness.clear();
});
afterEach(() => b.close());

const elapsed = () => b.clock.now() - START;

describe('a Local pair', () => {
  it('carries DTMF sent to one half to the other, each digit reported at its end', async () => {
    const sent = elapsed();
    await b.harness.call('POST', '/channels/s01-caller/dtmf', { dtmf: '12#', between: 400 });
    const seen: [string, number][] = [];
    for (let i = 0; i < 15; i++) {
      await b.advance(100);
      for (const e of eventsOf(b.parley, 'ChannelDtmfReceived').slice(seen.length))
        seen.push([String(e.digit), elapsed() - sent]);
    }
    // 100 ms of quiet before the first digit, then duration + between per digit.
    expect(seen).toEqual([
      ['1', 200],
      ['2', 700],
      ['#', 1200],
    ]);
    expect(eventsOf(b.parley, 'ChannelDtmfReceived')[0]).toMatchObject({
      duration_ms: 100,
      channel: { id: 's01-flow' },
    });
    expect(eventsOf(b.harness, 'ChannelDtmfReceived')).toHaveLength(3);
    expect(eventsOf(b.harness, 'ChannelDtmfReceived', 's01-caller')).toEqual([]);
  });

  it('honours before, duration and after, holding the sender until they are over', async () => {
    await b.harness.call('POST', '/channels/s01-caller/dtmf', {
      dtmf: '5',
      before: 300,
      duration: 250,
      after: 500,
    });
    await b.harness.call('POST', '/channels/s01-caller/dtmf', { dtmf: '6' });
    await b.advance(649);
    expect(eventsOf(b.parley, 'ChannelDtmfReceived')).toEqual([]);
    await b.advance(1);
    expect(eventsOf(b.parley, 'ChannelDtmfReceived').map((e) => [e.digit, e.duration_ms])).toEqual([
      ['5', 250],
    ]);
    // The first command ends at 300 + 100 + 250 + 100 + 500 = 1250; the second digit 200 ms later.
    await b.advance(799);
    expect(eventsOf(b.parley, 'ChannelDtmfReceived')).toHaveLength(1);
    await b.advance(1);
    expect(eventsOf(b.parley, 'ChannelDtmfReceived').map((e) => e.digit)).toEqual(['5', '6']);
  });

  it('hangs up the other half with the cause of the first', async () => {
    await b.parley.call('DELETE', '/channels/s01-flow?reason=busy');
    await b.advance(0);
    expect(eventsOf(b.harness, 'ChannelHangupRequest', 's01-flow')[0]).toMatchObject({
      cause: 32,
      soft: true,
    });
    expect(eventsOf(b.harness, 'ChannelHangupRequest', 's01-caller')[0]).toEqual(
      expect.objectContaining({ cause: 17 }),
    );
    expect(eventsOf(b.harness, 'ChannelHangupRequest', 's01-caller')[0]).not.toHaveProperty('soft');
    expect(eventsOf(b.harness, 'ChannelDestroyed').map((e) => [at(e, 'channel.id'), e.cause])).toEqual([
      ['s01-flow', 17],
      ['s01-caller', 17],
    ]);
  });

  it('shows the app that entered through the dialplan only its StasisEnd, not the destroy', async () => {
    await b.harness.call('DELETE', '/channels/s01-caller');
    await b.advance(0);
    expect(b.parley.types()).toEqual(['ChannelHangupRequest', 'StasisEnd']);
    expect(eventsOf(b.parley, 'ChannelHangupRequest')[0]).toMatchObject({ cause: 16 });
    expect(b.harness.types('s01-flow')).toEqual([
      'ChannelHangupRequest',
      'ChannelVarset',
      'ChannelHangupRequest',
      'ChannelDestroyed',
    ]);
    expect(eventsOf(b.harness, 'ChannelHangupRequest', 's01-flow')[1]).toMatchObject({
      cause: 16,
      soft: true,
    });
  });

  it('maps every hangup reason to its cause and refuses an unknown one', async () => {
    expect(await b.parley.call('DELETE', '/channels/s01-flow?reason=bogus')).toMatchObject({
      status: 400,
      json: { message: 'Invalid reason for hangup reason provided' },
    });
    expect((await b.parley.call('DELETE', '/channels/s01-flow?reason=failure')).status).toBe(204);
    await b.advance(0);
    expect(eventsOf(b.harness, 'ChannelDestroyed', 's01-caller')[0]).toMatchObject({
      cause: 38,
      cause_txt: 'Network out of order',
    });
  });

  it('accepts a numeric reason_code but not together with a reason', async () => {
    const both = await b.parley.call('DELETE', '/channels/s01-flow?reason=normal&reason_code=21');
    expect(both).toMatchObject({
      status: 400,
      json: { message: "The reason and reason_code can't both be specified" },
    });
    await b.parley.call('DELETE', '/channels/s01-flow?reason_code=21');
    await b.advance(0);
    expect(eventsOf(b.harness, 'ChannelDestroyed', 's01-caller')[0]).toMatchObject({
      cause: 21,
      cause_txt: 'Call Rejected',
    });
  });

  it('continues the runtime half in the dialplan after Stasis', async () => {
    await b.parley.call('POST', '/channels/s01-flow/continue');
    await b.advance(0);
    expect(b.parley.types()).toEqual(['StasisEnd']);
    // from-test priority 3 is Hangup(): the call ends there.
    expect(eventsOf(b.harness, 'ChannelDialplan', 's01-flow').map((e) => e.dialplan_app)).toEqual(['Hangup']);
    expect(b.sim.channels()).toEqual([]);
  });

  it('moves a channel to another app, and refuses an app nobody runs', async () => {
    await b.parley.call('POST', '/channels/s01-flow/move', { app: 'nobody' });
    await b.advance(0);
    expect(eventsOf(b.parley, 'ApplicationMoveFailed')[0]).toMatchObject({
      destination: 'nobody',
      channel: { id: 's01-flow' },
    });
    await b.parley.call('POST', '/channels/s01-flow/move', { app: 'harness', appArgs: 'moved,here' });
    await b.advance(0);
    expect(b.parley.types()).toEqual(['ApplicationMoveFailed', 'StasisEnd']);
    expect(eventsOf(b.harness, 'StasisStart', 's01-flow')[0]).toMatchObject({ args: ['moved', 'here'] });
  });
});
