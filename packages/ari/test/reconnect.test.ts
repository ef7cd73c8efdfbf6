import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  type AriClient,
  type AriClientOptions,
  AriError,
  createAriClient,
  httpTransport,
  type LifecycleEvent,
  ManualClock,
  type ResyncResult,
} from '../src/index.js';
import { bridge, channel } from './support/events.js';
import { FakeAsterisk } from './support/fake-asterisk.js';
import { SpyTransport } from './support/spy-transport.js';

let fake: FakeAsterisk;
let clients: AriClient[] = [];

beforeEach(async () => {
  fake = await FakeAsterisk.start();
  clients = [];
});
afterEach(async () => {
  for (const ari of clients) ari.close();
  await fake.stop();
});

/**
 * A client on a ManualClock starting at 0, with 100 ms → 1 s backoff and no jitter unless asked, so
 * each delay is checkable to the millisecond. Real sockets, fake time: I/O is awaited with
 * vi.waitFor, timers are moved by hand.
 */
type Tunable = 'reconnect' | 'pingIntervalMs' | 'pingTimeoutMs' | 'connectTimeoutMs' | 'random';

function setup(options: Partial<Pick<AriClientOptions, Tunable>> = {}) {
  const clock = new ManualClock(0);
  const spy = new SpyTransport(
    httpTransport({ url: fake.url, username: 'parley', password: 'secret' }, { clock }),
    clock,
  );
  const ari = createAriClient({
    transport: spy,
    app: 'parley',
    clock,
    pingIntervalMs: 0,
    ...options,
    reconnect: {
      initialDelayMs: 100,
      maxDelayMs: 1000,
      jitter: 0,
      stableAfterMs: 5000,
      ...options.reconnect,
    },
  });
  clients.push(ari);
  const lifecycle: LifecycleEvent[] = [];
  ari.onLifecycle((event) => lifecycle.push(event));
  const ofType = <T extends LifecycleEvent['type']>(type: T) =>
    lifecycle.filter((e): e is Extract<LifecycleEvent, { type: T }> => e.type === type);
  const until = (type: LifecycleEvent['type'], count = 1) =>
    vi.waitFor(() => expect(ofType(type).length).toBeGreaterThanOrEqual(count));
  return { clock, spy, ari, lifecycle, ofType, until };
}

describe('reconnect', () => {
  it('reconnects after the server closes the socket with a close frame, once the first delay has passed', async () => {
    const { clock, spy, ari, ofType, until } = setup();
    await ari.connect();
    fake.drop('close', 1011);
    await until('reconnecting');
    expect(ofType('disconnected')).toEqual([{ type: 'disconnected', code: 1011, reason: 'going away' }]);
    expect(ofType('reconnecting')).toEqual([{ type: 'reconnecting', attempt: 1, delayMs: 100 }]);
    expect(ari.state).toBe('backoff');

    await clock.advance(99);
    expect(spy.openedAt).toEqual([0]);
    await clock.advance(1);
    expect(spy.openedAt).toEqual([0, 100]);
    await until('reconnected');
    expect(ari.state).toBe('open');
    expect(ofType('connected')).toHaveLength(1);

    const socket = await fake.socket(2);
    expect(socket.apps).toEqual(['parley']);
    const started = ari.waitFor('StasisStart');
    await fake.send({ type: 'StasisStart', args: [], channel: channel('c1') });
    await expect(started).resolves.toMatchObject({ channel: { id: 'c1' } });
  });

  it('reconnects after the TCP connection is cut without a close frame', async () => {
    const { clock, spy, ari, ofType, until } = setup();
    await ari.connect();
    fake.drop('terminate');
    await until('reconnecting');
    expect(ofType('disconnected')).toEqual([{ type: 'disconnected', code: 1006, reason: '' }]);
    await clock.advance(100);
    await until('reconnected');
    expect(spy.openedAt).toEqual([0, 100]);
    expect(fake.sockets).toHaveLength(2);
  });

  it('doubles the delay after each failed attempt up to the cap, and never gives up', async () => {
    const { clock, spy, ari, ofType, until } = setup();
    await ari.connect();
    fake.refuseUpgrades = { status: 503, body: { message: 'Service Unavailable' } };
    fake.drop('terminate');
    const expected = [100, 200, 400, 800, 1000, 1000, 1000];
    for (const [index, delayMs] of expected.entries()) {
      await until('reconnecting', index + 1);
      expect(ofType('reconnecting')[index]).toMatchObject({ attempt: index + 1, delayMs });
      const attempts = spy.openedAt.length;
      await clock.advance(delayMs - 1);
      expect(spy.openedAt).toHaveLength(attempts);
      await clock.advance(1);
      expect(spy.openedAt).toHaveLength(attempts + 1);
    }
    await until('reconnecting', expected.length + 1);
    const failure = ofType('reconnecting')[1]?.error;
    expect(failure).toBeInstanceOf(AriError);
    expect(failure).toMatchObject({ status: 503, message: 'Service Unavailable' });

    fake.refuseUpgrades = undefined;
    await clock.advance(1000);
    await until('reconnected');
    const gaps = spy.openedAt.slice(1).map((at, i) => at - (spy.openedAt[i] ?? 0));
    expect(gaps.slice(1)).toEqual([200, 400, 800, 1000, 1000, 1000, 1000]);
  });

  it('takes a random part of the delay off, by the jitter fraction', async () => {
    const { clock, spy, ari, ofType, until } = setup({ reconnect: { jitter: 0.5 }, random: () => 0.5 });
    await ari.connect();
    fake.drop('terminate');
    await until('reconnecting');
    expect(ofType('reconnecting')[0]?.delayMs).toBe(75);
    await clock.advance(75);
    expect(spy.openedAt).toEqual([0, 75]);
  });

  it('starts the backoff over after a stable connection, but not after a short-lived one', async () => {
    const { clock, ari, ofType, until } = setup();
    await ari.connect();
    fake.drop('terminate');
    await until('reconnecting', 1);
    await clock.advance(100);
    await until('reconnected', 1);

    // Dropped again at once: the backoff continues.
    fake.drop('terminate');
    await until('reconnecting', 2);
    expect(ofType('reconnecting')[1]).toMatchObject({ attempt: 2, delayMs: 200 });
    await clock.advance(200);
    await until('reconnected', 2);

    // Open for the stable period: the next drop starts from the first delay.
    await clock.advance(5000);
    fake.drop('terminate');
    await until('reconnecting', 3);
    expect(ofType('reconnecting')[2]).toMatchObject({ attempt: 1, delayMs: 100 });
  });

  it('tells the owner it reconnected, and resync returns what the app still owns', async () => {
    fake.route('GET', '/applications/parley', {
      status: 200,
      body: {
        name: 'parley',
        channel_ids: ['s12a-flow', 'gone'],
        bridge_ids: ['b1'],
        endpoint_ids: [],
        device_names: [],
        events_allowed: [],
        events_disallowed: [],
      },
    });
    fake.route('GET', '/channels/s12a-flow', { status: 200, body: channel('s12a-flow') });
    fake.route('GET', '/channels/gone', { status: 404, body: { message: 'Channel not found' } });
    fake.route('GET', '/bridges/b1', { status: 200, body: bridge('b1', ['s12a-flow']) });
    const { clock, ari } = setup();
    let resynced: ResyncResult | undefined;
    ari.onLifecycle((event) => {
      if (event.type === 'reconnected') void ari.resync().then((result) => (resynced = result));
    });
    await ari.connect();
    fake.drop('close', 1000);
    await vi.waitFor(() => expect(ari.state).toBe('backoff'));
    await clock.advance(100);
    await vi.waitFor(() => expect(resynced).toBeDefined());
    expect(resynced?.application.channel_ids).toEqual(['s12a-flow', 'gone']);
    expect(resynced?.channels.map((c) => c.id)).toEqual(['s12a-flow']);
    expect(resynced?.bridges.map((b) => b.id)).toEqual(['b1']);
  });

  it('counts a handshake that never completes as a failed attempt and tries again', async () => {
    const { clock, spy, ari, ofType, until } = setup({ connectTimeoutMs: 1000 });
    await ari.connect();
    fake.stallUpgrades = true;
    fake.drop('terminate');
    await until('reconnecting', 1);
    await clock.advance(100);
    expect(spy.openedAt).toEqual([0, 100]);
    await clock.advance(999);
    expect(ofType('reconnecting')).toHaveLength(1);
    await clock.advance(1);
    await until('reconnecting', 2);
    expect(ofType('reconnecting')[1]).toMatchObject({ attempt: 2, delayMs: 200, error: { code: 'TIMEOUT' } });

    fake.stallUpgrades = false;
    await clock.advance(200);
    await until('reconnected');
    expect(spy.openedAt).toEqual([0, 100, 1300]);
  });

  it('lets connect() called during the backoff resolve once reconnected', async () => {
    const { clock, ari, until } = setup();
    await ari.connect();
    fake.drop('terminate');
    await until('reconnecting');
    let connected = false;
    const again = ari.connect().then(() => {
      connected = true;
    });
    await clock.advance(99);
    expect(connected).toBe(false);
    await clock.advance(1);
    await again;
    expect(ari.state).toBe('open');
  });

  it('stops retrying when closed during the backoff', async () => {
    const { clock, spy, ari, lifecycle, until } = setup();
    await ari.connect();
    fake.drop('terminate');
    await until('reconnecting');
    ari.close();
    await clock.runAll();
    expect(spy.openedAt).toEqual([0]);
    expect(lifecycle.at(-1)).toEqual({ type: 'closed' });
    expect(clock.pendingTimers).toBe(0);
  });

  it('does not reconnect after closing the socket itself', async () => {
    const { clock, spy, ari, ofType } = setup();
    await ari.connect();
    const socket = await fake.socket(1);
    ari.close();
    await vi.waitFor(() => expect(socket.ws.readyState).toBe(socket.ws.CLOSED));
    await clock.runAll();
    expect(spy.openedAt).toEqual([0]);
    expect(ofType('disconnected')).toEqual([]);
  });
});

describe('ApplicationReplaced', () => {
  it('stops without reconnecting, closes the replaced socket and reports it', async () => {
    const { clock, spy, ari, ofType, until } = setup();
    await ari.connect();
    const socket = await fake.socket(1);
    const replacedEvents: string[] = [];
    ari.on('ApplicationReplaced', (event) => replacedEvents.push(event.application));
    const waiting = ari.waitFor('StasisStart').catch((e: unknown) => e);
    await fake.send({ type: 'ApplicationReplaced', application: 'parley' });
    await until('replaced');
    expect(ofType('replaced')).toEqual([{ type: 'replaced', application: 'parley' }]);
    expect(replacedEvents).toEqual(['parley']);
    expect(ari.state).toBe('replaced');
    expect(await waiting).toMatchObject({ name: 'AriWaitError', reason: 'replaced' });
    await vi.waitFor(() => expect(socket.ws.readyState).toBe(socket.ws.CLOSED));

    await clock.runAll();
    expect(spy.openedAt).toEqual([0]);
    expect(ofType('reconnecting')).toEqual([]);
    expect(ofType('disconnected')).toEqual([]);
  });

  it('connects again only when the owner asks', async () => {
    const { ari, until } = setup();
    await ari.connect();
    await fake.send({ type: 'ApplicationReplaced', application: 'parley' });
    await until('replaced');
    await ari.connect();
    expect(ari.state).toBe('open');
    expect(fake.sockets).toHaveLength(2);
  });
});

describe('ping', () => {
  it('reconnects when a ping goes unanswered', async () => {
    const { clock, spy, ari, ofType, until } = setup({ pingIntervalMs: 1000, pingTimeoutMs: 500 });
    await ari.connect();
    const first = await fake.socket(1);
    fake.answerPings = false;
    await clock.advance(1000);
    expect(spy.pings).toHaveLength(1);
    await clock.advance(499);
    expect(ofType('disconnected')).toEqual([]);
    await clock.advance(1);
    expect(ofType('disconnected')).toEqual([
      { type: 'disconnected', code: 1006, reason: 'ping failed: No pong within 500 ms' },
    ]);
    await vi.waitFor(() => expect(first.ws.readyState).toBe(first.ws.CLOSED));

    fake.answerPings = true;
    await clock.advance(100);
    await until('reconnected');
    expect(spy.openedAt).toEqual([0, 1600]);
  });

  it('keeps the connection while pings are answered', async () => {
    const { clock, spy, ari, ofType } = setup({ pingIntervalMs: 1000, pingTimeoutMs: 500 });
    await ari.connect();
    for (let i = 0; i < 3; i++) {
      // Stop exactly when the next ping is sent, and let the real pong come back before going on.
      await clock.advance(1000);
      expect(spy.pings).toHaveLength(i + 1);
      await spy.pings[i];
    }
    await clock.advance(600);
    expect(ofType('disconnected')).toEqual([]);
    expect(spy.openedAt).toEqual([0]);
    expect(ari.state).toBe('open');
  });
});
