/**
 * The contact every executor reads and writes. It is plain JSON data (no class, no Map, no Date) so a
 * compiled flow's XState snapshot, which holds it in context, can be persisted and restored as is.
 *
 * PascalCase fields are Connect's contact data, spelled as JSONPath (`$.Attributes`, `$.Queue`…) and
 * Lambda's `Details.ContactData` spell them; camelCase fields are Parley's run-time state that Connect
 * keeps out of the flow data (logging, recording, hooks, loop counters, the random state…).
 * Contacts are treated as immutable: a step returns a patch and the machine builds the next contact.
 */
import type { EVENT_HOOK_TYPES } from '../catalog/blocks/contact.js';
import type { Channel } from '../catalog/vocabulary.js';
import { seedFrom } from './random.js';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonMap = { [key: string]: JsonValue };
export type StringMap = Readonly<Record<string, string>>;

/** `$.InitiationMethod` values (reference §4). */
export const INITIATION_METHODS = [
  'INBOUND',
  'OUTBOUND',
  'TRANSFER',
  'CALLBACK',
  'API',
  'QUEUE_TRANSFER',
  'DISCONNECT',
  'WEBRTC_API',
  'EXTERNAL_OUTBOUND',
  'MONITOR',
  'AGENT_REPLY',
  'FLOW',
] as const;
export type InitiationMethod = (typeof INITIATION_METHODS)[number];

export type EventHookType = (typeof EVENT_HOOK_TYPES)[number];

export interface Endpoint {
  Address: string;
  /** TELEPHONE_NUMBER, EMAIL_ADDRESS, CONNECT_PHONENUMBER_ARN… */
  Type: string;
  DisplayName?: string;
}

/** The working queue (`$.Queue`), set by UpdateContactTargetQueue and used by queue-related blocks. */
export interface TargetQueue {
  id: string;
  arn: string;
  name: string;
  outboundCallerId?: Endpoint;
  /** The queue's hours, which CheckHoursOfOperation uses when it names none. */
  hoursOfOperationId?: string;
  /** Set for an agent's personal queue, which has no hours of operation. */
  agentId?: string;
}

export interface TextToSpeech {
  /** Amazon Polly voice name; Connect's default is Joanna. */
  voice: string;
  engine?: string;
  style?: string;
}

export interface RecordingBehavior {
  /** Who is recorded once an agent joins; empty means no recording. */
  participants: readonly ('Agent' | 'Customer')[];
  ivr?: 'Enabled' | 'Disabled';
  screen?: readonly 'Agent'[];
  /** Contact Lens settings as the block wrote them; Parley records them without analysing. */
  analytics?: JsonValue;
}

/** Attributes set on the related contact (TargetContact Related); the runtime creates that contact. */
export interface RelatedContact {
  ContactId?: string;
  Attributes: StringMap;
  /** Contact data (UpdateContactData with TargetContact Related): LanguageCode, Name… */
  data: StringMap;
}

export interface Routing {
  /** Lower is routed sooner; Connect gives new contacts 5. */
  priority: number;
  /** Added to the contact's age in queue. */
  ageAdjustmentSeconds: number;
  /** UpdateRoutingCriteria steps, resolved. */
  criteria?: JsonValue;
}

export interface Contact {
  ContactId: string;
  InitialContactId: string;
  PreviousContactId?: string;
  RelatedContactId?: string;
  Channel: Channel;
  InitiationMethod: InitiationMethod;
  InstanceARN?: string;
  AwsRegion?: string;
  CustomerEndpoint?: Endpoint;
  SystemEndpoint?: Endpoint;
  CustomerId?: string;
  /** Task name and description. */
  Name?: string;
  Description?: string;
  References: Readonly<Record<string, { Value: string; Type: string }>>;
  /** Contact language, e.g. en-US (UpdateContactData). */
  LanguageCode: string;
  /** User-defined attributes: strings only, persisted in the contact record. */
  Attributes: StringMap;
  /** The last InvokeLambdaFunction response; replaced by each invocation. */
  External?: JsonMap;
  /** `InvocationId` of the last asynchronous Lambda call, and its loaded result. */
  LambdaInvocation?: JsonMap;
  /** The last Lex interaction: IntentName, Slots, SessionAttributes, IntentConfidence, SentimentResponse… */
  Lex?: JsonMap;
  /** GetMetricData results: `Queue.*`, `Agents.*` (null where Connect has no activity). */
  Metrics?: JsonMap;
  /** What GetParticipantInput stored (StoreInput True); `Timeout` when the caller entered nothing. */
  StoredCustomerInput?: string;
  /** Flow-scoped attributes (UpdateFlowAttributes); cleared when another flow starts. */
  FlowAttributes: StringMap;
  Media?: { InitialMessage?: string; Sip?: { Headers: StringMap } };
  MediaStreams?: JsonMap;
  SegmentAttributes: JsonMap;
  /**
   * Namespaces filled by services Parley models loosely (Agent, Customer, Case, Wisdom, Views,
   * Module, Campaign…), keyed by JSONPath root.
   */
  Namespaces: JsonMap;

  targetQueue?: TargetQueue;
  /** CreateCallbackContact dials this; the caller's number until UpdateContactCallbackNumber. */
  callbackNumber?: string;
  tts: TextToSpeech;
  /** Flow logs on or off; inherited by later flows of the contact (UpdateFlowLoggingBehavior). */
  logging: boolean;
  recording: RecordingBehavior;
  /** Flow ID or ARN per event (UpdateContactEventHooks). */
  eventHooks: Readonly<Partial<Record<EventHookType, string>>>;
  /** Hooks switched off (EventHooksConfiguration DisableExecution). */
  disabledEventHooks: readonly EventHookType[];
  /** User-defined contact tags. */
  tags: StringMap;
  routing: Routing;
  related?: RelatedContact;
  /** The return branch and output of the last flow module (InvokeFlowModule). */
  moduleResult?: { branch: string; output: JsonMap };
  /** Other Connect-defined contact data set by UpdateContactData (Voice ID settings, Q session…). */
  contactData: StringMap;
  /** Loop block counters by action Identifier; they persist across the contact's flows as Connect's do. */
  loops: Readonly<Record<string, number>>;
  /** mulberry32 state, seeded from the ContactId. */
  random: number;
}

/** A contact's changes after a step; top-level fields are replaced, not merged. */
export type ContactPatch = Partial<Contact>;

export type ContactInit = Pick<Contact, 'ContactId'> & Partial<Contact>;

/** A new contact with Connect's defaults: voice, INBOUND, en-US, Joanna, logging off, priority 5. */
export function createContact(init: ContactInit): Contact {
  const contact: Contact = {
    InitialContactId: init.ContactId,
    Channel: 'VOICE',
    InitiationMethod: 'INBOUND',
    References: {},
    LanguageCode: 'en-US',
    Attributes: {},
    FlowAttributes: {},
    SegmentAttributes: {},
    Namespaces: {},
    tts: { voice: 'Joanna' },
    logging: false,
    recording: { participants: [] },
    eventHooks: {},
    disabledEventHooks: [],
    tags: {},
    routing: { priority: 5, ageAdjustmentSeconds: 0 },
    contactData: {},
    loops: {},
    random: seedFrom(init.ContactId),
    ...init,
  };
  if (contact.callbackNumber === undefined && contact.CustomerEndpoint?.Type === 'TELEPHONE_NUMBER')
    contact.callbackNumber = contact.CustomerEndpoint.Address;
  return contact;
}

export const applyPatch = (contact: Contact, patch: ContactPatch | undefined): Contact =>
  patch === undefined || Object.keys(patch).length === 0 ? contact : { ...contact, ...patch };

/**
 * The contact as a new flow starts on it (TransferToFlow, event-hook flows): flow attributes belong to
 * the flow that set them; everything else, logging included, carries over.
 */
export const enterFlow = (contact: Contact): Contact => ({ ...contact, FlowAttributes: {} });

/** Builds a string map with own properties only, so keys like `__proto__` stay ordinary keys. */
export const stringMap = (entries: Iterable<readonly [string, string]>): StringMap =>
  Object.fromEntries(entries);

/** A copy of a map with one key set; own-property safe for any key. */
export const withKey = <T>(map: Readonly<Record<string, T>>, key: string, value: T): Record<string, T> =>
  Object.fromEntries([...Object.entries(map).filter(([k]) => k !== key), [key, value]]);

/** A copy of a map without some keys. */
export const withoutKeys = <T>(
  map: Readonly<Record<string, T>>,
  keys: readonly string[],
): Record<string, T> => Object.fromEntries(Object.entries(map).filter(([k]) => !keys.includes(k)));

const views = new WeakMap<Contact, JsonMap>();

/**
 * The flow data object JSONPath addresses (reference §5.2), built once per contact. Absent data is
 * left out so a path into it resolves to nothing.
 */
export function flowData(contact: Contact): JsonMap {
  const cached = views.get(contact);
  if (cached) return cached;
  const q = contact.targetQueue;
  const data: JsonMap = {
    ...contact.Namespaces,
    ContactId: contact.ContactId,
    InitialContactId: contact.InitialContactId,
    Channel: contact.Channel,
    InitiationMethod: contact.InitiationMethod,
    LanguageCode: contact.LanguageCode,
    TextToSpeechVoiceId: contact.tts.voice,
    Attributes: { ...contact.Attributes },
    FlowAttributes: { ...contact.FlowAttributes },
    References: { ...contact.References },
    SegmentAttributes: contact.SegmentAttributes,
    Tags: { ...contact.tags },
  };
  const optional: JsonMap = {};
  const put = (key: string, value: JsonValue | undefined) => {
    if (value !== undefined) optional[key] = value;
  };
  put('PreviousContactId', contact.PreviousContactId);
  put('RelatedContactId', contact.RelatedContactId ?? contact.related?.ContactId);
  put('InstanceARN', contact.InstanceARN);
  put('AwsRegion', contact.AwsRegion);
  put('CustomerEndpoint', endpoint(contact.CustomerEndpoint));
  put('SystemEndpoint', endpoint(contact.SystemEndpoint));
  put('CustomerId', contact.CustomerId);
  put('Name', contact.Name);
  put('Description', contact.Description);
  put('External', contact.External);
  put('LambdaInvocation', contact.LambdaInvocation);
  put('Lex', contact.Lex);
  put('Metrics', contact.Metrics);
  put('StoredCustomerInput', contact.StoredCustomerInput);
  put('CallbackNumber', contact.callbackNumber);
  put('MediaStreams', contact.MediaStreams);
  if (contact.Media) {
    const media: JsonMap = {};
    if (contact.Media.InitialMessage !== undefined) media.InitialMessage = contact.Media.InitialMessage;
    if (contact.Media.Sip) media.Sip = { Headers: { ...contact.Media.Sip.Headers } };
    optional.Media = media;
  }
  if (q) {
    const queue: JsonMap = { Name: q.name, ARN: q.arn };
    if (q.outboundCallerId)
      queue.OutboundCallerId = { Address: q.outboundCallerId.Address, Type: q.outboundCallerId.Type };
    optional.Queue = queue;
  }
  Object.assign(data, optional);
  views.set(contact, data);
  return data;
}

function endpoint(e: Endpoint | undefined): JsonMap | undefined {
  if (!e) return undefined;
  const out: JsonMap = { Address: e.Address, Type: e.Type };
  if (e.DisplayName !== undefined) out.DisplayName = e.DisplayName;
  return out;
}
