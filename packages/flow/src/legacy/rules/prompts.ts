import { textOf } from '../../model/text.js';
import type { ActionBuilder } from '../builder.js';
import type { LegacyRule, ParamRule } from '../rule.js';
import { exportString } from '../values.js';

/** `Text` is TTS text or SSML, depending on the module's `TextToSpeechType`. */
const promptText: ParamRule = (b, p, i) => {
  const r = b.resolve(p, i);
  if (!r) return;
  const key = b.legacyValue('TextToSpeechType')?.toLowerCase() === 'ssml' ? 'SSML' : 'Text';
  b.set(key, r.value);
  if (r.dynamic) b.setParameterMetadata(key, 'useDynamic', true);
};

/** The prompt source shared by Play prompt, Get customer input and Store customer input. */
export const PROMPT_PARAMS: Readonly<Record<string, ParamRule>> = {
  Text: promptText,
  TextToSpeechType: 'ignore',
  AudioPrompt: { to: 'PromptId', names: ['promptName'], resource: true },
};

/** Play prompt (and its deprecated twin Play audio) → MessageParticipant. */
export const messageParticipant: LegacyRule = {
  type: 'MessageParticipant',
  params: PROMPT_PARAMS,
  branches: { Error: { error: 'NoMatchingError' } },
};

/** One `Messages` element of Loop prompts; the legacy `key` (or name) says what kind of prompt it is. */
const loopMessage: ParamRule = (b, p, i) => {
  const r = b.resolve(p, i);
  if (!r) return;
  const kind = `${textOf(p.key ?? '')} ${p.name}`.toLowerCase();
  const messages = b.list<Record<string, string>>('messages');
  const field = kind.includes('ssml') ? 'SSML' : /prompt|audio/.test(kind) ? 'PromptId' : 'Text';
  messages.push({ [field]: r.value });
  const meta = b.list<Record<string, unknown> | null>('messageMetadata');
  const audio = b.module.metadata?.audio;
  const entry = Array.isArray(audio)
    ? (audio[messages.length - 1] as Record<string, unknown> | undefined)
    : undefined;
  const name = p.resourceName ?? (field === 'PromptId' ? entry?.text : undefined);
  meta.push(typeof name === 'string' && name !== '' ? { PromptId: { displayName: name } } : null);
};

function finishLoopPrompts(b: ActionBuilder): void {
  const messages = (b.state.messages ?? []) as Record<string, string>[];
  b.set('Messages', messages);
  const meta = (b.state.messageMetadata ?? []) as unknown[];
  if (meta.some((m) => m !== null)) b.parameterMetadata.Messages = meta;
  const interrupt = b.state.interrupt;
  if (typeof interrupt === 'string') b.set('InterruptFrequencySeconds', interrupt);
}

/** Loop prompts → MessageParticipantIteratively; the Timeout branch is the periodic interruption. */
export const messageParticipantIteratively: LegacyRule = {
  type: 'MessageParticipantIteratively',
  params: {
    Text: loopMessage,
    SSML: loopMessage,
    AudioPrompt: loopMessage,
    Prompt: loopMessage,
    InterruptSeconds: (b, p, i) => {
      const v = exportString(p.value);
      if (v === undefined)
        b.note('LEGACY_PARAMETER_DROPPED', 'InterruptSeconds has no value', b.parameterPath(i));
      else b.state.interrupt = v;
    },
  },
  finish: finishLoopPrompts,
  branches: {
    Timeout: { operator: 'Equals', operand: 'MessagesInterrupted' },
    Error: { error: 'NoMatchingError' },
  },
  next: ['Error'],
};
