import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { encodeWav } from '../src/model/audio-format.js';
import { answeredInbound, type Bench, bench, eventsOf, START } from './support/sim.js';

let b: Bench;
beforeEach(async () => {
  b = await bench();
  await answeredInbound(b);
  b.parley.clear();
  b.harness.clear();
});
afterEach(() => b.close());

const tone = (ms: number, rate: number) => encodeWav(new Int16Array((ms * rate) / 1000).fill(1000), rate);
let server: Server;
let base = '';
beforeAll(async () => {
  const files: Record<string, [string, Buffer]> = {
    '/prompt.wav': ['audio/wav', tone(600, 8000)],
    '/wide.wav': ['audio/wav', tone(600, 16000)],
    '/wide16': ['audio/x-wav;codec=pcm;bit=16;rate=16000', tone(750, 16000)],
    '/ulaw': ['audio/basic', Buffer.alloc(4000, 0x80)],
  };
  server = createServer((req, res) => {
    const file = files[req.url ?? ''];
    if (!file) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': file[0] }).end(file[1]);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

async function play(media: string[], id = 'pb1') {
  const res = await b.parley.call('POST', `/channels/s01-flow/play/${id}`, { media });
  await b.advance(0);
  return res;
}

/** How long after `from` each playback event came, by type. */
function timeline(from: number) {
  return b.parley.events
    .filter((e) => String(e.type).startsWith('Playback'))
    .map((e) => [e.type, Date.parse(String(e.timestamp).replace('+0000', 'Z')) - from]);
}

describe('playback', () => {
  it('lasts as long as the WAV header says', async () => {
    const from = b.clock.now();
    const res = await play(['sound:hello-world']);
    expect(res).toMatchObject({
      status: 201,
      json: { id: 'pb1', state: 'queued', target_uri: 'channel:s01-flow', language: 'en' },
    });
    await b.advance(1403);
    expect(timeline(from)).toEqual([['PlaybackStarted', 0]]);
    await b.advance(1);
    expect(timeline(from)).toEqual([
      ['PlaybackStarted', 0],
      ['PlaybackFinished', 1404],
    ]);
    expect(eventsOf(b.parley, 'PlaybackFinished')[0]).toMatchObject({ playback: { state: 'done' } });
  });

  it('moves through a list with PlaybackContinuing at each boundary', async () => {
    const from = b.clock.now();
    await play(['sound:hello-world', 'sound:vm-goodbye']);
    await b.advance(3000);
    expect(timeline(from)).toEqual([
      ['PlaybackStarted', 0],
      ['PlaybackContinuing', 1404],
      ['PlaybackStarted', 1404],
      ['PlaybackFinished', 2269],
    ]);
    expect(eventsOf(b.parley, 'PlaybackContinuing')[0]).toMatchObject({
      playback: { state: 'continuing', media_uri: 'sound:hello-world', next_media_uri: 'sound:vm-goodbye' },
    });
  });

  it('fails a missing file at once, or continues past it in a list', async () => {
    await play(['sound:no-such-prompt']);
    expect(eventsOf(b.parley, 'PlaybackFinished')[0]).toMatchObject({
      playback: { state: 'failed', media_uri: 'sound:no-such-prompt' },
    });
    b.parley.clear();
    await play(['sound:no-such-prompt', 'sound:vm-goodbye'], 'pb2');
    await b.advance(865);
    expect(b.parley.types()).toEqual([
      'PlaybackStarted',
      'PlaybackContinuing',
      'PlaybackStarted',
      'PlaybackFinished',
    ]);
    expect(eventsOf(b.parley, 'PlaybackFinished')[0]).toMatchObject({ playback: { state: 'done' } });
  });

  it('starts an unknown scheme and never finishes it, forgetting it at once', async () => {
    await play(['bogus:thing']);
    await b.advance(5000);
    expect(b.parley.types()).toEqual(['PlaybackStarted']);
    expect(await b.parley.call('GET', '/playbacks/pb1')).toMatchObject({
      status: 404,
      json: { message: 'Playback not found' },
    });
  });

  it('says digits from the digit files and cannot stop them', async () => {
    const from = b.clock.now();
    await play(['digits:12']);
    expect(await b.parley.call('DELETE', '/playbacks/pb1')).toMatchObject({
      status: 500,
      json: { message: 'Could not stop playback' },
    });
    await b.advance(800);
    expect(timeline(from)).toEqual([
      ['PlaybackStarted', 0],
      ['PlaybackFinished', 800],
    ]);
  });

  it('plays a tone until it is stopped', async () => {
    await play(['tone:ring;tonezone=us']);
    await b.advance(60_000);
    expect(b.parley.types()).toEqual(['PlaybackStarted']);
    expect((await b.parley.call('DELETE', '/playbacks/pb1')).status).toBe(204);
    expect(eventsOf(b.parley, 'PlaybackFinished')[0]).toMatchObject({ playback: { state: 'done' } });
  });

  it('pauses, resumes and restarts, and refuses control of what is not playing', async () => {
    const from = b.clock.now();
    await play(['sound:hello-world']);
    await b.advance(400);
    expect((await b.parley.call('POST', '/playbacks/pb1/control?operation=pause')).status).toBe(204);
    expect(await b.parley.call('GET', '/playbacks/pb1')).toMatchObject({ json: { state: 'paused' } });
    expect(await b.parley.call('POST', '/playbacks/pb1/control?operation=restart')).toMatchObject({
      status: 409,
      json: { message: 'Can only restart while media is playing' },
    });
    await b.advance(1000);
    await b.parley.call('POST', '/playbacks/pb1/control?operation=unpause');
    await b.advance(1004);
    expect(timeline(from).at(-1)).toEqual(['PlaybackFinished', 2404]);
    expect(await b.parley.call('POST', '/playbacks/pb1/control?operation=jump')).toMatchObject({
      status: 400,
      json: { message: 'Invalid operation jump' },
    });
  });

  it('downloads sound:http media and times it by the downloaded file', async () => {
    const from = b.clock.now();
    await play([`sound:${base}/prompt.wav`, `sound:${base}/wide16`, `sound:${base}/ulaw`]);
    // The download is real I/O: let it land before the manual clock moves past the item's start.
    for (const ms of [600, 750, 500]) {
      await b.sim.settled();
      await b.advance(ms);
    }
    expect(timeline(from)).toEqual([
      ['PlaybackStarted', 0],
      ['PlaybackContinuing', 600],
      ['PlaybackStarted', 600],
      ['PlaybackContinuing', 1350],
      ['PlaybackStarted', 1350],
      ['PlaybackFinished', 1850],
    ]);
  });

  it('fails a WAV that is not 8 kHz when served as audio/wav, and one that does not exist', async () => {
    await play([`sound:${base}/wide.wav`]);
    await b.sim.settled();
    await play([`sound:${base}/gone.wav`], 'pb2');
    await b.sim.settled();
    await b.advance(0);
    expect(
      eventsOf(b.parley, 'PlaybackFinished').map((e) => (e.playback as { state: string }).state),
    ).toEqual(['failed', 'failed']);
  });

  it('suspends channel MOH for good when a prompt starts', async () => {
    await b.harness.call('POST', '/channels/s01-caller/variable', {
      variable: 'TALK_DETECT(set)',
      value: '500',
    });
    await b.parley.call('POST', '/channels/s01-flow/moh');
    await b.advance(2000);
    await play(['sound:vm-goodbye']);
    await b.advance(5000);
    // MOH talking, then the prompt, then nothing: no frames, so talking never finishes.
    expect(b.harness.types('s01-caller')).toEqual(['ChannelTalkingStarted']);
    expect(eventsOf(b.harness, 'ChannelTalkingStarted')[0]?.timestamp).toBe(
      new Date(START + 1380).toISOString().replace('Z', '+0000'),
    );
  });
});
