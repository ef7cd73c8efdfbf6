/** Contact settings that change how later blocks and the platform behave. */
import { EVENT_HOOK_TYPES } from '../../catalog/blocks/contact.js';
import { isJsonObject } from '../../model/model.js';
import type { Contact, ContactPatch, EventHookType, RecordingBehavior } from '../contact.js';
import { engineError } from '../errors.js';
import { type Decider, fail, invalid, next, parametersOf, readPathOrStatic, readText } from './common.js';

const isHook = (k: string): k is EventHookType => (EVENT_HOOK_TYPES as readonly string[]).includes(k);
const isTrue = (v: unknown): boolean => v === true || (typeof v === 'string' && v.toLowerCase() === 'true');

/**
 * Set customer queue / hold / whisper / disconnect / event flow: one event type and the flow it runs,
 * and/or per-event settings (DisableExecution). A flow the instance does not have is an error.
 */
export const updateContactEventHooks: Decider = (action, contact, env) => {
  const p = parametersOf(action);
  const hooks = isJsonObject(p.EventHooks) ? Object.entries(p.EventHooks) : [];
  const config = isJsonObject(p.EventHooksConfiguration) ? Object.entries(p.EventHooksConfiguration) : [];
  if (hooks.length === 0 && config.length === 0)
    return fail(invalid('needs EventHooks or EventHooksConfiguration'));
  const eventHooks: Record<string, string> = { ...contact.eventHooks };
  const disabled = new Set(contact.disabledEventHooks);
  for (const [event, ref] of hooks) {
    if (!isHook(event)) return fail(invalid(`"${event}" is not an event type`));
    const r = readPathOrStatic(ref, contact, `EventHooks.${event}`);
    if (!r.ok) return fail(r.error);
    const flow = env.flow ? env.flow(r.value) : { arn: r.value };
    if (!flow) return fail(engineError('ENGINE_RESOURCE_NOT_FOUND', `no flow ${r.value}`));
    Object.assign(eventHooks, Object.fromEntries([[event, flow.arn]]));
  }
  for (const [event, settings] of config) {
    if (!isHook(event)) return fail(invalid(`"${event}" is not an event type`));
    if (isJsonObject(settings) && isTrue(settings.DisableExecution)) disabled.add(event);
    else disabled.delete(event);
  }
  return next({ eventHooks, disabledEventHooks: [...disabled] });
};

/** Set logging behavior: on or off for the rest of the contact, later flows included. */
export const updateFlowLoggingBehavior: Decider = (action) => {
  const v = parametersOf(action).FlowLoggingBehavior;
  if (v !== 'Enabled' && v !== 'Disabled') return fail(invalid(`FlowLoggingBehavior "${String(v)}"`));
  return next({ logging: v === 'Enabled' });
};

/** Set voice: Polly voice, engine and style; an unknown voice takes the error branch. */
export const updateContactTextToSpeechVoice: Decider = (action, contact, env) => {
  const p = parametersOf(action);
  const tts = { ...contact.tts };
  for (const [key, field] of [
    ['TextToSpeechVoice', 'voice'],
    ['TextToSpeechEngine', 'engine'],
    ['TextToSpeechStyle', 'style'],
  ] as const) {
    if (p[key] === undefined) continue;
    const r = readText(p[key], contact, key);
    if (!r.ok) return fail(r.error);
    if (field === 'voice' && r.value === '') return fail(invalid('TextToSpeechVoice is empty'));
    tts[field] = r.value;
  }
  if (env.isVoice && !env.isVoice(tts.voice, tts.engine))
    return fail(invalid(`voice ${tts.voice}${tts.engine ? ` (${tts.engine})` : ''} is not available`));
  return next({ tts });
};

/** A language tag such as en-US, es-419 or cmn-CN. */
const LANGUAGE = /^[a-z]{2,3}-(?:[A-Z]{2}|\d{3})$/;
const CONTACT_DATA_TEXT = ['Name', 'Description', 'CustomerId'] as const;

/**
 * Set contact data: LanguageCode (Set voice → language), task name/description, customer ID,
 * references, and the Voice ID / Q in Connect settings Parley keeps as data. TargetContact Related
 * sets them on the related contact instead.
 */
export const updateContactData: Decider = (action, contact) => {
  const p = parametersOf(action);
  const target = p.TargetContact ?? 'Current';
  if (target !== 'Current' && target !== 'Related') return fail(invalid(`TargetContact "${String(target)}"`));
  const values: Record<string, string> = {};
  for (const [key, raw] of Object.entries(p)) {
    if (key === 'TargetContact' || key === 'References') continue;
    const r =
      key === 'LanguageCode' || key === 'WisdomSessionArn'
        ? readPathOrStatic(raw, contact, key)
        : readText(raw, contact, key);
    if (!r.ok) return fail(r.error);
    values[key] = r.value;
  }
  const language = values.LanguageCode;
  if (language !== undefined && !LANGUAGE.test(language)) return fail(invalid(`LanguageCode "${language}"`));
  const references = readReferences(p.References, contact);
  if (!references.ok) return fail(references.error);
  if (target === 'Related') {
    const related = contact.related ?? { Attributes: {}, data: {} };
    return next({ related: { ...related, data: { ...related.data, ...values } } });
  }
  const patch: ContactPatch = {};
  if (language !== undefined) patch.LanguageCode = language;
  for (const key of CONTACT_DATA_TEXT) if (values[key] !== undefined) patch[key] = values[key];
  if (references.value) patch.References = { ...contact.References, ...references.value };
  const rest = Object.entries(values).filter(
    ([k]) => k !== 'LanguageCode' && !(CONTACT_DATA_TEXT as readonly string[]).includes(k),
  );
  if (rest.length > 0) patch.contactData = { ...contact.contactData, ...Object.fromEntries(rest) };
  return next(patch);
};

function readReferences(
  refs: unknown,
  contact: Contact,
):
  | { ok: true; value: Record<string, { Value: string; Type: string }> | undefined }
  | { ok: false; error: ReturnType<typeof invalid> } {
  if (refs === undefined) return { ok: true, value: undefined };
  if (!isJsonObject(refs)) return { ok: false, error: invalid('References must be an object') };
  const out: [string, { Value: string; Type: string }][] = [];
  for (const [name, ref] of Object.entries(refs)) {
    // The docs write `name: value`, exports `name: { Value, Type }`.
    const raw = isJsonObject(ref) ? ref.Value : ref;
    const type = isJsonObject(ref) && typeof ref.Type === 'string' ? ref.Type : 'STRING';
    const r = readText(raw, contact, `References.${name}`);
    if (!r.ok) return r;
    out.push([name, { Value: r.value, Type: type }]);
  }
  return { ok: true, value: Object.fromEntries(out) };
}

const PARTICIPANTS = ['Agent', 'Customer'] as const;

/**
 * Set recording and analytics behavior: who is recorded, IVR and screen recording, Contact Lens
 * settings. The engine only records the choice; the runtime starts and stops recordings.
 */
export const updateContactRecordingBehavior: Decider = (action, contact) => {
  const p = parametersOf(action);
  const recording: RecordingBehavior = { ...contact.recording };
  const rb = p.RecordingBehavior;
  if (isJsonObject(rb)) {
    const who = rb.RecordedParticipants;
    if (who !== undefined) {
      if (!Array.isArray(who) || !who.every((x) => (PARTICIPANTS as readonly unknown[]).includes(x)))
        return fail(invalid('RecordedParticipants must list Agent and/or Customer'));
      recording.participants = who as ('Agent' | 'Customer')[];
    }
    if (rb.IVRRecordingBehavior === 'Enabled' || rb.IVRRecordingBehavior === 'Disabled')
      recording.ivr = rb.IVRRecordingBehavior;
    if (Array.isArray(rb.ScreenRecordedParticipants))
      recording.screen = rb.ScreenRecordedParticipants.filter((x): x is 'Agent' => x === 'Agent');
  } else if (p.RecordingBehaviorOption !== undefined) {
    // The pre-2019 parameter some hand-written flows still carry: Enable records both sides.
    recording.participants = p.RecordingBehaviorOption === 'Enable' ? ['Agent', 'Customer'] : [];
  }
  if (p.AnalyticsBehavior !== undefined)
    recording.analytics = p.AnalyticsBehavior as RecordingBehavior['analytics'];
  return next({ recording });
};
