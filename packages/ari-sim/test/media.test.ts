import { mkdirSync, mkdtempSync, rmSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeWav } from '../src/model/audio-format.js';
import { MediaLibrary } from '../src/model/media.js';

const tone = (ms: number) => encodeWav(new Int16Array(ms * 8).fill(1000), 8000);

describe('MediaLibrary', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'ari-sim-media-'));
    mkdirSync(join(root, 'en'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  /** Moves a directory's mtime back, as if it had been written long before the play. */
  const settle = (dir: string) =>
    utimesSync(dir, new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));

  it("prefers the language's directory, then the sounds root, and a format in Asterisk's order", () => {
    writeFileSync(join(root, 'hello.wav'), tone(500));
    writeFileSync(join(root, 'en', 'hello.gsm'), Buffer.alloc(33 * 10));
    writeFileSync(join(root, 'en', 'hello.wav'), tone(300));
    const media = new MediaLibrary([root]);
    expect(media.findFile('hello', 'en')).toEqual({ path: join(root, 'en', 'hello.wav'), ext: 'wav' });
    expect(media.findFile('hello', 'fr')).toEqual({ path: join(root, 'hello.wav'), ext: 'wav' });
    expect(media.sound('hello', 'en')?.durationMs).toBe(300);
  });

  it('finds a sound added to a directory it has already listed, and not one removed', () => {
    writeFileSync(join(root, 'en', 'a.wav'), tone(100));
    settle(join(root, 'en'));
    const media = new MediaLibrary([root]);
    expect(media.findFile('a', 'en')?.ext).toBe('wav');
    expect(media.findFile('b', 'en')).toBeUndefined();
    writeFileSync(join(root, 'en', 'b.wav'), tone(100));
    expect(media.findFile('b', 'en')?.ext).toBe('wav');
    unlinkSync(join(root, 'en', 'a.wav'));
    expect(media.findFile('a', 'en')).toBeUndefined();
  });

  it('finds a sound added within the same mtime tick as the listing it follows', () => {
    const dir = join(root, 'en');
    writeFileSync(join(dir, 'a.wav'), tone(100));
    const media = new MediaLibrary([root]);
    expect(media.findFile('a', 'en')?.ext).toBe('wav');
    // The directory's mtime put back where it was: only a fresh listing can see the new file.
    const before = new Date(Date.now() - 10);
    utimesSync(dir, before, before);
    expect(media.findFile('b', 'en')).toBeUndefined();
    writeFileSync(join(dir, 'b.wav'), tone(100));
    utimesSync(dir, before, before);
    expect(media.findFile('b', 'en')?.ext).toBe('wav');
  });

  it('plays sounds under subdirectories and absolute paths, and nothing from a missing directory', () => {
    mkdirSync(join(root, 'en', 'digits'));
    writeFileSync(join(root, 'en', 'digits', '1.ulaw'), Buffer.alloc(800));
    const media = new MediaLibrary([root, join(root, 'missing')]);
    expect(media.findFile('digits/1', 'en')?.ext).toBe('ulaw');
    expect(media.sound('digits/1', 'en')?.durationMs).toBe(100);
    expect(media.findFile(join(root, 'en', 'digits', '1'), 'en')?.ext).toBe('ulaw');
    expect(media.findFile('digits/2', 'en')).toBeUndefined();
    expect(media.findFile('nowhere/1', 'en')).toBeUndefined();
  });
});
