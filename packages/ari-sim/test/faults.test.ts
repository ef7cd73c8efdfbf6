import { AriError, httpTransport } from '@parley/ari';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/index.js';
import { AppTap, answeredInbound, type Bench, bench, eventsOf, inbound } from './support/sim.js';

let b: Bench;
beforeEach(async () => {
  b = await bench();
});
afterEach(() => b.close());

const state = (id: string) => b.sim.channel(id)?.state;

describe('injected REST faults', () => {
  it('answer the next matching requests with the status and leave Asterisk untouched', async () => {
    await inbound(b);
    b.sim.faults.add({ operation: 'channels.answer', times: 2, fault: { status: 503 } });
    const first = await b.parley.call('POST', '/channels/s01-flow/answer');
    const second = await b.parley.call('POST', '/channels/s01-flow/answer');
    expect([first.status, first.json, second.status]).toEqual([503, { message: 'Service Unavailable' }, 503]);
    expect(state('s01-flow')).toBe('Ring');
    expect((await b.parley.call('POST', '/channels/s01-flow/answer')).status).toBe(204);
    await b.advance(0);
    expect(state('s01-flow')).toBe('Up');
    expect(b.sim.faults.pending()).toEqual([]);
  });

  it("take only the named user's requests", async () => {
    await answeredInbound(b);
    b.sim.faults.add({ operation: '*', user: 'parley', fault: { status: 500, message: 'boom' } });
    expect((await b.harness.call('GET', '/channels/s01-flow')).status).toBe(200);
    expect(await b.parley.call('GET', '/channels/s01-flow')).toMatchObject({
      status: 500,
      json: { message: 'boom' },
    });
  });

  it('hang a request without acting on it until the connection drops', async () => {
    await answeredInbound(b);
    b.sim.faults.add({ operation: 'channels.playWithId', fault: { hang: true } });
    const play = b.parley.call('POST', '/channels/s01-flow/play/pb1', { media: ['sound:hello-world'] });
    let settled = false;
    play.then(
      () => (settled = true),
      () => (settled = true),
    );
    await b.advance(2000);
    expect(settled).toBe(false);
    expect(eventsOf(b.parley, 'PlaybackStarted')).toEqual([]);
    await b.sim.restart();
    await expect(play).rejects.toMatchObject({ code: 'NETWORK' });
  });

  it('act on a request whose answer is then lost', async () => {
    await answeredInbound(b);
    b.sim.faults.add({ operation: 'channels.playWithId', fault: { loseAnswer: true } });
    void b.parley
      .call('POST', '/channels/s01-flow/play/pb1', { media: ['sound:hello-world'] })
      .catch(() => {});
    await b.advance(0);
    expect(eventsOf(b.parley, 'PlaybackStarted').map((e) => (e.playback as { id: string }).id)).toEqual([
      'pb1',
    ]);
    expect((await b.parley.call('GET', '/playbacks/pb1')).status).toBe(200);
  });
});

describe('a dropped events socket', () => {
  it('closes abnormally, unregisters its app and leaves the calls in Stasis', async () => {
    await answeredInbound(b);
    const closed = new Promise<number>((resolve) => b.parley.stream?.onClose((code) => resolve(code)));
    expect(b.sim.dropEventSockets(['parley'])).toBe(1);
    expect(await closed).toBe(1006);
    expect(b.sim.applications().find((a) => a.name === 'parley')).toMatchObject({
      channel_ids: ['s01-flow'],
    });
    expect((await b.harness.call('GET', '/channels/s01-flow')).status).toBe(200);
    // The harness's socket was not touched: it still hears the call.
    await b.harness.call('POST', '/channels/s01-caller/dtmf', { dtmf: '5' });
    await b.advance(300);
    expect(eventsOf(b.harness, 'ChannelDtmfReceived')).toHaveLength(1);
  });
});

describe('a restart', () => {
  it('loses every channel and bridge without an event, drops the sockets and refuses connections while down', async () => {
    await answeredInbound(b);
    await b.parley.call('POST', '/bridges/br1', { type: 'mixing' });
    const before = (await b.parley.call('GET', '/asterisk/info')).json as {
      status: { startup_time: string };
    };
    const closed = new Promise<number>((resolve) => b.parley.stream?.onClose((code) => resolve(code)));
    const eventsBefore = [b.parley.events.length, b.harness.events.length];
    await b.advance(5000);
    const back = b.sim.restart({ downMs: 1000 });
    expect(await closed).toBe(1006);
    await expect(b.parley.call('GET', '/channels')).rejects.toBeInstanceOf(AriError);
    await expect(
      new AppTap('parley', b.sim.transport({ username: 'parley', password: 'parley' })).connect(),
    ).rejects.toMatchObject({
      code: 'NETWORK',
    });
    await b.advance(1000);
    await back;
    expect([b.parley.events.length, b.harness.events.length]).toEqual(eventsBefore);
    expect((await b.parley.call('GET', '/channels')).json).toEqual([]);
    expect((await b.parley.call('GET', '/bridges')).json).toEqual([]);
    expect((await b.parley.call('GET', '/applications')).json).toEqual([]);
    const after = (await b.parley.call('GET', '/asterisk/info')).json as { status: { startup_time: string } };
    expect(after.status.startup_time).not.toBe(before.status.startup_time);
  });

  it('takes new calls once back, with its name counter started again', async () => {
    await answeredInbound(b);
    await b.sim.restart();
    const parley = new AppTap('parley', b.sim.transport({ username: 'parley', password: 'parley' }));
    const harness = new AppTap('harness', b.sim.transport({ username: 'harness', password: 'harness' }));
    await parley.connect();
    await harness.connect();
    b.parley = parley;
    b.harness = harness;
    const res = await inbound(b, 's02');
    expect((res.json as { name: string }).name).toBe('Local/18005550100@from-test-00000001;1');
    expect(parley.of('StasisStart').map((e) => (e.channel as { id: string }).id)).toEqual(['s02-flow']);
  });
});

describe('the control routes over HTTP', () => {
  let server: RunningServer;
  beforeEach(async () => {
    server = await b.sim.listen({ port: 0 });
  });
  afterEach(() => server.close());

  const control = (path: string, init: { method: string; body?: unknown; user?: string }) => {
    const user = init.user ?? 'parley';
    return fetch(new URL(`/ari-sim/${path}`, server.url), {
      method: init.method,
      headers: {
        authorization: `Basic ${Buffer.from(`${user}:${user}`).toString('base64')}`,
        'content-type': 'application/json',
      },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });
  };

  it('arm, list and clear faults outside /ari, for an ARI user only', async () => {
    expect((await fetch(new URL('/ari-sim/faults', server.url))).status).toBe(401);
    expect(
      (
        await control('faults', {
          method: 'POST',
          body: { operation: 'channels.list', status: 502, times: 2 },
        })
      ).status,
    ).toBe(204);
    expect(await (await control('faults', { method: 'GET' })).json()).toEqual([
      { operation: 'channels.list', times: 2, left: 2, fault: { status: 502 } },
    ]);
    const ari = httpTransport({ url: server.url, username: 'harness', password: 'harness' });
    expect((await ari.request({ method: 'GET', path: '/channels', query: {} })).status).toBe(502);
    expect((await control('faults', { method: 'DELETE' })).status).toBe(204);
    expect((await ari.request({ method: 'GET', path: '/channels', query: {} })).status).toBe(200);
    expect((await control('faults', { method: 'POST', body: { operation: 'channels.list' } })).status).toBe(
      400,
    );
  });

  it('drop events sockets and restart Asterisk, answering once it is back', async () => {
    const parley = new AppTap(
      'parley',
      httpTransport({ url: server.url, username: 'parley', password: 'parley' }),
    );
    await parley.connect();
    const closed = new Promise<number>((resolve) => parley.stream?.onClose((code) => resolve(code)));
    const dropped = await control('events/drop', { method: 'POST', body: { apps: ['parley'] } });
    // This socket and the bench's own, in-process one.
    expect(await dropped.json()).toEqual({ dropped: 2 });
    expect(await closed).toBe(1006);
    await b.parley.connect();
    await answeredInbound(b);
    expect(b.sim.channels()).toHaveLength(2);
    let answered: Response | undefined;
    void control('restart', { method: 'POST', body: { downMs: 500 } }).then((res) => (answered = res));
    // The request travels over a real socket; the sim's downtime runs on its manual clock.
    while (!answered) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      await b.advance(100);
    }
    expect(answered.status).toBe(204);
    expect(b.sim.channels()).toEqual([]);
  });
});
