import { type AriTransport, type EventStream, ManualClock } from '@parley/ari';
import { type AriSim, type AriSimOptions, createAriSim } from '../../src/index.js';

export type Json = Record<string, unknown>;

/** Reads a dotted path (`channel.id`) out of a JSON value. */
export function at(value: unknown, path: string): unknown {
  let cur = value;
  for (const key of path.split('.')) {
    if (typeof cur !== 'object' || cur === null) return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

/** One app's view of the sim: its REST user and its events socket. */
export class AppTap {
  readonly events: Json[] = [];
  stream: EventStream | undefined;

  constructor(
    readonly name: string,
    readonly transport: AriTransport,
  ) {}

  async connect(): Promise<void> {
    this.stream = await this.transport.openEvents({ apps: [this.name] });
    this.stream.onMessage((text) => this.events.push(JSON.parse(text) as Json));
  }

  disconnect(code = 1000): void {
    this.stream?.close(code);
    this.stream = undefined;
  }

  async call(method: 'GET' | 'POST' | 'PUT' | 'DELETE', pathAndQuery: string, body?: Json) {
    const url = new URL(pathAndQuery, 'http://sim.invalid');
    const query: Record<string, string> = {};
    for (const [k, v] of url.searchParams) query[k] = v;
    const res = await this.transport.request({
      method,
      path: url.pathname,
      query,
      ...(body ? { body } : {}),
    });
    const text = typeof res.body === 'string' ? res.body : '';
    return { status: res.status, json: text ? (JSON.parse(text) as unknown) : undefined, raw: res };
  }

  /** Event types, optionally only those about one channel (channel, peer or playback target). */
  types(channelId?: string): string[] {
    return this.events.filter((e) => !channelId || about(e, channelId)).map((e) => String(e.type));
  }

  of(type: string): Json[] {
    return this.events.filter((e) => e.type === type);
  }

  clear(): void {
    this.events.length = 0;
  }
}

function about(e: Json, id: string): boolean {
  return (
    at(e, 'channel.id') === id || at(e, 'peer.id') === id || at(e, 'playback.target_uri') === `channel:${id}`
  );
}

export interface Bench {
  clock: ManualClock;
  sim: AriSim;
  parley: AppTap;
  harness: AppTap;
  /** Moves time on and lets everything it triggered settle. */
  advance(ms: number): Promise<void>;
  close(): Promise<void>;
}

export const START = Date.UTC(2026, 10, 21, 3, 20, 47);

export async function bench(options: AriSimOptions = {}): Promise<Bench> {
  const clock = new ManualClock(START);
  const sim = createAriSim({ clock, ...options });
  const parley = new AppTap('parley', sim.transport({ username: 'parley', password: 'parley' }));
  const harness = new AppTap('harness', sim.transport({ username: 'harness', password: 'harness' }));
  await parley.connect();
  await harness.connect();
  return {
    clock,
    sim,
    parley,
    harness,
    advance: (ms) => clock.advance(ms),
    close: () => sim.close(),
  };
}

/** The harness's inbound call into parley, as the traces place it. */
export async function inbound(b: Bench, id = 's01', number = '18005550100') {
  const res = await b.harness.call('POST', '/channels', {
    endpoint: `Local/${number}@from-test/n`,
    app: 'harness',
    appArgs: `caller,${id}`,
    callerId: '"Test Caller" <+15550001111>',
    channelId: `${id}-caller`,
    otherChannelId: `${id}-flow`,
    timeout: 30,
  });
  await b.advance(0);
  return res;
}

export async function answeredInbound(b: Bench, id = 's01') {
  await inbound(b, id);
  await b.parley.call('POST', `/channels/${id}-flow/answer`);
  await b.advance(0);
}

/** Parley dials an agent phone; the harness rings it and, unless told not to, answers. */
export async function agentLeg(
  b: Bench,
  id: string,
  options: { ext?: string; answer?: boolean; timeout?: number } = {},
) {
  const res = await b.parley.call('POST', '/channels', {
    endpoint: `Local/${options.ext ?? '1001'}@test-agents/n`,
    app: 'parley',
    appArgs: 'agent',
    channelId: id,
    otherChannelId: `${id}ph`,
    timeout: options.timeout ?? 20,
    callerId: '"Parley" <+15550009999>',
  });
  await b.advance(0);
  await b.harness.call('POST', `/channels/${id}ph/ring`);
  await b.advance(0);
  if (options.answer !== false) {
    await b.harness.call('POST', `/channels/${id}ph/answer`);
    await b.advance(0);
  }
  return res;
}

/** The events of one type, optionally about one channel, in arrival order. */
export function eventsOf(tap: AppTap, type: string, channelId?: string): Json[] {
  return tap.events.filter((e) => e.type === type && (!channelId || about(e, channelId)));
}
