/**
 * Get customer input (Lex): ConnectParticipantWithLexBot on a voice call (reference §3.2). The
 * prompt plays, the caller answers with words or keys (barge-in), and the bot turns that turn into
 * an intent: the block's result, routed by `Equals` conditions on the intent name (FallbackIntent
 * included). `$.Lex` then holds the intent, its slots, the session attributes, the confidence and
 * the dialog state. No answer before the start timeout is InputTimeLimitExceeded.
 *
 * The bot is an instance resource matched locally (integrations/bot.ts); Amazon Lex is reached only
 * through a `lex` port, which Parley does not ship. Timeouts come from Lex's session attributes
 * (`x-amz-lex:audio:start-timeout-ms` and friends, bot-wide or `:*:*`; Lex classic's silence
 * thresholds for `LexBot`), with Connect's defaults.
 */
import { type ExecutorInput, isWholePath, type JsonMap } from '@parley/flow';
import { type BotInput, type LexRequest, type Recognition, recognize } from '../integrations/bot.js';
import type { ListenOutcome } from '../telephony/port.js';
import {
  aborted,
  coded,
  condition,
  fail,
  hungUp,
  isObject,
  paramsOf,
  type Read,
  readStatic,
  readText,
  settle,
} from './common.js';
import { announce, voiceOnly } from './participant.js';
import { playbackFailed, renderPrompt } from './prompt.js';
import type { BlockExecutor } from './types.js';

/** Connect's voice defaults for a Lex turn (reference §3.2). */
const DEFAULT_START_MS = 3000;
const DEFAULT_END_MS = 600;
const DEFAULT_MAX_LENGTH_MS = 12000;
/** Above this maximum utterance length Connect sends the contact down the error branch. */
const MAX_LENGTH_LIMIT_MS = 15000;
/** Lex V2's DTMF defaults: `#` ends keyed input, else 5 s after the last key. */
const DEFAULT_DTMF_END_MS = 5000;
const DEFAULT_DTMF_END_CHARACTER = '#';

type BotRef =
  | { kind: 'v2'; aliasArn: string }
  | { kind: 'classic'; name: string; region?: string; alias?: string };

interface Timing {
  startMs: number;
  endMs: number;
  dtmfEndMs: number;
  dtmfEndCharacter: string;
}

export const connectParticipantWithLexBot: BlockExecutor = async (input, ports) => {
  const wrong = voiceOnly(input);
  if (wrong) return wrong;
  if (ports.call.ended) return hungUp(input);
  const p = paramsOf(input);
  const ref = readBotRef(input);
  if (!ref.ok) return fail(input, 'NoMatchingError', ref.results);
  const attributes = readSessionAttributes(p.LexSessionAttributes, input);
  if (!attributes.ok) return fail(input, 'NoMatchingError', attributes.results);
  const timing = readTiming(attributes.value, ref.value.kind);
  if (!timing.ok) return fail(input, 'NoMatchingError', timing.results);
  const label = ref.value.kind === 'v2' ? ref.value.aliasArn : ref.value.name;
  const bot = ports.bot?.(label);
  if (!bot && !ports.lex)
    return fail(
      input,
      'NoMatchingError',
      coded(
        'ENGINE_RESOURCE_NOT_FOUND',
        `no bot ${label} in this instance: Parley does not call Amazon Lex, so define the bot under "bots" in the instance`,
      ),
    );
  const locale = input.contact.LanguageCode;
  // Lex V2 writes locales en_US, Connect's languages are en-US.
  if (bot?.locale && bot.locale.replace('_', '-') !== locale)
    return fail(
      input,
      'NoMatchingError',
      coded(
        'ENGINE_PARAMETER_INVALID',
        `bot ${bot.name} speaks ${bot.locale}, not the contact's language ${locale}`,
      ),
    );
  const listen = ports.call.listen?.bind(ports.call);
  if (!listen)
    return fail(
      input,
      'NoMatchingError',
      coded('ENGINE_NO_EXECUTOR', 'this call cannot hear the caller for a bot: its telephony has no listen'),
    );
  const prompt = await renderPrompt(p, input, ports);
  if (!prompt.ok) return fail(input, 'NoMatchingError', prompt.results);
  if (prompt.value.media.length > 0) announce(input, ports, prompt.value);

  const t = timing.value;
  const stop = new AbortController();
  const heard = await settle<ListenOutcome>(
    ports,
    listen({
      ...(prompt.value.media.length > 0 ? { prompt: prompt.value.media } : {}),
      startTimeoutMs: t.startMs,
      endTimeoutMs: t.endMs,
      dtmfEndTimeoutMs: t.dtmfEndMs,
      dtmfTerminator: t.dtmfEndCharacter,
      signal: stop.signal,
    }),
  );
  if (heard.kind !== 'done') stop.abort();
  if (heard.kind === 'aborted') return aborted(input);
  if (heard.kind !== 'done') return hungUp(input);
  const id = input.action.id;
  const r = heard.value;
  switch (r.status) {
    case 'timeout':
      ports.transcript({ kind: 'timeout', identifier: id });
      return fail(input, 'InputTimeLimitExceeded', `no speech or keys within ${t.startMs / 1000} s`);
    case 'failed':
      return fail(input, 'NoMatchingError', playbackFailed(prompt.value));
    case 'stopped':
      return aborted(input);
    case 'hungup':
      return hungUp(input);
  }
  const turn: BotInput = r.status === 'speech' ? { text: r.text } : { dtmf: r.digits };

  let recognition: Recognition;
  if (bot) recognition = recognize(bot, turn);
  else {
    const request: LexRequest = {
      bot:
        ref.value.kind === 'v2'
          ? { aliasArn: ref.value.aliasArn }
          : {
              name: ref.value.name,
              ...(ref.value.region ? { region: ref.value.region } : {}),
              ...(ref.value.alias ? { alias: ref.value.alias } : {}),
            },
      sessionId: input.contact.ContactId,
      locale,
      input: turn,
      sessionAttributes: attributes.value,
    };
    const lex = ports.lex;
    // An adapter that throws is Lex failing, not the caller hanging up (which a rejected wait means).
    const asked = Promise.resolve()
      .then(() => lex?.recognize(request))
      .catch((error: unknown) => ({
        ok: false as const,
        reason: error instanceof Error ? error.message : String(error),
      }));
    const answered = await settle(ports, asked);
    if (answered.kind === 'aborted') return aborted(input);
    if (answered.kind !== 'done') return hungUp(input);
    if (!answered.value?.ok)
      return fail(input, 'NoMatchingError', `Amazon Lex: ${answered.value?.reason ?? 'no answer'}`);
    recognition = answered.value.recognition;
  }

  ports.transcript({
    kind: 'intent',
    identifier: id,
    via: r.status,
    heard: 'text' in turn ? turn.text : turn.dtmf,
    intent: recognition.intent,
    slots: recognition.slots,
  });
  const lex: JsonMap = {
    IntentName: recognition.intent,
    Slots: recognition.slots,
    SessionAttributes: { ...attributes.value, ...recognition.sessionAttributes },
    DialogState: recognition.dialogState,
  };
  if (recognition.score !== undefined) lex.IntentConfidence = { Score: recognition.score };
  return condition(input, recognition.intent, { results: recognition.intent, patch: { Lex: lex } });
};

/** `LexV2Bot.AliasArn`, else Lex classic's `LexBot` (Name, with Region and Alias). */
function readBotRef(input: ExecutorInput): Read<BotRef> {
  const p = paramsOf(input);
  if (isObject(p.LexV2Bot)) {
    const arn = readStatic(p.LexV2Bot.AliasArn, input, 'LexV2Bot.AliasArn');
    if (!arn.ok) return arn;
    if (!arn.value.trim()) return invalid('LexV2Bot.AliasArn is empty');
    return { ok: true, value: { kind: 'v2', aliasArn: arn.value.trim() } };
  }
  if (isObject(p.LexBot)) {
    const name = readStatic(p.LexBot.Name, input, 'LexBot.Name');
    if (!name.ok) return name;
    if (!name.value.trim()) return invalid('LexBot.Name is empty');
    const ref: BotRef = { kind: 'classic', name: name.value.trim() };
    for (const key of ['Region', 'Alias'] as const) {
      if (p.LexBot[key] === undefined) continue;
      const v = readStatic(p.LexBot[key], input, `LexBot.${key}`);
      if (!v.ok) return v;
      if (key === 'Region') ref.region = v.value;
      else ref.alias = v.value;
    }
    return { ok: true, value: ref };
  }
  return invalid('the block names no bot: LexV2Bot.AliasArn or LexBot.Name');
}

/** `LexSessionAttributes`: keys and values static or dynamic. */
function readSessionAttributes(value: unknown, input: ExecutorInput): Read<Record<string, string>> {
  if (value === undefined) return { ok: true, value: {} };
  if (!isObject(value)) return invalid('LexSessionAttributes must be an object of texts');
  const out: Record<string, string> = {};
  for (const [rawKey, rawValue] of Object.entries(value)) {
    const key = isWholePath(rawKey) ? readStatic(rawKey, input, 'a LexSessionAttributes key') : ok(rawKey);
    if (!key.ok) return key;
    const v = readText(rawValue, input, `LexSessionAttributes.${key.value}`);
    if (!v.ok) return v;
    out[key.value] = v.value;
  }
  return { ok: true, value: out };
}

/**
 * The turn's timeouts from the session attributes. Parley's bots only elicit intents, so the keys
 * that apply are the bot-wide ones: bare, `:*` or `:*:*`.
 */
function readTiming(attributes: Readonly<Record<string, string>>, kind: BotRef['kind']): Read<Timing> {
  const v2 = kind === 'v2';
  const start = readMs(
    attributes,
    v2 ? 'x-amz-lex:audio:start-timeout-ms' : 'x-amz-lex:start-silence-threshold-ms',
    DEFAULT_START_MS,
  );
  if (!start.ok) return start;
  const end = readMs(
    attributes,
    v2 ? 'x-amz-lex:audio:end-timeout-ms' : 'x-amz-lex:end-silence-threshold-ms',
    DEFAULT_END_MS,
  );
  if (!end.ok) return end;
  const maxKey = v2 ? 'x-amz-lex:audio:max-length-ms' : 'x-amz-lex:max-speech-duration-ms';
  const max = readMs(attributes, maxKey, DEFAULT_MAX_LENGTH_MS);
  if (!max.ok) return max;
  // Utterances arrive whole here, so the maximum length limits nothing; only Connect's ceiling applies.
  if (max.value > MAX_LENGTH_LIMIT_MS)
    return invalid(`${maxKey} is ${max.value}; Connect allows at most ${MAX_LENGTH_LIMIT_MS}`);
  const dtmfEnd = readMs(attributes, 'x-amz-lex:dtmf:end-timeout-ms', DEFAULT_DTMF_END_MS);
  if (!dtmfEnd.ok) return dtmfEnd;
  const character = setting(attributes, 'x-amz-lex:dtmf:end-character') ?? DEFAULT_DTMF_END_CHARACTER;
  if (!/^[0-9#*A-D]$/.test(character))
    return invalid(`x-amz-lex:dtmf:end-character "${character}" must be one of 0-9 # * A-D`);
  return {
    ok: true,
    value: { startMs: start.value, endMs: end.value, dtmfEndMs: dtmfEnd.value, dtmfEndCharacter: character },
  };
}

function setting(attributes: Readonly<Record<string, string>>, key: string): string | undefined {
  return attributes[key] ?? attributes[`${key}:*:*`] ?? attributes[`${key}:*`];
}

function readMs(attributes: Readonly<Record<string, string>>, key: string, fallback: number): Read<number> {
  const text = setting(attributes, key);
  if (text === undefined || text.trim() === '') return { ok: true, value: fallback };
  const n = /^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < 1)
    return invalid(`${key} must be a whole number of milliseconds, not "${text}"`);
  return { ok: true, value: n };
}

const ok = <T>(value: T): Read<T> => ({ ok: true, value });

const invalid = (message: string): Read<never> => ({
  ok: false,
  results: coded('ENGINE_PARAMETER_INVALID', message),
});
