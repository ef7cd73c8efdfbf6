import type { LegacyParameter } from './types.js';

/**
 * `record[key]` for own keys only: input strings such as "constructor" must not reach
 * Object.prototype. The key comes from a document and may not be a string at all: an object with its
 * own `toString` key would throw when made a property key.
 */
export function own<T>(record: Readonly<Record<string, T>> | undefined, key: unknown): T | undefined {
  return record !== undefined && typeof key === 'string' && Object.hasOwn(record, key)
    ? record[key]
    : undefined;
}

/**
 * Values as Connect exports them: numbers and booleans become strings, booleans capitalised
 * ("True"/"False"). `undefined` means "no value".
 */
export function exportString(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  return undefined;
}

/** Legacy booleans arrive as `true`, `"true"`, `"false"`…; undefined when the value is not boolean-like. */
export function legacyBoolean(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') {
    const v = value.trim().toLowerCase();
    if (v === 'true') return true;
    if (v === 'false') return false;
  }
  return undefined;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
const DOTTED_PATH = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

/** One JSONPath segment: `.name`, or Connect's bracket form `.['odd name']` for anything else. */
export function pathSegment(name: string): string {
  if (IDENTIFIER.test(name)) return `.${name}`;
  return `.['${name.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}']`;
}

/**
 * The legacy console's System attributes, by the names its exports use (case-insensitive). Exports
 * write either the display name ("Customer Number") or a dotted path ("Queue.Name"); dotted paths
 * fall through to `$.<path>`.
 */
const SYSTEM_PATHS: Readonly<Record<string, string>> = {
  'customer number': '$.CustomerEndpoint.Address',
  'customer endpoint type': '$.CustomerEndpoint.Type',
  'dialed number': '$.SystemEndpoint.Address',
  'system endpoint type': '$.SystemEndpoint.Type',
  'stored customer input': '$.StoredCustomerInput',
  'queue name': '$.Queue.Name',
  'queue arn': '$.Queue.ARN',
  'queue outbound number': '$.Queue.OutboundCallerId.Address',
  'queue outbound caller id number': '$.Queue.OutboundCallerId.Address',
  'queue outbound caller id number type': '$.Queue.OutboundCallerId.Type',
  'contact id': '$.ContactId',
  'initial contact id': '$.InitialContactId',
  'previous contact id': '$.PreviousContactId',
  'task contact id': '$.Task.ContactId',
  channel: '$.Channel',
  'initiation method': '$.InitiationMethod',
  'instance arn': '$.InstanceARN',
  'text to speech voice': '$.TextToSpeechVoiceId',
  language: '$.LanguageCode',
  'language code': '$.LanguageCode',
  'customer id': '$.CustomerId',
  'aws region': '$.AwsRegion',
  'agent user name': '$.Agent.UserName',
  'agent first name': '$.Agent.FirstName',
  'agent last name': '$.Agent.LastName',
  'agent arn': '$.Agent.ARN',
};

/** Namespace roots other than System; any other dotted-identifier namespace maps to `$.<namespace>`. */
const NAMESPACE_ROOTS: Readonly<Record<string, string>> = {
  external: '$.External',
  'user defined': '$.Attributes',
  userdefined: '$.Attributes',
  attributes: '$.Attributes',
  'lex.attributes': '$.Lex.SessionAttributes',
  'lex.sessionattributes': '$.Lex.SessionAttributes',
};

export type Reference = { path: string } | { problem: string };

/** The JSONPath a legacy (namespace, name) pair refers to. */
export function reference(namespace: string, name: string): Reference {
  const ns = namespace.trim();
  const key = ns.toLowerCase().replace(/\s+/g, ' ');
  if (key === 'system') {
    const known = own(SYSTEM_PATHS, name.trim().toLowerCase().replace(/\s+/g, ' '));
    if (known) return { path: known };
    if (DOTTED_PATH.test(name)) return { path: `$.${name}` };
    return { problem: `System attribute "${name}" has no 2019-10-30 JSONPath` };
  }
  const root = own(NAMESPACE_ROOTS, key) ?? (DOTTED_PATH.test(ns) ? `$.${ns}` : undefined);
  if (!root) return { problem: `namespace "${namespace}" is not known` };
  return { path: `${root}${pathSegment(name)}` };
}

export type Resolved = { value: string; dynamic: boolean } | { problem: string };

/** A legacy parameter's value in 2019-10-30 form: static text, or a JSONPath when it names an attribute. */
export function resolveParameter(p: LegacyParameter): Resolved {
  if (typeof p.namespace === 'string' && p.namespace.trim() !== '') {
    if (typeof p.value !== 'string' || p.value === '') {
      return { problem: `reference into namespace "${p.namespace}" names no attribute` };
    }
    // Some exports put a whole JSONPath where the attribute name belongs; the author's intent is clear.
    if (p.value.startsWith('$.')) return { value: p.value, dynamic: true };
    const ref = reference(p.namespace, p.value);
    return 'path' in ref ? { value: ref.path, dynamic: true } : ref;
  }
  const value = exportString(p.value);
  if (value === undefined) return { problem: 'has no value' };
  return { value, dynamic: value.startsWith('$.') };
}

/** The function name inside a Lambda ARN (`arn:aws:lambda:…:function:NAME[:qualifier]`), Connect's display name. */
export function lambdaName(arn: string): string | undefined {
  // Any account, unlike parseArn: sample exports mask it ("xxxxxxxxxxxx") and still name the function.
  const m = /^arn:[^:]+:lambda:[^:]*:[^:]*:function:([^:]+)/.exec(arn);
  return m?.[1];
}
