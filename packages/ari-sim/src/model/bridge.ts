import type { Bridge } from '@parley/ari';
import { type AudioSource, mix } from './audio.js';
import { formatTimestamp, type SimChannel } from './channel.js';
import type { Core } from './core.js';

const TYPE_FLAGS = new Set([
  'mixing',
  'holding',
  'dtmf_events',
  'proxy_media',
  'video_sfu',
  'video_single',
  'sdp_label',
]);

/**
 * A Stasis bridge. `members` is Asterisk's `bridge->channels` list, hidden announcer and recorder
 * channels included: they count for the smart bridge and appear in BRIDGEPEER, never in events.
 */
export class SimBridge {
  readonly members: SimChannel[] = [];
  readonly vars = new Map<string, string>();
  technology: string;
  videoMode: string;
  videoSourceId: string | undefined;
  /** The announcer that runs bridge playbacks, while it has any queued. */
  announcer: SimChannel | undefined;
  /** The announcer playing bridge MOH. */
  mohChannel: SimChannel | undefined;
  destroyed = false;
  /** `createdAt` as every snapshot of the bridge writes it: made once, not per event. */
  readonly creationTime: string;

  constructor(
    readonly id: string,
    readonly name: string,
    readonly bridgeType: 'mixing' | 'holding',
    readonly flags: ReadonlySet<string>,
    readonly createdAt: number,
  ) {
    this.technology = bridgeType === 'holding' ? 'holding_bridge' : 'simple_bridge';
    this.videoMode = flags.has('video_sfu') ? 'sfu' : flags.has('video_single') ? 'single' : 'talker';
    this.creationTime = formatTimestamp(createdAt);
  }

  /** What the smart bridge switches to once it has re-evaluated its members. */
  settledTechnology(): string {
    if (this.bridgeType === 'holding') return 'holding_bridge';
    return this.members.length > 2 ? 'softmix' : 'simple_bridge';
  }

  visibleIds(): string[] {
    return this.members
      .filter((m) => !m.internal)
      .map((m) => m.id)
      .sort();
  }

  /** Sound the bridge itself adds for everyone: its announcers' playbacks and MOH. */
  audio(): AudioSource {
    const sources: AudioSource[] = [];
    for (const m of this.members) {
      if (!m.internal) continue;
      if (m.media.playback) sources.push(m.media.playback);
      if (m.media.generator) sources.push(m.media.generator.source);
    }
    return mix(sources);
  }

  toJson(): Bridge {
    const json: Bridge = {
      id: this.id,
      technology: this.technology,
      bridge_type: this.bridgeType,
      bridge_class: 'stasis',
      creator: 'Stasis',
      name: this.name,
      channels: this.visibleIds(),
      creationtime: this.creationTime,
      video_mode: this.videoMode,
    };
    if (this.videoSourceId) json.video_source_id = this.videoSourceId;
    return json;
  }
}

/**
 * `stasis_app_bridge_create`: `type` is a comma list; holding and mixing together, an unknown
 * word or a taken id all fail the same way (500 "Possible duplicate bridge id").
 */
export function createBridge(
  core: Core,
  type: string | undefined,
  id: string | undefined,
  name: string | undefined,
): SimBridge | undefined {
  const words = (type || 'mixing')
    .split(',')
    .map((w) => w.trim())
    .filter(Boolean);
  if (words.some((w) => !TYPE_FLAGS.has(w))) return undefined;
  if (words.includes('holding') && words.includes('mixing')) return undefined;
  const bridgeId = id || core.uuid();
  if (core.bridges.has(bridgeId)) return undefined;
  const bridge = new SimBridge(
    bridgeId,
    name ?? '',
    words.includes('holding') ? 'holding' : 'mixing',
    new Set(words),
    core.now(),
  );
  core.bridges.set(bridgeId, bridge);
  return bridge;
}
