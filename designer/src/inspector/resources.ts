import type { ResourceKind } from '@parley/flow';

/*
 * The instance's resources a parameter may name, as the resource picker lists them. Which API list
 * answers which resource kind (runtime/src/resources RESOURCE_TYPES' `path` and `flowKinds`), how an
 * entry reads, and what a parameter holds for it: its ARN, except a classic Lex bot, named by name.
 * A kind no list answers (views, templates…) has no picker: the field takes text.
 */

/** One entry as the picker shows it. */
export interface ResourceOption {
  /** What the parameter holds when this is picked. */
  value: string;
  name: string;
  id: string;
  arn: string;
}

/** Where a kind's entries come from: an API path below the instance, and a filter. */
export interface ResourceSource {
  /** `queues`, `hours-of-operation`, `flows`… (GET /api/instances/:i/<path>). */
  path: string;
  /** The body's key that lists them. */
  collection: string;
  accept?: (entry: ResourceEntry) => boolean;
  /** What the parameter holds for an entry; its ARN unless said. */
  valueFor?: (entry: ResourceEntry) => string;
}

export interface ResourceEntry {
  id: string;
  name: string;
  arn: string;
  [field: string]: unknown;
}

const isModule = (e: ResourceEntry) => e.type === 'MODULE';
const V2_ALIAS = /:bot-alias\//;

export const RESOURCE_SOURCES: Readonly<Partial<Record<ResourceKind, ResourceSource>>> = {
  queue: { path: 'queues', collection: 'queues' },
  agent: { path: 'users', collection: 'users' },
  flow: { path: 'flows', collection: 'flows', accept: (e) => !isModule(e) },
  module: { path: 'flows', collection: 'flows', accept: isModule },
  prompt: { path: 'prompts', collection: 'prompts' },
  hours: { path: 'hours-of-operation', collection: 'hoursOfOperation' },
  lambda: { path: 'lambda-functions', collection: 'lambdaFunctions' },
  // A classic bot is named by its name (LexBot.Name), a V2 bot by its alias ARN.
  lexBot: { path: 'bots', collection: 'bots', accept: (e) => !V2_ALIAS.test(e.arn), valueFor: (e) => e.name },
  lexV2Alias: { path: 'bots', collection: 'bots', accept: (e) => V2_ALIAS.test(e.arn) },
  phoneNumber: { path: 'phone-numbers', collection: 'phoneNumbers' },
};

const isEntry = (v: unknown): v is ResourceEntry => {
  if (typeof v !== 'object' || v === null) return false;
  const e = v as Record<string, unknown>;
  return typeof e.id === 'string' && typeof e.arn === 'string';
};

/** The entries of a list response (`{ queues: [...] }`); whatever is not an entry is left out. */
export function entriesOf(body: unknown, collection: string): ResourceEntry[] {
  const list = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[collection] : [];
  if (!Array.isArray(list)) return [];
  return list.filter(isEntry).map((e) => ({ ...e, name: typeof e.name === 'string' ? e.name : e.id }));
}

/** The entry a stored reference names: by ID, ARN or name, as the server resolves it. */
export const entryNamed = (entries: readonly ResourceEntry[], ref: string): ResourceEntry | undefined =>
  entries.find((e) => e.id === ref || e.arn === ref || e.name === ref);

/** The picker's options for a kind, by name. */
export function optionsOf(kind: ResourceKind, entries: readonly ResourceEntry[]): ResourceOption[] {
  const source = RESOURCE_SOURCES[kind];
  if (!source) return [];
  return entries
    .filter((e) => source.accept?.(e) ?? true)
    .map((e) => ({ value: source.valueFor?.(e) ?? e.arn, name: e.name, id: e.id, arn: e.arn }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** The option a parameter value names: by what it holds, else by the entry's ARN, ID or name. */
export function optionFor(options: readonly ResourceOption[], value: string): ResourceOption | undefined {
  return (
    options.find((o) => o.value === value) ??
    options.find((o) => o.arn === value || o.id === value) ??
    options.find((o) => o.name === value)
  );
}
