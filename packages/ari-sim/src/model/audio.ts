import type { Clip } from './media.js';
import type { TonePart } from './say.js';

/**
 * What reaches a channel, as a function of time: whether frames flow at all, whether they carry
 * sound, and until when that holds. Sources capture their start times, so a detector can replay
 * the stretch between its last look and now even after the source was replaced.
 */
export interface AudioState {
  flowing: boolean;
  audible: boolean;
  until: number;
}

export type AudioSource = (t: number) => AudioState;

export const NO_AUDIO: AudioSource = () => ({
  flowing: false,
  audible: false,
  until: Number.POSITIVE_INFINITY,
});

/** The silence generator: frames, never sound. */
export const SILENCE: AudioSource = () => ({
  flowing: true,
  audible: false,
  until: Number.POSITIVE_INFINITY,
});

function clipAt(clip: Clip, start: number, t: number): AudioState {
  const offset = t - start;
  const soundEnd = clip.durationMs - clip.tailMs;
  if (offset < clip.leadMs) return { flowing: true, audible: false, until: start + clip.leadMs };
  if (offset < soundEnd) return { flowing: true, audible: true, until: start + soundEnd };
  return { flowing: true, audible: false, until: start + clip.durationMs };
}

/** Clips back to back from `start`; nothing once they are over. */
export function clipsSource(start: number, clips: readonly Clip[]): AudioSource {
  return (t) => {
    let at = start;
    for (const clip of clips) {
      if (t < at) return { flowing: false, audible: false, until: at };
      if (t < at + clip.durationMs) return clipAt(clip, at, t);
      at += clip.durationMs;
    }
    return { ...NO_AUDIO(t) };
  };
}

/** Music on hold: the class's files over and over. */
export function loopSource(start: number, clips: readonly Clip[]): AudioSource {
  const period = clips.reduce((sum, c) => sum + c.durationMs, 0);
  if (period <= 0) return NO_AUDIO;
  return (t) => {
    const lap = Math.floor((t - start) / period);
    const lapStart = start + lap * period;
    return clipsSource(lapStart, clips)(t);
  };
}

/** A tone: `once` parts play first, the rest repeat; a part without a length lasts for ever. */
export function toneSource(start: number, parts: readonly TonePart[]): AudioSource {
  const once = parts.filter((p) => p.once);
  const loop = parts.filter((p) => !p.once);
  return (t) => {
    let at = start;
    for (const part of once) {
      if (part.ms === undefined)
        return { flowing: true, audible: part.audible, until: Number.POSITIVE_INFINITY };
      if (t < at + part.ms) return { flowing: true, audible: part.audible, until: at + part.ms };
      at += part.ms;
    }
    const period = loop.reduce((sum, p) => sum + (p.ms ?? 0), 0);
    if (loop.length === 0) return SILENCE(t);
    if (period === 0 || loop.some((p) => p.ms === undefined)) {
      const forever = loop.find((p) => p.ms === undefined) ?? loop[0];
      return { flowing: true, audible: forever?.audible ?? false, until: Number.POSITIVE_INFINITY };
    }
    let lapAt = at + Math.floor((t - at) / period) * period;
    for (const part of loop) {
      const ms = part.ms ?? 0;
      if (t < lapAt + ms) return { flowing: true, audible: part.audible, until: lapAt + ms };
      lapAt += ms;
    }
    return { flowing: true, audible: false, until: t + 1 };
  };
}

/** Several sources mixed: frames if any flows, sound if any sounds. */
export function mix(sources: readonly AudioSource[]): AudioSource {
  if (sources.length === 0) return NO_AUDIO;
  if (sources.length === 1) return sources[0] ?? NO_AUDIO;
  return (t) => {
    let flowing = false;
    let audible = false;
    let until = Number.POSITIVE_INFINITY;
    for (const source of sources) {
      const s = source(t);
      flowing ||= s.flowing;
      audible ||= s.audible;
      until = Math.min(until, s.until);
    }
    return { flowing, audible, until: Math.max(until, t + 1e-9) };
  };
}

/** Frames replaced by silence (a muted direction): frames still flow. */
export function muted(source: AudioSource): AudioSource {
  return (t) => {
    const s = source(t);
    return { ...s, audible: false };
  };
}
