import type { JsonSchema, ResourceTypeInfo } from './resourceApi.js';

/*
 * A resource kind's form, read from the entry schema the server serves (GET /api/resource-types):
 * one field per property, its input chosen from the property's schema, and a choice where the
 * schema wants exactly one of several properties (a prompt's sources, a Lambda's module or URL).
 * Framework-free.
 */

export type FieldKind =
  | 'text'
  | 'textarea'
  | 'number'
  | 'enum'
  | 'strings'
  | 'json'
  | 'ref'
  | 'refs'
  | 'schedule'
  | 'timeZone'
  | 'audio';

/** An API list a reference field picks from. */
export interface RefList {
  path: string;
  collection: string;
}

export interface FormField {
  name: string;
  label: string;
  kind: FieldKind;
  required: boolean;
  description?: string;
  options?: readonly string[];
  ref?: RefList;
}

/**
 * A kind whose fields depend on its type (a quick connect to an agent, a queue or a number): each
 * value of `field` names the fields it uses; the others are not shown, nor sent.
 */
export interface FormCases {
  field: string;
  uses: Readonly<Record<string, readonly string[]>>;
  /** The type an entry without one has (the field's schema `default`: a user's soft phone). */
  fallback?: string;
  /** The flow type the `flow` field takes, by the value of `field`. */
  flowTypes?: Readonly<Record<string, string>>;
}

export interface FormModel {
  fields: FormField[];
  /** Properties of which the entry has exactly one (schema `oneOf` of `required`). */
  choice?: readonly string[];
  cases?: FormCases;
}

const FLOWS: RefList = { path: 'flows', collection: 'flows' };
const QUEUES: RefList = { path: 'queues', collection: 'queues' };

/**
 * Which list a reference field names. The schema says only "another resource by ID, ARN or name"
 * (the kinds' `references` are code, not data), so the field names are matched here.
 */
export const REF_FIELDS: Readonly<Record<string, RefList>> = {
  hoursOfOperation: { path: 'hours-of-operation', collection: 'hoursOfOperation' },
  flow: FLOWS,
  outboundWhisperFlow: FLOWS,
  queue: QUEUES,
  defaultOutboundQueue: QUEUES,
  routingProfile: { path: 'routing-profiles', collection: 'routingProfiles' },
  user: { path: 'users', collection: 'users' },
  quickConnects: { path: 'quick-connects', collection: 'quickConnects' },
  securityProfiles: { path: 'security-profiles', collection: 'securityProfiles' },
};

/**
 * The flow type a kind's `flow` field takes by the kind's type. The server checks it in code
 * (runtime/src/resources/kinds/quick-connect.ts), not in the schema, so it is repeated here.
 */
const FLOW_TYPES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  quickConnect: { USER: 'AGENT_TRANSFER', QUEUE: 'QUEUE_TRANSFER' },
};

const ACRONYMS: Readonly<Record<string, string>> = { arn: 'ARN', url: 'URL', ssml: 'SSML', id: 'ID' };

/** `hoursOfOperation` → `Hours of operation`, `ssml` → `SSML`. */
export function labelOf(name: string): string {
  const words = name.split(/(?=[A-Z])/).map((w) => ACRONYMS[w.toLowerCase()] ?? w.toLowerCase());
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The properties of a `oneOf: [{required: [a]}, {required: [b]}…]` inside `allOf`. */
function exactlyOneOf(schema: JsonSchema): string[] | undefined {
  const all = Array.isArray(schema.allOf) ? schema.allOf : [];
  for (const part of all) {
    if (!isObject(part) || !Array.isArray(part.oneOf)) continue;
    const names = part.oneOf.map((o) =>
      isObject(o) && Array.isArray(o.required) && o.required.length === 1 ? o.required[0] : undefined,
    );
    if (names.every((n): n is string => typeof n === 'string')) return names;
  }
  return undefined;
}

/**
 * The `allOf` parts `if: {properties: {<field>: {const: v}}} then: {required: [...], properties: {...}}`,
 * read as cases when they name every value of the field's enum: what each type of entry uses, the
 * fields it requires and those it names without requiring (a soft phone's own endpoint).
 */
function casesOf(type: ResourceTypeInfo): FormCases | undefined {
  const properties = isObject(type.schema.properties) ? type.schema.properties : {};
  const uses = new Map<string, Record<string, string[]>>();
  for (const part of Array.isArray(type.schema.allOf) ? type.schema.allOf : []) {
    const when = isObject(part) && isObject(part.if) ? part.if.properties : undefined;
    const then = isObject(part) ? part.then : undefined;
    if (!isObject(when) || !isObject(then)) continue;
    const [field, condition] = Object.entries(when)[0] ?? [];
    if (field === undefined || !isObject(condition) || typeof condition.const !== 'string') continue;
    const required = Array.isArray(then.required) ? then.required.map(String) : [];
    const named = isObject(then.properties) ? Object.keys(then.properties) : [];
    const byValue = uses.get(field) ?? {};
    byValue[condition.const] = [...new Set([...required, ...named])];
    uses.set(field, byValue);
  }
  for (const [field, byValue] of uses) {
    const schema = isObject(properties[field]) ? properties[field] : {};
    const values = schema.enum;
    if (!Array.isArray(values) || !values.every((v) => typeof v === 'string' && v in byValue)) continue;
    const cases: FormCases = { field, uses: byValue };
    if (typeof schema.default === 'string' && schema.default in byValue) cases.fallback = schema.default;
    const flowTypes = FLOW_TYPES[type.kind];
    if (flowTypes) cases.flowTypes = flowTypes;
    return cases;
  }
  return undefined;
}

function kindOf(name: string, schema: Record<string, unknown>): Pick<FormField, 'kind' | 'options' | 'ref'> {
  const items = isObject(schema.items) ? schema.items : undefined;
  const ref = REF_FIELDS[name];
  if (ref && schema.type === 'string') return { kind: 'ref', ref };
  if (ref && schema.type === 'array' && items?.type === 'string') return { kind: 'refs', ref };
  if (name === 'timeZone') return { kind: 'timeZone' };
  if (Array.isArray(schema.enum)) return { kind: 'enum', options: schema.enum.map(String) };
  if (schema.type === 'integer' || schema.type === 'number') return { kind: 'number' };
  if (schema.type === 'string')
    return { kind: typeof schema.maxLength === 'number' && schema.maxLength > 2048 ? 'textarea' : 'text' };
  // Connect's weekly ranges: { Day, StartTime, EndTime }.
  if (schema.type === 'array' && isObject(items?.properties) && 'Day' in items.properties)
    return { kind: 'schedule' };
  if (schema.type === 'array' && items?.type === 'string') return { kind: 'strings' };
  // An uploaded WAV's description: the server computes it from the bytes.
  if (schema.type === 'object' && isObject(schema.properties) && 'sha256' in schema.properties)
    return { kind: 'audio' };
  return { kind: 'json' };
}

/** The form of a kind: every property but `id` (and `arn`, derived unless the resource is external). */
export function formOf(type: ResourceTypeInfo): FormModel {
  const properties = isObject(type.schema.properties) ? type.schema.properties : {};
  const required = new Set(Array.isArray(type.schema.required) ? type.schema.required.map(String) : []);
  const fields: FormField[] = [];
  for (const [name, raw] of Object.entries(properties)) {
    if (name === 'id' || (name === 'arn' && !type.external) || !isObject(raw)) continue;
    const description = typeof raw.description === 'string' ? raw.description : undefined;
    fields.push({
      name,
      label: labelOf(name),
      required: required.has(name),
      ...(description ? { description } : {}),
      ...kindOf(name, raw),
    });
  }
  const choice = exactlyOneOf(type.schema);
  const cases = casesOf(type);
  return { fields, ...(choice ? { choice } : {}), ...(cases ? { cases } : {}) };
}
