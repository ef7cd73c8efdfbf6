import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { type AudioSource, clipsSource, loopSource, mix, muted, NO_AUDIO, SILENCE } from './audio.js';
import type { SimChannel } from './channel.js';
import type { Core } from './core.js';
import type { Clip } from './media.js';

/**
 * What Asterisk writes to a channel on its own: the playing item, a generator (MOH or silence,
 * one at a time, as `ast_activate_generator` replaces the previous one) and snoop whispers.
 */
export interface ChannelMedia {
  playback: AudioSource | undefined;
  generator: { kind: 'moh' | 'silence'; source: AudioSource } | undefined;
  /** Snoop channels whispering into this one. */
  whispers: Set<SimChannel>;
}

export function newChannelMedia(): ChannelMedia {
  return { playback: undefined, generator: undefined, whispers: new Set() };
}

function changed(core: Core): void {
  core.talk.audioChanged();
}

/** The files of a MOH class, sorted alphabetically (`sort = alpha`); none for an unknown class. */
export function mohClips(core: Core, className: string): Clip[] {
  const dir = core.config.mohClasses[className]?.directory;
  if (!dir) return [];
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return [];
  }
  return names.map((n) => core.media.file(join(dir, n))).filter((c): c is Clip => c !== undefined);
}

/** `ast_moh_start`: a class without files fails silently (the REST call still answers 204). */
export function startMoh(core: Core, chan: SimChannel, className: string): void {
  const clips = mohClips(core, className || 'default');
  if (clips.length === 0) return;
  chan.media.generator = { kind: 'moh', source: loopSource(core.now(), clips) };
  changed(core);
}

export function stopGenerator(core: Core, chan: SimChannel, kind: 'moh' | 'silence'): void {
  if (chan.media.generator?.kind !== kind) return;
  chan.media.generator = undefined;
  changed(core);
}

export function startSilence(core: Core, chan: SimChannel): void {
  chan.media.generator = { kind: 'silence', source: SILENCE };
  changed(core);
}

/** A channel play stops MOH or silence and nothing restarts them (ari.md §1.3). */
export function suspendGenerator(core: Core, chan: SimChannel): void {
  if (!chan.media.generator) return;
  chan.media.generator = undefined;
  changed(core);
}

export function setPlaybackAudio(core: Core, chan: SimChannel, source: AudioSource | undefined): void {
  chan.media.playback = source;
  changed(core);
}

/** What the channel itself plays, without what reaches it through a bridge. */
function ownAudio(chan: SimChannel): AudioSource {
  const sources: AudioSource[] = [];
  if (chan.media.playback) sources.push(chan.media.playback);
  if (chan.media.generator) sources.push(chan.media.generator.source);
  for (const snoop of chan.media.whispers) if (snoop.media.playback) sources.push(snoop.media.playback);
  return mix(sources);
}

/** What a bridge member hears from the bridge: its announcer and what the others send in. */
function bridgeAudio(chan: SimChannel): AudioSource {
  const bridge = chan.bridge;
  if (!bridge) return NO_AUDIO;
  const sources: AudioSource[] = [bridge.audio()];
  if (bridge.technology === 'softmix') sources.push(SILENCE);
  for (const other of bridge.members) {
    if (other === chan || !other.peer || other.peer.destroyed || other.membership?.mute) continue;
    sources.push(ownAudio(other.peer));
  }
  return mix(sources);
}

/** Everything Asterisk writes to the channel. */
export function writtenTo(chan: SimChannel): AudioSource {
  const source = mix([ownAudio(chan), bridgeAudio(chan)]);
  return chan.muted.out ? muted(source) : source;
}

/**
 * What the channel reads: for a Local half, what is written to the other half; for a bridge's
 * recorder, the bridge's mix; for a snoop, what flows through the snooped channel.
 */
export function readFrom(chan: SimChannel): AudioSource {
  let source = NO_AUDIO;
  const peer = chan.peer;
  if (chan.tech === 'Local' && peer && !peer.destroyed) source = writtenTo(peer);
  else if (chan.tech === 'Recorder') source = bridgeAudio(chan);
  else if (chan.snoopTarget && !chan.snoopTarget.destroyed)
    source = mix([writtenTo(chan.snoopTarget), readFrom(chan.snoopTarget)]);
  return chan.muted.in ? muted(source) : source;
}

/** Hangup: the playing item fails, queued ones vanish, generators and detectors stop. */
export function channelGone(core: Core, chan: SimChannel): void {
  for (const playback of core.playbacks.forHost(chan)) playback.abort();
  chan.media.generator = undefined;
  chan.media.playback = undefined;
  core.recordings.channelGone(chan);
  core.talk.remove(chan);
  // Only a snoop whispers, and only into its target.
  chan.snoopTarget?.media.whispers.delete(chan);
  chan.snoopTarget?.snoops?.delete(chan);
  changed(core);
}

/** The dialplan's Playback(): the files in turn, then the PBX goes on (missing ones are skipped). */
export function playFilesInDialplan(core: Core, chan: SimChannel, names: string[], resume: () => void): void {
  const clips = names.map((n) => core.media.sound(n.trim(), chan.language)).filter((c): c is Clip => !!c);
  const length = clips.reduce((sum, c) => sum + c.durationMs, 0);
  setPlaybackAudio(core, chan, clipsSource(core.now(), clips));
  core.after(length, () => {
    setPlaybackAudio(core, chan, undefined);
    resume();
  });
}
