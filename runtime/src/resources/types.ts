import type { Diagnostic, ResourceKind } from '@parley/flow';

export type ResourceKindName =
  | 'phoneNumber'
  | 'queue'
  | 'hours'
  | 'prompt'
  | 'lambda'
  | 'bot'
  | 'quickConnect'
  | 'user'
  | 'routingProfile'
  | 'securityProfile';

/** One resource: the bundle entry shape, the API body shape and what the store keeps are the same. */
export interface ResourceEntry {
  id: string;
  name: string;
  arn: string;
  [field: string]: unknown;
}

/** The Connect-like namespace resources live in: their ARNs are built from it. */
export interface InstanceNamespace {
  id: string;
  alias: string;
  partition: string;
  region: string;
  account: string;
}

/** A field of a resource naming another resource of the same instance. */
export interface ResourceReference {
  /** JSON Pointer of the field, e.g. `/hoursOfOperation` or `/quickConnects/2`. */
  field: string;
  kind: ResourceKindName | 'flow';
  /** What the field holds: an ID, an ARN or a name. */
  ref: string;
}

export interface CheckContext {
  instance: InstanceNamespace;
  /** Whether the instance has a resource of that kind by ID, ARN or name. */
  lookup(kind: ResourceKindName | 'flow', ref: string): boolean;
  /** An ID for an entry that has none (a UUID on the server). */
  newId(): string;
  /**
   * The Connect type (`AGENT_TRANSFER`, …) of a flow the instance has, when the caller knows it;
   * without it flow types are not checked.
   */
  flowType?(ref: string): string | undefined;
}

/** A JSON Schema (draft-07) object, as plain data. */
export type JsonSchema = Readonly<Record<string, unknown>>;

/**
 * One kind of resource, described as data: the bundle, the store, the API routes and the checks all
 * read these descriptions, so adding a kind is adding one.
 */
export interface ResourceType {
  kind: ResourceKindName;
  /** The bundle key, and the base of API names: `queues`, `hoursOfOperation`… */
  collection: string;
  /** The API path segment: `queues`, `hours-of-operation`… */
  path: string;
  /** What people call one: `Queue`, `Hours of operation`. */
  title: string;
  /** The kinds of flow references (packages/flow RESOURCE_KINDS) a resource of this kind satisfies. */
  flowKinds: readonly ResourceKind[];
  /** An entry as a client sends it: `id` optional (generated), `arn` optional (derived). */
  schema: JsonSchema;
  /** The item schema of this kind in an instance bundle, when it differs from `schema`. */
  bundleSchema?: JsonSchema;
  /**
   * The resource lives outside the instance (a Lambda function, a Lex bot): the ARN it is given is
   * its identity, kept as it is and exported with it. Other kinds' ARNs are derived from the instance.
   */
  external?: boolean;
  /**
   * Fields holding credentials (a Lambda's HTTP headers): only tokens that may change the instance
   * read their values; the others see each value masked (SECRET_MASK).
   */
  secrets?: readonly string[];
  /** The entry's ARN, Connect-shaped, from the instance and the entry (its `id` already set). */
  arn(instance: InstanceNamespace, entry: ResourceEntry): string;
  /** The other resources the entry names. */
  references(entry: ResourceEntry): ResourceReference[];
  /** The name an entry gets when it has none (the schema makes sure one of the sources is there). */
  defaultName?(entry: Readonly<Record<string, unknown>>): string | undefined;
  /**
   * The rules a schema cannot say (phone numbers, time zones, ranges…), on an entry that follows
   * the schema. May normalise fields in place (phone numbers to E.164).
   */
  rules?(fields: Record<string, unknown>, ctx: CheckContext): Diagnostic[];
}
