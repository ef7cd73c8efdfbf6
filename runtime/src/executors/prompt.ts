/**
 * The prompt source every participant block shares (reference §3.2): exactly one of `Text`, `SSML`
 * (spoken in the contact's voice and language), `PromptId` (an instance prompt) or `Media` (audio at
 * a location). The result is what the call plays, as `sound:` media URIs, and the words for the
 * transcript.
 */
import type { ExecutorInput } from '@parley/flow';
import { parseSsml, ssmlToText } from '../integrations/ssml.js';
import type { SpeechOutcome } from '../integrations/tts.js';
import { coded, isObject, type Read, readStatic, readText } from './common.js';
import type { RuntimePorts } from './types.js';

export interface Prompt {
  media: string[];
  /** What the caller hears, as text: the words spoken, or the prompt's name for recorded audio. */
  text: string;
}

const SOURCES = ['Text', 'SSML', 'PromptId', 'Media'] as const;

/** Whether parameters (or one Messages entry) name a prompt at all. */
export const hasPrompt = (source: Readonly<Record<string, unknown>>): boolean =>
  SOURCES.some((k) => source[k] !== undefined);

export async function renderPrompt(
  source: Readonly<Record<string, unknown>>,
  input: ExecutorInput,
  ports: RuntimePorts,
): Promise<Read<Prompt>> {
  const { contact } = input;
  if (source.Text !== undefined || source.SSML !== undefined) {
    const ssml = source.Text === undefined;
    const text = ssml
      ? readText(source.SSML, input, 'SSML', { markup: 'ssml' })
      : readText(source.Text, input, 'Text');
    if (!text.ok) return text;
    // The port promises an outcome; one that throws anyway is a TTS failure, not the contact's end.
    const spoken: SpeechOutcome = await ports.voice
      .render({
        text: text.value,
        textType: ssml ? 'ssml' : 'text',
        voice: contact.tts.voice,
        language: contact.LanguageCode,
      })
      .catch((error: unknown) => ({
        status: 'error',
        code: 'TTS_ENGINE_FAILED',
        message: error instanceof Error ? error.message : String(error),
      }));
    if (spoken.status === 'error') return { ok: false, results: `${spoken.code}: ${spoken.message}` };
    return {
      ok: true,
      value: { media: [`sound:${spoken.file}`], text: ssml ? plain(text.value) : text.value },
    };
  }
  if (source.PromptId !== undefined) {
    const ref = readStatic(source.PromptId, input, 'PromptId');
    if (!ref.ok) return ref;
    const prompt = ports.prompt(ref.value.trim());
    if (!prompt)
      return {
        ok: false,
        results: coded('ENGINE_RESOURCE_NOT_FOUND', `no prompt ${ref.value} in this instance`),
      };
    return { ok: true, value: { media: [`sound:${prompt.file}`], text: prompt.name } };
  }
  if (source.Media !== undefined) {
    const media = source.Media;
    const uri = isObject(media) ? readText(media.Uri, input, 'Media.Uri') : undefined;
    if (!uri?.ok)
      return uri ?? { ok: false, results: coded('ENGINE_PARAMETER_INVALID', 'Media needs a Uri') };
    const location = uri.value.trim();
    if (/^https?:\/\//i.test(location))
      return { ok: true, value: { media: [`sound:${location}`], text: location } };
    return {
      ok: false,
      results: coded(
        'ENGINE_PARAMETER_INVALID',
        `Media ${location} is in Amazon S3, which Parley does not read: give the audio an http(s) URL or make it an instance prompt`,
      ),
    };
  }
  return { ok: true, value: { media: [], text: '' } };
}

/** The words of an SSML prompt; its markup is never part of what the caller hears. */
function plain(ssml: string): string {
  const parsed = parseSsml(ssml);
  return parsed.ok ? ssmlToText(parsed.nodes).replace(/\s+/g, ' ').trim() : ssml;
}

/**
 * "The call could not play …": the error branch Connect takes when the audio is unusable, or when
 * the telephony did not carry out the play (`reason`, from the call port).
 */
export const playbackFailed = (prompt: Prompt, reason?: string): string =>
  reason === undefined
    ? coded(
        'ENGINE_RESOURCE_NOT_FOUND',
        `the call could not play ${prompt.media.join(', ')} (missing or unreadable audio)`,
      )
    : coded('ENGINE_TELEPHONY_FAILED', `the call could not play ${prompt.media.join(', ')}: ${reason}`);
