import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { answeredInbound, type Bench, bench, eventsOf } from './support/sim.js';

let b: Bench;
beforeEach(async () => {
  b = await bench();
  await answeredInbound(b);
  b.harness.clear();
  b.parley.clear();
});
afterEach(() => b.close());

describe('snoop', () => {
  it('creates an Up Snoop channel that enters the app with its args', async () => {
    const res = await b.harness.call('POST', '/channels/s01-caller/snoop/spy1', {
      spy: 'in',
      app: 'harness',
      appArgs: 'spy,s01',
    });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ id: 'spy1', state: 'Up' });
    expect(String((res.json as { name: string }).name)).toMatch(/^Snoop\/s01-caller-[0-9a-f]{8}$/);
    await b.advance(0);
    expect(eventsOf(b.harness, 'StasisStart', 'spy1')[0]).toMatchObject({ args: ['spy', 's01'] });
  });

  it('whispers what is played on it into the snooped channel', async () => {
    await b.harness.call('POST', '/channels/s01-caller/variable', {
      variable: 'TALK_DETECT(set)',
      value: '500',
    });
    await b.parley.call('POST', '/channels/s01-flow/snoop/coach', { whisper: 'out', app: 'parley' });
    await b.advance(0);
    await b.parley.call('POST', '/channels/coach/play/w1', { media: ['sound:vm-goodbye'] });
    await b.advance(100);
    // Played on the snoop, heard on s01-flow's side, so read by the caller half.
    expect(b.harness.types('s01-caller')).toEqual(['ChannelTalkingStarted']);
  });

  it('records what it spies on and hangs up with the snooped channel', async () => {
    await b.harness.call('POST', '/channels/s01-caller/snoop/spy1', { spy: 'both', app: 'harness' });
    await b.advance(0);
    const rec = await b.harness.call('POST', '/channels/spy1/record', { name: 'leg', format: 'wav' });
    expect(rec.json).toMatchObject({ state: 'recording', target_uri: 'channel:spy1' });
    await b.advance(1000);
    await b.harness.call('DELETE', '/channels/s01-caller');
    await b.advance(0);
    expect(eventsOf(b.harness, 'RecordingFinished')[0]).toMatchObject({
      recording: { name: 'leg', duration: 1 },
    });
    expect(eventsOf(b.harness, 'StasisEnd', 'spy1')).toHaveLength(1);
    expect(b.sim.channel('spy1')).toBeUndefined();
  });

  it('needs a direction, an app and a channel that exists', async () => {
    expect(await b.harness.call('POST', '/channels/s01-caller/snoop', { app: 'harness' })).toMatchObject({
      status: 400,
      json: { message: 'Direction must be specified for at least spy or whisper' },
    });
    expect(await b.harness.call('POST', '/channels/s01-caller/snoop', { spy: 'in' })).toMatchObject({
      status: 400,
      json: { message: 'Application name is required' },
    });
    expect(await b.harness.call('POST', '/channels/nope/snoop', { spy: 'in', app: 'harness' })).toMatchObject(
      {
        status: 404,
        json: { message: 'Provided channel was not found' },
      },
    );
  });
});
