import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  AriError,
  type AriTransport,
  buildRequest,
  createAriClient,
  httpTransport,
  ignoreGone,
  ManualClock,
  OPERATIONS,
} from '../src/index.js';
import { FakeAsterisk } from './support/fake-asterisk.js';

describe('buildRequest', () => {
  it('percent-encodes path parameters so ids with reserved characters stay one segment', () => {
    const request = buildRequest('channels.answer', { channelId: 'Local/1001@x-0000;1 ?#' });
    expect(request.path).toBe('/channels/Local%2F1001%40x-0000%3B1%20%3F%23/answer');
  });

  it('fills every placeholder of a path with several parameters', () => {
    const request = buildRequest('channels.playWithId', {
      channelId: 'c1',
      playbackId: 'p1',
      media: 'sound:x',
    });
    expect(request.path).toBe('/channels/c1/play/p1');
  });

  it('refuses a missing path parameter before sending anything', () => {
    const attempt = () => buildRequest('channels.answer', {});
    expect(attempt).toThrow(AriError);
    expect(attempt).toThrow("Missing path parameter 'channelId'");
    try {
      attempt();
    } catch (error) {
      expect(error).toMatchObject({ code: 'MISSING_PARAM', status: 0, operation: 'channels.answer' });
    }
  });

  it('refuses an empty path parameter, which would address another resource', () => {
    expect(() => buildRequest('channels.hangup', { channelId: '' })).toThrow(/channelId/);
  });

  it('puts every non-path parameter of a POST in the JSON body, arrays kept as arrays', () => {
    const request = buildRequest('channels.play', {
      channelId: 'c1',
      media: ['sound:http://tts/a,b.wav', 'sound:beep'],
      lang: 'en',
      skipms: 3000,
    });
    expect(request).toEqual({
      method: 'POST',
      path: '/channels/c1/play',
      query: {},
      body: { media: ['sound:http://tts/a,b.wav', 'sound:beep'], lang: 'en', skipms: 3000 },
    });
  });

  it('keeps variables in the body beside the other originate parameters', () => {
    const request = buildRequest('channels.originate', {
      endpoint: 'Local/100@from-test/n',
      app: 'parley',
      variables: { CALLERID: 'x', FLOW: '1' },
    });
    expect(request.query).toEqual({});
    expect(request.body).toEqual({
      endpoint: 'Local/100@from-test/n',
      app: 'parley',
      variables: { CALLERID: 'x', FLOW: '1' },
    });
  });

  it('sends the eventFilter object as the body itself, as Asterisk reads it', () => {
    const filter = { allowed: [{ type: 'StasisStart' }, { type: 'StasisEnd' }] };
    const request = buildRequest('applications.filter', { applicationName: 'parley', filter });
    expect(request).toMatchObject({ method: 'PUT', path: '/applications/parley/eventFilter', body: filter });
  });

  it('sends no body for a POST without parameters', () => {
    expect(buildRequest('channels.answer', { channelId: 'c1' }).body).toBeUndefined();
  });

  it('puts GET and DELETE parameters in the query string, lists comma-joined', () => {
    expect(buildRequest('asterisk.getInfo', { only: ['build', 'system'] })).toEqual({
      method: 'GET',
      path: '/asterisk/info',
      query: { only: 'build,system' },
    });
    expect(buildRequest('channels.hangup', { channelId: 'c1', reason: 'busy' })).toEqual({
      method: 'DELETE',
      path: '/channels/c1',
      query: { reason: 'busy' },
    });
  });

  it('spells booleans and numbers in the query as Asterisk parses them and leaves out undefined ones', () => {
    const request = buildRequest('channels.getChannelVar', { channelId: 'c1', variable: 'X' });
    expect(request.query).toEqual({ variable: 'X' });
    const del = buildRequest('channels.hangup', { channelId: 'c1', reason_code: 17, reason: undefined });
    expect(del.query).toEqual({ reason_code: '17' });
  });

  it('rejects the websocket upgrade, which is not a REST operation', () => {
    expect(() => buildRequest('events.eventWebsocket' as 'channels.list')).toThrow(/Unknown ARI operation/);
  });
});

describe('REST over HTTP', () => {
  let fake: FakeAsterisk;
  const clientFor = (transport?: AriTransport) =>
    createAriClient({
      transport: transport ?? httpTransport({ url: fake.url, username: 'parley', password: 'secret' }),
      app: 'parley',
    });

  beforeEach(async () => {
    fake = await FakeAsterisk.start();
  });
  afterEach(async () => {
    await fake.stop();
  });

  it('reaches every operation through its resource facade', () => {
    const ari = clientFor();
    for (const spec of Object.values(OPERATIONS)) {
      if ('upgrade' in spec) continue;
      const resource = (ari as unknown as Record<string, Record<string, unknown>>)[spec.resource];
      expect(typeof resource?.[spec.nickname], `${spec.resource}.${spec.nickname}`).toBe('function');
    }
  });

  it('sends a POST as JSON with the Basic credentials and returns the 201 body', async () => {
    const playback = { id: 'pb1', media_uri: 'sound:a', target_uri: 'channel:c 1', state: 'queued' };
    fake.route('POST', '/channels/c%201/play/pb1', { status: 201, body: playback });
    const ari = clientFor();
    const result = await ari.channels.playWithId({
      channelId: 'c 1',
      playbackId: 'pb1',
      media: ['sound:a', 'sound:b'],
    });
    expect(result).toEqual(playback);
    const [seen] = fake.requests;
    expect(seen?.headers.authorization).toBe(`Basic ${Buffer.from('parley:secret').toString('base64')}`);
    expect(seen?.headers['content-type']).toBe('application/json');
    expect(seen?.body).toEqual({ media: ['sound:a', 'sound:b'] });
    expect([...(seen?.query.keys() ?? [])]).toEqual([]);
  });

  it('sends GET lists comma-joined in the query string', async () => {
    fake.route('GET', '/asterisk/info', { status: 200, body: { build: {}, system: {} } });
    await clientFor().asterisk.getInfo({ only: ['build', 'system'] });
    expect(fake.requests[0]?.query.get('only')).toBe('build,system');
    expect(fake.requests[0]?.body).toBeUndefined();
  });

  it('resolves a 204 to undefined', async () => {
    fake.route('DELETE', '/channels/c1', { status: 204 });
    await expect(clientFor().channels.hangup({ channelId: 'c1', reason: 'normal' })).resolves.toBeUndefined();
    expect(fake.requests[0]?.query.get('reason')).toBe('normal');
  });

  it('returns a 200 object body parsed', async () => {
    const app = { name: 'parley', channel_ids: ['c1'], bridge_ids: [], endpoint_ids: [], device_names: [] };
    fake.route('GET', '/applications/parley', { status: 200, body: app });
    await expect(clientFor().applications.get({ applicationName: 'parley' })).resolves.toEqual(app);
  });

  it('returns a stored recording download as bytes', async () => {
    const wav = new Uint8Array([0x52, 0x49, 0x46, 0x46, 0x00, 0xff, 0x80, 0x7f]);
    fake.route('GET', '/recordings/stored/call-1/file', { status: 200, body: wav, contentType: 'audio/wav' });
    const bytes = await clientFor().recordings.getStoredFile({ recordingName: 'call-1' });
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect([...bytes]).toEqual([...wav]);
  });

  it("turns a 404 into an AriError carrying Asterisk's message, the status and the operation", async () => {
    fake.route('POST', '/channels/gone/answer', { status: 404, body: { message: 'Channel not found' } });
    const error = await clientFor()
      .channels.answer({ channelId: 'gone' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AriError);
    expect(error).toMatchObject({
      code: 'HTTP',
      status: 404,
      message: 'Channel not found',
      operation: 'channels.answer',
      body: '{"message":"Channel not found"}',
    });
    expect((error as AriError).isGone()).toBe(true);
  });

  it("reads the message from the 'error' key that Asterisk uses for allocation failures", async () => {
    fake.route('POST', '/channels', { status: 500, body: { error: 'Allocation failed' } });
    const error = await clientFor()
      .channels.originate({ endpoint: 'Bogus/1001', app: 'parley' })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      status: 500,
      message: 'Allocation failed',
      operation: 'channels.originate',
    });
    expect((error as AriError).isGone()).toBe(false);
  });

  it('treats 404 as success only where asked to, through ignoreGone', async () => {
    fake.route('DELETE', '/playbacks/pb1', { status: 404, body: { message: 'Playback not found' } });
    fake.route('DELETE', '/bridges/b1', { status: 500, body: { message: 'boom' } });
    const ari = clientFor();
    await expect(ignoreGone(ari.playbacks.stop({ playbackId: 'pb1' }))).resolves.toBeUndefined();
    await expect(ignoreGone(ari.bridges.destroy({ bridgeId: 'b1' }))).rejects.toMatchObject({ status: 500 });
  });

  it('sends the api_key query parameter instead of a header when configured with one', async () => {
    fake.route('GET', '/asterisk/ping', {
      status: 200,
      body: { asterisk_id: 'x', ping: 'pong', timestamp: 't' },
    });
    const ari = clientFor(httpTransport({ url: `${fake.url}/`, apiKey: 'parley:secret' }));
    await expect(ari.asterisk.ping()).resolves.toMatchObject({ ping: 'pong' });
    expect(fake.requests[0]?.headers.authorization).toBeUndefined();
    expect(fake.requests[0]?.query.get('api_key')).toBe('parley:secret');
  });

  it('reports wrong credentials as a 401 AriError', async () => {
    const ari = clientFor(httpTransport({ url: fake.url, username: 'parley', password: 'wrong' }));
    await expect(ari.channels.list()).rejects.toMatchObject({
      status: 401,
      message: 'Authentication required',
      operation: 'channels.list',
    });
  });

  it('reports a refused connection as a NETWORK AriError with status 0 and the operation', async () => {
    const url = fake.url;
    await fake.stop();
    const ari = createAriClient({
      transport: httpTransport({ url, username: 'parley', password: 'secret' }),
      app: 'p',
    });
    const error = await ari.channels.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AriError);
    expect(error).toMatchObject({ code: 'NETWORK', status: 0, operation: 'channels.list' });
    expect((error as AriError).message).toMatch(/ECONNREFUSED/);
    expect((error as AriError).isTransport()).toBe(true);
    fake = await FakeAsterisk.start();
  });

  it('gives up on a request that gets no answer within the timeout, measured on the clock', async () => {
    fake.route('GET', '/channels', () => new Promise(() => {}));
    const clock = new ManualClock();
    const ari = createAriClient({
      transport: httpTransport({ url: fake.url, username: 'parley', password: 'secret' }),
      app: 'parley',
      clock,
      requestTimeoutMs: 2000,
    });
    let outcome: unknown;
    const pending = ari.channels.list().catch((e: unknown) => e);
    void pending.then((e) => {
      outcome = e;
    });
    await clock.advance(1999);
    expect(outcome).toBeUndefined();
    await clock.advance(1);
    expect(await pending).toMatchObject({ code: 'TIMEOUT', status: 0, operation: 'channels.list' });
  });

  it('lets one call override the timeout', async () => {
    fake.route('GET', '/channels', () => new Promise(() => {}));
    const clock = new ManualClock();
    const ari = createAriClient({
      transport: httpTransport({ url: fake.url, username: 'parley', password: 'secret' }),
      app: 'parley',
      clock,
    });
    const pending = ari.channels.list(undefined, { timeoutMs: 50 }).catch((e: unknown) => e);
    await clock.advance(50);
    expect(await pending).toMatchObject({ code: 'TIMEOUT' });
  });

  it('times out in the HTTP transport itself and aborts the request', async () => {
    fake.route('GET', '/channels', () => new Promise(() => {}));
    const clock = new ManualClock();
    const transport = httpTransport(
      { url: fake.url, username: 'parley', password: 'secret' },
      { clock, requestTimeoutMs: 100 },
    );
    const pending = transport
      .request({ method: 'GET', path: '/channels', query: {} })
      .catch((e: unknown) => e);
    await clock.advance(100);
    expect(await pending).toMatchObject({ code: 'TIMEOUT', operation: 'GET /channels' });
    await vi.waitFor(() => expect(fake.abortedRequests).toBe(1));
  });

  it('calls any operation by id through call()', async () => {
    fake.route('POST', '/bridges/b1/addChannel', { status: 204 });
    await clientFor().call('bridges.addChannel', { bridgeId: 'b1', channel: ['c1', 'c2'], absorbDTMF: true });
    expect(fake.requests[0]?.body).toEqual({ channel: ['c1', 'c2'], absorbDTMF: true });
  });
});
