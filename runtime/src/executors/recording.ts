/**
 * Recording settings. The contact keeps what the flow asked for (the engine decides it); starting
 * ARI recordings is a later issue, and the flow log says so instead of pretending calls are recorded.
 */
import type { RecordingBehavior } from '@parley/flow';
import { coded, fail, isObject, next, paramsOf } from './common.js';
import { decideWith } from './participant.js';
import type { BlockExecutor } from './types.js';

export const RECORDING_NOT_YET =
  'recording behavior stored on the contact; Parley does not record calls yet (ARI recording is a later issue)';

export const updateContactRecordingBehavior: BlockExecutor = async (input, ports) => {
  const decided = decideWith(input, ports, 'UpdateContactRecordingBehavior');
  if (decided.outcome.kind === 'error') return decided;
  return { ...decided, log: { ...decided.log, results: RECORDING_NOT_YET } };
};

const PARTICIPANTS = ['Agent', 'Customer'] as const;

/**
 * The per-channel successor: `VoiceBehavior.VoiceRecordingBehavior` is the same setting as above;
 * behavior for the other channel only is Connect's ChannelMismatch.
 */
export const updateContactRecordingAndAnalyticsBehavior: BlockExecutor = async (input) => {
  const p = paramsOf(input);
  const voice = input.contact.Channel === 'VOICE';
  const behavior = voice ? p.VoiceBehavior : p.ChatBehavior;
  if (!isObject(behavior)) {
    if (isObject(voice ? p.ChatBehavior : p.VoiceBehavior) && !isObject(p.ScreenRecordingBehavior))
      return fail(
        input,
        'ChannelMismatch',
        `the block sets ${voice ? 'chat' : 'voice'} behavior on a ${input.contact.Channel} contact`,
      );
    return next(input, { results: RECORDING_NOT_YET });
  }
  const recording: RecordingBehavior = { ...input.contact.recording };
  const rb = behavior.VoiceRecordingBehavior;
  if (voice && isObject(rb)) {
    const who = rb.RecordedParticipants;
    if (who !== undefined) {
      if (!Array.isArray(who) || !who.every((x) => (PARTICIPANTS as readonly unknown[]).includes(x)))
        return fail(
          input,
          'NoMatchingError',
          coded('ENGINE_PARAMETER_INVALID', 'RecordedParticipants must list Agent and/or Customer'),
        );
      recording.participants = who as ('Agent' | 'Customer')[];
    }
    if (rb.IVRRecordingBehavior === 'Enabled' || rb.IVRRecordingBehavior === 'Disabled')
      recording.ivr = rb.IVRRecordingBehavior;
  }
  const analytics = voice ? behavior.VoiceAnalyticsBehavior : behavior.ChatAnalyticsBehavior;
  if (analytics !== undefined) recording.analytics = analytics as RecordingBehavior['analytics'];
  return next(input, { patch: { recording }, results: RECORDING_NOT_YET });
};
