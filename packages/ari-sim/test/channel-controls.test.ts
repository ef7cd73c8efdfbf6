import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppTap, agentLeg, answeredInbound, type Bench, bench, eventsOf } from './support/sim.js';

let b: Bench;
beforeEach(async () => {
  b = await bench({
    config: {
      users: [
        { username: 'parley', password: 'parley' },
        { username: 'harness', password: 'harness' },
        { username: 'viewer', password: 'v', readOnly: true },
      ],
    },
  });
  await answeredInbound(b);
  b.harness.clear();
  b.parley.clear();
});
afterEach(() => b.close());

describe('channel controls', () => {
  it('plays MOH locally for a HOLD sent to a Local half (no event), heard by the other half', async () => {
    await b.harness.call('POST', '/channels/s01-caller/variable', {
      variable: 'TALK_DETECT(set)',
      value: '500',
    });
    expect((await b.parley.call('POST', '/channels/s01-flow/hold')).status).toBe(204);
    await b.advance(1500);
    expect(b.parley.types()).toEqual([]);
    expect(b.harness.types('s01-caller')).toEqual(['ChannelTalkingStarted']);
    await b.parley.call('DELETE', '/channels/s01-flow/hold');
    await b.parley.call('POST', '/channels/s01-flow/silence');
    await b.advance(600);
    expect(b.harness.types('s01-caller')).toEqual(['ChannelTalkingStarted', 'ChannelTalkingFinished']);
  });

  it('mutes what a channel hears', async () => {
    await b.harness.call('POST', '/channels/s01-caller/variable', {
      variable: 'TALK_DETECT(set)',
      value: '500',
    });
    expect(await b.parley.call('POST', '/channels/s01-flow/mute?direction=sideways')).toMatchObject({
      status: 400,
      json: { message: 'Invalid direction specified' },
    });
    await b.parley.call('POST', '/channels/s01-flow/mute?direction=out');
    await b.parley.call('POST', '/channels/s01-flow/play/p', { media: ['sound:hello-world'] });
    await b.advance(1000);
    expect(b.harness.types('s01-caller')).toEqual([]);
  });

  it('starts the dialplan for an originate given an extension instead of an app', async () => {
    await b.parley.call('POST', '/channels', {
      endpoint: 'Local/1001@test-agents/n',
      extension: '18005550100',
      context: 'from-test',
      channelId: 'x1',
      otherChannelId: 'x1ph',
    });
    await b.advance(0);
    await b.harness.call('POST', '/channels/x1ph/answer');
    await b.advance(0);
    expect(eventsOf(b.parley, 'StasisStart', 'x1')[0]).toMatchObject({ args: ['inbound', '18005550100'] });
  });

  it('sends an originated half on into the dialplan with /continue', async () => {
    await agentLeg(b, 'a1');
    await b.parley.call('POST', '/channels/a1/continue', {
      context: 'from-test',
      extension: '18005550100',
      priority: 1,
    });
    await b.advance(0);
    expect(b.parley.types('a1').slice(-6)).toEqual([
      'StasisEnd',
      'ChannelVarset',
      'ChannelDialplan',
      'ChannelDialplan',
      'ChannelVarset',
      'StasisStart',
    ]);
    expect(eventsOf(b.parley, 'StasisStart', 'a1')).toHaveLength(2);
    expect(eventsOf(b.parley, 'StasisStart', 'a1')[1]).toMatchObject({ args: ['inbound', '18005550100'] });
  });

  it('raises a user event for an app with the sources it names', async () => {
    expect(
      (
        await b.harness.call('POST', '/events/user/poke?application=parley&source=channel:s01-flow', {
          variables: { k: 'v' },
        })
      ).status,
    ).toBe(204);
    await b.advance(0);
    expect(eventsOf(b.parley, 'ChannelUserevent')[0]).toMatchObject({
      eventname: 'poke',
      userevent: { k: 'v' },
      channel: { id: 's01-flow' },
    });
  });

  it('lets a read-only user look but not touch', async () => {
    const viewer = new AppTap('viewer', b.sim.transport({ username: 'viewer', password: 'v' }));
    expect((await viewer.call('GET', '/channels')).status).toBe(200);
    expect(await viewer.call('DELETE', '/channels/s01-flow')).toMatchObject({
      status: 403,
      json: { message: 'Write access denied' },
    });
  });

  it('keeps global variables', async () => {
    await b.parley.call('POST', '/asterisk/variable', { variable: 'TENANT', value: 'acme' });
    expect((await b.parley.call('GET', '/asterisk/variable?variable=TENANT')).json).toEqual({
      value: 'acme',
    });
  });
});
