import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { agentLeg, at, type Bench, bench, eventsOf, inbound } from './support/sim.js';

let b: Bench;
beforeEach(async () => {
  b = await bench();
});
afterEach(() => b.close());

describe('originate', () => {
  it('returns the ;1 half Down with AppDial2 and the callerId as caller and connected line', async () => {
    const res = await inbound(b);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      id: 's01-caller',
      state: 'Down',
      caller: { name: 'Test Caller', number: '+15550001111' },
      connected: { name: 'Test Caller', number: '+15550001111' },
      dialplan: {
        context: 'from-test',
        exten: '18005550100',
        priority: 1,
        app_name: 'AppDial2',
        app_data: '(Outgoing Line)',
      },
    });
    expect(String(at(res.json, 'name'))).toMatch(/^Local\/18005550100@from-test-[0-9a-f]{8};1$/);
  });

  it('subscribes the originating app to both halves and starts the ;2 in the dialplan', async () => {
    await inbound(b);
    expect(b.harness.types()).toEqual([
      'ChannelCallerId',
      'ChannelConnectedLine',
      'Dial',
      'ChannelDialplan',
      'ChannelDialplan',
      'ChannelVarset',
    ]);
    expect(eventsOf(b.harness, 'Dial')[0]).toMatchObject({
      dialstatus: '',
      dialstring: '18005550100@from-test/n',
      peer: { id: 's01-caller' },
    });
    expect(eventsOf(b.parley, 'StasisStart')[0]).toMatchObject({
      args: ['inbound', '18005550100'],
      channel: { id: 's01-flow', state: 'Ring' },
    });
  });

  it('puts the ;1 half into the app with appArgs once the ;2 half answers', async () => {
    await inbound(b);
    await b.parley.call('POST', '/channels/s01-flow/answer');
    await b.advance(0);
    expect(eventsOf(b.harness, 'Dial').map((e) => e.dialstatus)).toEqual(['', 'ANSWER']);
    expect(eventsOf(b.harness, 'StasisStart')[0]).toMatchObject({
      args: ['caller', 's01'],
      channel: { id: 's01-caller', state: 'Up' },
    });
  });

  it('reports ringing and answer of an agent leg as Dial events to the originating app', async () => {
    await agentLeg(b, 'a1');
    expect(eventsOf(b.parley, 'Dial').map((e) => e.dialstatus)).toEqual(['', 'RINGING', 'ANSWER']);
    expect(eventsOf(b.parley, 'StasisStart', 'a1')[0]).toMatchObject({ args: ['agent'] });
  });

  it('reports a busy agent as Dial BUSY and destroys both halves with cause 17', async () => {
    await agentLeg(b, 'a1', { answer: false });
    await b.harness.call('DELETE', '/channels/a1ph?reason=busy');
    await b.advance(0);
    expect(eventsOf(b.parley, 'Dial').map((e) => e.dialstatus)).toEqual(['', 'RINGING', 'BUSY']);
    expect(
      eventsOf(b.parley, 'ChannelDestroyed').map((e) => [at(e, 'channel.id'), e.cause, e.cause_txt]),
    ).toEqual([
      ['a1ph', 17, 'User busy'],
      ['a1', 17, 'User busy'],
    ]);
  });

  it('gives up after the timeout with cause 19 and no NOANSWER Dial', async () => {
    await agentLeg(b, 'a1', { answer: false, timeout: 4 });
    await b.advance(3999);
    expect(eventsOf(b.parley, 'ChannelDestroyed')).toEqual([]);
    await b.advance(1);
    expect(eventsOf(b.parley, 'Dial').map((e) => e.dialstatus)).toEqual(['', 'RINGING']);
    expect(eventsOf(b.parley, 'ChannelHangupRequest', 'a1ph')[0]).toMatchObject({ cause: 19 });
    expect(eventsOf(b.parley, 'ChannelDestroyed').map((e) => e.cause)).toEqual([19, 19]);
    expect((await b.parley.call('GET', '/channels/a1')).status).toBe(404);
  });

  it('fails Stasis at once for an app without a websocket and lets the dialplan hang up', async () => {
    b.parley.disconnect();
    await b.advance(0);
    await inbound(b, 's12c');
    const flow = eventsOf(b.harness, 'ChannelVarset', 's12c-flow').map((e) => e.value);
    expect(flow).toEqual(['', 'FAILED']);
    expect(eventsOf(b.harness, 'ChannelDialplan').map((e) => e.dialplan_app)).toEqual([
      'NoOp',
      'Stasis',
      'Hangup',
    ]);
    expect(eventsOf(b.harness, 'Dial').map((e) => e.dialstatus)).toEqual(['', 'NOANSWER']);
    expect(b.sim.channels()).toEqual([]);
  });
});

describe('create and dial', () => {
  it('puts the created half into the app at once, Down, and subscribes only that half', async () => {
    const res = await b.parley.call('POST', '/channels/create', {
      endpoint: 'Local/1001@test-agents/n',
      app: 'parley',
      appArgs: 'agent',
      channelId: 'c1',
      otherChannelId: 'c1ph',
    });
    await b.advance(0);
    expect(res.json).toMatchObject({ id: 'c1', state: 'Down', dialplan: { app_name: '', app_data: '' } });
    expect(b.parley.types()).toEqual(['ChannelDialplan', 'ChannelVarset', 'StasisStart']);
    expect(eventsOf(b.parley, 'StasisStart')[0]).toMatchObject({
      channel: { state: 'Down' },
      args: ['agent'],
    });
  });

  it('dials with Dial events whose later dial strings are empty', async () => {
    await b.parley.call('POST', '/channels/create', {
      endpoint: 'Local/1001@test-agents/n',
      app: 'parley',
      channelId: 'c1',
      otherChannelId: 'c1ph',
    });
    await b.advance(0);
    expect((await b.parley.call('POST', '/channels/c1/dial', { timeout: 20 })).status).toBe(204);
    await b.advance(0);
    await b.harness.call('POST', '/channels/c1ph/ring');
    await b.harness.call('POST', '/channels/c1ph/answer');
    await b.advance(0);
    expect(eventsOf(b.parley, 'Dial').map((e) => [e.dialstatus, e.dialstring])).toEqual([
      ['', '1001@test-agents/n'],
      ['RINGING', ''],
      ['ANSWER', ''],
    ]);
    expect(eventsOf(b.parley, 'StasisStart')).toHaveLength(1);
    expect(eventsOf(b.parley, 'ChannelStateChange').map((e) => at(e, 'channel.state'))).toEqual([
      'Ringing',
      'Up',
    ]);
  });

  it('hangs the created half up softly when the dial times out', async () => {
    await b.parley.call('POST', '/channels/create', {
      endpoint: 'Local/1001@test-agents/n',
      app: 'parley',
      channelId: 'c1',
      otherChannelId: 'c1ph',
    });
    await b.advance(0);
    await b.parley.call('POST', '/channels/c1/dial', { timeout: 3 });
    await b.advance(3000);
    expect(b.parley.types('c1').slice(-4)).toEqual([
      'ChannelHangupRequest',
      'StasisEnd',
      'ChannelVarset',
      'ChannelDestroyed',
    ]);
    expect(eventsOf(b.parley, 'ChannelHangupRequest', 'c1')[0]).toMatchObject({ cause: 32, soft: true });
    expect(eventsOf(b.parley, 'ChannelDestroyed', 'c1')[0]).toMatchObject({ cause: 19 });
  });

  it('refuses to dial a channel twice', async () => {
    await b.parley.call('POST', '/channels/create', {
      endpoint: 'Local/1001@test-agents/n',
      app: 'parley',
      channelId: 'c1',
      otherChannelId: 'c1ph',
    });
    await b.advance(0);
    await b.parley.call('POST', '/channels/c1/dial');
    await b.advance(0);
    await b.harness.call('POST', '/channels/c1ph/ring');
    const again = await b.parley.call('POST', '/channels/c1/dial');
    expect(again).toMatchObject({ status: 409, json: { message: "Channel is not in the 'Down' state" } });
  });
});
