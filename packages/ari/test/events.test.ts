import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  type AriClient,
  AriError,
  type AriEvent,
  AriWaitError,
  createAriClient,
  httpTransport,
  type LifecycleEvent,
  ManualClock,
} from '../src/index.js';
import { bridge, channel, playback, recording } from './support/events.js';
import { FakeAsterisk } from './support/fake-asterisk.js';

let fake: FakeAsterisk;
let clients: AriClient[] = [];

function connectClient(options: { clock?: ManualClock; password?: string } = {}): AriClient {
  const ari = createAriClient({
    transport: httpTransport({ url: fake.url, username: 'parley', password: options.password ?? 'secret' }),
    app: 'parley',
    pingIntervalMs: 0,
    ...(options.clock ? { clock: options.clock } : {}),
  });
  clients.push(ari);
  return ari;
}

/** Collects what a handler receives, as `type:id` strings. */
function recorder() {
  const seen: string[] = [];
  const handler = (event: AriEvent) => {
    const e = event as unknown as Record<string, { id?: string; name?: string } | undefined>;
    seen.push(
      `${event.type}:${e.channel?.id ?? e.peer?.id ?? e.bridge?.id ?? e.playback?.id ?? e.recording?.name ?? ''}`,
    );
  };
  return { seen, handler };
}

/** Sends a marker event and waits for it, so everything sent before it has been dispatched. */
async function flush(ari: AriClient): Promise<void> {
  const marker = `marker-${Math.random()}`;
  const arrived = ari.waitFor('ChannelUserevent', (e) => e.eventname === marker);
  await fake.send({ type: 'ChannelUserevent', eventname: marker, userevent: {} });
  await arrived;
}

beforeEach(async () => {
  fake = await FakeAsterisk.start();
  clients = [];
});
afterEach(async () => {
  for (const ari of clients) ari.close();
  await fake.stop();
});

describe('events connection', () => {
  it('opens the events socket for the app and resolves connect() once it is open', async () => {
    const ari = connectClient();
    const lifecycle: LifecycleEvent[] = [];
    ari.onLifecycle((event) => lifecycle.push(event));
    await ari.connect();
    expect(ari.state).toBe('open');
    const socket = await fake.socket(1);
    expect(socket.apps).toEqual(['parley']);
    expect(socket.query.has('subscribeAll')).toBe(false);
    expect(lifecycle).toEqual([{ type: 'connected' }]);
  });

  it('registers several apps on one socket, with subscribeAll and the api_key when configured', async () => {
    const ari = createAriClient({
      transport: httpTransport({ url: fake.url, apiKey: 'parley:secret' }),
      apps: ['parley', 'harness'],
      subscribeAll: true,
      pingIntervalMs: 0,
    });
    clients.push(ari);
    await ari.connect();
    const socket = await fake.socket(1);
    expect(socket.apps).toEqual(['parley', 'harness']);
    expect(socket.query.get('subscribeAll')).toBe('true');
    expect(socket.query.get('api_key')).toBe('parley:secret');
  });

  it('rejects connect() with a 401 AriError when the upgrade is refused, and stays idle', async () => {
    const ari = connectClient({ password: 'wrong' });
    const error = await ari.connect().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AriError);
    expect(error).toMatchObject({
      code: 'HTTP',
      status: 401,
      message: 'Authentication required',
      operation: 'events.eventWebsocket',
    });
    expect(ari.state).toBe('idle');
    expect(fake.sockets).toHaveLength(0);
  });

  it('rejects connect() with a NETWORK AriError when nothing listens', async () => {
    const url = fake.url;
    await fake.stop();
    const ari = createAriClient({
      transport: httpTransport({ url, username: 'parley', password: 'secret' }),
      app: 'parley',
      pingIntervalMs: 0,
    });
    await expect(ari.connect()).rejects.toMatchObject({ code: 'NETWORK', status: 0 });
    fake = await FakeAsterisk.start();
  });

  it('reports a frame that is not an event and keeps dispatching', async () => {
    const ari = connectClient();
    const errors: LifecycleEvent[] = [];
    ari.onLifecycle((event) => {
      if (event.type === 'error') errors.push(event);
    });
    await ari.connect();
    const socket = await fake.socket(1);
    socket.ws.send('not json');
    await flush(ari);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ type: 'error', text: 'not json' });
  });
});

describe('dispatch', () => {
  it('delivers each event to the handlers of its type, of the ids it carries, and to onAny', async () => {
    const ari = connectClient();
    await ari.connect();
    const byType = recorder();
    const byChannel = recorder();
    const byPeer = recorder();
    const byBridge = recorder();
    const byPlayback = recorder();
    const byRecording = recorder();
    const any = recorder();
    ari.on('ChannelDtmfReceived', byType.handler);
    ari.onChannel('c1', byChannel.handler);
    ari.onChannel('agent', byPeer.handler);
    ari.onBridge('b1', byBridge.handler);
    ari.onPlayback('pb1', byPlayback.handler);
    ari.onRecording('rec1', byRecording.handler);
    ari.onAny(any.handler);

    await fake.send({ type: 'ChannelDtmfReceived', digit: '1', duration_ms: 100, channel: channel('c1') });
    await fake.send({ type: 'ChannelDtmfReceived', digit: '2', duration_ms: 100, channel: channel('other') });
    await fake.send({ type: 'Dial', dialstatus: 'RINGING', peer: channel('agent'), dialstring: '' });
    await fake.send({ type: 'ChannelEnteredBridge', bridge: bridge('b1', ['c1']), channel: channel('c1') });
    await fake.send({ type: 'PlaybackStarted', playback: playback('pb1', 'c1') });
    await fake.send({ type: 'PlaybackStarted', playback: playback('pb2', 'c1') });
    await fake.send({ type: 'RecordingStarted', recording: recording('rec1') });
    await fake.send({ type: 'BridgeDestroyed', bridge: bridge('b2') });
    await flush(ari);

    expect(byType.seen).toEqual(['ChannelDtmfReceived:c1', 'ChannelDtmfReceived:other']);
    expect(byChannel.seen).toEqual(['ChannelDtmfReceived:c1', 'ChannelEnteredBridge:c1']);
    expect(byPeer.seen).toEqual(['Dial:agent']);
    expect(byBridge.seen).toEqual(['ChannelEnteredBridge:c1']);
    expect(byPlayback.seen).toEqual(['PlaybackStarted:pb1']);
    expect(byRecording.seen).toEqual(['RecordingStarted:rec1']);
    expect(any.seen.filter((s) => !s.startsWith('ChannelUserevent'))).toHaveLength(8);
  });

  it('delivers events for channels the app does not own only to handlers of those ids and onAny', async () => {
    // Originating a Local channel subscribes the app to both halves: the harness's ;2 events arrive too.
    const ari = connectClient();
    await ari.connect();
    const mine = recorder();
    const stasisStarts = recorder();
    ari.onChannel('s04-agent', mine.handler);
    ari.on('StasisStart', stasisStarts.handler);
    await fake.send({
      type: 'ChannelVarset',
      variable: 'STASISSTATUS',
      value: '',
      channel: channel('s04-agentph'),
    });
    await fake.send({ type: 'StasisStart', args: ['agent'], channel: channel('s04-agent') });
    await flush(ari);
    expect(mine.seen).toEqual(['StasisStart:s04-agent']);
    expect(stasisStarts.seen).toEqual(['StasisStart:s04-agent']);
  });

  it('stops calling a handler once unsubscribed and forgets the id', async () => {
    const ari = connectClient();
    await ari.connect();
    const before = ari.listenerCount;
    const first = recorder();
    const off = ari.onChannel('c1', first.handler);
    const offType = ari.on('StasisEnd', first.handler);
    expect(ari.listenerCount).toBe(before + 2);
    off();
    offType();
    off();
    expect(ari.listenerCount).toBe(before);
    await fake.send({ type: 'StasisEnd', channel: channel('c1') });
    await flush(ari);
    expect(first.seen).toEqual([]);
  });

  it('keeps no trace of thousands of finished calls', async () => {
    const ari = connectClient();
    await ari.connect();
    const handler = () => {};
    for (let i = 0; i < 5000; i++) {
      const offs = [
        ari.onChannel(`c${i}`, handler),
        ari.onBridge(`b${i}`, handler),
        ari.onPlayback(`p${i}`, handler),
        ari.onRecording(`r${i}`, handler),
        ari.on('StasisEnd', handler),
      ];
      for (const off of offs) off();
    }
    expect(ari.listenerCount).toBe(0);
  });

  it('treats the same function registered twice as two subscriptions', async () => {
    const ari = connectClient();
    await ari.connect();
    const calls = recorder();
    const offFirst = ari.onPlayback('pb1', calls.handler);
    ari.onPlayback('pb1', calls.handler);
    offFirst();
    await fake.send({ type: 'PlaybackFinished', playback: playback('pb1', 'c1', 'done') });
    await flush(ari);
    expect(calls.seen).toEqual(['PlaybackFinished:pb1']);
  });

  it('does not call a handler removed by an earlier handler of the same event', async () => {
    const ari = connectClient();
    await ari.connect();
    const second = recorder();
    let offSecond = () => {};
    ari.onChannel('c1', () => offSecond());
    offSecond = ari.onChannel('c1', second.handler);
    await fake.send({ type: 'StasisEnd', channel: channel('c1') });
    await flush(ari);
    expect(second.seen).toEqual([]);
  });

  it('keeps dispatching when a handler throws, and reports the failure', async () => {
    const ari = connectClient();
    await ari.connect();
    const errors: unknown[] = [];
    ari.onLifecycle((event) => {
      if (event.type === 'error') errors.push(event.error);
    });
    const after = recorder();
    ari.on('StasisEnd', () => {
      throw new Error('handler bug');
    });
    ari.on('StasisEnd', after.handler);
    await fake.send({ type: 'StasisEnd', channel: channel('c1') });
    await flush(ari);
    expect(after.seen).toEqual(['StasisEnd:c1']);
    expect(errors).toEqual([new Error('handler bug')]);
  });
});

describe('events that beat the HTTP reply', () => {
  it('reach a waitFor and a handler registered with the pre-generated id before the request', async () => {
    const ari = connectClient();
    await ari.connect();
    const socket = await fake.socket(1);
    const order: string[] = [];
    let release: () => void = () => {};
    const delivered = new Promise<void>((resolve) => {
      release = resolve;
    });
    // Asterisk queues PlaybackStarted before it writes the 201; the reply waits until the client has
    // dispatched the event, so the event really comes first.
    const playbackId = ari.newId('pb');
    fake.route('POST', `/channels/c1/play/${playbackId}`, async () => {
      socket.ws.send(
        JSON.stringify({
          type: 'PlaybackStarted',
          application: 'parley',
          playback: playback(playbackId, 'c1'),
        }),
      );
      await delivered;
      return { status: 201, body: playback(playbackId, 'c1', 'queued') };
    });
    ari.onPlayback(playbackId, (event) => {
      order.push(event.type);
      release();
    });
    const started = ari.waitFor('PlaybackStarted', (e) => e.playback.id === playbackId);
    const reply = await ari.channels.playWithId({ channelId: 'c1', playbackId, media: 'sound:hello-world' });
    order.push('reply');
    await expect(started).resolves.toMatchObject({ playback: { id: playbackId, state: 'playing' } });
    expect(reply.state).toBe('queued');
    expect(order).toEqual(['PlaybackStarted', 'reply']);
  });
});

describe('waitFor', () => {
  it('resolves with the first event that matches and then removes itself', async () => {
    const ari = connectClient();
    await ari.connect();
    const before = ari.listenerCount;
    const finished = ari.waitFor('PlaybackFinished', (e) => e.playback.id === 'pb2');
    expect(ari.listenerCount).toBe(before + 1);
    await fake.send({ type: 'PlaybackFinished', playback: playback('pb1', 'c1', 'done') });
    await fake.send({ type: 'PlaybackFinished', playback: playback('pb2', 'c1', 'failed') });
    await expect(finished).resolves.toMatchObject({ playback: { id: 'pb2', state: 'failed' } });
    expect(ari.listenerCount).toBe(before);
  });

  it('filed under a playback or channel id, sees only that id’s events of the type', async () => {
    const ari = connectClient();
    await ari.connect();
    const before = ari.listenerCount;
    const finished = ari.waitFor('PlaybackFinished', undefined, { playbackId: 'pb2' });
    const started = ari.waitFor('StasisStart', undefined, { channelId: 'c2' });
    let settled = 0;
    void finished.then(() => settled++);
    void started.then(() => settled++);
    await fake.send({ type: 'PlaybackStarted', playback: playback('pb2', 'c1', 'playing') });
    await fake.send({ type: 'PlaybackFinished', playback: playback('pb1', 'c1', 'done') });
    await fake.send({ type: 'StasisEnd', channel: channel('c2') });
    await fake.send({ type: 'StasisStart', channel: channel('c1'), args: [] });
    expect(settled).toBe(0);
    await fake.send({ type: 'PlaybackFinished', playback: playback('pb2', 'c1', 'done') });
    await fake.send({ type: 'StasisStart', channel: channel('c2'), args: [] });
    await expect(finished).resolves.toMatchObject({ playback: { id: 'pb2', state: 'done' } });
    await expect(started).resolves.toMatchObject({ channel: { id: 'c2' } });
    expect(ari.listenerCount).toBe(before);
  });

  it('rejects with AriWaitError after the timeout on the client clock, and not before', async () => {
    const clock = new ManualClock();
    const ari = connectClient({ clock });
    let outcome: unknown;
    const waiting = ari.waitFor('StasisStart', undefined, { timeoutMs: 1000 }).catch((e: unknown) => e);
    void waiting.then((e) => {
      outcome = e;
    });
    await clock.advance(999);
    expect(outcome).toBeUndefined();
    await clock.advance(1);
    const error = await waiting;
    expect(error).toBeInstanceOf(AriWaitError);
    expect(error).toMatchObject({ reason: 'timeout', eventType: 'StasisStart' });
    expect((error as Error).message).toBe('No StasisStart event within 1000 ms');
    expect(ari.listenerCount).toBe(0);
    expect(clock.pendingTimers).toBe(0);
  });

  it('clears its timer when the event arrives', async () => {
    const clock = new ManualClock();
    const ari = connectClient({ clock });
    await ari.connect();
    const ended = ari.waitFor('StasisEnd', undefined, { timeoutMs: 1000 });
    expect(clock.pendingTimers).toBe(1);
    await fake.send({ type: 'StasisEnd', channel: channel('c1') });
    await ended;
    expect(clock.pendingTimers).toBe(0);
  });

  it("rejects with the signal's reason when aborted, and at once when already aborted", async () => {
    const ari = connectClient();
    const controller = new AbortController();
    const waiting = ari.waitFor('StasisStart', undefined, { signal: controller.signal });
    controller.abort(new Error('caller hung up'));
    await expect(waiting).rejects.toThrow('caller hung up');
    await expect(ari.waitFor('StasisStart', undefined, { signal: controller.signal })).rejects.toThrow(
      'caller hung up',
    );
    expect(ari.listenerCount).toBe(0);
  });

  it('rejects when the predicate throws', async () => {
    const ari = connectClient();
    await ari.connect();
    const waiting = ari.waitFor('StasisEnd', () => {
      throw new Error('predicate bug');
    });
    await fake.send({ type: 'StasisEnd', channel: channel('c1') });
    await expect(waiting).rejects.toThrow('predicate bug');
  });

  it('rejects pending waits when the client is closed', async () => {
    const ari = connectClient();
    await ari.connect();
    const waiting = ari.waitFor('StasisStart');
    ari.close();
    await expect(waiting).rejects.toMatchObject({ name: 'AriWaitError', reason: 'closed' });
    expect(ari.state).toBe('closed');
  });
});

describe('newId', () => {
  it('makes unique ids with the configured prefix and an optional kind', () => {
    const ari = createAriClient({
      transport: httpTransport({ url: 'http://127.0.0.1:1/ari', username: 'u', password: 'p' }),
      app: 'parley',
      idPrefix: 'run7-',
    });
    const ids = new Set(Array.from({ length: 1000 }, () => ari.newId('pb')));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(id).toMatch(/^run7-pb-[0-9a-f-]{36}$/);
    expect(ari.newId()).toMatch(/^run7-[0-9a-f-]{36}$/);
  });
});

describe('lifecycle listeners', () => {
  it('stop receiving notifications once unsubscribed', async () => {
    const ari = connectClient();
    const seen = vi.fn();
    const off = ari.onLifecycle(seen);
    off();
    await ari.connect();
    expect(seen).not.toHaveBeenCalled();
  });
});
