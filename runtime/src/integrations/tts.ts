import { spawn } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Clock } from '@parley/ari';
import type { Code } from '@parley/flow';
import { parseSsml, type SsmlNode, toEspeakSsml } from './ssml.js';
import { durationMs, readWav, resample, TELEPHONY_RATE, WAV_HEADER_BYTES, writeWav } from './wav.js';

export interface SpeechRequest {
  /** Plain text, or SSML when `textType` is `ssml` (MessageParticipant's `Text` / `SSML`). */
  text: string;
  textType?: 'text' | 'ssml';
  /** A Polly voice name as flows set it (UpdateContactTextToSpeechVoice): Joanna, Matthew, Lupe… */
  voice?: string;
  /** BCP-47 language of the contact ($.LanguageCode), used when the voice is unknown. */
  language?: string;
}

/** Documented in the one catalogue of codes (docs/ERRORS.md). */
export type TtsErrorCode = Extract<Code, `TTS_${string}`>;

export type SpeechOutcome =
  /** `file` is the WAV path without its extension, as `sound:` media URIs name files. */
  | { status: 'ok'; file: string; durationMs: number; cached: boolean }
  /** The prompt block takes its error branch. */
  | { status: 'error'; code: TtsErrorCode; message: string };

export interface VoicePort {
  render(request: SpeechRequest): Promise<SpeechOutcome>;
}

/** What an engine is asked to say: espeak-ng SSML (or plain text) in one of its voices. */
export interface SynthesisInput {
  input: string;
  ssml: boolean;
  /** The engine's own voice name (for espeak-ng, e.g. `en-us+f3`). */
  voice: string;
}

export type SynthesisResult =
  | { ok: true; wav: Uint8Array }
  | { ok: false; code: TtsErrorCode; message: string };

/** A text-to-speech engine: any sample rate in, the port converts to 8 kHz. */
export interface SpeechEngine {
  /** Part of the cache key: change it when the engine's output for the same input changes. */
  readonly id: string;
  synthesize(input: SynthesisInput): Promise<SynthesisResult>;
}

interface PollyVoice {
  language: string;
  gender: 'f' | 'm';
}

/** Polly's voices (those Connect offers), by name without accents, lower-cased. */
const POLLY_VOICES: Readonly<Record<string, PollyVoice>> = (() => {
  const table: [string, string, string][] = [
    ['en-US', 'f', 'Ivy Joanna Kendra Kimberly Salli Ruth Danielle'],
    ['en-US', 'm', 'Joey Justin Kevin Matthew Stephen Gregory Patrick'],
    ['en-GB', 'f', 'Amy Emma'],
    ['en-GB', 'm', 'Brian Arthur Geraint'],
    ['en-AU', 'f', 'Nicole Olivia'],
    ['en-AU', 'm', 'Russell'],
    ['en-IN', 'f', 'Aditi Raveena Kajal'],
    ['en-NZ', 'f', 'Aria'],
    ['en-ZA', 'f', 'Ayanda'],
    ['en-IE', 'f', 'Niamh'],
    ['en-SG', 'f', 'Jasmine'],
    ['es-US', 'f', 'Lupe Penelope'],
    ['es-US', 'm', 'Miguel Pedro'],
    ['es-ES', 'f', 'Conchita Lucia'],
    ['es-ES', 'm', 'Enrique Sergio'],
    ['es-MX', 'f', 'Mia'],
    ['es-MX', 'm', 'Andres'],
    ['fr-FR', 'f', 'Celine Lea'],
    ['fr-FR', 'm', 'Mathieu Remi'],
    ['fr-CA', 'f', 'Chantal Gabrielle'],
    ['fr-CA', 'm', 'Liam'],
    ['fr-BE', 'f', 'Isabelle'],
    ['de-DE', 'f', 'Marlene Vicki'],
    ['de-DE', 'm', 'Hans Daniel'],
    ['de-AT', 'f', 'Hannah'],
    ['de-CH', 'f', 'Sabrina'],
    ['it-IT', 'f', 'Carla Bianca'],
    ['it-IT', 'm', 'Giorgio Adriano'],
    ['pt-BR', 'f', 'Camila Vitoria'],
    ['pt-BR', 'm', 'Ricardo Thiago'],
    ['pt-PT', 'f', 'Ines'],
    ['pt-PT', 'm', 'Cristiano'],
    ['ja-JP', 'f', 'Mizuki Kazuha Tomoko'],
    ['ja-JP', 'm', 'Takumi'],
    ['ko-KR', 'f', 'Seoyeon'],
    ['cmn-CN', 'f', 'Zhiyu'],
    ['yue-CN', 'f', 'Hiujin'],
    ['nl-NL', 'f', 'Lotte Laura'],
    ['nl-NL', 'm', 'Ruben'],
    ['nl-BE', 'f', 'Lisa'],
    ['da-DK', 'f', 'Naja Sofie'],
    ['da-DK', 'm', 'Mads'],
    ['nb-NO', 'f', 'Liv Ida'],
    ['sv-SE', 'f', 'Astrid Elin'],
    ['fi-FI', 'f', 'Suvi'],
    ['pl-PL', 'f', 'Ewa Maja Ola'],
    ['pl-PL', 'm', 'Jacek Jan'],
    ['ru-RU', 'f', 'Tatyana'],
    ['ru-RU', 'm', 'Maxim'],
    ['tr-TR', 'f', 'Filiz Burcu'],
    ['ro-RO', 'f', 'Carmen'],
    ['cy-GB', 'f', 'Gwyneth'],
    ['is-IS', 'f', 'Dora'],
    ['is-IS', 'm', 'Karl'],
    ['arb', 'f', 'Zeina'],
    ['ar-AE', 'f', 'Hala'],
    ['ar-AE', 'm', 'Zayd'],
    ['ca-ES', 'f', 'Arlet'],
    ['hi-IN', 'f', 'Kajal'],
  ];
  const out: Record<string, PollyVoice> = {};
  for (const [language, gender, names] of table) {
    for (const name of names.split(' '))
      out[name.toLowerCase()] ??= { language, gender: gender as 'f' | 'm' };
  }
  return out;
})();

/** espeak-ng voices for languages whose name differs from the primary subtag. */
const ESPEAK_LANGUAGES: Readonly<Record<string, string>> = {
  'en-us': 'en-us',
  'en-gb': 'en-gb',
  'en-gb-wls': 'en-gb',
  'es-us': 'es-419',
  'es-mx': 'es-419',
  'es-419': 'es-419',
  'fr-be': 'fr-be',
  'fr-ch': 'fr-ch',
  'pt-br': 'pt-br',
  arb: 'ar',
  'cmn-cn': 'cmn',
  'yue-cn': 'yue',
};
/** Primary subtags espeak-ng 1.51 ships a voice for (the ones Polly voices need, and a few more). */
const ESPEAK_PRIMARY = new Set(
  'af ar bg ca cmn cs cy da de el en es et eu fa fi fr ga hi hr hu hy id is it ja ka kn ko lt lv mk ml ms mt nb ne nl pa pl pt ro ru sk sl sq sr sv sw ta te th tr uk ur vi yue'.split(
    ' ',
  ),
);

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim();

/**
 * The espeak-ng voice for a Polly voice name, else for a language, else Connect's default voice
 * (Joanna, US English female). Gender picks espeak's female or male variant.
 */
export function espeakVoiceFor(voice?: string, language?: string): string {
  const polly = voice ? POLLY_VOICES[fold(voice)] : undefined;
  const lang = fold(polly?.language ?? language ?? 'en-US');
  const gender = polly?.gender ?? 'f';
  const primary = lang.split('-')[0] ?? 'en';
  let base = ESPEAK_LANGUAGES[lang];
  if (!base && primary === 'en') base = 'en-gb';
  if (!base && primary === 'fr') base = 'fr-fr';
  if (!base && ESPEAK_PRIMARY.has(primary)) base = primary;
  return `${base ?? 'en-us'}+${gender === 'f' ? 'f3' : 'm3'}`;
}

export interface EspeakOptions {
  /** The executable; `espeak-ng` on PATH unless told. */
  command?: string;
  clock: Clock;
  /** A synthesis running longer than this is killed and fails. */
  timeoutMs?: number;
  /** Where espeak-ng writes before conversion; the voice port passes its cache directory. */
  workDir: string;
}

/** espeak-ng, run without a shell: the input goes on stdin, the WAV to a scratch file. */
export class EspeakEngine implements SpeechEngine {
  readonly id = 'espeak-ng/1';
  readonly #command: string;
  readonly #clock: Clock;
  readonly #timeoutMs: number;
  readonly #workDir: string;

  constructor(options: EspeakOptions) {
    this.#command = options.command ?? 'espeak-ng';
    this.#clock = options.clock;
    this.#timeoutMs = options.timeoutMs ?? 30_000;
    this.#workDir = options.workDir;
  }

  async synthesize({ input, ssml, voice }: SynthesisInput): Promise<SynthesisResult> {
    const scratch = join(this.#workDir, `.espeak-${randomUUID()}.wav`);
    try {
      await mkdir(this.#workDir, { recursive: true });
      const args = ['-v', voice, '-w', scratch, ...(ssml ? ['-m'] : []), '--stdin'];
      const run = await this.#run(args, input);
      if (!run.ok) return run;
      return { ok: true, wav: await readFile(scratch) };
    } catch (error) {
      return { ok: false, code: 'TTS_ENGINE_FAILED', message: `espeak-ng: ${(error as Error).message}` };
    } finally {
      await rm(scratch, { force: true }).catch(() => undefined);
    }
  }

  #run(args: string[], input: string): Promise<{ ok: true } | Extract<SynthesisResult, { ok: false }>> {
    return new Promise((resolve) => {
      const child = spawn(this.#command, args, { stdio: ['pipe', 'ignore', 'pipe'], shell: false });
      let stderr = '';
      let settled = false;
      const done = (result: { ok: true } | Extract<SynthesisResult, { ok: false }>) => {
        if (settled) return;
        settled = true;
        this.#clock.clearTimeout(timer);
        resolve(result);
      };
      const timer = this.#clock.setTimeout(() => {
        child.kill('SIGKILL');
        done({
          ok: false,
          code: 'TTS_ENGINE_FAILED',
          message: `espeak-ng ran longer than ${this.#timeoutMs} ms`,
        });
      }, this.#timeoutMs);
      child.stderr?.on('data', (chunk: Buffer) => {
        if (stderr.length < 2000) stderr += chunk.toString('utf8');
      });
      child.on('error', (error: NodeJS.ErrnoException) =>
        done(
          error.code === 'ENOENT'
            ? {
                ok: false,
                code: 'TTS_ENGINE_MISSING',
                message: `${this.#command} is not installed (apt-get install espeak-ng)`,
              }
            : { ok: false, code: 'TTS_ENGINE_FAILED', message: `${this.#command}: ${error.message}` },
        ),
      );
      child.on('close', (code, signal) =>
        done(
          code === 0
            ? { ok: true }
            : {
                ok: false,
                code: 'TTS_ENGINE_FAILED',
                message: `${this.#command} exited with ${code ?? signal}: ${stderr.trim()}`,
              },
        ),
      );
      // A child that dies before reading its input makes stdin error (EPIPE); 'close' reports it.
      child.stdin?.on('error', () => undefined);
      child.stdin?.end(input, 'utf8');
    });
  }
}

export interface VoiceOptions {
  /** Rendered prompts live here, one `<hash>.wav` per voice and text. */
  cacheDir: string;
  clock: Clock;
  /** espeak-ng unless told. */
  engine?: SpeechEngine;
}

/**
 * The voice port: text or SSML in a Polly voice → an 8 kHz mono 16-bit WAV that Asterisk plays as
 * `sound:<file>`. Renders are cached by engine, voice and input, so a prompt is synthesised once;
 * concurrent requests for the same prompt share one synthesis.
 */
export class TextToSpeech implements VoicePort {
  readonly cacheDir: string;
  readonly #engine: SpeechEngine;
  readonly #inflight = new Map<string, Promise<SpeechOutcome>>();

  constructor(options: VoiceOptions) {
    this.cacheDir = options.cacheDir;
    this.#engine = options.engine ?? new EspeakEngine({ clock: options.clock, workDir: options.cacheDir });
  }

  render(request: SpeechRequest): Promise<SpeechOutcome> {
    const prepared = prepare(request);
    if ('code' in prepared) return Promise.resolve({ status: 'error', ...prepared });
    const voice = espeakVoiceFor(request.voice, request.language);
    const key = createHash('sha256')
      .update(JSON.stringify([this.#engine.id, voice, prepared.ssml, prepared.input]))
      .digest('hex')
      .slice(0, 40);
    let pending = this.#inflight.get(key);
    if (!pending) {
      pending = this.#render(key, { ...prepared, voice }).finally(() => this.#inflight.delete(key));
      this.#inflight.set(key, pending);
    }
    return pending;
  }

  async #render(key: string, input: SynthesisInput): Promise<SpeechOutcome> {
    const file = join(this.cacheDir, key);
    const path = `${file}.wav`;
    const existing = await stat(path).catch(() => undefined);
    if (existing?.isFile()) {
      return {
        status: 'ok',
        file,
        durationMs: Math.round((existing.size - WAV_HEADER_BYTES) / 2 / (TELEPHONY_RATE / 1000)),
        cached: true,
      };
    }
    const result = await this.#engine.synthesize(input);
    if (!result.ok) return { status: 'error', code: result.code, message: result.message };
    const pcm = readWav(result.wav);
    if ('error' in pcm)
      return { status: 'error', code: 'TTS_ENGINE_FAILED', message: `engine output: ${pcm.error}` };
    const phone = resample(pcm, TELEPHONY_RATE);
    const scratch = `${path}.${randomUUID()}.tmp`;
    try {
      await mkdir(this.cacheDir, { recursive: true });
      await writeFile(scratch, writeWav(phone));
      // Atomic: a reader never sees half a file, and racing workers write the same bytes.
      await rename(scratch, path);
    } catch (error) {
      await rm(scratch, { force: true }).catch(() => undefined);
      return {
        status: 'error',
        code: 'TTS_CACHE_UNWRITABLE',
        message: `${this.cacheDir}: ${(error as Error).message}`,
      };
    }
    return { status: 'ok', file, durationMs: durationMs(phone), cached: false };
  }
}

/** The engine input for a request: SSML checked and reduced to what espeak-ng honours, or plain text. */
export function prepare(
  request: SpeechRequest,
): { input: string; ssml: boolean } | { code: TtsErrorCode; message: string } {
  if (request.textType === 'ssml') {
    const parsed = parseSsml(request.text);
    if (!parsed.ok) return { code: 'TTS_INVALID_SSML', message: `invalid SSML: ${parsed.message}` };
    if (!hasWords(parsed.nodes) && !hasElement(parsed.nodes, 'break')) {
      return { code: 'TTS_EMPTY_TEXT', message: 'the SSML has nothing to say' };
    }
    return { input: toEspeakSsml(parsed.nodes), ssml: true };
  }
  if (request.text.trim() === '') return { code: 'TTS_EMPTY_TEXT', message: 'the prompt text is empty' };
  // Plain text goes through SSML mode too, escaped, so nothing in it is read as markup or phonemes.
  return { input: toEspeakSsml([{ kind: 'text', text: request.text }]), ssml: true };
}

const hasWords = (nodes: readonly SsmlNode[]): boolean =>
  nodes.some((n) =>
    n.kind === 'text' ? n.text.trim() !== '' : hasWords(n.children) || n.attrs.alias !== undefined,
  );

const hasElement = (nodes: readonly SsmlNode[], name: string): boolean =>
  nodes.some((n) => n.kind === 'element' && (n.name === name || hasElement(n.children, name)));
