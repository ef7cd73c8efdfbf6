/**
 * Writes the prompts ari-sim ships (`sounds/en`, `sounds/moh`): a quiet tone of each Debian core
 * sound's length, so playbacks take as long as on a real Asterisk and talk detection hears sound.
 * Run once after changing the table: `tsx packages/ari-sim/scripts/generate-sounds.ts`.
 *
 * Every prompt ends in 57 ms of digital silence, as the real hello-world and vm-goodbye do: that is
 * why Asterisk's TALK_DETECT finishes 57 ms early after them (talk-detect trace). The MOH file
 * starts with 1.3 s of silence, which is why talking was only detected ~1.4 s after MOH started.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodeWav, ulawEncode } from '../src/model/audio-format.js';

const RATE = 8000;
const AMPLITUDE = 1200;
const PROMPT_TAIL_MS = 57;

interface Spec {
  file: string;
  ms: number;
  leadMs?: number;
  tailMs?: number;
  hz: number;
}

const digitNames = [
  ...Array.from({ length: 20 }, (_, n) => String(n)),
  ...['20', '30', '40', '50', '60', '70', '80', '90'],
  'hundred',
  'thousand',
  'million',
];

const specs: Spec[] = [
  // Lengths measured by the traces (PlaybackStarted → Continuing/Finished) and record.mjs.
  { file: 'en/hello-world.wav', ms: 1404, hz: 440 },
  { file: 'en/vm-goodbye.wav', ms: 865, hz: 494 },
  { file: 'en/tt-monkeys.ulaw', ms: 16200, hz: 392 },
  { file: 'en/demo-congrats.ulaw', ms: 30300, hz: 330 },
  { file: 'en/beep.wav', ms: 250, tailMs: 0, hz: 1000 },
  ...digitNames.map((d, i) => ({
    file: `en/digits/${d}.ulaw`,
    ms: d.length > 2 ? 600 : Number(d) < 10 ? 400 : 500,
    hz: 300 + i * 10,
  })),
  ...'abcdefghijklmnopqrstuvwxyz'
    .split('')
    .map((c, i) => ({ file: `en/letters/${c}.ulaw`, ms: 300, hz: 500 + i * 10 })),
  { file: 'moh/default-hold.ulaw', ms: 5000, leadMs: 1300, tailMs: 0, hz: 262 },
];

function samples(spec: Spec): Int16Array {
  const total = Math.round((spec.ms * RATE) / 1000);
  const lead = Math.round(((spec.leadMs ?? 0) * RATE) / 1000);
  const tail = Math.round(((spec.tailMs ?? PROMPT_TAIL_MS) * RATE) / 1000);
  const out = new Int16Array(total);
  for (let i = lead; i < total - tail; i++) {
    out[i] = Math.round(AMPLITUDE * Math.sin((2 * Math.PI * spec.hz * (i - lead)) / RATE));
  }
  return out;
}

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../sounds');
rmSync(root, { recursive: true, force: true });
for (const spec of specs) {
  const path = join(root, spec.file);
  mkdirSync(dirname(path), { recursive: true });
  const pcm = samples(spec);
  writeFileSync(path, spec.file.endsWith('.wav') ? encodeWav(pcm, RATE) : Buffer.from(pcm.map(ulawEncode)));
}
console.log(`wrote ${specs.length} files under ${root}`);
