import type { Diagnostic } from '@parley/flow';
import { parseSsml } from '../../integrations/ssml.js';
import { PROMPT_MAX_BYTES, PROMPT_MAX_MS } from '../audio.js';
import { connectArn, entrySchema, fieldProblem } from '../fields.js';
import type { ResourceType } from '../types.js';

const sources = {
  file: {
    type: 'string',
    minLength: 1,
    maxLength: 1024,
    description: 'Played as sound:<file>: a path without extension, or an Asterisk sound name.',
  },
  audio: {
    type: 'object',
    additionalProperties: false,
    required: ['sha256', 'bytes', 'durationMs'],
    description:
      'An uploaded WAV the server keeps apart (checked by checkPromptAudio); this is its description.',
    properties: {
      sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' },
      bytes: { type: 'integer', minimum: 1, maximum: PROMPT_MAX_BYTES - 1 },
      durationMs: { type: 'integer', minimum: 0, maximum: PROMPT_MAX_MS - 1 },
      format: { enum: ['pcm16', 'mulaw'] },
    },
  },
  text: { type: 'string', minLength: 1, maxLength: 3000, description: 'Spoken with text-to-speech.' },
  ssml: { type: 'string', minLength: 1, maxLength: 6000, description: 'SSML inside <speak>, spoken.' },
} as const;

const language = {
  type: 'string',
  pattern: '^[a-z]{2,3}-[A-Z]{2}$',
  description: 'Voice language, e.g. en-US.',
};

/** One of the sources, or (in a bundle) the audio itself. */
const oneSource = (names: string[]) => ({
  description: `has exactly one source: ${names.join(', ')}`,
  oneOf: names.map((n) => ({ required: [n] })),
});

/** Audio played by Play prompt and friends: a sound file, an uploaded WAV, or words spoken. */
export const promptType: ResourceType = {
  kind: 'prompt',
  collection: 'prompts',
  path: 'prompts',
  title: 'Prompt',
  flowKinds: ['prompt'],
  schema: entrySchema(
    'Prompt',
    { ...sources, language },
    { named: ['name', 'id'], allOf: [oneSource(['file', 'audio', 'text', 'ssml'])] },
  ),
  // A bundle carries the WAV itself (its description is computed when the bundle is read), or only
  // the description of audio kept elsewhere.
  bundleSchema: entrySchema(
    'Prompt',
    {
      file: sources.file,
      audio: sources.audio,
      audioBase64: { type: 'string', minLength: 1, contentEncoding: 'base64', contentMediaType: 'audio/wav' },
      text: sources.text,
      ssml: sources.ssml,
      language,
    },
    { named: ['name', 'id'], allOf: [oneSource(['file', 'audioBase64', 'audio', 'text', 'ssml'])] },
  ),
  arn: (ns, entry) => connectArn(ns, 'prompt', entry.id),
  references: () => [],
  defaultName: (fields) => (typeof fields.id === 'string' ? fields.id : undefined),
  rules(fields) {
    const out: Diagnostic[] = [];
    if (typeof fields.ssml === 'string') {
      const parsed = parseSsml(fields.ssml);
      if (!parsed.ok) out.push(fieldProblem('RESOURCE_SSML_INVALID', '/ssml', parsed.message));
      else if (!parsed.nodes.some((n) => n.kind === 'element' && n.name === 'speak'))
        out.push(fieldProblem('RESOURCE_SSML_INVALID', '/ssml', 'has no <speak> element'));
    }
    return out;
  },
};
