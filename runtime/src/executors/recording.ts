/**
 * Recording settings. The contact keeps what the flow asked for (the engine decides it). IVR
 * recording starts and stops here, on the call; agent and customer recording begins when an agent
 * joins the call, which is the routing engine's part, so the log says it is only stored.
 */
import type { ExecutorInput, RecordingBehavior, StepResult } from '@parley/flow';
import { coded, fail, isObject, next, paramsOf } from './common.js';
import { decideWith } from './participant.js';
import type { BlockExecutor, RuntimePorts } from './types.js';

export const RECORDING_NOT_YET =
  'recorded participants stored on the contact; they are recorded once an agent joins the call';

/** The stored recording of a contact's IVR part: one per contact, found again by its name. */
export const ivrRecordingName = (contactId: string) => `ivr-${contactId}`;

/**
 * Starts or stops the IVR recording when the behavior changed it, and says so in the log. A call
 * that cannot record takes the error branch: a flow that asked for recording must not go on as if.
 */
async function applyIvrRecording(
  input: ExecutorInput,
  ports: RuntimePorts,
  decided: StepResult,
  after: RecordingBehavior | undefined,
): Promise<StepResult> {
  const before = input.contact.recording.ivr;
  const now = after?.ivr ?? before;
  const name = ivrRecordingName(input.contact.ContactId);
  let results = RECORDING_NOT_YET;
  if (now === 'Enabled' && before !== 'Enabled') {
    const started = ports.call.startRecording
      ? await ports.call.startRecording(name)
      : { ok: false as const, reason: 'this call cannot be recorded' };
    if (!started.ok)
      return fail(input, 'NoMatchingError', `IVR recording could not start: ${started.reason}`);
    results = `IVR recording started (${name})`;
  } else if (now === 'Disabled' && before === 'Enabled') {
    await ports.call.stopRecording?.(name);
    results = `IVR recording stopped (${name})`;
  }
  return { ...decided, log: { ...decided.log, results } };
}

const recordingOf = (step: StepResult): RecordingBehavior | undefined => {
  const patch = step.contactPatch as { recording?: RecordingBehavior } | undefined;
  return patch?.recording;
};

export const updateContactRecordingBehavior: BlockExecutor = async (input, ports) => {
  const decided = decideWith(input, ports, 'UpdateContactRecordingBehavior');
  if (decided.outcome.kind === 'error') return decided;
  return applyIvrRecording(input, ports, decided, recordingOf(decided));
};

const PARTICIPANTS = ['Agent', 'Customer'] as const;

/**
 * The per-channel successor: `VoiceBehavior.VoiceRecordingBehavior` is the same setting as above;
 * behavior for the other channel only is Connect's ChannelMismatch.
 */
export const updateContactRecordingAndAnalyticsBehavior: BlockExecutor = async (input, ports) => {
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
  return applyIvrRecording(input, ports, next(input, { patch: { recording } }), recording);
};
