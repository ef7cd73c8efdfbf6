/**
 * Bots as instance resources: what ConnectParticipantWithLexBot talks to when Parley runs the
 * conversation itself instead of Amazon Lex. A bot is a list of intents, each with sample
 * utterances (`{Slot}` placeholders allowed) and optionally a key sequence; one caller turn (words
 * or keys) is matched against them here. Pure: no I/O, no clock.
 *
 * Matching, deliberately simple and predictable:
 * - Keys pick the intent whose `dtmf` they equal; other keys are matched as text ("1" against the
 *   utterances), as Lex V2 turns DTMF into text.
 * - Words are normalised (lower case, apostrophes dropped, other punctuation a space) and compared
 *   with each utterance by token overlap: the longest common subsequence of the utterance's words,
 *   and each placeholder filled from the words between its matched neighbours. The score is the
 *   harmonic mean of how much of the utterance was matched and how much of what was said it
 *   explains (1 for an exact match with every slot filled).
 * - A slot with `values` takes only one of them (the longest found in its position); type
 *   `AMAZON.Number` takes digits, spoken one word per digit ("four two" = "42"); any other slot takes
 *   the words in its position.
 * - The best intent whose score reaches its `confidence` (else the bot's `confidenceThreshold`, else
 *   0.4, Lex V2's default) wins; earlier intents win ties. None: the fallback intent, as Lex V2
 *   answers with `FallbackIntent`.
 */

/** A slot of an intent, filled from the words where its `{Name}` stands in an utterance. */
export interface BotSlot {
  name: string;
  /** `AMAZON.Number` takes digits; other types (Lex's or custom) take the words, or one of `values`. */
  type?: string;
  /** The values the slot accepts (case and punctuation ignored); the value is reported as written here. */
  values?: string[];
}

export interface BotIntent {
  name: string;
  /** Sample utterances, e.g. `"I want to pay my {Bill} bill"`. */
  utterances: string[];
  /** Keys that select this intent outright, e.g. `"1"`. */
  dtmf?: string;
  slots?: BotSlot[];
  /** The lowest score (0–1) at which this intent is recognised. */
  confidence?: number;
}

/** A bot the instance defines, found by its ARN (a Lex V2 alias ARN or a Parley one) or its name. */
export interface BotResource {
  name: string;
  arn: string;
  /** The language the bot speaks (`en-US`); a contact in another language cannot use it. */
  locale?: string;
  intents: BotIntent[];
  /** The intent reported when nothing matches; `FallbackIntent` unless told. */
  fallbackIntent?: string;
  /** The lowest score at which any intent is recognised, unless the intent says otherwise; 0.4 unless told. */
  confidenceThreshold?: number;
}

/** One caller turn. */
export type BotInput = { text: string } | { dtmf: string };

/** What a bot made of one turn: what `$.Lex` reports. */
export interface Recognition {
  intent: string;
  /** Every slot of the intent; null where nothing filled it. */
  slots: Record<string, string | null>;
  /** 0–1; absent when the recogniser gives none (Lex gives none for the fallback intent). */
  score?: number;
  /** Lex's dialog state: `Fulfilled` when an intent was recognised, `ElicitIntent` when not. */
  dialogState: string;
  /** Session attributes the recogniser set (a real Lex bot's Lambda may); merged over the block's. */
  sessionAttributes?: Record<string, string>;
}

export interface LocalRecognition extends Recognition {
  /** False when the fallback intent was reported. */
  matched: boolean;
}

/**
 * Amazon Lex itself, for bots the instance does not define: an adapter would call Lex V2's
 * RecognizeText (or RecognizeUtterance) on the alias with the contact ID as session ID. Parley ships
 * none; when a runtime is given one, the Lex block hands it the turns of bots it cannot find.
 * `ok: false` (or a rejection) takes the block's error branch with the reason in the flow log.
 */
export interface LexPort {
  recognize(
    request: LexRequest,
  ): Promise<{ ok: true; recognition: Recognition } | { ok: false; reason: string }>;
}

export interface LexRequest {
  /** `LexV2Bot.AliasArn`, or for Lex classic `LexBot` name, region and alias. */
  bot: { aliasArn: string } | { name: string; region?: string; alias?: string };
  sessionId: string;
  locale: string;
  input: BotInput;
  sessionAttributes: Record<string, string>;
}

export const DEFAULT_FALLBACK_INTENT = 'FallbackIntent';
/** Lex V2's default NLU confidence threshold. */
export const DEFAULT_CONFIDENCE_THRESHOLD = 0.4;
export const NUMBER_SLOT_TYPE = 'AMAZON.Number';

/** Lower case words without punctuation; apostrophes vanish so "I'd" is "id" on both sides. */
export function normalise(text: string): string[] {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
}

type Part = { word: string } | { slot: string };

const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9_-]*)\}/g;

/** An utterance as words and slot placeholders, in order. */
export function parseUtterance(utterance: string): Part[] {
  const parts: Part[] = [];
  let last = 0;
  for (const m of utterance.matchAll(PLACEHOLDER)) {
    for (const word of normalise(utterance.slice(last, m.index))) parts.push({ word });
    parts.push({ slot: m[1] ?? '' });
    last = m.index + m[0].length;
  }
  for (const word of normalise(utterance.slice(last))) parts.push({ word });
  return parts;
}

/** Problems that make a bot unusable, as sentences; none for a good bot. */
export function checkBot(bot: BotResource): string[] {
  const problems: string[] = [];
  const fallback = bot.fallbackIntent ?? DEFAULT_FALLBACK_INTENT;
  const names = new Set<string>();
  const keys = new Map<string, string>();
  for (const intent of bot.intents) {
    const where = `bot ${bot.name} intent ${intent.name}`;
    if (names.has(intent.name)) problems.push(`${where} is defined twice`);
    names.add(intent.name);
    if (intent.name === fallback) problems.push(`${where} has the name of the fallback intent`);
    const slots = new Set<string>();
    for (const slot of intent.slots ?? []) {
      if (slots.has(slot.name)) problems.push(`${where} defines slot ${slot.name} twice`);
      slots.add(slot.name);
    }
    if (intent.utterances.length === 0 && intent.dtmf === undefined)
      problems.push(`${where} has neither utterances nor dtmf: nothing can select it`);
    for (const utterance of intent.utterances) {
      const parts = parseUtterance(utterance);
      if (parts.length === 0) problems.push(`${where} has an utterance without words: "${utterance}"`);
      for (const p of parts)
        if ('slot' in p && !slots.has(p.slot))
          problems.push(`${where} utterance "${utterance}" uses {${p.slot}}, which is not one of its slots`);
    }
    if (intent.dtmf !== undefined) {
      const other = keys.get(intent.dtmf);
      if (other) problems.push(`${where} has the same dtmf "${intent.dtmf}" as intent ${other}`);
      keys.set(intent.dtmf, intent.name);
    }
  }
  return problems;
}

/** One caller turn against the bot's intents. */
export function recognize(bot: BotResource, input: BotInput): LocalRecognition {
  if ('dtmf' in input) {
    const keyed = bot.intents.find((i) => i.dtmf !== undefined && i.dtmf === input.dtmf);
    if (keyed) return recognised(keyed, emptySlots(keyed), 1);
    return recognize(bot, { text: input.dtmf });
  }
  const said = normalise(input.text);
  let best: { intent: BotIntent; slots: Record<string, string | null>; score: number } | undefined;
  for (const intent of bot.intents) {
    const threshold = intent.confidence ?? bot.confidenceThreshold ?? DEFAULT_CONFIDENCE_THRESHOLD;
    for (const utterance of intent.utterances) {
      const m = matchUtterance(parseUtterance(utterance), said, intent.slots ?? []);
      if (m.score < threshold || (best && m.score <= best.score)) continue;
      best = { intent, slots: { ...emptySlots(intent), ...m.slots }, score: m.score };
    }
  }
  if (best) return recognised(best.intent, best.slots, best.score);
  return {
    intent: bot.fallbackIntent ?? DEFAULT_FALLBACK_INTENT,
    slots: {},
    dialogState: 'ElicitIntent',
    matched: false,
  };
}

const recognised = (
  intent: BotIntent,
  slots: Record<string, string | null>,
  score: number,
): LocalRecognition => ({
  intent: intent.name,
  slots,
  score: Math.round(score * 100) / 100,
  dialogState: 'Fulfilled',
  matched: true,
});

const emptySlots = (intent: BotIntent): Record<string, string | null> =>
  Object.fromEntries((intent.slots ?? []).map((s) => [s.name, null]));

interface UtteranceMatch {
  score: number;
  /** The slots the utterance names, filled or null. */
  slots: Record<string, string | null>;
}

/** How well `said` fits one utterance, and the slot values it gives. */
export function matchUtterance(
  parts: readonly Part[],
  said: readonly string[],
  slots: readonly BotSlot[],
): UtteranceMatch {
  const anchors = align(parts, said);
  const values: Record<string, string | null> = {};
  let filled = 0;
  let slotWords = 0;
  // Placeholders between the same two matched words share the words between them, in order.
  let i = 0;
  while (i < parts.length) {
    if (!('slot' in (parts[i] as Part))) {
      i++;
      continue;
    }
    let j = i;
    while (j < parts.length && (anchors[j] === undefined || 'slot' in (parts[j] as Part))) j++;
    const before = previousAnchor(anchors, i);
    const span = said.slice(before + 1, j < parts.length ? (anchors[j] ?? said.length) : said.length);
    const names = parts.slice(i, j).flatMap((p) => ('slot' in p ? [p.slot] : []));
    let from = 0;
    for (const [k, name] of names.entries()) {
      const spec = slots.find((s) => s.name === name) ?? { name };
      const rest = span.slice(from);
      const found = fill(spec, rest, k === names.length - 1);
      values[name] = found?.value ?? values[name] ?? null;
      if (!found) continue;
      filled++;
      slotWords += found.end - found.start;
      from += found.end;
    }
    i = j;
  }
  const matched = anchors.filter((a) => a !== undefined).length;
  if (said.length === 0 || parts.length === 0) return { score: 0, slots: values };
  // Each word and each placeholder of the utterance is one thing to match.
  const recall = (matched + filled) / parts.length;
  const precision = Math.min(1, (matched + slotWords) / said.length);
  const score = recall + precision === 0 ? 0 : (2 * recall * precision) / (recall + precision);
  return { score, slots: values };
}

/** For each word part of the utterance, the index of the spoken word it matched (LCS), else undefined. */
function align(parts: readonly Part[], said: readonly string[]): (number | undefined)[] {
  const m = parts.length;
  const n = said.length;
  // lcs[i][j]: the longest common subsequence of parts[i..] and said[j..].
  const lcs = Array.from({ length: m + 1 }, () => new Array<number>(n + 1).fill(0));
  for (let i = m - 1; i >= 0; i--) {
    const row = lcs[i] as number[];
    const below = lcs[i + 1] as number[];
    const part = parts[i] as Part;
    for (let j = n - 1; j >= 0; j--)
      row[j] =
        'word' in part && part.word === said[j]
          ? (below[j + 1] as number) + 1
          : Math.max(below[j] as number, row[j + 1] as number);
  }
  const anchors: (number | undefined)[] = new Array(m).fill(undefined);
  let i = 0;
  let j = 0;
  while (i < m && j < n) {
    const part = parts[i] as Part;
    if ('word' in part && part.word === said[j] && lcs[i]?.[j] === (lcs[i + 1]?.[j + 1] ?? 0) + 1) {
      anchors[i] = j;
      i++;
      j++;
    } else if ((lcs[i + 1]?.[j] ?? 0) >= (lcs[i]?.[j + 1] ?? 0)) i++;
    else j++;
  }
  return anchors;
}

function previousAnchor(anchors: readonly (number | undefined)[], index: number): number {
  for (let k = index - 1; k >= 0; k--) {
    const a = anchors[k];
    if (a !== undefined) return a;
  }
  return -1;
}

const DIGIT_WORDS: Readonly<Record<string, string>> = {
  zero: '0',
  oh: '0',
  one: '1',
  two: '2',
  three: '3',
  four: '4',
  five: '5',
  six: '6',
  seven: '7',
  eight: '8',
  nine: '9',
};

const digitOf = (word: string): string | undefined => (/^\d+$/.test(word) ? word : DIGIT_WORDS[word]);

/**
 * The slot's value within `words`, with the words it took (`start`..`end`). A free slot takes all
 * the words when it is the last of its group, else one.
 */
function fill(
  slot: BotSlot,
  words: readonly string[],
  last: boolean,
): { value: string; start: number; end: number } | undefined {
  if (words.length === 0) return undefined;
  if (slot.values && slot.values.length > 0) {
    let best: { value: string; start: number; end: number } | undefined;
    for (const value of slot.values) {
      const tokens = normalise(value);
      if (tokens.length === 0) continue;
      for (let start = 0; start + tokens.length <= words.length; start++) {
        if (!tokens.every((t, k) => words[start + k] === t)) continue;
        const longer = !best || tokens.length > best.end - best.start;
        const earlier = best && tokens.length === best.end - best.start && start < best.start;
        if (longer || earlier) best = { value, start, end: start + tokens.length };
        break;
      }
    }
    return best;
  }
  if (slot.type === NUMBER_SLOT_TYPE) {
    const start = words.findIndex((w) => digitOf(w) !== undefined);
    if (start < 0) return undefined;
    let end = start;
    let value = '';
    for (let d = digitOf(words[end] ?? ''); d !== undefined; d = digitOf(words[end] ?? '')) {
      value += d;
      end++;
    }
    return { value, start, end };
  }
  return last
    ? { value: words.join(' '), start: 0, end: words.length }
    : { value: words[0] ?? '', start: 0, end: 1 };
}
