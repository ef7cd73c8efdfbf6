/**
 * Participant blocks that act on the caller: prompts, prompt loops, hanging up, transfers to an
 * external number (reference §3.2). The Lex block has its own file, lex.ts.
 */
import { decide, type ExecutorInput, PURE_DECIDERS, type StepResult } from '@parley/flow';
import {
  aborted,
  coded,
  condition,
  end,
  fail,
  hungUp,
  isObject,
  next,
  paramsOf,
  readBool,
  readInt,
  readStatic,
  readText,
  settle,
} from './common.js';
import { type Prompt, playbackFailed, renderPrompt } from './prompt.js';
import type { BlockExecutor, RuntimePorts } from './types.js';

/** Parley runs voice calls: a participant block on another channel takes its error branch. */
export function voiceOnly(input: ExecutorInput): StepResult | undefined {
  const { Channel } = input.contact;
  if (Channel === 'VOICE') return undefined;
  return fail(
    input,
    'NoMatchingError',
    coded(
      'ENGINE_NO_EXECUTOR',
      `Parley runs voice contacts only: ${input.action.type} on a ${Channel} contact takes its error branch`,
    ),
  );
}

/** The transcript line for a prompt, written as it starts (what `expectPrompt` waits for). */
export function announce(input: ExecutorInput, ports: RuntimePorts, prompt: Prompt): void {
  ports.transcript({ kind: 'prompt', identifier: input.action.id, text: prompt.text, media: prompt.media });
}

/** Play prompt: one prompt, not interruptible; audio that cannot be played is the error branch. */
export const messageParticipant: BlockExecutor = async (input, ports) => {
  const wrong = voiceOnly(input);
  if (wrong) return wrong;
  if (ports.call.ended) return hungUp(input);
  const prompt = await renderPrompt(paramsOf(input), input, ports);
  if (!prompt.ok) return fail(input, 'NoMatchingError', prompt.results);
  if (prompt.value.media.length === 0)
    return fail(
      input,
      'NoMatchingError',
      coded('ENGINE_PARAMETER_INVALID', 'no Text, SSML, PromptId or Media'),
    );
  announce(input, ports, prompt.value);
  // Nothing but the run's end can stop this prompt early (a hang-up ends it by itself), so the
  // run's own signal does, without a controller per prompt.
  const played = await settle(ports, ports.call.play(prompt.value.media, { signal: ports.signal }));
  if (played.kind === 'aborted') return aborted(input);
  if (played.kind !== 'done' || played.value.status === 'hungup') return hungUp(input);
  if (played.value.status === 'failed')
    return fail(input, 'NoMatchingError', playbackFailed(prompt.value, played.value.reason));
  return next(input);
};

/**
 * Loop prompts: plays the messages in order, round and round, until the contact leaves the flow.
 * With InterruptFrequencySeconds the block completes with `MessagesInterrupted` that long after it
 * started (the next run starts the list again, as Connect's does).
 */
export const messageParticipantIteratively: BlockExecutor = async (input, ports) => {
  const wrong = voiceOnly(input);
  if (wrong) return wrong;
  const p = paramsOf(input);
  const messages = Array.isArray(p.Messages) ? p.Messages.filter(isObject) : [];
  if (messages.length === 0)
    return fail(input, 'NoMatchingError', coded('ENGINE_PARAMETER_INVALID', 'Messages lists no prompt'));
  const every =
    p.InterruptFrequencySeconds === undefined
      ? undefined
      : readInt(p.InterruptFrequencySeconds, input, 'InterruptFrequencySeconds', [1, 604800]);
  if (every && !every.ok) return fail(input, 'NoMatchingError', every.results);
  const clock = ports.clock;
  const interruptAt = every ? clock.now() + every.value * 1000 : undefined;
  const rendered = new Map<number, Prompt>();
  let failedInARow = 0;
  let lastFailure = '';
  let roundStarted = clock.now();
  for (let i = 0; ; i = (i + 1) % messages.length) {
    if (ports.signal?.aborted) return aborted(input);
    if (ports.call.ended) return hungUp(input);
    const left = interruptAt === undefined ? undefined : interruptAt - clock.now();
    if (left !== undefined && left <= 0) return interrupted(input);
    let prompt = rendered.get(i);
    if (!prompt) {
      const r = await renderPrompt(messages[i] ?? {}, input, ports);
      if (r.ok && r.value.media.length > 0) {
        prompt = r.value;
        rendered.set(i, prompt);
      } else
        lastFailure = r.ok ? coded('ENGINE_PARAMETER_INVALID', `Messages[${i}] names no prompt`) : r.results;
    }
    if (prompt) {
      announce(input, ports, prompt);
      // Stop the prompt when the interrupt or a stopped run wins, or ARI plays it out first.
      const stop = new AbortController();
      const played = await settle(ports, ports.call.play(prompt.media, { signal: stop.signal }), left);
      if (played.kind !== 'done') stop.abort();
      if (played.kind === 'timer') return interrupted(input);
      if (played.kind === 'aborted') return aborted(input);
      if (played.kind === 'hungup' || played.value.status === 'hungup') return hungUp(input);
      if (played.value.status === 'failed') lastFailure = playbackFailed(prompt, played.value.reason);
      else failedInARow = -1;
    }
    failedInARow++;
    // Nothing of the list can be played: looping on would spin without a sound.
    if (failedInARow >= messages.length) return fail(input, 'NoMatchingError', lastFailure);
    if (i === messages.length - 1) {
      // A round that took no time at all (audio that ends at once) must not spin the event loop.
      if (clock.now() === roundStarted) {
        const rest = await settle(ports, undefined, Math.min(left ?? 1000, 1000));
        if (rest.kind === 'aborted') return aborted(input);
        if (rest.kind === 'hungup') return hungUp(input);
      }
      roundStarted = clock.now();
    }
  }
};

const interrupted = (input: ExecutorInput): StepResult =>
  condition(input, 'MessagesInterrupted', { results: 'MessagesInterrupted' });

/** Disconnect / hang up: the engine decides (the flow ends), the call is hung up here. */
export const disconnectParticipant: BlockExecutor = async (input, ports) => {
  const decided = decideWith(input, ports, 'DisconnectParticipant');
  if (!ports.call.ended) {
    ports.transcript({ kind: 'disconnect', identifier: input.action.id, by: 'flow' });
    try {
      await ports.call.hangup('normal');
    } catch (error) {
      // The flow ends here all the same; the runner hangs up a call still up once more as it ends.
      const why = coded('ENGINE_TELEPHONY_FAILED', error instanceof Error ? error.message : String(error));
      return { ...decided, log: { parameters: decided.log?.parameters ?? {}, results: why } };
    }
  }
  return decided;
};

export const decideWith = (input: ExecutorInput, ports: RuntimePorts, type: string): StepResult => {
  const decider = PURE_DECIDERS[type];
  if (!decider) throw new Error(`no pure decider for ${type}`);
  return decide(decider, input.action, input.contact, ports.env);
};

/** E.164: a plus, a country code that does not start with 0, at most 15 digits in all. */
export const E164 = /^\+[1-9]\d{1,14}$/;
/** Connect's default for ThirdPartyConnectionTimeLimitSeconds. */
const DEFAULT_CONNECTION_SECONDS = 30;

/**
 * Transfer to phone number: dials the number, bridges the caller with it, and (ContinueFlowExecution
 * True, the default) resumes the flow when the third party hangs up while the caller stays. With
 * ContinueFlowExecution False the caller leaves the flow with the third party: when that conversation
 * ends, so does the call.
 */
export const transferParticipantToThirdParty: BlockExecutor = async (input, ports) => {
  const wrong = voiceOnly(input);
  if (wrong) return wrong;
  if (ports.call.ended) return hungUp(input);
  const p = paramsOf(input);
  const number = readText(p.ThirdPartyPhoneNumber, input, 'ThirdPartyPhoneNumber');
  if (!number.ok) return fail(input, 'NoMatchingError', number.results);
  const e164 = number.value.replace(/[\s()-]/g, '');
  if (!E164.test(e164))
    return fail(
      input,
      'NoMatchingError',
      coded('ENGINE_PARAMETER_INVALID', `"${number.value}" is not an E.164 phone number`),
    );
  const proceed = readBool(p.ContinueFlowExecution, true);
  // The action page spells it ThirdPartyConnectionTimeoutSeconds; exports use ...LimitSeconds.
  const limit = readInt(
    p.ThirdPartyConnectionTimeLimitSeconds ?? p.ThirdPartyConnectionTimeoutSeconds,
    input,
    'ThirdPartyConnectionTimeLimitSeconds',
    [0, 600],
    DEFAULT_CONNECTION_SECONDS,
  );
  if (!limit.ok) return fail(input, 'NoMatchingError', limit.results);
  // 0 has no documented meaning; ringing for ever would hold the caller, so it is the default.
  const timeoutSeconds = limit.value || DEFAULT_CONNECTION_SECONDS;
  let dtmf: string | undefined;
  if (p.ThirdPartyDTMFDigits !== undefined && p.ThirdPartyDTMFDigits !== '') {
    const keys = readStatic(p.ThirdPartyDTMFDigits, input, 'ThirdPartyDTMFDigits');
    if (!keys.ok) return fail(input, 'NoMatchingError', keys.results);
    if (!/^[0-9*#,]{0,50}$/.test(keys.value))
      return fail(
        input,
        'NoMatchingError',
        coded('ENGINE_PARAMETER_INVALID', `ThirdPartyDTMFDigits "${keys.value}" may hold only 0-9 * # ,`),
      );
    dtmf = keys.value;
  }
  const callerId = readCallerId(input, p.CallerId, ports);
  if (!callerId.ok) return fail(input, 'NoMatchingError', callerId.results);
  const transfer = ports.call.transferToNumber?.bind(ports.call);
  if (!transfer)
    return fail(
      input,
      'NoMatchingError',
      coded('ENGINE_NO_EXECUTOR', 'this call cannot dial out: its telephony has no transfer to a number'),
    );

  ports.transcript({ kind: 'transfer', identifier: input.action.id, to: e164, target: 'number' });
  const done = await settle(
    ports,
    transfer(e164, {
      timeoutSeconds,
      ...(callerId.value ? { callerId: callerId.value } : {}),
      ...(dtmf ? { dtmf } : {}),
    }),
  );
  if (done.kind === 'aborted') return aborted(input);
  if (done.kind !== 'done' || ports.call.ended) return hungUp(input);
  switch (done.value) {
    case 'answered': {
      const results = `${e164} answered; the third party hung up`;
      if (proceed) return next(input, { results });
      ports.transcript({ kind: 'disconnect', identifier: input.action.id, by: 'flow' });
      await ports.call.hangup('normal');
      return end(input, 'disconnect', undefined, { results });
    }
    case 'noAnswer':
      return fail(
        input,
        proceed ? 'ConnectionTimeLimitExceeded' : 'NoMatchingError',
        `${e164} did not answer within ${timeoutSeconds} s`,
      );
    case 'busy':
      return fail(input, proceed ? 'CallFailed' : 'NoMatchingError', `${e164} was busy`);
    default:
      return fail(input, proceed ? 'CallFailed' : 'NoMatchingError', `${e164} could not be dialled`);
  }
};

/** `CallerId: { Number, Name }`, else the customer's number, as a transfer shows it by default. */
function readCallerId(
  input: ExecutorInput,
  value: unknown,
  ports: RuntimePorts,
): { ok: true; value: string | undefined } | { ok: false; results: string } {
  const fallback = input.contact.CustomerEndpoint?.Address ?? (ports.call.from || undefined);
  if (!isObject(value)) return { ok: true, value: fallback };
  const number = value.Number === undefined ? undefined : readStatic(value.Number, input, 'CallerId.Number');
  if (number && !number.ok) return number;
  const name = value.Name === undefined ? undefined : readText(value.Name, input, 'CallerId.Name');
  if (name && !name.ok) return name;
  const digits = number?.value.trim() || fallback;
  const label = name?.value.trim().replace(/"/g, '');
  if (!label) return { ok: true, value: digits };
  return { ok: true, value: `"${label}" <${digits ?? ''}>` };
}
