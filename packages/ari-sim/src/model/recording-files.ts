import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { encodeWav } from './audio-format.js';

/** format_gsm.c's silent frame. */
const GSM_SILENCE = Buffer.from([
  0xd8, 0x20, 0xa2, 0xe1, 0x5a, 0x50, 0x00, 0x49, 0x24, 0x92, 0x49, 0x24, 0x50, 0x00, 0x49, 0x24, 0x92, 0x49,
  0x24, 0x50, 0x00, 0x49, 0x24, 0x92, 0x49, 0x24, 0x50, 0x00, 0x49, 0x24, 0x92, 0x49, 0x24,
]);

/** Formats a recording can be written in, with the HTTP type `GET .../file` serves them as. */
const FORMATS: Record<string, { rate: number; contentType: string }> = {
  wav: { rate: 8000, contentType: 'audio/wav' },
  wav16: { rate: 16000, contentType: 'audio/wav' },
  ulaw: { rate: 8000, contentType: 'audio/basic' },
  ul: { rate: 8000, contentType: 'audio/basic' },
  pcm: { rate: 8000, contentType: 'audio/basic' },
  mu: { rate: 8000, contentType: 'audio/basic' },
  alaw: { rate: 8000, contentType: 'audio/x-alaw-basic' },
  al: { rate: 8000, contentType: 'audio/x-alaw-basic' },
  sln: { rate: 8000, contentType: 'audio/L16' },
  raw: { rate: 8000, contentType: 'audio/L16' },
  sln16: { rate: 16000, contentType: 'audio/L16' },
  gsm: { rate: 8000, contentType: 'audio/gsm' },
};

export function isKnownFormat(format: string): boolean {
  return format in FORMATS;
}

export function contentTypeFor(format: string): string {
  return FORMATS[format]?.contentType ?? 'application/octet-stream';
}

/** Asterisk records in 20 ms frames, the first one as soon as recording starts. */
export function recordedFrames(ms: number): number {
  return Math.floor(ms / 20) + 1;
}

/** The recorded audio is silence: the sim carries no real media, only its timing. */
export function silentAudio(format: string, frames: number, existing?: Buffer): Buffer {
  const rate = FORMATS[format]?.rate ?? 8000;
  const samples = (frames * rate) / 50;
  if (format === 'gsm')
    return Buffer.concat([existing ?? Buffer.alloc(0), ...Array.from({ length: frames }, () => GSM_SILENCE)]);
  if (format === 'wav' || format === 'wav16') {
    const before = existing ? Math.max(0, (existing.length - 44) / 2) : 0;
    return encodeWav(new Int16Array(before + samples), rate);
  }
  const fill = format.startsWith('al') ? 0xd5 : ['ulaw', 'ul', 'pcm', 'mu'].includes(format) ? 0xff : 0;
  const bytes = ['sln', 'raw', 'sln16'].includes(format) ? samples * 2 : samples;
  return Buffer.concat([existing ?? Buffer.alloc(0), Buffer.alloc(bytes, fill)]);
}

export interface StoredFile {
  name: string;
  format: string;
  path: string;
}

/** `<astspooldir>/recording`; names may hold sub-directories but never leave it. */
export class RecordingStore {
  constructor(readonly dir: string) {}

  /** undefined when the name would escape the recording directory (EPERM). */
  pathFor(name: string, format: string): string | undefined {
    const path = resolve(this.dir, `${name}.${format}`);
    return path.startsWith(resolve(this.dir) + sep) ? path : undefined;
  }

  exists(): boolean {
    return existsSync(this.dir) && statSync(this.dir).isDirectory();
  }

  write(path: string, bytes: Buffer): void {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, bytes);
  }

  read(path: string): Buffer | undefined {
    return existsSync(path) ? readFileSync(path) : undefined;
  }

  remove(path: string): void {
    rmSync(path, { force: true });
  }

  list(): StoredFile[] {
    if (!this.exists()) return [];
    const out: StoredFile[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else {
          const rel = relative(this.dir, path);
          const dot = rel.lastIndexOf('.');
          if (dot > 0) out.push({ name: rel.slice(0, dot), format: rel.slice(dot + 1), path });
        }
      }
    };
    walk(this.dir);
    return out.sort((a, b) => a.name.localeCompare(b.name));
  }

  find(name: string): StoredFile | undefined {
    return this.list().find((f) => f.name === name);
  }

  copy(from: StoredFile, toName: string): StoredFile | 'exists' | 'invalid' {
    const path = this.pathFor(toName, from.format);
    if (!path) return 'invalid';
    if (this.find(toName)) return 'exists';
    mkdirSync(dirname(path), { recursive: true });
    copyFileSync(from.path, path);
    return { name: toName, format: from.format, path };
  }
}
