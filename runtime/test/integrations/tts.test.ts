import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ManualClock } from '@parley/ari';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  EspeakEngine,
  espeakVoiceFor,
  prepare,
  type SpeechEngine,
  type SpeechOutcome,
  type SynthesisInput,
  TextToSpeech,
} from '../../src/integrations/tts.js';
import { readWav, writeWav } from '../../src/integrations/wav.js';
import { tone } from './support/audio.js';

let dir: string;
let clock: ManualClock;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'parley-tts-'));
  clock = new ManualClock();
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Stands in for espeak-ng: a second of tone at 22.05 kHz for anything it is asked to say. */
class FakeEngine implements SpeechEngine {
  readonly id = 'fake/1';
  readonly calls: SynthesisInput[] = [];
  result: Awaited<ReturnType<SpeechEngine['synthesize']>> = { ok: true, wav: writeWav(tone(440, 22050, 1)) };

  async synthesize(input: SynthesisInput) {
    this.calls.push(input);
    await new Promise((resolve) => setImmediate(resolve));
    return this.result;
  }
}

const ok = (o: SpeechOutcome) => {
  if (o.status !== 'ok') throw new Error(`${o.code}: ${o.message}`);
  return o;
};

describe('Polly voices', () => {
  it.each([
    ['Joanna', 'en-us+f3'],
    ['Matthew', 'en-us+m3'],
    ['Amy', 'en-gb+f3'],
    ['Brian', 'en-gb+m3'],
    ['Nicole', 'en-gb+f3'],
    ['Lupe', 'es-419+f3'],
    ['Miguel', 'es-419+m3'],
    ['Conchita', 'es+f3'],
    ['Céline', 'fr-fr+f3'],
    ['Celine', 'fr-fr+f3'],
    ['Chantal', 'fr-fr+f3'],
    ['Hans', 'de+m3'],
    ['Vitória', 'pt-br+f3'],
    ['Mizuki', 'ja+f3'],
    ['Zhiyu', 'cmn+f3'],
    ['Zeina', 'ar+f3'],
  ])('map %s to the espeak-ng voice %s', (voice, espeak) => {
    expect(espeakVoiceFor(voice)).toBe(espeak);
  });

  it('fall back to the language for an unknown voice, and to US English for an unknown language', () => {
    expect(espeakVoiceFor('Thalia', 'it-IT')).toBe('it+f3');
    expect(espeakVoiceFor(undefined, 'en-AU')).toBe('en-gb+f3');
    expect(espeakVoiceFor(undefined, 'xx-YY')).toBe('en-us+f3');
    expect(espeakVoiceFor()).toBe('en-us+f3');
  });

  it('follow the voice rather than the contact language', () => {
    expect(espeakVoiceFor('Hans', 'en-US')).toBe('de+m3');
  });
});

describe('what the engine is given', () => {
  it('is plain text escaped inside speak, so nothing in a prompt is read as markup', () => {
    expect(prepare({ text: 'Press <1> & [[wait]]' })).toEqual({
      input: '<speak>Press &lt;1&gt; &amp; [ [wait]]</speak>',
      ssml: true,
    });
  });

  it('refuses malformed SSML and empty prompts with codes', () => {
    expect(prepare({ text: '<speak>Hi', textType: 'ssml' })).toMatchObject({ code: 'TTS_INVALID_SSML' });
    expect(prepare({ text: '   ' })).toMatchObject({ code: 'TTS_EMPTY_TEXT' });
    expect(prepare({ text: '<speak><mark name="x"/></speak>', textType: 'ssml' })).toMatchObject({
      code: 'TTS_EMPTY_TEXT',
    });
  });

  it('accepts SSML that is only a pause', () => {
    expect(prepare({ text: '<speak><break time="2s"/></speak>', textType: 'ssml' })).toEqual({
      input: '<speak><break time="2000ms"/></speak>',
      ssml: true,
    });
  });
});

describe('the voice port', () => {
  it('renders an 8 kHz mono 16-bit WAV and names it without extension for sound:', async () => {
    const engine = new FakeEngine();
    const tts = new TextToSpeech({ cacheDir: dir, clock, engine });
    const out = ok(await tts.render({ text: 'Welcome', voice: 'Joanna' }));
    expect(out.file.startsWith(dir)).toBe(true);
    expect(out.file.endsWith('.wav')).toBe(false);
    expect(out.durationMs).toBe(1000);
    expect(out.cached).toBe(false);
    const wav = readWav(await readFile(`${out.file}.wav`));
    expect('samples' in wav && { rate: wav.sampleRate, length: wav.samples.length }).toEqual({
      rate: 8000,
      length: 8000,
    });
    expect(engine.calls).toEqual([{ input: '<speak>Welcome</speak>', ssml: true, voice: 'en-us+f3' }]);
  });

  it('synthesises a prompt once and serves it from the cache after', async () => {
    const engine = new FakeEngine();
    const tts = new TextToSpeech({ cacheDir: dir, clock, engine });
    const first = ok(await tts.render({ text: 'Welcome', voice: 'Joanna' }));
    const again = ok(
      await new TextToSpeech({ cacheDir: dir, clock, engine }).render({ text: 'Welcome', voice: 'Joanna' }),
    );
    expect(again).toEqual({ ...first, cached: true });
    expect(engine.calls).toHaveLength(1);
  });

  it('shares one synthesis between concurrent requests for the same prompt', async () => {
    const engine = new FakeEngine();
    const tts = new TextToSpeech({ cacheDir: dir, clock, engine });
    const outs = await Promise.all([1, 2, 3].map(() => tts.render({ text: 'Hold on', voice: 'Matthew' })));
    expect(new Set(outs.map((o) => ok(o).file)).size).toBe(1);
    expect(engine.calls).toHaveLength(1);
  });

  it('keeps a file per voice and per text', async () => {
    const engine = new FakeEngine();
    const tts = new TextToSpeech({ cacheDir: dir, clock, engine });
    const a = ok(await tts.render({ text: 'Hi', voice: 'Joanna' }));
    const b = ok(await tts.render({ text: 'Hi', voice: 'Matthew' }));
    const c = ok(await tts.render({ text: 'Hello', voice: 'Joanna' }));
    expect(new Set([a.file, b.file, c.file]).size).toBe(3);
    expect((await readdir(dir)).filter((f) => f.endsWith('.wav')).sort()).toHaveLength(3);
  });

  it('gives the engine SSML reduced to what espeak-ng honours', async () => {
    const engine = new FakeEngine();
    const tts = new TextToSpeech({ cacheDir: dir, clock, engine });
    ok(
      await tts.render({
        text: '<speak><amazon:effect name="whispered">psst</amazon:effect><break time="1s"/></speak>',
        textType: 'ssml',
      }),
    );
    expect(engine.calls[0]?.input).toBe('<speak>psst<break time="1000ms"/></speak>');
  });

  it('does not call the engine for malformed SSML', async () => {
    const engine = new FakeEngine();
    const out = await new TextToSpeech({ cacheDir: dir, clock, engine }).render({
      text: '<speak><p>Hi</speak>',
      textType: 'ssml',
    });
    expect(out).toMatchObject({ status: 'error', code: 'TTS_INVALID_SSML' });
    expect(engine.calls).toHaveLength(0);
  });

  it('passes an engine failure on as a coded error and caches nothing', async () => {
    const engine = new FakeEngine();
    engine.result = { ok: false, code: 'TTS_ENGINE_FAILED', message: 'voice missing' };
    const tts = new TextToSpeech({ cacheDir: dir, clock, engine });
    expect(await tts.render({ text: 'Hi' })).toEqual({
      status: 'error',
      code: 'TTS_ENGINE_FAILED',
      message: 'voice missing',
    });
    expect(await readdir(dir)).toEqual([]);
  });

  it('refuses engine output that is not a WAV', async () => {
    const engine = new FakeEngine();
    engine.result = { ok: true, wav: new TextEncoder().encode('garbage') };
    expect(await new TextToSpeech({ cacheDir: dir, clock, engine }).render({ text: 'Hi' })).toMatchObject({
      code: 'TTS_ENGINE_FAILED',
    });
  });

  it('reports a cache directory it cannot write', async () => {
    const blocked = join(dir, 'file');
    await writeFile(blocked, 'x');
    const out = await new TextToSpeech({ cacheDir: blocked, clock, engine: new FakeEngine() }).render({
      text: 'Hi',
    });
    expect(out).toMatchObject({ status: 'error', code: 'TTS_CACHE_UNWRITABLE' });
  });
});

describe('the espeak-ng engine when it cannot run', () => {
  it('reports a missing executable as TTS_ENGINE_MISSING', async () => {
    const engine = new EspeakEngine({ command: 'parley-no-such-espeak', clock, workDir: dir });
    expect(await engine.synthesize({ input: 'hi', ssml: false, voice: 'en-us' })).toMatchObject({
      ok: false,
      code: 'TTS_ENGINE_MISSING',
    });
  });

  it('reports a failing executable as TTS_ENGINE_FAILED', async () => {
    const engine = new EspeakEngine({ command: 'false', clock, workDir: dir });
    expect(await engine.synthesize({ input: 'hi', ssml: false, voice: 'en-us' })).toMatchObject({
      ok: false,
      code: 'TTS_ENGINE_FAILED',
    });
  });
});

describe('the espeak-ng engine when it hangs', () => {
  it('is killed when its time runs out on the clock', async () => {
    const command = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'hanging-engine.sh');
    const engine = new EspeakEngine({ command, clock, workDir: dir, timeoutMs: 5000 });
    const pending = engine.synthesize({ input: 'hi', ssml: false, voice: 'en-us' });
    await vi.waitFor(() => expect(clock.pendingTimers).toBe(1));
    await clock.advance(5000);
    expect(await pending).toMatchObject({ ok: false, code: 'TTS_ENGINE_FAILED' });
  });
});

const espeakInstalled = spawnSync('espeak-ng', ['--version']).status === 0;
if (!espeakInstalled) console.warn('espeak-ng is not installed: skipping the espeak-ng rendering tests');

describe.skipIf(!espeakInstalled)('speech rendered by espeak-ng', () => {
  const render = (tts: TextToSpeech, text: string, extra: object = {}) =>
    tts.render({ text, ...extra }).then(ok);

  it('is an 8 kHz mono 16-bit WAV of plausible length', async () => {
    const tts = new TextToSpeech({ cacheDir: dir, clock });
    const out = await render(tts, 'Thank you for calling Acme. Your call is important to us.', {
      voice: 'Joanna',
    });
    const wav = readWav(await readFile(`${out.file}.wav`));
    if ('error' in wav) throw new Error(wav.error);
    expect(wav.sampleRate).toBe(8000);
    expect(out.durationMs).toBeGreaterThan(1500);
    expect(out.durationMs).toBeLessThan(10_000);
    expect(Math.max(...wav.samples.subarray(0, 16000).map(Math.abs))).toBeGreaterThan(1000);
  });

  it('honours an SSML break as silence rather than words', async () => {
    const tts = new TextToSpeech({ cacheDir: dir, clock });
    const plain = await render(tts, '<speak>Hello there</speak>', { textType: 'ssml' });
    const paused = await render(tts, '<speak>Hello <break time="2s"/> there</speak>', { textType: 'ssml' });
    expect(paused.durationMs - plain.durationMs).toBeGreaterThan(1500);
  });

  it('speaks the words of unsupported tags and none of the tags', async () => {
    const tts = new TextToSpeech({ cacheDir: dir, clock });
    const wrapped = await render(
      tts,
      '<speak><amazon:effect name="whispered"><lang xml:lang="en-US">Hello there</lang></amazon:effect></speak>',
      { textType: 'ssml' },
    );
    const bare = await render(tts, '<speak>Hello there</speak>', { textType: 'ssml' });
    expect(Math.abs(wrapped.durationMs - bare.durationMs)).toBeLessThan(100);
  });

  it('renders Polly voices of other languages', async () => {
    const tts = new TextToSpeech({ cacheDir: dir, clock });
    for (const voice of ['Matthew', 'Amy', 'Lupe', 'Conchita', 'Céline', 'Hans']) {
      const out = await render(tts, 'Hola, bonjour, hallo', { voice });
      expect(existsSync(`${out.file}.wav`)).toBe(true);
    }
  });
});
