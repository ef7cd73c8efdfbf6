/**
 * Seeded randomness, so a contact's DistributeByPercentage draws are reproducible (replays, tests,
 * `parley run`) while different contacts spread evenly. mulberry32 is a well-known 32-bit generator:
 * its whole state is one integer, which the contact carries as plain data.
 */

/** FNV-1a over UTF-16 code units: a stable 32-bit seed from a ContactId. */
export function seedFrom(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** One mulberry32 step: a float in [0, 1) and the next state. */
export function nextRandom(state: number): { value: number; state: number } {
  const next = (state + 0x6d2b79f5) >>> 0;
  let t = next;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return { value: ((t ^ (t >>> 14)) >>> 0) / 4294967296, state: next };
}

/** A uniform integer in [min, max] and the next state. */
export function randomInt(state: number, min: number, max: number): { value: number; state: number } {
  const r = nextRandom(state);
  return { value: min + Math.floor(r.value * (max - min + 1)), state: r.state };
}
