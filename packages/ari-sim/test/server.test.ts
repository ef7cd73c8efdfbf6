import { type AriTransport, httpTransport, ManualClock } from '@parley/ari';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { type AriSim, createAriSim, type RunningServer } from '../src/index.js';
import { AppTap, START } from './support/sim.js';

let sim: AriSim;
let server: RunningServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
  await sim.close();
});

/** Waits until deliveries over a real socket have stopped arriving (not a timing assertion). */
async function quiet(taps: AppTap[]): Promise<void> {
  let count = -1;
  while (count !== taps.reduce((n, t) => n + t.events.length, 0)) {
    count = taps.reduce((n, t) => n + t.events.length, 0);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** One call, start to end, through whatever transport: what each app saw and what REST answered. */
async function scenario(clock: ManualClock, transport: (user: string) => AriTransport) {
  const parley = new AppTap('parley', transport('parley'));
  const harness = new AppTap('harness', transport('harness'));
  await parley.connect();
  await harness.connect();
  const step = async (ms = 0) => {
    await quiet([parley, harness]);
    await clock.advance(ms);
    await quiet([parley, harness]);
  };
  const replies: unknown[] = [];
  const call = async (tap: AppTap, ...args: Parameters<AppTap['call']>) => {
    const res = await tap.call(...args);
    replies.push([res.status, res.json]);
    await step();
  };
  await call(harness, 'POST', '/channels', {
    endpoint: 'Local/18005550100@from-test/n',
    app: 'harness',
    appArgs: 'caller,e1',
    callerId: '"Test Caller" <+15550001111>',
    channelId: 'e1-caller',
    otherChannelId: 'e1-flow',
  });
  await call(parley, 'POST', '/channels/e1-flow/answer');
  await call(parley, 'POST', '/channels/e1-flow/play/e1-pb', { media: ['sound:hello-world'] });
  await call(harness, 'POST', '/channels/e1-caller/dtmf', { dtmf: '12', between: 300 });
  await step(2000);
  await call(parley, 'GET', '/channels');
  await call(parley, 'DELETE', '/channels/e1-flow?reason=normal');
  await call(harness, 'GET', '/channels/e1-flow');
  parley.disconnect();
  harness.disconnect();
  return { replies, parley: parley.events, harness: harness.events };
}

describe('the HTTP + WebSocket server', () => {
  it('gives the same answers and events as the in-process transport', async () => {
    const inClock = new ManualClock(START);
    sim = createAriSim({ clock: inClock });
    const inProcess = await scenario(inClock, (user) => sim.transport({ username: user, password: user }));
    await sim.close();

    const netClock = new ManualClock(START);
    sim = createAriSim({ clock: netClock });
    server = await sim.listen({ port: 0, host: '127.0.0.1' });
    const url = server.url;
    const overNetwork = await scenario(netClock, (user) =>
      httpTransport({ url, username: user, password: user }),
    );

    expect(overNetwork).toEqual(inProcess);
    expect(inProcess.parley.map((e) => e.type)).toContain('PlaybackFinished');
    expect(inProcess.harness.filter((e) => e.type === 'ChannelDtmfReceived')).toHaveLength(2);
  });

  it('requires credentials, from a Basic header or api_key, for REST and the events socket', async () => {
    sim = createAriSim();
    server = await sim.listen({ port: 0 });
    const wrong = await fetch(`${server.url}/channels`, {
      headers: { authorization: `Basic ${Buffer.from('parley:wrong').toString('base64')}` },
    });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toEqual({ message: 'Authentication required' });
    expect((await fetch(`${server.url}/asterisk/ping?api_key=parley:parley`)).status).toBe(200);
    expect((await fetch(`${server.url}/asterisk/ping`)).status).toBe(401);
    const refused = await new Promise<number>((resolve) => {
      const ws = new WebSocket(`${server?.url.replace('http', 'ws')}/events?app=parley&api_key=parley:nope`);
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.on('open', () => resolve(101));
    });
    expect(refused).toBe(401);
    const opened = await new Promise<string>((resolve) => {
      const ws = new WebSocket(
        `${server?.url.replace('http', 'ws')}/events?app=parley&api_key=parley:parley`,
        'ari',
      );
      ws.on('open', () => {
        resolve(ws.protocol);
        ws.close();
      });
    });
    expect(opened).toBe('ari');
  });

  it('refuses a wrong password in-process too', async () => {
    sim = createAriSim();
    const transport = sim.transport({ username: 'parley', password: 'wrong' });
    expect(await transport.request({ method: 'GET', path: '/channels', query: {} })).toMatchObject({
      status: 401,
      body: '{"message":"Authentication required"}',
    });
    await expect(transport.openEvents({ apps: ['parley'] })).rejects.toMatchObject({ status: 401 });
  });

  it('answers the info, ping and API version resources', async () => {
    sim = createAriSim();
    server = await sim.listen({ port: 0 });
    const auth = { authorization: `Basic ${Buffer.from('harness:harness').toString('base64')}` };
    const info = (await (
      await fetch(`${server.url}/asterisk/info?only=system`, { headers: auth })
    ).json()) as Record<string, unknown>;
    expect(info).toEqual({ system: { version: '22.10.1', entity_id: '02:fc:00:00:00:01' } });
    expect(await (await fetch(`${server.url}/asterisk/ping`, { headers: auth })).json()).toMatchObject({
      ping: 'pong',
      asterisk_id: '02:fc:00:00:00:01',
    });
    expect(
      await (await fetch(`${server.url}/api-docs/resources.json`, { headers: auth })).json(),
    ).toMatchObject({ apiVersion: '10.0.0', basePath: server.url });
    const unknown = await fetch(`${server.url}/nothing/here`, { headers: auth });
    expect([unknown.status, await unknown.json()]).toEqual([404, { message: 'Resource not found' }]);
    const wrongMethod = await fetch(`${server.url}/asterisk/ping`, { method: 'DELETE', headers: auth });
    expect(wrongMethod.status).toBe(405);
  });
});
