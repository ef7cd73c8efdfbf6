import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { alawDecode, parseWav, ulawDecode } from './audio-format.js';

/**
 * A decoded prompt: how long it plays and where its sound is. Talk detection hears the part
 * between `leadMs` and `durationMs - tailMs`; the rest is near-silent frames.
 */
export interface Clip {
  durationMs: number;
  leadMs: number;
  tailMs: number;
}

/** Formats Asterisk's format modules register, in the order a narrowband channel prefers them. */
const EXTENSIONS = [
  'ulaw',
  'ul',
  'pcm',
  'mu',
  'alaw',
  'al',
  'wav',
  'sln',
  'raw',
  'wav16',
  'sln16',
  'gsm',
] as const;
/** Below this sample magnitude a frame is what the DSP calls silence. */
const QUIET = 256;

function* pcm16(buf: Buffer, offset = 0, length = buf.length - offset): Iterable<number> {
  for (let i = offset; i + 1 < offset + length; i += 2) yield buf.readInt16LE(i);
}

function* mapped(buf: Buffer, decode: (b: number) => number): Iterable<number> {
  for (const b of buf) yield decode(b);
}

function envelope(samples: Iterable<number>, rate: number, count: number): Clip {
  let first = -1;
  let last = -1;
  let i = 0;
  for (const s of samples) {
    if (Math.abs(s) > QUIET) {
      if (first < 0) first = i;
      last = i;
    }
    i++;
  }
  const durationMs = (count * 1000) / rate;
  if (first < 0) return { durationMs, leadMs: durationMs, tailMs: 0 };
  // Whole milliseconds: the DSP works in 20 ms frames, finer is noise.
  return {
    durationMs,
    leadMs: Math.floor((first * 1000) / rate),
    tailMs: Math.floor(((count - 1 - last) * 1000) / rate),
  };
}

/** Reads a file's length and sound envelope; undefined when Asterisk's format module would refuse it. */
export function decodeClip(ext: string, bytes: Buffer): Clip | undefined {
  switch (ext) {
    case 'wav':
    case 'wav16': {
      const info = parseWav(bytes);
      const rate = ext === 'wav' ? 8000 : 16000;
      // format_wav: 16-bit mono PCM at exactly 8 kHz (.wav) or 16 kHz (.wav16), nothing else.
      if (
        info?.audioFormat !== 1 ||
        info.channels !== 1 ||
        info.bitsPerSample !== 16 ||
        info.sampleRate !== rate
      ) {
        return undefined;
      }
      return envelope(pcm16(bytes, info.dataOffset, info.dataBytes), rate, Math.floor(info.dataBytes / 2));
    }
    case 'ulaw':
    case 'ul':
    case 'pcm':
    case 'mu':
      return envelope(mapped(bytes, ulawDecode), 8000, bytes.length);
    case 'alaw':
    case 'al':
      return envelope(mapped(bytes, alawDecode), 8000, bytes.length);
    case 'sln':
    case 'raw':
      return envelope(pcm16(bytes), 8000, Math.floor(bytes.length / 2));
    case 'sln16':
      return envelope(pcm16(bytes), 16000, Math.floor(bytes.length / 2));
    case 'gsm': {
      const durationMs = Math.floor(bytes.length / 33) * 20;
      return { durationMs, leadMs: 0, tailMs: 0 };
    }
    default:
      return undefined;
  }
}

const NO_NAMES: ReadonlySet<string> = new Set();
/** How long ago a directory must have changed for its listing to be kept (see `#listing`). */
const SETTLED_MS = 2_000;

export class MediaLibrary {
  readonly #cache = new Map<string, { mtimeMs: number; clip: Clip | undefined }>();
  readonly #listings = new Map<string, { mtimeMs: number; names: ReadonlySet<string> }>();

  constructor(readonly soundDirs: readonly string[]) {}

  #load(path: string, ext: string): Clip | undefined {
    const mtimeMs = statSync(path).mtimeMs;
    const cached = this.#cache.get(path);
    if (cached && cached.mtimeMs === mtimeMs) return cached.clip;
    const clip = decodeClip(ext, readFileSync(path));
    this.#cache.set(path, { mtimeMs, clip });
    return clip;
  }

  /** The file `sound:<name>` plays: an absolute path without extension, or under a sounds root. */
  findFile(name: string, language: string): { path: string; ext: string } | undefined {
    const bases = name.startsWith('/')
      ? [name]
      : this.soundDirs.flatMap((root) => [join(root, language, name), join(root, name)]);
    for (const base of bases) {
      const names = this.#listing(dirname(base));
      if (names.size === 0) continue;
      const stem = basename(base);
      for (const ext of EXTENSIONS) {
        if (names.has(`${stem}.${ext}`)) return { path: `${base}.${ext}`, ext };
      }
    }
    return undefined;
  }

  /**
   * The names in a sounds directory, read again when the directory's mtime moves (a file added,
   * removed or renamed): one stat per directory a play looks in, instead of a stat per format.
   * A directory changed in the last seconds is read every time, as git treats a racily clean
   * index: its mtime ticks coarsely, so a second change within the tick would not move it.
   */
  #listing(dir: string): ReadonlySet<string> {
    const mtimeMs = statSync(dir, { throwIfNoEntry: false })?.mtimeMs;
    if (mtimeMs === undefined) return NO_NAMES;
    const cached = this.#listings.get(dir);
    if (cached && cached.mtimeMs === mtimeMs) return cached.names;
    let names: ReadonlySet<string>;
    try {
      names = new Set(readdirSync(dir));
    } catch {
      // Not a directory, or not readable: nothing plays from it, as for Asterisk.
      return NO_NAMES;
    }
    if (Date.now() - mtimeMs > SETTLED_MS) this.#listings.set(dir, { mtimeMs, names });
    return names;
  }

  /** undefined: no such file, or one its format module rejects (both fail the playback). */
  sound(name: string, language: string): Clip | undefined {
    const file = this.findFile(name, language);
    return file ? this.#load(file.path, file.ext) : undefined;
  }

  /** A file with its extension, as stored recordings and MOH directories name them. */
  file(path: string): Clip | undefined {
    const ext = path.slice(path.lastIndexOf('.') + 1);
    return existsSync(path) ? this.#load(path, ext) : undefined;
  }
}
