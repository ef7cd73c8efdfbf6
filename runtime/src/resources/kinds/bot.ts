import type { Diagnostic } from '@parley/flow';
import { type BotResource, checkBot } from '../../integrations/bot.js';
import { entrySchema, fieldProblem } from '../fields.js';
import type { ResourceType } from '../types.js';

/** Lex's names for bots and intents. */
const lexName = { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$' } as const;
const score = { type: 'number', minimum: 0, maximum: 1 } as const;

const intent = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'utterances'],
  properties: {
    name: lexName,
    utterances: { type: 'array', items: { type: 'string', minLength: 1, maxLength: 500 } },
    dtmf: { type: 'string', pattern: '^[0-9#*A-D]{1,32}$' },
    confidence: score,
    slots: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name'],
        properties: {
          name: { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9_-]{0,99}$' },
          type: { type: 'string', maxLength: 1024 },
          values: { type: 'array', items: { type: 'string', minLength: 1, maxLength: 140 } },
        },
      },
    },
  },
} as const;

/**
 * A bot Lex blocks talk to, whose conversation Parley runs itself (integrations/bot.ts): intents
 * with sample utterances, `{Slot}` placeholders and key sequences.
 */
export const botType: ResourceType = {
  kind: 'bot',
  collection: 'bots',
  path: 'bots',
  title: 'Bot',
  flowKinds: ['lexBot', 'lexV2Alias'],
  external: true,
  schema: entrySchema(
    'Bot',
    {
      name: lexName,
      arn: {
        type: 'string',
        pattern: '^arn:[a-z-]+:lex:[a-z0-9-]*:[0-9]{12}:(bot-alias/[^/\\s]+(/[^/\\s]+)?|bot:\\S+)$',
        description:
          'A Lex V2 alias ARN (also another account’s) or a Lex classic bot ARN; a Parley one unless given.',
      },
      locale: { type: 'string', pattern: '^[a-z]{2,3}[_-][A-Z]{2}$' },
      fallbackIntent: lexName,
      confidenceThreshold: score,
      intents: { type: 'array', items: intent },
    },
    { required: ['name', 'intents'] },
  ),
  // Not an AWS partition: a bot only Parley runs must not pass for a real Lex alias.
  arn: (ns, entry) =>
    typeof entry.arn === 'string' && entry.arn !== ''
      ? entry.arn
      : `arn:parley:lex:${ns.region}:${ns.account}:bot-alias/${entry.name}`,
  references: () => [],
  rules(fields) {
    return checkBot(fields as unknown as BotResource).map(
      (why): Diagnostic => fieldProblem('RESOURCE_BOT_INVALID', '/intents', why),
    );
  },
};

/** What Lex blocks use of a bot entry. */
export function botOf(entry: { name: string; arn: string } & Record<string, unknown>): BotResource {
  const bot: BotResource = {
    name: entry.name,
    arn: entry.arn,
    intents: (entry.intents ?? []) as BotResource['intents'],
  };
  if (typeof entry.locale === 'string') bot.locale = entry.locale;
  if (typeof entry.fallbackIntent === 'string') bot.fallbackIntent = entry.fallbackIntent;
  if (typeof entry.confidenceThreshold === 'number') bot.confidenceThreshold = entry.confidenceThreshold;
  return bot;
}
