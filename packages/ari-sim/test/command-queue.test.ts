import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Bench, bench, eventsOf, inbound, START } from './support/sim.js';

let b: Bench;
beforeEach(async () => {
  b = await bench();
  await inbound(b);
});
afterEach(() => b.close());

const since = () => b.clock.now() - START;

describe("a channel's command queue", () => {
  it('runs DTMF sent during a prompt only after the prompt', async () => {
    await b.parley.call('POST', '/channels/s01-flow/answer');
    await b.parley.call('POST', '/channels/s01-flow/play/p1', { media: ['sound:vm-goodbye'] });
    await b.parley.call('POST', '/channels/s01-flow/dtmf', { dtmf: '9' });
    await b.advance(1064);
    expect(eventsOf(b.harness, 'ChannelDtmfReceived')).toEqual([]);
    await b.advance(1);
    // 865 ms of prompt, then 100 ms of quiet and the 100 ms digit: read by the caller half.
    expect(eventsOf(b.harness, 'ChannelDtmfReceived', 's01-caller')).toHaveLength(1);
    expect(since()).toBe(1065);
  });

  it('keeps a second prompt queued until the first ends, and a stop does not wait', async () => {
    await b.parley.call('POST', '/channels/s01-flow/answer');
    await b.parley.call('POST', '/channels/s01-flow/play/p1', { media: ['sound:tt-monkeys'] });
    const second = await b.parley.call('POST', '/channels/s01-flow/play/p2', { media: ['sound:vm-goodbye'] });
    expect(second.json).toMatchObject({ state: 'queued' });
    await b.advance(1000);
    expect(await b.parley.call('GET', '/playbacks/p2')).toMatchObject({ json: { state: 'queued' } });
    expect((await b.parley.call('DELETE', '/playbacks/p1')).status).toBe(204);
    await b.advance(0);
    expect(b.parley.types().filter((t) => t.startsWith('Playback'))).toEqual([
      'PlaybackStarted',
      'PlaybackFinished',
      'PlaybackStarted',
    ]);
    expect(await b.parley.call('GET', '/playbacks/p2')).toMatchObject({ json: { state: 'playing' } });
  });

  it('cancels a queued playback: when its turn comes it finishes without starting', async () => {
    await b.parley.call('POST', '/channels/s01-flow/answer');
    await b.parley.call('POST', '/channels/s01-flow/play/p1', { media: ['sound:vm-goodbye'] });
    await b.parley.call('POST', '/channels/s01-flow/play/p2', { media: ['sound:hello-world'] });
    expect((await b.parley.call('DELETE', '/playbacks/p2')).status).toBe(204);
    await b.advance(865);
    expect(eventsOf(b.parley, 'PlaybackStarted').map((e) => (e.playback as { id: string }).id)).toEqual([
      'p1',
    ]);
    expect(eventsOf(b.parley, 'PlaybackFinished').map((e) => (e.playback as { id: string }).id)).toEqual([
      'p1',
      'p2',
    ]);
  });

  it('holds an answer behind a prompt playing as early media', async () => {
    await b.parley.call('POST', '/channels/s01-flow/play/p1', { media: ['sound:vm-goodbye'] });
    let answered = false;
    const answer = b.parley.call('POST', '/channels/s01-flow/answer').then((r) => {
      answered = true;
      return r;
    });
    await b.advance(864);
    expect(answered).toBe(false);
    await b.advance(1);
    expect((await answer).status).toBe(204);
    expect(eventsOf(b.parley, 'ChannelStateChange', 's01-flow')[0]).toMatchObject({
      channel: { state: 'Up' },
    });
  });

  it('refuses media on a channel that is not in Stasis or not answered yet', async () => {
    expect(
      await b.parley.call('POST', '/channels/s01-caller/play', { media: ['sound:hello-world'] }),
    ).toMatchObject({
      status: 409,
      json: { message: 'Channel not in Stasis application' },
    });
    await b.parley.call('POST', '/channels/create', {
      endpoint: 'Local/1001@test-agents/n',
      app: 'parley',
      channelId: 'c1',
    });
    await b.advance(0);
    expect(await b.parley.call('POST', '/channels/c1/play', { media: ['sound:hello-world'] })).toMatchObject({
      status: 412,
      json: { message: 'Channel in invalid state' },
    });
  });
});

describe('early media', () => {
  it('sends PROGRESS before a prompt on an unanswered channel, which the originate reports', async () => {
    await b.parley.call('POST', '/channels/s01-flow/play/p1', { media: ['sound:vm-goodbye'] });
    await b.advance(0);
    expect(eventsOf(b.harness, 'Dial').map((e) => e.dialstatus)).toEqual(['', 'PROGRESS']);
  });
});
