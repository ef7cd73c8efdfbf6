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

describe('user events', () => {
  const post = (query: string, body?: Record<string, unknown>) =>
    b.harness.call('POST', `/events/user/ParleySpeech${query}`, body);

  it('reach only the named app, with the channel snapshot and the variables plus the event name', async () => {
    expect(
      (await post('?application=parley&source=channel:s01-flow', { variables: { text: 'pay my bill' } }))
        .status,
    ).toBe(204);
    await b.advance(0);
    expect(eventsOf(b.parley, 'ChannelUserevent')).toHaveLength(1);
    expect(eventsOf(b.parley, 'ChannelUserevent')[0]).toMatchObject({
      eventname: 'ParleySpeech',
      userevent: { text: 'pay my bill', eventname: 'ParleySpeech' },
      channel: { id: 's01-flow', state: 'Up' },
      application: 'parley',
    });
    expect(eventsOf(b.harness, 'ChannelUserevent')).toEqual([]);
  });

  it('carry the application and sources in the body as well as in the query string', async () => {
    const res = await b.harness.call('POST', '/events/user/poke', {
      application: 'parley',
      source: ['channel:s01-flow'],
      variables: { k: 'v' },
    });
    expect(res.status).toBe(204);
    await b.advance(0);
    expect(eventsOf(b.parley, 'ChannelUserevent')[0]).toMatchObject({
      eventname: 'poke',
      userevent: { k: 'v', eventname: 'poke' },
      channel: { id: 's01-flow' },
    });
  });

  it('need no source and no variables', async () => {
    expect((await post('?application=parley')).status).toBe(204);
    await b.advance(0);
    const [event] = eventsOf(b.parley, 'ChannelUserevent');
    expect(event).toMatchObject({ userevent: { eventname: 'ParleySpeech' } });
    expect(event).not.toHaveProperty('channel');
  });

  it('are refused without an application (400) and for an app that does not exist (404)', async () => {
    expect(await post('?source=channel:s01-flow')).toMatchObject({
      status: 400,
      json: { message: 'Missing parameter application' },
    });
    expect(await post('?application=nobody&source=channel:s01-flow')).toMatchObject({
      status: 404,
      json: { message: 'Application not found' },
    });
  });

  it('are refused for a source that does not exist (422) or has an unknown scheme (400)', async () => {
    expect(await post('?application=parley&source=channel:gone')).toMatchObject({
      status: 422,
      json: { message: 'Event source was not found' },
    });
    expect(await post('?application=parley&source=bridge:gone')).toMatchObject({ status: 422 });
    expect(await post('?application=parley&source=endpoint:PJSIP/100')).toMatchObject({ status: 422 });
    expect(await post('?application=parley&source=deviceState:Stasis:x')).toMatchObject({
      status: 400,
      json: { message: 'Invalid event source URI scheme' },
    });
    await b.advance(0);
    expect(eventsOf(b.parley, 'ChannelUserevent')).toEqual([]);
  });

  it('fail as Asterisk does when the variables are not an object', async () => {
    expect(await post('?application=parley', { variables: 'text' })).toMatchObject({
      status: 500,
      json: { message: 'Error processing request' },
    });
  });
});
