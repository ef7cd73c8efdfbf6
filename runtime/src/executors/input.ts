/**
 * Get customer input (DTMF) and Store customer input: one GetParticipantInput action, two modes
 * (reference §3.2). The prompt is barge-in: a key stops it and counts as input.
 */
import { constants, publicEncrypt } from 'node:crypto';
import type { ExecutorInput, StepResult } from '@parley/flow';
import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { CollectOutcome } from '../telephony/port.js';
import {
  aborted,
  coded,
  condition,
  fail,
  hungUp,
  isObject,
  next,
  paramsOf,
  type Read,
  readBool,
  readInt,
  readStatic,
  readText,
  settle,
} from './common.js';
import { announce, voiceOnly } from './participant.js';
import { type Prompt, playbackFailed, renderPrompt } from './prompt.js';
import type { BlockExecutor, RuntimePorts } from './types.js';

/** Connect's defaults: 5 s for the first key, 5 s between keys. */
const DEFAULT_FIRST_KEY_SECONDS = 5;
const DEFAULT_INTERDIGIT_SECONDS = 5;
/** Store customer input's default terminating key. */
const DEFAULT_TERMINATOR = '#';
/** The longest phone number a caller may key in: E.164's 15 digits plus a trunk or exit prefix. */
const PHONE_MAX_DIGITS = 20;
/** What `$.StoredCustomerInput` holds when the caller entered nothing. */
export const TIMEOUT_INPUT = 'Timeout';
/** What a transcript shows for input stored encrypted. */
export const ENCRYPTED_INPUT = '(encrypted)';

export const getParticipantInput: BlockExecutor = async (input, ports) => {
  const wrong = voiceOnly(input);
  if (wrong) return wrong;
  if (ports.call.ended) return hungUp(input);
  const p = paramsOf(input);
  // An older revision of the action page spelled it InputTimeoutSeconds.
  const firstKey = readInt(
    p.InputTimeLimitSeconds ?? p.InputTimeoutSeconds,
    input,
    'InputTimeLimitSeconds',
    [1, 3600],
    DEFAULT_FIRST_KEY_SECONDS,
  );
  if (!firstKey.ok) return fail(input, 'NoMatchingError', firstKey.results);
  const prompt = await renderPrompt(p, input, ports);
  if (!prompt.ok) return fail(input, 'NoMatchingError', prompt.results);
  if (prompt.value.media.length > 0) announce(input, ports, prompt.value);
  return readBool(p.StoreInput, false)
    ? storeInput(input, ports, prompt.value, firstKey.value * 1000)
    : menu(input, ports, prompt.value, firstKey.value * 1000);
};

/** Menu: one key, routed by the `Equals` conditions; no key is InputTimeLimitExceeded. */
async function menu(
  input: ExecutorInput,
  ports: RuntimePorts,
  prompt: Prompt,
  firstDigitTimeoutMs: number,
): Promise<StepResult> {
  const got = await collect(ports, {
    prompt: prompt.media,
    maxDigits: 1,
    // Every key is a menu choice: none clears or terminates.
    cancelKey: null,
    terminators: '',
    firstDigitTimeoutMs,
    interDigitTimeoutMs: DEFAULT_INTERDIGIT_SECONDS * 1000,
  });
  if (got.kind !== 'done') return got.kind === 'aborted' ? aborted(input) : hungUp(input);
  const r = got.value;
  const id = input.action.id;
  switch (r.status) {
    case 'digits':
      ports.transcript({ kind: 'input', identifier: id, digits: r.digits, ended: r.ended });
      return condition(input, r.digits, { results: r.digits });
    case 'timeout':
      ports.transcript({ kind: 'timeout', identifier: id });
      return fail(input, 'InputTimeLimitExceeded', `no key within ${firstDigitTimeoutMs / 1000} s`);
    case 'failed':
      return fail(input, 'NoMatchingError', playbackFailed(prompt, r.reason));
    default:
      return hungUp(input);
  }
}

interface StoreSettings {
  maxDigits: number;
  /** The keys that end input; several keys form a sequence that must be typed in order. */
  sequence: string;
  cancelKey: string | null;
  interDigitMs: number;
  phone?: { format: 'E164' | 'Local'; country: CountryCode | undefined };
  encryption?: { key: string; keyId: string };
}

/**
 * Store customer input: digits into `$.StoredCustomerInput`, validated as a phone number (stored in
 * E.164) or limited in length, optionally encrypted. No input at all is success with `Timeout`.
 */
async function storeInput(
  input: ExecutorInput,
  ports: RuntimePorts,
  prompt: Prompt,
  firstDigitTimeoutMs: number,
): Promise<StepResult> {
  const settings = readStoreSettings(input);
  if (!settings.ok) return fail(input, 'NoMatchingError', settings.results);
  const s = settings.value;
  const id = input.action.id;
  const typed = await collectStored(ports, prompt, s, firstDigitTimeoutMs);
  if (typed.kind === 'aborted') return aborted(input);
  if (typed.kind === 'hungup') return hungUp(input);
  if (typed.kind === 'failed') return fail(input, 'NoMatchingError', playbackFailed(prompt, typed.reason));
  if (typed.kind === 'timeout') {
    ports.transcript({ kind: 'timeout', identifier: id });
    return next(input, { patch: { StoredCustomerInput: TIMEOUT_INPUT }, results: TIMEOUT_INPUT });
  }
  // Encrypted input is sealed for whoever holds the private key: test-call and `parley run`
  // transcripts must not show it either.
  const shown = s.encryption ? ENCRYPTED_INPUT : typed.digits;
  ports.transcript({ kind: 'input', identifier: id, digits: shown, ended: typed.ended });
  let value = typed.digits;
  if (s.phone) {
    const e164 = toE164(value, s.phone.format, s.phone.country);
    if (!e164)
      return fail(
        input,
        'InvalidPhoneNumber',
        `"${value}" is not a valid ${s.phone.format === 'E164' ? 'international' : (s.phone.country ?? '')} phone number`,
      );
    value = e164;
  }
  if (s.encryption) {
    const sealed = encrypt(value, s.encryption.key);
    if (!sealed.ok) return fail(input, 'NoMatchingError', sealed.results);
    // The log shows the key used, never what the caller typed.
    return next(input, {
      patch: { StoredCustomerInput: sealed.value },
      results: `encrypted with ${s.encryption.keyId || 'the configured key'}`,
    });
  }
  return next(input, { patch: { StoredCustomerInput: value }, results: value });
}

function readStoreSettings(input: ExecutorInput): Read<StoreSettings> {
  const p = paramsOf(input);
  const dtmf = isObject(p.DTMFConfiguration) ? p.DTMFConfiguration : {};
  const interdigit = readInt(
    dtmf.InterdigitTimeLimitSeconds,
    input,
    'InterdigitTimeLimitSeconds',
    [1, 20],
    DEFAULT_INTERDIGIT_SECONDS,
  );
  if (!interdigit.ok) return interdigit;
  let sequence = DEFAULT_TERMINATOR;
  if (dtmf.InputTerminationSequence !== undefined && dtmf.InputTerminationSequence !== '') {
    const seq = readStatic(dtmf.InputTerminationSequence, input, 'InputTerminationSequence');
    if (!seq.ok) return seq;
    if (!/^[0-9#*]{1,5}$/.test(seq.value))
      return invalid(`InputTerminationSequence "${seq.value}" must be one to five of 0-9 # *`);
    sequence = seq.value;
  }
  const settings: StoreSettings = {
    maxDigits: PHONE_MAX_DIGITS,
    sequence,
    cancelKey: readBool(dtmf.DisableCancelKey, false) ? null : '*',
    interDigitMs: interdigit.value * 1000,
  };
  const validation = isObject(p.InputValidation) ? p.InputValidation : {};
  if (isObject(validation.PhoneNumberValidation)) {
    const v = validation.PhoneNumberValidation;
    const format = v.NumberFormat === 'Local' ? 'Local' : v.NumberFormat === 'E164' ? 'E164' : undefined;
    if (!format) return invalid(`NumberFormat "${String(v.NumberFormat)}" must be Local or E164`);
    const country = typeof v.CountryCode === 'string' ? v.CountryCode.trim().toUpperCase() : undefined;
    if (format === 'Local' && !country) return invalid('a Local phone number needs a CountryCode');
    settings.phone = { format, country: country as CountryCode | undefined };
  } else if (isObject(validation.CustomValidation)) {
    const max = readInt(validation.CustomValidation.MaximumLength, input, 'MaximumLength', [1, 128]);
    if (!max.ok) return max;
    settings.maxDigits = max.value;
  } else {
    return invalid('stored input needs InputValidation: PhoneNumberValidation or CustomValidation');
  }
  if (isObject(p.InputEncryption)) {
    if (settings.phone) return invalid('InputEncryption works only with CustomValidation');
    const key = readText(p.InputEncryption.Key, input, 'InputEncryption.Key');
    if (!key.ok) return key;
    const keyId =
      p.InputEncryption.EncryptionKeyId === undefined
        ? { ok: true as const, value: '' }
        : readText(p.InputEncryption.EncryptionKeyId, input, 'InputEncryption.EncryptionKeyId');
    if (!keyId.ok) return keyId;
    settings.encryption = { key: key.value, keyId: keyId.value };
  }
  return { ok: true, value: settings };
}

const invalid = (message: string): Read<never> => ({
  ok: false,
  results: coded('ENGINE_PARAMETER_INVALID', message),
});

type Typed =
  | { kind: 'digits'; digits: string; ended: 'max' | 'terminator' | 'interdigit' }
  | { kind: 'timeout' }
  | { kind: 'failed'; reason?: string }
  | { kind: 'hungup' }
  | { kind: 'aborted' };

/**
 * Collects up to the maximum, ended by the termination sequence or the inter-digit wait. A one-key
 * sequence is the call's own terminator. A longer one must come in order, so keys are read one at a
 * time and the sequence, the cancel key and the maximum are applied here.
 */
async function collectStored(
  ports: RuntimePorts,
  prompt: Prompt,
  s: StoreSettings,
  firstDigitTimeoutMs: number,
): Promise<Typed> {
  if (s.sequence.length === 1) {
    const got = await collect(ports, {
      prompt: prompt.media,
      maxDigits: s.maxDigits,
      terminators: s.sequence,
      cancelKey: s.cancelKey,
      firstDigitTimeoutMs,
      interDigitTimeoutMs: s.interDigitMs,
    });
    if (got.kind !== 'done') return { kind: got.kind === 'aborted' ? 'aborted' : 'hungup' };
    const r = got.value;
    if (r.status === 'digits') return { kind: 'digits', digits: r.digits, ended: r.ended };
    return r.status === 'failed' ? { kind: 'failed', ...pick(r.reason) } : { kind: r.status };
  }
  let typed = '';
  for (let first = true; ; first = false) {
    const got = await collect(ports, {
      ...(first ? { prompt: prompt.media } : {}),
      maxDigits: 1,
      terminators: '',
      cancelKey: null,
      firstDigitTimeoutMs: first ? firstDigitTimeoutMs : s.interDigitMs,
      interDigitTimeoutMs: s.interDigitMs,
    });
    if (got.kind !== 'done') return { kind: got.kind === 'aborted' ? 'aborted' : 'hungup' };
    const r = got.value;
    if (r.status === 'failed') return { kind: 'failed', ...pick(r.reason) };
    if (r.status === 'hungup') return { kind: 'hungup' };
    if (r.status === 'timeout')
      return typed ? { kind: 'digits', digits: typed, ended: 'interdigit' } : { kind: 'timeout' };
    typed += r.digits;
    if (typed.endsWith(s.sequence))
      return { kind: 'digits', digits: typed.slice(0, -s.sequence.length), ended: 'terminator' };
    // The cancel key clears the entry, unless it is part of the sequence (Connect wants it disabled then).
    if (r.digits === s.cancelKey && !s.sequence.includes(r.digits)) typed = '';
    else if (typed.length >= s.maxDigits) return { kind: 'digits', digits: typed, ended: 'max' };
  }
}

const pick = (reason: string | undefined) => (reason === undefined ? {} : { reason });

function collect(ports: RuntimePorts, options: Parameters<RuntimePorts['call']['collectDigits']>[0]) {
  return settle<CollectOutcome>(ports, ports.call.collectDigits(options));
}

/**
 * The number as E.164, or undefined when it is not a valid number. `E164` input is the country code
 * and number (a keypad has no `+`); `Local` input is a national number of `country`.
 */
export function toE164(digits: string, format: 'E164' | 'Local', country?: CountryCode): string | undefined {
  if (!/^\d+$/.test(digits)) return undefined;
  const parsed =
    format === 'E164'
      ? parsePhoneNumberFromString(`+${digits}`)
      : parsePhoneNumberFromString(digits, country);
  return parsed?.isValid() ? parsed.number : undefined;
}

/**
 * RSA-OAEP (SHA-256) with the block's PEM public key, base64. Connect seals input with the AWS
 * Encryption SDK instead; whoever decrypts Parley's input uses the matching private key directly.
 */
function encrypt(value: string, pem: string): Read<string> {
  try {
    const sealed = publicEncrypt(
      { key: pem, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' },
      Buffer.from(value, 'utf8'),
    );
    return { ok: true, value: sealed.toString('base64') };
  } catch (error) {
    return {
      ok: false,
      results: coded(
        'ENGINE_PARAMETER_INVALID',
        `InputEncryption.Key is not a usable RSA public key (${(error as Error).message})`,
      ),
    };
  }
}
