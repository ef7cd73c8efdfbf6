import { textOf } from '../../model/text.js';
import type { ActionBuilder } from '../builder.js';
import type { LegacyRule } from '../rule.js';
import { own } from '../values.js';

const ERROR_BRANCH = { Error: { error: 'NoMatchingError' } } as const;

/** Set contact attributes: each keyed Attribute becomes one entry of Attributes. */
export const updateContactAttributes: LegacyRule = {
  type: 'UpdateContactAttributes',
  params: { Attribute: { entry: 'Attributes' } },
  finish: (b) => {
    if (b.get('Attributes') === undefined) b.set('Attributes', {});
    b.set('TargetContact', 'Current');
  },
  branches: ERROR_BRANCH,
};

/** The deprecated Set screen pop block was one key/value contact attribute. */
export const setScreenPop: LegacyRule = {
  type: 'UpdateContactAttributes',
  params: {
    key: (b, p, i) => {
      const r = b.resolve(p, i);
      if (r) b.state.key = r.value;
    },
    value: (b, p, i) => {
      const r = b.resolve(p, i);
      if (r) b.state.value = r.value;
    },
  },
  finish: (b) => {
    const { key, value } = b.state as { key?: string; value?: string };
    if (key !== undefined && value !== undefined) b.setEntry('Attributes', key, value);
    else
      b.note(
        'LEGACY_PARAMETER_DROPPED',
        'needs both key and value to set an attribute',
        b.parameterPathOf('key'),
      );
    if (b.get('Attributes') === undefined) b.set('Attributes', {});
    b.set('TargetContact', 'Current');
  },
  branches: ERROR_BRANCH,
};

/** Set logging behavior → UpdateFlowLoggingBehavior (no error branch exists). */
export const updateFlowLoggingBehavior: LegacyRule = {
  type: 'UpdateFlowLoggingBehavior',
  params: {
    LoggingBehavior: { to: 'FlowLoggingBehavior', values: { Enable: 'Enabled', Disable: 'Disabled' } },
  },
};

/** Set voice → UpdateContactTextToSpeechVoice. */
export const updateContactTextToSpeechVoice: LegacyRule = {
  type: 'UpdateContactTextToSpeechVoice',
  params: {
    GlobalVoice: { to: 'TextToSpeechVoice' },
    GlobalEngine: { to: 'TextToSpeechEngine' },
    SpeakingStyle: { to: 'TextToSpeechStyle' },
  },
  branches: ERROR_BRANCH,
};

const PARTICIPANTS: Readonly<Record<string, string[]>> = {
  both: ['Agent', 'Customer'],
  agent: ['Agent'],
  customer: ['Customer'],
};

function finishRecording(b: ActionBuilder): void {
  const enabled = (b.legacyValue('RecordingBehaviorOption') ?? 'Enable').toLowerCase() !== 'disable';
  const who = own(PARTICIPANTS, (b.legacyValue('RecordingParticipantOption') ?? 'Both').toLowerCase());
  b.set('RecordingBehavior', { RecordedParticipants: enabled ? (who ?? ['Agent', 'Customer']) : [] });
  if ((b.legacyValue('AnalyticsBehaviorOption') ?? '').toLowerCase() !== 'enable') return;
  const analytics: Record<string, string> = { Enabled: 'True' };
  const mode = b.legacyValue('AnalyticsMode');
  if (mode) analytics.AnalyticsMode = mode;
  const language = b.resolveNamed('AnalyticsLanguageLocaleCode');
  if (language) analytics.AnalyticsLanguage = language;
  const redact = (b.legacyValue('AnalyticsRedactionOption') ?? '').toLowerCase() === 'enable';
  analytics.AnalyticsRedactionBehavior = redact ? 'Enabled' : 'Disabled';
  const policy = b.resolveNamed('AnalyticsRedactionPolicy');
  if (redact && policy) analytics.AnalyticsRedactionResults = policy;
  const vocabulary = b.legacyValue('AnalyticsCustomVocabulary');
  if (vocabulary && vocabulary !== 'None') {
    const message = `AnalyticsCustomVocabulary ${vocabulary} has no 2019-10-30 equivalent`;
    b.note('LEGACY_PARAMETER_DROPPED', message, b.parameterPathOf('AnalyticsCustomVocabulary'));
  }
  b.set('AnalyticsBehavior', analytics);
}

/** Set recording (and analytics) behavior → UpdateContactRecordingBehavior (no error branch exists). */
export const updateContactRecordingBehavior: LegacyRule = {
  type: 'UpdateContactRecordingBehavior',
  params: Object.fromEntries(
    [
      'RecordingBehaviorOption',
      'RecordingParticipantOption',
      'AnalyticsBehaviorOption',
      'AnalyticsLanguageLocaleCode',
      'AnalyticsCustomVocabulary',
      'AnalyticsRedactionOption',
      'AnalyticsRedactionPolicy',
      'AnalyticsMode',
    ].map((name) => [name, 'ignore' as const]),
  ),
  finish: finishRecording,
};

const DIRECTIONS: Readonly<Record<string, string>> = { fromcustomer: 'From', tocustomer: 'To' };

function mediaStreaming(state: 'Enabled' | 'Disabled'): LegacyRule {
  return {
    type: 'UpdateContactMediaStreamingBehavior',
    params: {
      Track: (b, p, i) => {
        const direction = own(DIRECTIONS, textOf(p.value).toLowerCase());
        if (!direction)
          b.note('LEGACY_PARAMETER_DROPPED', `Track ${textOf(p.value)} is not known`, b.parameterPath(i));
        else b.list<string>('directions').push(direction);
      },
      ParticipantTypes: (b, p) => {
        b.state.participant = textOf(p.value);
      },
      MediaStreamTypes: (b, p) => {
        b.state.mediaType = textOf(p.value);
      },
    },
    finish: (b) => {
      const directions = (b.state.directions as string[] | undefined) ?? ['From', 'To'];
      b.set('MediaStreamingState', state);
      b.set('MediaStreamType', (b.state.mediaType as string | undefined) ?? 'Audio');
      const participant = (b.state.participant as string | undefined) ?? 'Customer';
      b.set('Participants', [{ ParticipantType: participant, MediaDirections: directions }]);
    },
    branches: ERROR_BRANCH,
  };
}

export const startMediaStreaming = mediaStreaming('Enabled');
export const stopMediaStreaming = mediaStreaming('Disabled');

/** Invoke AWS Lambda function → InvokeLambdaFunction; TimeLimit is already in seconds in exports. */
export const invokeLambdaFunction: LegacyRule = {
  type: 'InvokeLambdaFunction',
  params: {
    FunctionArn: { to: 'LambdaFunctionARN', resource: true, lambdaName: true },
    TimeLimit: { to: 'InvocationTimeLimitSeconds' },
    Parameter: { entry: 'LambdaInvocationAttributes' },
  },
  order: ['LambdaFunctionARN', 'InvocationTimeLimitSeconds', 'LambdaInvocationAttributes'],
  branches: ERROR_BRANCH,
};

export const disconnectParticipant: LegacyRule = { type: 'DisconnectParticipant', terminal: true };

/** "End flow / Resume" (whisper, queue and hold flows) → EndFlowExecution. */
export const endFlowExecution: LegacyRule = { type: 'EndFlowExecution', terminal: true };
