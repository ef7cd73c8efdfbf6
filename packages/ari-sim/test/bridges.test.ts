import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { agentLeg, answeredInbound, at, type Bench, bench, eventsOf, type Json } from './support/sim.js';

let b: Bench;
beforeEach(async () => {
  b = await bench();
  await answeredInbound(b);
});
afterEach(() => b.close());

async function bridge(id: string, type = 'mixing') {
  const res = await b.parley.call('POST', '/bridges', { type, bridgeId: id });
  return res;
}

async function add(bridgeId: string, channel: string | string[]) {
  const res = await b.parley.call('POST', `/bridges/${bridgeId}/addChannel`, { channel });
  await b.advance(0);
  return res;
}

const bridgeOf = (e: Json) => e.bridge as { id: string; technology: string; channels: string[] };
const peers = (id: string) =>
  eventsOf(b.parley, 'ChannelVarset', id)
    .filter((e) => e.variable === 'BRIDGEPEER')
    .map((e) => String(e.value).replace(/-[0-9a-f]{8};/g, '-N;'));

describe('a mixing bridge', () => {
  it('is created empty as simple_bridge without any event', async () => {
    const res = await bridge('br');
    expect(res.json).toMatchObject({
      id: 'br',
      technology: 'simple_bridge',
      bridge_type: 'mixing',
      bridge_class: 'stasis',
      creator: 'Stasis',
      channels: [],
      video_mode: 'talker',
    });
    expect(eventsOf(b.parley, 'BridgeCreated')).toEqual([]);
  });

  it('switches to softmix at three members, the event snapshots lagging one change behind', async () => {
    await agentLeg(b, 'a1');
    await agentLeg(b, 'a2', { ext: '1002' });
    await agentLeg(b, 'a3', { ext: '1003' });
    await bridge('br');
    b.parley.clear();
    await add('br', ['s01-flow', 'a1']);
    await add('br', 'a2');
    expect((await b.parley.call('GET', '/bridges/br')).json).toMatchObject({ technology: 'softmix' });
    await add('br', 'a3');
    const entered = eventsOf(b.parley, 'ChannelEnteredBridge').map((e) => [
      bridgeOf(e).technology,
      bridgeOf(e).channels.length,
    ]);
    expect(entered).toEqual([
      ['simple_bridge', 1],
      ['simple_bridge', 2],
      ['simple_bridge', 3],
      ['softmix', 4],
    ]);
    await b.parley.call('POST', '/bridges/br/removeChannel', { channel: ['a3'] });
    await b.parley.call('POST', '/bridges/br/removeChannel', { channel: 'a2' });
    await b.parley.call('POST', '/bridges/br/removeChannel', { channel: 'a1' });
    await b.advance(0);
    const left = eventsOf(b.parley, 'ChannelLeftBridge').map((e) => [
      bridgeOf(e).technology,
      bridgeOf(e).channels.length,
    ]);
    expect(left).toEqual([
      ['softmix', 3],
      ['softmix', 2],
      ['simple_bridge', 1],
    ]);
  });

  it('names the other members in BRIDGEPEER and swaps connected lines between two parties only', async () => {
    await agentLeg(b, 'a1');
    await agentLeg(b, 'a2', { ext: '1002' });
    await bridge('br');
    b.parley.clear();
    await add('br', ['s01-flow', 'a1']);
    expect(peers('s01-flow')).toEqual(['Local/1001@test-agents-N;1']);
    expect(
      eventsOf(b.parley, 'ChannelConnectedLine').map((e) => [
        at(e, 'channel.id'),
        at(e, 'channel.connected.number'),
      ]),
    ).toEqual([
      ['a1', '+15550001111'],
      ['s01-flow', '+15550009999'],
    ]);
    await add('br', 'a2');
    // The newcomer that makes the bridge multi-party heads the member list.
    expect(peers('s01-flow').at(-1)).toBe('Local/1002@test-agents-N;1,Local/1001@test-agents-N;1');
    expect(peers('a2')).toEqual(['Local/18005550100@from-test-N;2,Local/1001@test-agents-N;1']);
    expect(eventsOf(b.parley, 'ChannelConnectedLine')).toHaveLength(2);
  });

  it('moves a channel from one bridge to another: left, then entered', async () => {
    await bridge('b1');
    await bridge('b2', 'holding');
    await add('b1', 's01-flow');
    b.parley.clear();
    await add('b2', 's01-flow');
    expect(b.parley.types()).toEqual(['ChannelLeftBridge', 'ChannelEnteredBridge']);
    expect(bridgeOf(eventsOf(b.parley, 'ChannelEnteredBridge')[0] as Json)).toMatchObject({
      id: 'b2',
      technology: 'holding_bridge',
    });
  });

  it('refuses members it cannot take and removals of strangers', async () => {
    await bridge('br');
    expect(await add('br', 'nope')).toMatchObject({ status: 400, json: { message: 'Channel not found' } });
    expect(await add('br', ['s01-flow', 'nope'])).toMatchObject({
      status: 400,
      json: { message: 'Channel not found' },
    });
    expect(await add('nope', 's01-flow')).toMatchObject({
      status: 404,
      json: { message: 'Bridge not found' },
    });
    expect(await b.parley.call('POST', '/bridges/br/addChannel', {})).toMatchObject({
      status: 400,
      json: { message: 'Missing parameter channel' },
    });
    expect(await b.parley.call('POST', '/bridges/br/removeChannel', { channel: 's01-flow' })).toMatchObject({
      status: 422,
      json: { message: 'Channel not in this bridge' },
    });
    expect(b.sim.bridges()[0]?.channels).toEqual([]);
  });

  it('fails to create duplicates, unknown types and holding+mixing alike', async () => {
    await bridge('br');
    for (const body of [
      { bridgeId: 'br' },
      { type: 'bogus', bridgeId: 'x' },
      { type: 'holding,mixing', bridgeId: 'y' },
    ]) {
      expect(await b.parley.call('POST', '/bridges', body)).toMatchObject({
        status: 500,
        json: { message: `Unable to create bridge. Possible duplicate bridge id '${body.bridgeId}'` },
      });
    }
    expect((await bridge('z', 'dtmf_events,mixing')).json).toMatchObject({
      technology: 'simple_bridge',
      bridge_type: 'mixing',
    });
  });
});

describe('bridge lifecycle events', () => {
  it('sends no BridgeDestroyed for a bridge the app has left, but does after its member hung up in it', async () => {
    await bridge('x');
    await add('x', 's01-flow');
    await b.parley.call('DELETE', '/bridges/x');
    await b.advance(0);
    expect(b.parley.types().slice(-1)).toEqual(['ChannelLeftBridge']);
    expect(b.sim.channel('s01-flow')).toMatchObject({ state: 'Up' });
    await bridge('v');
    await add('v', 's01-flow');
    await b.harness.call('DELETE', '/channels/s01-caller');
    await b.advance(0);
    await b.parley.call('DELETE', '/bridges/v');
    expect(b.parley.types().slice(-1)).toEqual(['BridgeDestroyed']);
  });

  it('delivers BridgeDestroyed to an app that subscribed explicitly', async () => {
    await bridge('w');
    const sub = await b.parley.call('POST', '/applications/parley/subscription?eventSource=bridge:w');
    expect(sub.json).toMatchObject({ name: 'parley', bridge_ids: ['w'], channel_ids: ['s01-flow'] });
    await b.parley.call('DELETE', '/bridges/w');
    expect(b.parley.types().slice(-1)).toEqual(['BridgeDestroyed']);
  });

  it("sends a channel's bridge events to its own app whoever added it", async () => {
    await bridge('br');
    b.harness.clear();
    b.parley.clear();
    expect((await add('br', 's01-caller')).status).toBe(204);
    expect(b.harness.types()).toEqual(['ChannelEnteredBridge']);
    expect(b.parley.types()).toEqual([]);
  });
});

describe('bridge media', () => {
  it('plays to the bridge through an invisible announcer, events to the bridge subscribers', async () => {
    await bridge('br');
    await add('br', 's01-flow');
    b.parley.clear();
    b.harness.clear();
    const res = await b.parley.call('POST', '/bridges/br/play/bp1', { media: ['sound:vm-goodbye'] });
    expect(res).toMatchObject({ status: 201, json: { target_uri: 'bridge:br', state: 'queued' } });
    await b.advance(865);
    expect(b.parley.types()).toEqual([
      'ChannelVarset',
      'ChannelConnectedLine',
      'PlaybackStarted',
      'PlaybackFinished',
    ]);
    expect(peers('s01-flow')[0]).toMatch(/^Announcer\/ARI-N;2$/);
    expect(b.harness.types().filter((t) => t.startsWith('Playback'))).toEqual([]);
    expect((await b.parley.call('GET', '/bridges/br')).json).toMatchObject({ channels: ['s01-flow'] });
  });

  it('plays MOH into a holding bridge without any event, and 409s when stopping music that is not playing', async () => {
    await bridge('hold', 'holding');
    await add('hold', 's01-flow');
    b.parley.clear();
    expect((await b.parley.call('POST', '/bridges/hold/moh', { mohClass: 'default' })).status).toBe(204);
    expect((await b.parley.call('GET', '/bridges/hold')).json).toMatchObject({ channels: ['s01-flow'] });
    expect((await b.parley.call('DELETE', '/bridges/hold/moh')).status).toBe(204);
    expect(await b.parley.call('DELETE', '/bridges/hold/moh')).toMatchObject({
      status: 409,
      json: { message: "Bridge isn't playing music" },
    });
    expect(b.parley.types()).toEqual([]);
  });

  it('carries DTMF across the bridge unless the sender absorbs it', async () => {
    await agentLeg(b, 'a1');
    await bridge('br');
    await add('br', ['s01-flow', 'a1']);
    await b.harness.call('POST', '/channels/s01-caller/dtmf', { dtmf: '4' });
    await b.advance(300);
    expect(eventsOf(b.harness, 'ChannelDtmfReceived', 'a1ph')).toHaveLength(1);
    await b.parley.call('POST', '/bridges/br/addChannel', { channel: 's01-flow', absorbDTMF: true });
    await b.harness.call('POST', '/channels/s01-caller/dtmf', { dtmf: '5' });
    await b.advance(300);
    expect(eventsOf(b.parley, 'ChannelDtmfReceived', 's01-flow').map((e) => e.digit)).toEqual(['4', '5']);
    expect(eventsOf(b.harness, 'ChannelDtmfReceived', 'a1ph').map((e) => e.digit)).toEqual(['4']);
  });
});
