/**
 * The parts of ARI messages a conformance check compares: ids, states and outcomes. Timestamps,
 * Asterisk's global Local/Announcer counters and generated ids differ between runs and are
 * normalised away; everything else a runtime could depend on stays.
 */
type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `Local/1001@test-agents-0000000e;1` → `Local/1001@test-agents-N;1`; the same for Announcer/Recorder. */
export function normalizeName(name: string): string {
  return name.replace(/-[0-9a-f]{8}(;[12])/g, '-N$1').replace(/\b(ARI(?:-MOH)?)-[0-9a-f]{8}/g, '$1-N');
}

/** Ids Asterisk generates itself (`1795231408.66`) vary; client-chosen ids do not. */
function normalizeId(id: unknown): unknown {
  return typeof id === 'string' && /^\d+\.\d+$/.test(id) ? '<asterisk-id>' : id;
}

function pick(source: unknown, keys: string[]): Json | undefined {
  if (!isObject(source)) return undefined;
  const out: Json = {};
  for (const key of keys) if (source[key] !== undefined) out[key] = source[key];
  return out;
}

function channel(c: unknown): Json | undefined {
  if (!isObject(c)) return undefined;
  const dialplan = pick(c.dialplan, ['context', 'exten', 'app_name', 'app_data']);
  return {
    id: normalizeId(c.id),
    name: typeof c.name === 'string' ? normalizeName(c.name) : c.name,
    state: c.state,
    caller: pick(c.caller, ['name', 'number']),
    dialplan,
  };
}

function bridge(b: unknown): Json | undefined {
  if (!isObject(b)) return undefined;
  return {
    id: b.id,
    bridge_type: b.bridge_type,
    bridge_class: b.bridge_class,
    technology: b.technology,
    channels: Array.isArray(b.channels) ? b.channels.map(normalizeId) : b.channels,
  };
}

const PLAYBACK = ['id', 'media_uri', 'next_media_uri', 'target_uri', 'state'];
const RECORDING = ['name', 'format', 'target_uri', 'state', 'cause'];

/** The comparable form of an event. */
export function eventKey(event: Json): Json {
  const out: Json = { type: event.type };
  for (const [key, value] of Object.entries(event)) {
    switch (key) {
      case 'type':
      case 'timestamp':
      case 'asterisk_id':
      case 'application':
        break;
      case 'channel':
      case 'peer':
      case 'caller':
      case 'replace_channel':
        out[key] = channel(value);
        break;
      case 'bridge':
        out[key] = bridge(value);
        break;
      case 'playback':
        out[key] = pick(value, PLAYBACK);
        break;
      case 'recording':
        // RecordingFinished's duration is whole seconds of wall time: compared, it's deterministic.
        out[key] = pick(value, [...RECORDING, 'duration']);
        break;
      case 'value':
        out[key] = typeof value === 'string' ? normalizeName(value) : value;
        break;
      case 'duration':
        // ChannelTalkingFinished: depends on when frames stopped, a matter of media timing.
        break;
      default:
        out[key] = value;
    }
  }
  return out;
}

/** The comparable form of a REST response body. */
export function responseKey(body: unknown): unknown {
  if (Array.isArray(body)) return body.map(responseKey);
  if (!isObject(body)) return body;
  if ('message' in body || 'error' in body) return body;
  if (body.note === 'binary body not stored') {
    // 8 kHz 16-bit mono: the length says how many whole seconds were recorded, not the exact frames.
    const length = typeof body.content_length === 'number' ? body.content_length : 0;
    return {
      content_type: body.content_type,
      riff_header: body.riff_header,
      seconds: Math.round(length / 16000),
    };
  }
  if ('dialplan' in body) return channel(body);
  if ('bridge_type' in body) return bridge(body);
  if ('media_uri' in body) {
    // A fresh playback's reply says `queued` or `playing` depending on a race inside Asterisk.
    const playback = pick(body, PLAYBACK) ?? {};
    if (playback.state === 'playing') playback.state = 'queued';
    return playback;
  }
  if ('target_uri' in body) return pick(body, RECORDING);
  if ('channel_ids' in body)
    return pick(body, ['name', 'channel_ids', 'bridge_ids', 'endpoint_ids', 'device_names']);
  return body;
}
