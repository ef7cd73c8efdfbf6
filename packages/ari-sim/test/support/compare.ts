import type { Json } from './traces.js';

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Local, Announcer and Recorder names carry Asterisk's global counter: `-0000001c;2` → `-N;2`. */
export function normalizeName(text: string): string {
  return text.replace(/-[0-9a-f]{8}(;[12])?/g, '-N$1');
}

/** Ids Asterisk generates itself differ from the sim's. */
function normalizeId(id: unknown): unknown {
  return typeof id === 'string' && /^\d+\.\d+$/.test(id) ? '<generated>' : id;
}

function pick(source: unknown, keys: readonly string[]): Json | undefined {
  if (!isObject(source)) return undefined;
  const out: Json = {};
  for (const key of keys) if (source[key] !== undefined) out[key] = source[key];
  return out;
}

function channelKey(c: unknown, withIdentity: boolean): Json | undefined {
  if (!isObject(c)) return undefined;
  const out: Json = {
    id: normalizeId(c.id),
    name: typeof c.name === 'string' ? normalizeName(c.name) : c.name,
    state: c.state,
  };
  if (withIdentity) {
    out.caller = (c.caller as Json | undefined)?.number;
    out.connected = (c.connected as Json | undefined)?.number;
  }
  return out;
}

/**
 * The key fields of an event: ids, states, dial status, causes, digits, variables, args, dialplan
 * apps, playback/recording ids and states, bridge ids, technology and members. Caller and
 * connected numbers are compared where they are the point of the event. Timestamps are not, and
 * the talk duration is compared separately, within a tolerance.
 */
export function eventKey(event: Json): string {
  const type = String(event.type);
  const out: Json = { type };
  const identity =
    type === 'ChannelCallerId' || type === 'ChannelConnectedLine' || type === 'ChannelDestroyed';
  if (event.channel) out.channel = channelKey(event.channel, identity);
  if (event.peer) out.peer = channelKey(event.peer, false);
  for (const key of [
    'dialstatus',
    'dialstring',
    'cause',
    'cause_txt',
    'soft',
    'digit',
    'duration_ms',
    'variable',
    'args',
    'dialplan_app',
    'dialplan_app_data',
    'destination',
  ]) {
    if (event[key] !== undefined) out[key] = event[key];
  }
  if (typeof event.value === 'string') out.value = normalizeName(event.value);
  if (event.playback)
    out.playback = pick(event.playback, ['id', 'media_uri', 'next_media_uri', 'target_uri', 'state']);
  if (event.recording)
    out.recording = pick(event.recording, ['name', 'format', 'target_uri', 'state', 'cause', 'duration']);
  if (isObject(event.bridge)) {
    const b = event.bridge;
    out.bridge = { id: b.id, technology: b.technology, bridge_type: b.bridge_type, channels: b.channels };
  }
  return JSON.stringify(out);
}

/** What an event is about: the channel (Dial: the dialled peer), playback, recording or bridge. */
export function entityOf(event: Json): string {
  const id = (path: string[]) => {
    let cur: unknown = event;
    for (const p of path) cur = isObject(cur) ? cur[p] : undefined;
    return typeof cur === 'string' ? cur : undefined;
  };
  return (
    (id(['playback', 'id']) && `playback:${id(['playback', 'id'])}`) ||
    (id(['recording', 'name']) && `recording:${id(['recording', 'name'])}`) ||
    id(['channel', 'id']) ||
    id(['peer', 'id']) ||
    (id(['bridge', 'id']) && `bridge:${id(['bridge', 'id'])}`) ||
    String(event.type)
  );
}

/** A REST body in comparable form: timestamps dropped, counters and generated ids normalised. */
export function responseKey(body: unknown): unknown {
  if (Array.isArray(body)) return body.map(responseKey);
  if (!isObject(body)) return body;
  const out: Json = {};
  for (const [key, value] of Object.entries(body)) {
    if (key === 'creationtime' || key === 'timestamp') continue;
    if (key === 'id') out.id = normalizeId(value);
    else if (key === 'name' && typeof value === 'string') out.name = normalizeName(value);
    else out[key] = isObject(value) || Array.isArray(value) ? responseKey(value) : value;
  }
  // A new playback's reply says `queued` or `playing` depending on a race inside Asterisk (README).
  if ('media_uri' in out && out.state === 'playing') out.state = 'queued';
  return out;
}

export interface Seen {
  t: number;
  event: Json;
}

/** An ordering difference a trace shows that the sim cannot reproduce, with the reason. */
export interface OrderException {
  app: string;
  first: (e: Json) => boolean;
  second: (e: Json) => boolean;
  why: string;
}

/**
 * Events of different channels raised within this many ms of each other come from different
 * Asterisk threads; the traces themselves show them in different orders from run to run (the
 * answer's two ChannelStateChanges and Dial ANSWER, for one, arrive in three orders).
 */
export const SAME_BURST_MS = 5;

export interface Difference {
  missing: string[];
  extra: string[];
  misordered: string[];
}

/**
 * Same events (as multisets of key fields), and the same order: strictly for events about the same
 * thing, and across things unless both runs raised the two within SAME_BURST_MS of each other.
 */
export function compareEvents(want: Seen[], got: Seen[], exceptions: OrderException[]): Difference {
  const keyed = (list: Seen[]) =>
    list.map((s) => ({ ...s, key: eventKey(s.event), entity: entityOf(s.event) }));
  const a = keyed(want);
  const b = keyed(got);
  const pool = new Map<string, number[]>();
  b.forEach((e, i) => {
    pool.set(e.key, [...(pool.get(e.key) ?? []), i]);
  });
  const position: number[] = [];
  const missing: string[] = [];
  for (const e of a) {
    const next = pool.get(e.key)?.shift();
    if (next === undefined) missing.push(e.key);
    position.push(next ?? -1);
  }
  const extra = [...pool.values()].flat().map((i) => b[i]?.key ?? '');
  const misordered: string[] = [];
  for (let i = 0; i < a.length; i++) {
    for (let j = i + 1; j < a.length; j++) {
      const pi = position[i] ?? -1;
      const pj = position[j] ?? -1;
      if (pi < 0 || pj < 0 || pi < pj) continue;
      const ei = a[i];
      const ej = a[j];
      const bi = b[pi];
      const bj = b[pj];
      if (!ei || !ej || !bi || !bj) continue;
      const burst =
        ei.entity !== ej.entity && ej.t - ei.t <= SAME_BURST_MS && Math.abs(bi.t - bj.t) <= SAME_BURST_MS;
      const excused = exceptions.some((x) => x.first(ei.event) && x.second(ej.event));
      if (!burst && !excused) misordered.push(`${ei.key}\n   before ${ej.key}`);
    }
  }
  return { missing, extra, misordered };
}
