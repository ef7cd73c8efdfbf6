/**
 * The caller script of `parley run` (issue 4): who calls which number, and what the caller does.
 * Its JSON Schema is published in `schemas/caller-script.schema.json` (`pnpm schemas`).
 */
import { Ajv } from 'ajv';
import { problem, type RunProblem } from './codes.js';

export type CallerStep =
  /** Waits until a prompt whose text contains this (case-insensitive) starts. */
  | { expectPrompt: string; within?: number }
  /** Presses keys. */
  | { dtmf: string }
  /** Lets seconds of silence pass. */
  | { wait: number }
  /** Speaks to a bot: the words reach the runtime as one utterance (CallerLeg.say). */
  | { say: string }
  | { hangup: true };

export interface CallerScript {
  call?: {
    /** The caller's number (ANI), E.164. */
    from?: string;
    /** The number dialled (DNIS). */
    to?: string;
    /** Contact attributes the call arrives with. */
    attributes?: Record<string, string>;
    /** When the call is placed on the simulated clock (ISO 8601); the current time unless told. */
    at?: string;
    /** The ContactId, for runs that must repeat exactly (DistributeByPercentage is seeded by it). */
    contactId?: string;
  };
  steps?: CallerStep[];
}

const BASE = 'https://parley.dev/schemas';
const e164 = { type: 'string', pattern: '^\\+?[0-9]{3,15}$' };

export const callerScriptSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: `${BASE}/caller-script.schema.json`,
  title: 'Caller script',
  description:
    'What the caller does in `parley run`: the call to place and the steps to take. When the steps run out the caller stays silent until the flow ends.',
  type: 'object',
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    call: {
      type: 'object',
      additionalProperties: false,
      properties: {
        from: { ...e164, description: "The caller's number (ANI), E.164." },
        to: { ...e164, description: 'The number dialled (DNIS), E.164.' },
        attributes: {
          type: 'object',
          description: 'Contact attributes the call arrives with.',
          additionalProperties: { type: 'string', maxLength: 32768 },
        },
        at: {
          type: 'string',
          pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})$',
          description:
            'When the call is placed on the simulated clock (ISO 8601); the current time unless told.',
        },
        contactId: {
          type: 'string',
          pattern: '^[A-Za-z0-9-]{1,256}$',
          description: 'The ContactId, for runs that must repeat exactly (percentages are seeded by it).',
        },
      },
    },
    steps: {
      type: 'array',
      maxItems: 1000,
      items: {
        oneOf: [
          {
            type: 'object',
            additionalProperties: false,
            required: ['expectPrompt'],
            properties: {
              expectPrompt: {
                type: 'string',
                minLength: 1,
                description: 'Waits until a prompt whose text contains this (case-insensitive) starts.',
              },
              within: {
                type: 'number',
                exclusiveMinimum: 0,
                maximum: 86400,
                description: 'Seconds to wait for it; until the call ends unless told.',
              },
            },
          },
          {
            type: 'object',
            additionalProperties: false,
            required: ['dtmf'],
            properties: {
              dtmf: { type: 'string', pattern: '^[0-9*#A-Da-d]{1,64}$', description: 'Keys to press.' },
            },
          },
          {
            type: 'object',
            additionalProperties: false,
            required: ['wait'],
            properties: {
              wait: {
                type: 'number',
                exclusiveMinimum: 0,
                maximum: 86400,
                description: 'Seconds of silence.',
              },
            },
          },
          {
            type: 'object',
            additionalProperties: false,
            required: ['say'],
            properties: {
              say: {
                type: 'string',
                minLength: 1,
                maxLength: 1024,
                description: 'Words spoken to a bot, heard as one utterance.',
              },
            },
          },
          {
            type: 'object',
            additionalProperties: false,
            required: ['hangup'],
            properties: { hangup: { const: true, description: 'The caller hangs up.' } },
          },
        ],
      },
    },
  },
} as const;

const validate = new Ajv({ allErrors: true, strict: true }).compile<CallerScript>(callerScriptSchema);

/** A real calendar date and time (Date.parse rolls 30 February over into March). */
function isDate(text: string): boolean {
  const [y, m, d] = text.slice(0, 10).split('-').map(Number);
  if (y === undefined || m === undefined || d === undefined) return false;
  const day = new Date(Date.UTC(y, m - 1, d));
  return !Number.isNaN(Date.parse(text)) && day.getUTCMonth() === m - 1 && day.getUTCDate() === d;
}

const STEP_KEYS = 'expectPrompt, dtmf, wait, say or hangup';

/** Checks a parsed script against the schema; the most precise problem found is reported. */
export function parseCallerScript(
  value: unknown,
): { ok: true; script: CallerScript } | { ok: false; problem: RunProblem } {
  if (validate(value)) {
    const at = value.call?.at;
    if (at !== undefined && !isDate(at))
      return { ok: false, problem: problem('RUN_SCRIPT_INVALID', `/call/at "${at}" is not a date`) };
    return { ok: true, script: value };
  }
  // A step matches none of oneOf's shapes: the deepest error is the one about the step's own value.
  const errors = [...(validate.errors ?? [])].sort((a, b) => b.instancePath.length - a.instancePath.length);
  const e = errors[0];
  const where = e?.instancePath || '/';
  let message: string;
  if (e && /^\/steps\/\d+$/.test(where)) message = `${where} is not a step (${STEP_KEYS}, one per step)`;
  else if (e?.keyword === 'additionalProperties')
    message = `${where} has an unknown key "${String(e.params.additionalProperty)}"`;
  else message = `${where} ${e?.message ?? 'is not valid'}`;
  return { ok: false, problem: problem('RUN_SCRIPT_INVALID', message) };
}
