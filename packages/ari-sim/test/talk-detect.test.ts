import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { answeredInbound, type Bench, bench, eventsOf, START } from './support/sim.js';

let b: Bench;
beforeEach(async () => {
  b = await bench();
  await answeredInbound(b);
  b.harness.clear();
});
afterEach(() => b.close());

const ms = (e: { timestamp?: unknown } | undefined) =>
  Date.parse(String(e?.timestamp).replace('+0000', 'Z')) - START;
const detect = (value = '') =>
  b.harness.call('POST', '/channels/s01-caller/variable', { variable: 'TALK_DETECT(set)', value });
const talking = () => eventsOf(b.harness, 'ChannelTalkingStarted', 's01-caller');
const finished = () => eventsOf(b.harness, 'ChannelTalkingFinished', 's01-caller');

describe('TALK_DETECT on the caller half', () => {
  it('hears a prompt played to the other half about 80 ms after it starts', async () => {
    await detect();
    await b.parley.call('POST', '/channels/s01-flow/play/p', { media: ['sound:hello-world'] });
    await b.advance(79);
    expect(talking()).toEqual([]);
    await b.advance(1);
    expect(ms(talking()[0])).toBe(80);
    expect(b.harness.types()).toEqual(['PlaybackStarted', 'ChannelTalkingStarted']);
  });

  it('finishes only once frames flow again, counting the prompt’s silent tail', async () => {
    await detect();
    await b.parley.call('POST', '/channels/s01-flow/play/p', { media: ['sound:hello-world'] });
    await b.advance(1404 + 3000);
    expect(finished()).toEqual([]);
    await b.parley.call('POST', '/channels/s01-flow/silence');
    await b.advance(2500);
    // hello-world ends in 57 ms of silence, so 2443 ms of generated silence reach the 2500 ms threshold.
    expect(ms(finished()[0])).toBe(4404 + 2443);
    expect(finished()[0]?.duration).toBe(4404 + 2443 - 80 - 2500);
  });

  it('uses the silence threshold given to TALK_DETECT(set)', async () => {
    await detect('500');
    await b.parley.call('POST', '/channels/s01-flow/play/p', { media: ['sound:vm-goodbye'] });
    await b.advance(865);
    await b.parley.call('POST', '/channels/s01-flow/silence');
    await b.advance(500);
    expect(ms(finished()[0])).toBe(865 + 443);
    expect(finished()[0]?.duration).toBe(865 + 443 - 80 - 500);
  });

  it('hears music on hold once the class file’s silent start is over', async () => {
    await detect();
    await b.parley.call('POST', '/channels/s01-flow/moh', { mohClass: 'default' });
    await b.advance(2000);
    expect(ms(talking()[0])).toBe(1380);
  });

  it('stops reporting after TALK_DETECT(remove)', async () => {
    await detect();
    await b.harness.call('POST', '/channels/s01-caller/variable', {
      variable: 'TALK_DETECT(remove)',
      value: '',
    });
    await b.parley.call('POST', '/channels/s01-flow/play/p', { media: ['sound:hello-world'] });
    await b.advance(2000);
    expect(talking()).toEqual([]);
  });

  it('publishes no ChannelVarset for the function', async () => {
    await detect();
    expect(eventsOf(b.harness, 'ChannelVarset')).toEqual([]);
  });
});
