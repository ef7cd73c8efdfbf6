import { textOf } from '../../model/text.js';
import type { ActionBuilder } from '../builder.js';
import type { LegacyRule, LegacyRuleSet, ParamRule } from '../rule.js';
import { legacyBoolean } from '../values.js';
import { PROMPT_PARAMS } from './prompts.js';

/** A DTMF menu reads exactly one digit; any other MaxDigits cannot be expressed. */
const menuMaxDigits: ParamRule = (b, p, i) => {
  if (textOf(p.value) !== '1') {
    b.note(
      'LEGACY_PARAMETER_DROPPED',
      `MaxDigits ${textOf(p.value)}: a menu reads one digit`,
      b.parameterPath(i),
    );
  }
};

const PROMPT_ORDER = ['Text', 'SSML', 'PromptId'] as const;

/** Get customer input, DTMF tab → GetParticipantInput in menu mode (StoreInput "False"). */
const dtmfMenu: LegacyRule = {
  type: 'GetParticipantInput',
  defaults: { StoreInput: 'False' },
  params: { ...PROMPT_PARAMS, Timeout: { to: 'InputTimeLimitSeconds' }, MaxDigits: menuMaxDigits },
  order: [...PROMPT_ORDER, 'StoreInput', 'InputTimeLimitSeconds'],
  branches: {
    Evaluate: 'evaluate',
    Timeout: { error: 'InputTimeLimitExceeded' },
    NoMatch: { error: 'NoMatchingCondition' },
    Error: { error: 'NoMatchingError' },
  },
  // Real exports point NextAction at the "default" (NoMatchingCondition) target.
  next: ['NoMatch', 'Error'],
};

/** Get customer input, Amazon Lex tab → ConnectParticipantWithLexBot; branches on intent names. */
const lexBot: LegacyRule = {
  type: 'ConnectParticipantWithLexBot',
  params: {
    ...PROMPT_PARAMS,
    BotName: { to: 'LexBot.Name' },
    BotRegion: { to: 'LexBot.Region' },
    BotAlias: { to: 'LexBot.Alias' },
    BotAliasArn: { to: 'LexV2Bot.AliasArn', names: ['lexV2BotAliasName'] },
    LexVersion: 'ignore',
    Parameter: { entry: 'LexSessionAttributes' },
  },
  branches: {
    Evaluate: 'evaluate',
    NoMatch: { error: 'NoMatchingCondition' },
    Error: { error: 'NoMatchingError' },
    Timeout: { error: 'InputTimeLimitExceeded' },
  },
  // Real Lex exports point NextAction at the error target.
  next: ['Error', 'NoMatch'],
};

const LEX_PARAMETERS = ['BotName', 'BotAlias', 'BotAliasArn', 'LexVersion'];

export const getUserInput: LegacyRuleSet = {
  select: (m) =>
    m.target === 'Lex' ||
    (Array.isArray(m.parameters) && m.parameters.some((p) => LEX_PARAMETERS.includes(p?.name)))
      ? 'Lex'
      : 'Digits',
  variants: { Lex: lexBot, Digits: dtmfMenu },
};

/** The deprecated "Play audio and fetch input" block was a DTMF menu. */
export const playAudioAndFetchInput: LegacyRule = dtmfMenu;

function finishStoreInput(b: ActionBuilder): void {
  const inputType = (b.legacyValue('CustomerInputType') ?? 'Custom').toLowerCase();
  const dtmf: Record<string, string> = {};
  const disableCancel = legacyBoolean(b.legacy('DisableCancel')?.value);
  const terminator = b.resolveNamed('TerminatorDigits');
  if (inputType.startsWith('phone')) {
    const format = /^(e164|international)$/i.test(b.legacyValue('PhoneNumberFormat') ?? '')
      ? 'E164'
      : 'Local';
    const validation: Record<string, string> = { NumberFormat: format };
    const country = b.legacyValue('CountryCode');
    if (format === 'Local' && country) validation.CountryCode = country;
    if (disableCancel !== undefined) dtmf.DisableCancelKey = disableCancel ? 'True' : 'False';
    if (terminator) dtmf.InputTerminationSequence = terminator;
    if (Object.keys(dtmf).length > 0) b.set('DTMFConfiguration', dtmf);
    b.set('InputValidation', { PhoneNumberValidation: validation });
    if (legacyBoolean(b.legacy('EncryptEntry')?.value)) {
      b.note(
        'LEGACY_PARAMETER_DROPPED',
        'EncryptEntry: encryption needs custom input, not a phone number',
        b.parameterPathOf('EncryptEntry'),
      );
    }
    return;
  }
  dtmf.DisableCancelKey = disableCancel ? 'True' : 'False';
  if (terminator) dtmf.InputTerminationSequence = terminator;
  b.set('DTMFConfiguration', dtmf);
  const max = b.resolveNamed('MaxDigits');
  if (max !== undefined) b.set('InputValidation', { CustomValidation: { MaximumLength: max } });
  if (legacyBoolean(b.legacy('EncryptEntry')?.value)) {
    const keyId = b.resolveNamed('EncryptionKeyId');
    const key = b.resolveNamed('EncryptionKey');
    if (keyId !== undefined && key !== undefined)
      b.set('InputEncryption', { EncryptionKeyId: keyId, Key: key });
    else {
      const message = 'EncryptEntry is set but the encryption key or key id is missing';
      b.note('LEGACY_PARAMETER_DROPPED', message, b.parameterPathOf('EncryptEntry'));
    }
  }
}

/** Store customer input (and the deprecated Store customer input v1) → GetParticipantInput, StoreInput "True". */
export const storeUserInput: LegacyRule = {
  type: 'GetParticipantInput',
  defaults: { StoreInput: 'True' },
  params: {
    ...PROMPT_PARAMS,
    Timeout: { to: 'InputTimeLimitSeconds' },
    // Read together in finish():
    CustomerInputType: 'ignore',
    MaxDigits: 'ignore',
    PhoneNumberFormat: 'ignore',
    CountryCode: 'ignore',
    EncryptEntry: 'ignore',
    EncryptionKeyId: 'ignore',
    EncryptionKey: 'ignore',
    TerminatorDigits: 'ignore',
    DisableCancel: 'ignore',
  },
  finish: finishStoreInput,
  order: [
    'StoreInput',
    'InputTimeLimitSeconds',
    ...PROMPT_ORDER,
    'DTMFConfiguration',
    'InputValidation',
    'InputEncryption',
  ],
  branches: {
    Error: { error: 'NoMatchingError' },
    InvalidNumber: { error: 'InvalidPhoneNumber' },
    InvalidPhoneNumber: { error: 'InvalidPhoneNumber' },
  },
};
