import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppTap, answeredInbound, type Bench, bench, eventsOf, inbound } from './support/sim.js';

let b: Bench;
beforeEach(async () => {
  b = await bench();
});
afterEach(() => b.close());

describe('events websockets', () => {
  it('send nothing on connect', async () => {
    await b.advance(0);
    expect(b.parley.events).toEqual([]);
  });

  it('keep a call alive and controllable while its app is disconnected, losing the events meanwhile', async () => {
    await answeredInbound(b);
    b.parley.disconnect();
    await b.harness.call('POST', '/channels/s01-caller/dtmf', { dtmf: '7' });
    await b.advance(1000);
    expect((await b.harness.call('GET', '/applications/parley')).json).toMatchObject({
      name: 'parley',
      channel_ids: ['s01-flow'],
    });
    expect(eventsOf(b.harness, 'ChannelDtmfReceived')).toHaveLength(1);
    await b.parley.connect();
    b.parley.clear();
    await b.advance(0);
    expect(b.parley.events).toEqual([]);
    expect(
      (await b.parley.call('POST', '/channels/s01-flow/play/p', { media: ['sound:vm-goodbye'] })).status,
    ).toBe(201);
    await b.advance(0);
    expect(b.parley.types()).toEqual(['PlaybackStarted']);
  });

  it('replace an older socket for the same app: it gets ApplicationReplaced and nothing more', async () => {
    await answeredInbound(b);
    const second = new AppTap('parley', b.sim.transport({ username: 'parley', password: 'parley' }));
    await second.connect();
    await b.advance(0);
    expect(b.parley.events.at(-1)).toMatchObject({ type: 'ApplicationReplaced', application: 'parley' });
    const before = b.parley.events.length;
    await b.harness.call('POST', '/channels/s01-caller/dtmf', { dtmf: '9' });
    await b.advance(300);
    expect(b.parley.events).toHaveLength(before);
    expect(second.types()).toEqual(['ChannelDtmfReceived']);
    b.parley.disconnect();
    await b.harness.call('POST', '/channels/s01-caller/dtmf', { dtmf: '8' });
    await b.advance(300);
    expect(second.types()).toEqual(['ChannelDtmfReceived', 'ChannelDtmfReceived']);
  });

  it('make a new call into an unregistered app fail at once', async () => {
    b.parley.disconnect();
    await inbound(b, 's12c');
    expect(eventsOf(b.harness, 'ChannelVarset', 's12c-flow').map((e) => e.value)).toEqual(['', 'FAILED']);
    expect(eventsOf(b.harness, 'ChannelDestroyed').map((e) => e.cause)).toEqual([16, 16]);
  });

  it('list apps with their channels, and forget an app with nothing left once it disconnects', async () => {
    expect((await b.parley.call('GET', '/applications')).json).toEqual([
      expect.objectContaining({ name: 'parley', channel_ids: [] }),
      expect.objectContaining({ name: 'harness', channel_ids: [] }),
    ]);
    b.parley.disconnect();
    await b.advance(0);
    expect(await b.harness.call('GET', '/applications/parley')).toMatchObject({
      status: 404,
      json: { message: 'Application not found' },
    });
  });

  it('filter an app’s events by type', async () => {
    await b.parley.call('PUT', '/applications/parley/eventFilter', { allowed: [{ type: 'StasisStart' }] });
    await answeredInbound(b);
    expect(b.parley.types()).toEqual(['StasisStart']);
  });
});
