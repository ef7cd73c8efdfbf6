import { constants, generateKeyPairSync, privateDecrypt } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { toE164 } from '../../src/executors/index.js';
import { promptArn, runBlock, world } from './support.js';

const MENU = {
  Text: 'For sales press 1, for support press 2.',
  StoreInput: 'False',
  InputTimeLimitSeconds: '8',
};

describe('GetParticipantInput as a menu', () => {
  it('plays the prompt with barge-in and routes on the one key pressed', async () => {
    const w = world();
    w.call.willCollect({ status: 'digits', digits: '2', ended: 'max' });
    const step = await runBlock(w, { Type: 'GetParticipantInput', Parameters: MENU });
    expect(step.outcome).toEqual({ kind: 'condition', value: '2' });
    expect(step.log?.results).toBe('2');
    expect(w.call.collects).toEqual([
      {
        prompt: ['sound:/tts/Joanna/For-sales-press-1-for-support-press-2-'],
        maxDigits: 1,
        cancelKey: null,
        terminators: '',
        firstDigitTimeoutMs: 8000,
        interDigitTimeoutMs: 5000,
      },
    ]);
    expect(w.transcript).toEqual([
      {
        kind: 'prompt',
        identifier: 'block',
        text: 'For sales press 1, for support press 2.',
        media: ['sound:/tts/Joanna/For-sales-press-1-for-support-press-2-'],
      },
      { kind: 'input', identifier: 'block', digits: '2', ended: 'max' },
    ]);
  });

  it('accepts * and # as menu keys', async () => {
    const w = world();
    w.call.willCollect({ status: 'digits', digits: '#', ended: 'max' });
    const step = await runBlock(w, { Type: 'GetParticipantInput', Parameters: MENU });
    expect(step.outcome).toEqual({ kind: 'condition', value: '#' });
  });

  it('takes InputTimeLimitExceeded when no key comes, waiting 5 s unless told', async () => {
    const w = world();
    w.call.willCollect({ status: 'timeout' }, 5000);
    const step = await runBlock(w, {
      Type: 'GetParticipantInput',
      Parameters: { PromptId: promptArn('p-welcome'), StoreInput: 'False' },
    });
    expect(step.outcome).toEqual({ kind: 'error', errorType: 'InputTimeLimitExceeded' });
    expect(step.log?.results).toBe('no key within 5 s');
    expect(w.call.collects[0]?.firstDigitTimeoutMs).toBe(5000);
    expect(w.transcript.at(-1)).toEqual({ kind: 'timeout', identifier: 'block' });
  });

  it('takes the error branch when the prompt cannot be played or rendered', async () => {
    const w = world();
    w.call.failing.add('sound:/prompts/welcome');
    const failed = await runBlock(w, {
      Type: 'GetParticipantInput',
      Parameters: { PromptId: promptArn('p-welcome'), StoreInput: 'False' },
    });
    expect(failed.outcome).toEqual({ kind: 'error', errorType: 'NoMatchingError' });
    w.voice.failure = { code: 'TTS_INVALID_SSML', message: 'invalid SSML: unclosed <speak>' };
    const unspoken = await runBlock(w, { Type: 'GetParticipantInput', Parameters: { SSML: '<speak>Hi' } });
    expect(unspoken.outcome).toEqual({ kind: 'error', errorType: 'NoMatchingError' });
    expect(unspoken.log?.results).toBe('TTS_INVALID_SSML: invalid SSML: unclosed <speak>');
    expect(w.call.collects).toHaveLength(1);
  });

  it('ends the contact when the caller hangs up instead of answering', async () => {
    const w = world();
    const running = runBlock(w, { Type: 'GetParticipantInput', Parameters: MENU });
    await w.clock.advance(3000);
    w.call.callerHangsUp();
    expect((await running).outcome).toEqual({ kind: 'end', reason: 'disconnect' });
  });
});

const store = (validation: Record<string, unknown>, more: Record<string, unknown> = {}) => ({
  Type: 'GetParticipantInput',
  Parameters: {
    Text: 'Please enter your number.',
    StoreInput: 'True',
    InputTimeLimitSeconds: '10',
    InputValidation: validation,
    ...more,
  },
});

describe('GetParticipantInput storing input', () => {
  it('stores up to MaximumLength digits, ended by # with * clearing and 5 s between keys by default', async () => {
    const w = world();
    w.call.willCollect({ status: 'digits', digits: '1234', ended: 'terminator' });
    const step = await runBlock(w, store({ CustomValidation: { MaximumLength: '6' } }));
    expect(step.outcome).toEqual({ kind: 'next' });
    expect(step.contactPatch).toEqual({ StoredCustomerInput: '1234' });
    expect(step.log?.results).toBe('1234');
    expect(w.call.collects[0]).toEqual({
      prompt: ['sound:/tts/Joanna/Please-enter-your-number-'],
      maxDigits: 6,
      terminators: '#',
      cancelKey: '*',
      firstDigitTimeoutMs: 10_000,
      interDigitTimeoutMs: 5000,
    });
  });

  it('follows DTMFConfiguration: terminating key, cancel key off, inter-digit wait', async () => {
    const w = world();
    w.call.willCollect({ status: 'digits', digits: '12*4', ended: 'interdigit' });
    const step = await runBlock(
      w,
      store(
        { CustomValidation: { MaximumLength: 8 } },
        {
          DTMFConfiguration: {
            InputTerminationSequence: '9',
            DisableCancelKey: 'True',
            InterdigitTimeLimitSeconds: '3',
          },
        },
      ),
    );
    expect(step.contactPatch).toEqual({ StoredCustomerInput: '12*4' });
    expect(w.call.collects[0]).toMatchObject({
      terminators: '9',
      cancelKey: null,
      interDigitTimeoutMs: 3000,
    });
  });

  it('ends input on a termination sequence of several keys only when they come in order', async () => {
    const w = world();
    // The caller types 1#2*##: the first # is input, * clears, the ## that follows ends it.
    for (const key of ['1', '#', '2', '*', '3', '#', '#'])
      w.call.willCollect({ status: 'digits', digits: key, ended: 'max' }, 200);
    const step = await runBlock(
      w,
      store(
        { CustomValidation: { MaximumLength: 10 } },
        { DTMFConfiguration: { InputTerminationSequence: '##' } },
      ),
    );
    expect(step.contactPatch).toEqual({ StoredCustomerInput: '3' });
    expect(w.call.collects).toHaveLength(7);
    expect(w.call.collects[0]).toMatchObject({
      maxDigits: 1,
      terminators: '',
      cancelKey: null,
      firstDigitTimeoutMs: 10_000,
    });
    expect(w.call.collects[0]?.prompt).toHaveLength(1);
    expect(w.call.collects[1]).toMatchObject({ firstDigitTimeoutMs: 5000 });
    expect(w.call.collects[1]?.prompt).toBeUndefined();
  });

  it('keeps keys of an unfinished sequence as input and ends at the maximum or the inter-digit wait', async () => {
    const w = world();
    for (const key of ['1', '#', '2'])
      w.call.willCollect({ status: 'digits', digits: key, ended: 'max' }, 200);
    w.call.willCollect({ status: 'timeout' }, 5000);
    const waited = await runBlock(
      w,
      store(
        { CustomValidation: { MaximumLength: 10 } },
        { DTMFConfiguration: { InputTerminationSequence: '##' } },
      ),
    );
    expect(waited.contactPatch).toEqual({ StoredCustomerInput: '1#2' });
    for (const key of ['1', '2', '3'])
      w.call.willCollect({ status: 'digits', digits: key, ended: 'max' }, 200);
    const full = await runBlock(
      w,
      store(
        { CustomValidation: { MaximumLength: 3 } },
        { DTMFConfiguration: { InputTerminationSequence: '*#' } },
      ),
    );
    expect(full.contactPatch).toEqual({ StoredCustomerInput: '123' });
  });

  it('goes down Success with Timeout stored when the caller enters nothing', async () => {
    const w = world();
    w.call.willCollect({ status: 'timeout' }, 10_000);
    const step = await runBlock(
      w,
      store({ PhoneNumberValidation: { NumberFormat: 'Local', CountryCode: 'US' } }),
    );
    expect(step.outcome).toEqual({ kind: 'next' });
    expect(step.contactPatch).toEqual({ StoredCustomerInput: 'Timeout' });
    expect(w.transcript.at(-1)).toEqual({ kind: 'timeout', identifier: 'block' });
  });

  it('stores a local phone number as E.164 for its country', async () => {
    const w = world();
    w.call.willCollect({ status: 'digits', digits: '2125550123', ended: 'terminator' });
    const step = await runBlock(
      w,
      store({ PhoneNumberValidation: { NumberFormat: 'Local', CountryCode: 'US' } }),
    );
    expect(step.outcome).toEqual({ kind: 'next' });
    expect(step.contactPatch).toEqual({ StoredCustomerInput: '+12125550123' });
    expect(w.call.collects[0]?.maxDigits).toBe(20);
  });

  it('stores an international number keyed with its country code, without the plus', async () => {
    const w = world();
    w.call.willCollect({ status: 'digits', digits: '442071838750', ended: 'terminator' });
    const step = await runBlock(w, store({ PhoneNumberValidation: { NumberFormat: 'E164' } }));
    expect(step.contactPatch).toEqual({ StoredCustomerInput: '+442071838750' });
  });

  it('takes InvalidPhoneNumber for a number that is not one', async () => {
    const w = world();
    w.call.willCollect({ status: 'digits', digits: '5550001', ended: 'terminator' });
    const step = await runBlock(
      w,
      store({ PhoneNumberValidation: { NumberFormat: 'Local', CountryCode: 'US' } }),
    );
    expect(step.outcome).toEqual({ kind: 'error', errorType: 'InvalidPhoneNumber' });
    expect(step.log?.results).toBe('"5550001" is not a valid US phone number');
    expect(step.contactPatch).toBeUndefined();
  });

  it('encrypts the input with the configured public key and never logs the digits', async () => {
    const { publicKey, privateKey } = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      publicKeyEncoding: { type: 'spki', format: 'pem' },
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    });
    const w = world();
    w.call.willCollect({ status: 'digits', digits: '4111111111111111', ended: 'terminator' });
    const step = await runBlock(
      w,
      store(
        { CustomValidation: { MaximumLength: '19' } },
        { InputEncryption: { EncryptionKeyId: 'payments-2025', Key: publicKey } },
      ),
    );
    expect(step.outcome).toEqual({ kind: 'next' });
    const sealed = step.contactPatch?.StoredCustomerInput ?? '';
    const opened = privateDecrypt(
      { key: privateKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' },
      Buffer.from(sealed, 'base64'),
    );
    expect(opened.toString('utf8')).toBe('4111111111111111');
    expect(step.log?.results).toBe('encrypted with payments-2025');
    expect(JSON.stringify(step.log)).not.toContain('4111111111111111');
  });

  it('takes the error branch when the encryption key is unusable', async () => {
    const w = world();
    w.call.willCollect({ status: 'digits', digits: '1234', ended: 'terminator' });
    const step = await runBlock(
      w,
      store(
        { CustomValidation: { MaximumLength: '4' } },
        {
          InputEncryption: {
            EncryptionKeyId: 'k',
            Key: '-----BEGIN PUBLIC KEY-----\nnot a key\n-----END PUBLIC KEY-----',
          },
        },
      ),
    );
    expect(step.outcome).toEqual({ kind: 'error', errorType: 'NoMatchingError' });
    expect(step.log?.results).toMatch(
      /^ENGINE_PARAMETER_INVALID: InputEncryption.Key is not a usable RSA public key/,
    );
  });

  it('refuses settings Connect would not publish before collecting anything', async () => {
    const w = world();
    const cases = [
      store({}),
      store({ PhoneNumberValidation: { NumberFormat: 'Local' } }),
      store({ PhoneNumberValidation: { NumberFormat: 'National', CountryCode: 'US' } }),
      store(
        { PhoneNumberValidation: { NumberFormat: 'E164' } },
        { InputEncryption: { EncryptionKeyId: 'k', Key: 'x' } },
      ),
      store(
        { CustomValidation: { MaximumLength: '4' } },
        { DTMFConfiguration: { InputTerminationSequence: '#A' } },
      ),
      store(
        { CustomValidation: { MaximumLength: '4' } },
        { DTMFConfiguration: { InterdigitTimeLimitSeconds: '30' } },
      ),
    ];
    for (const block of cases) {
      const step = await runBlock(w, block);
      expect(step.outcome).toEqual({ kind: 'error', errorType: 'NoMatchingError' });
      expect(step.log?.results).toMatch(/^ENGINE_PARAMETER_INVALID: /);
    }
    expect(w.call.collects).toEqual([]);
  });
});

describe('phone numbers in E.164', () => {
  it('reads national numbers with or without the trunk prefix, and refuses what is not a number', () => {
    expect(toE164('2125550123', 'Local', 'US')).toBe('+12125550123');
    expect(toE164('12125550123', 'Local', 'US')).toBe('+12125550123');
    expect(toE164('02071838750', 'Local', 'GB')).toBe('+442071838750');
    expect(toE164('5550001111', 'Local', 'US')).toBeUndefined();
    expect(toE164('12#4', 'E164')).toBeUndefined();
  });
});
