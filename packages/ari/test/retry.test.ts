import { describe, expect, it } from 'vitest';
import {
  AriError,
  type AriRequest,
  type AriResponse,
  type AriTransport,
  createAriClient,
  ManualClock,
  retryPolicy,
} from '../src/index.js';

type Answer = { status: number; body?: unknown } | 'hang' | 'refused';

/**
 * A transport that answers each `METHOD path` from a script, one answer per request, and records
 * what was sent. `hang` never answers (the client's timeout decides), `refused` is a lost connection.
 */
function scripted(script: Record<string, Answer[]>) {
  const sent: string[] = [];
  const transport: AriTransport = {
    request(req: AriRequest): Promise<AriResponse> {
      const key = `${req.method} ${req.path}`;
      sent.push(key);
      const answer = script[key]?.shift() ?? { status: 404, body: { message: 'Resource not found' } };
      if (answer === 'hang') return new Promise(() => {});
      if (answer === 'refused')
        return Promise.reject(
          new AriError({ code: 'NETWORK', status: 0, message: 'connect ECONNREFUSED', operation: key }),
        );
      return Promise.resolve({
        status: answer.status,
        body: answer.body === undefined ? '' : JSON.stringify(answer.body),
        contentType: 'application/json',
      });
    },
    openEvents: () => Promise.reject(new Error('no events in these tests')),
  };
  return { transport, sent };
}

const playback = { id: 'pb1', media_uri: 'sound:hello-world', target_uri: 'channel:c1', state: 'playing' };
const busy = { status: 503, body: { message: 'Service Unavailable' } };

function client(script: Record<string, Answer[]>, clock = new ManualClock()) {
  const { transport, sent } = scripted(script);
  const ari = createAriClient({
    transport,
    app: 'parley',
    clock,
    requestTimeoutMs: 1000,
    retry: { attempts: 3, delayMs: 100 },
  });
  return { ari, sent, clock };
}

/** Runs the clock until `work` settles; the retries' waits and the request timeouts are on it. */
async function settled<T>(clock: ManualClock, work: Promise<T>): Promise<T> {
  let done = false;
  work.then(
    () => {
      done = true;
    },
    () => {
      done = true;
    },
  );
  for (let i = 0; i < 100 && !done; i++) await clock.advance(50);
  return work;
}

describe('repeating ARI operations', () => {
  it('repeats a read after a 5xx and returns what the later try got', async () => {
    const { ari, sent, clock } = client({
      'GET /playbacks/pb1': [busy, { status: 200, body: playback }],
    });
    await expect(settled(clock, ari.playbacks.get({ playbackId: 'pb1' }))).resolves.toEqual(playback);
    expect(sent).toEqual(['GET /playbacks/pb1', 'GET /playbacks/pb1']);
  });

  it('gives up after the last try with the last failure', async () => {
    const { ari, sent, clock } = client({ 'POST /channels/c1/answer': [busy, busy, busy, { status: 204 }] });
    await expect(settled(clock, ari.channels.answer({ channelId: 'c1' }))).rejects.toMatchObject({
      status: 503,
    });
    expect(sent).toHaveLength(3);
  });

  it('never repeats keys, an id-less play or an originate without a channel id', async () => {
    const { ari, sent, clock } = client({
      'POST /channels/c1/dtmf': [busy, { status: 204 }],
      'POST /channels/c1/play': [busy, { status: 201, body: playback }],
      'POST /channels': [busy, { status: 200, body: {} }],
    });
    await expect(settled(clock, ari.channels.sendDTMF({ channelId: 'c1', dtmf: '1' }))).rejects.toMatchObject(
      {
        status: 503,
      },
    );
    await expect(
      settled(clock, ari.channels.play({ channelId: 'c1', media: ['sound:hello-world'] })),
    ).rejects.toMatchObject({ status: 503 });
    await expect(
      settled(clock, ari.channels.originate({ endpoint: 'Local/1@x', app: 'parley' })),
    ).rejects.toMatchObject({ status: 503 });
    expect(sent).toEqual(['POST /channels/c1/dtmf', 'POST /channels/c1/play', 'POST /channels']);
  });

  it('does not repeat a 4xx, which would be answered the same way', async () => {
    const { ari, sent, clock } = client({
      'POST /channels/c1/answer': [{ status: 404, body: { message: 'Channel not found' } }],
    });
    await expect(settled(clock, ari.channels.answer({ channelId: 'c1' }))).rejects.toMatchObject({
      status: 404,
    });
    expect(sent).toHaveLength(1);
  });

  it('looks a play up by its id after a timeout instead of queueing the prompt twice', async () => {
    const { ari, sent, clock } = client({
      'POST /channels/c1/play/pb1': ['hang', { status: 201, body: playback }],
      'GET /playbacks/pb1': [{ status: 200, body: playback }],
    });
    const played = ari.channels.playWithId({
      channelId: 'c1',
      playbackId: 'pb1',
      media: ['sound:hello-world'],
    });
    await expect(settled(clock, played)).resolves.toEqual(playback);
    expect(sent).toEqual(['POST /channels/c1/play/pb1', 'GET /playbacks/pb1']);
  });

  it('creates again after a lost answer when the id turns out not to exist', async () => {
    const bridge = { id: 'b1', channels: [] };
    const { ari, sent, clock } = client({
      'POST /bridges/b1': ['refused', { status: 200, body: bridge }],
      'GET /bridges/b1': [{ status: 404, body: { message: 'Bridge not found' } }],
    });
    await expect(
      settled(clock, ari.bridges.createWithId({ bridgeId: 'b1', type: 'mixing' })),
    ).resolves.toEqual(bridge);
    expect(sent).toEqual(['POST /bridges/b1', 'GET /bridges/b1', 'POST /bridges/b1']);
  });

  it('counts a hang-up that finds no channel on a repeat as done', async () => {
    const { ari, sent, clock } = client({
      'DELETE /channels/c1': ['hang', { status: 404, body: { message: 'Channel not found' } }],
    });
    await expect(settled(clock, ari.channels.hangup({ channelId: 'c1' }))).resolves.toBeUndefined();
    expect(sent).toEqual(['DELETE /channels/c1', 'DELETE /channels/c1']);
  });

  it('still reports a hang-up of an unknown channel on the first try as gone', async () => {
    const { ari, clock } = client({
      'DELETE /channels/c1': [{ status: 404, body: { message: 'Channel not found' } }],
    });
    await expect(settled(clock, ari.channels.hangup({ channelId: 'c1' }))).rejects.toMatchObject({
      status: 404,
    });
  });

  it('waits longer before each further try, on the client clock', async () => {
    const clock = new ManualClock();
    const { ari, sent } = client(
      { 'GET /channels/c1': [busy, busy, { status: 200, body: { id: 'c1' } }] },
      clock,
    );
    const got = ari.channels.get({ channelId: 'c1' });
    await clock.advance(0);
    expect(sent).toHaveLength(1);
    await clock.advance(99);
    expect(sent).toHaveLength(1);
    await clock.advance(1);
    expect(sent).toHaveLength(2);
    await clock.advance(199);
    expect(sent).toHaveLength(2);
    await clock.advance(1);
    await expect(got).resolves.toEqual({ id: 'c1' });
  });

  it('makes one try when the call says so', async () => {
    const { ari, sent, clock } = client({ 'GET /channels/c1': [busy, { status: 200, body: { id: 'c1' } }] });
    await expect(
      settled(clock, ari.channels.get({ channelId: 'c1' }, { retry: false })),
    ).rejects.toMatchObject({ status: 503 });
    expect(sent).toHaveLength(1);
  });

  it('stops a call given up while it waits to try again, at once and without another try', async () => {
    const clock = new ManualClock();
    const { ari, sent } = client({ 'POST /channels/c1/answer': [busy, { status: 204 }] }, clock);
    const given = new AbortController();
    const answered = ari.channels.answer({ channelId: 'c1' }, { signal: given.signal });
    await clock.advance(0);
    expect(sent).toHaveLength(1);
    given.abort();
    await expect(answered).rejects.toMatchObject({ code: 'ABORTED', operation: 'channels.answer' });
    await clock.advance(1000);
    expect(sent).toHaveLength(1);
    expect(clock.pendingTimers).toBe(0);
  });

  it('stops waiting for an answer when the call is given up, and sends nothing once it has been', async () => {
    const { ari, sent } = client({ 'POST /channels/c1/play/pb1': ['hang'] });
    const given = new AbortController();
    const play = { channelId: 'c1', playbackId: 'pb1', media: ['sound:hello-world'] };
    const played = ari.channels.playWithId(play, { signal: given.signal });
    given.abort();
    await expect(played).rejects.toMatchObject({ code: 'ABORTED' });
    await expect(ari.channels.playWithId(play, { signal: given.signal })).rejects.toMatchObject({
      code: 'ABORTED',
    });
    expect(sent).toEqual(['POST /channels/c1/play/pb1']);
  });

  it('classifies operations by what a repeat would do', () => {
    expect(retryPolicy('channels.list', {})).toEqual({ kind: 'repeat' });
    expect(retryPolicy('channels.hangup', { channelId: 'c' })).toEqual({ kind: 'remove' });
    expect(retryPolicy('channels.originate', { endpoint: 'x', channelId: 'c' })?.kind).toBe('create');
    expect(retryPolicy('channels.originate', { endpoint: 'x' })).toBeUndefined();
    expect(retryPolicy('channels.record', { channelId: 'c', name: 'r', format: 'wav' })).toBeUndefined();
    expect(retryPolicy('channels.continueInDialplan', { channelId: 'c' })).toBeUndefined();
  });
});
