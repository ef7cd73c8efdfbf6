/**
 * Builders for block parameter schemas. Each returns plain JSON Schema (via TypeBox) carrying three
 * annotations the validator understands:
 *  - `x-dynamic`: how a value may use JSONPath (reference §1.5):
 *      `static` no JSONPath; `path` static or one whole JSONPath; `text` free text with embedded
 *      references; `pathOnly` must be one whole JSONPath.
 *  - `x-range`: [min, max] for integers that real exports write as strings ("8").
 *  - `x-resource`: the kind of resource a value references (queue ARN, prompt ARN…).
 */
import { type ObjectOptions, type TSchema, type TUnsafe, Type } from '@sinclair/typebox';
import type { ResourceKind } from './vocabulary.js';

export type Dynamic = 'static' | 'path' | 'text' | 'pathOnly';

interface Described {
  description?: string;
  title?: string;
}

/** Free text; `$.` references inside are interpolated at run time. */
export const text = (o: Described = {}) => Type.String({ ...o, 'x-dynamic': 'text' });

/** A string fixed at design time. */
export const staticText = (o: Described = {}) => Type.String({ ...o, 'x-dynamic': 'static' });

/** A string that is either static or a whole JSONPath (`$.Attributes.x`). */
export const pathOrStatic = (o: Described = {}) => Type.String({ ...o, 'x-dynamic': 'path' });

/** A value that must be one whole JSONPath (e.g. `ComparisonValue`, `CallbackNumber`). */
export const jsonPath = (o: Described = {}) => Type.String({ ...o, 'x-dynamic': 'pathOnly' });

/** One of a closed set of strings, static. */
export const choice = <const T extends readonly string[]>(
  values: T,
  o: Described & { dynamic?: Dynamic } = {},
) => {
  const { dynamic = 'static', ...rest } = o;
  // A dynamic enum cannot list its values in JSON Schema: the JSONPath would fail `enum`.
  if (dynamic !== 'static')
    return Type.Unsafe<T[number]>({ ...rest, type: 'string', 'x-enum': values, 'x-dynamic': dynamic });
  return Type.Unsafe<T[number]>({ ...rest, type: 'string', enum: [...values], 'x-dynamic': 'static' });
};

/** An integer, written as a string in exports ("8") and accepted as a number too. */
export const int = (
  range: readonly [number, number],
  o: Described & { dynamic?: 'static' | 'path' } = {},
): TUnsafe<string | number> => {
  const { dynamic = 'static', ...rest } = o;
  return Type.Unsafe<string | number>({
    ...rest,
    type: ['string', 'integer'],
    'x-range': range,
    'x-dynamic': dynamic,
  });
};

/** A decimal number, written as a string in exports and accepted as a number too. */
export const decimal = (
  range: readonly [number, number],
  o: Described & { dynamic?: 'static' | 'path' } = {},
) => {
  const { dynamic = 'static', ...rest } = o;
  return Type.Unsafe<string | number>({
    ...rest,
    type: ['string', 'number'],
    'x-range': range,
    'x-decimal': true,
    'x-dynamic': dynamic,
  });
};

/** A boolean; exports write "True"/"False", some hand-written flows "true"/false. */
export const bool = (o: Described = {}) =>
  Type.Unsafe<string | boolean>({
    ...o,
    type: ['string', 'boolean'],
    enum: ['True', 'False', 'true', 'false', true, false],
    'x-dynamic': 'static',
  });

/** A reference to an instance resource by ID or ARN (or a JSONPath when `dynamic` allows it). */
export const resource = (kind: ResourceKind, o: Described & { dynamic?: Dynamic } = {}) => {
  const { dynamic = 'path', ...rest } = o;
  return Type.String({ ...rest, 'x-dynamic': dynamic, 'x-resource': kind });
};

/** A map of user-chosen keys to values (contact attributes, Lambda parameters, tags…). */
export const stringMap = (value: TSchema = text(), o: Described = {}) => Type.Record(Type.String(), value, o);

/** An object whose unknown keys are kept: Connect adds fields over time and exports carry them. */
export const object = <T extends Record<string, TSchema>>(
  properties: T,
  o: Omit<ObjectOptions, 'required'> & { required?: (keyof T)[] } = {},
) => {
  const { required = [], ...rest } = o;
  const props = Object.fromEntries(
    Object.entries(properties).map(([k, v]) => [k, required.includes(k) ? v : Type.Optional(v)]),
  ) as { [K in keyof T]: T[K] };
  return Type.Object(props, { ...rest, additionalProperties: true });
};

/** The parameters object of a block: unknown parameter names are reported as warnings, not rejected. */
export const parameters = object;

/** Prompt source shared by MessageParticipant, GetParticipantInput and ConnectParticipantWithLexBot. */
export const promptSource = () => ({
  Text: text({
    description: 'Text to speak (text-to-speech) or send as a chat message; may embed $.references.',
  }),
  SSML: text({ description: 'SSML (<speak>…</speak>) for text-to-speech; voice only.' }),
  PromptId: resource('prompt', { description: 'Prompt ID or ARN, or a JSONPath to one; voice only.' }),
  Media: object(
    {
      Uri: text({ description: 'S3 location of the audio file.' }),
      SourceType: choice(['S3'] as const),
      MediaType: choice(['Audio'] as const),
    },
    { description: 'Audio file played from S3.' },
  ),
});

export const PROMPT_SOURCE_KEYS = ['Text', 'SSML', 'PromptId', 'Media'] as const;
