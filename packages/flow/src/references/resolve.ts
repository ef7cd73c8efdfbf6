import { arnKind, parseArn } from '../arn/arn.js';
import type { ResourceKind } from '../catalog/vocabulary.js';
import type { FlowModel } from '../model/types.js';
import type { DirectoryEntry, FlowReference, ReferenceResolution, ResourceDirectory } from './types.js';
import { findReferences } from './walk.js';

/**
 * The resource ID an ARN ends with: Connect's trailing ID (`…/queue/<id>`, also `…/queue/agent/<id>`),
 * a Lambda function's name (qualifier dropped), `BOT/ALIAS` of a Lex V2 alias, the last part of
 * other ARNs. Undefined for a value that is not an ARN: it may be an ID or a name itself.
 */
export function resourceIdOf(value: string): string | undefined {
  // Runs for every reference of every import: split by hand rather than through parseArn's regex.
  if (!value.startsWith('arn:')) return undefined;
  const parts = value.split(':');
  const service = parts[2];
  const resource = parts[5];
  if (resource === undefined || resource === '') return undefined;
  if (service === 'lambda') return resource === 'function' ? parts[6] || undefined : undefined;
  if (service === 'lex' && resource.startsWith('bot-alias/')) return resource.slice('bot-alias/'.length);
  // Qualifiers (`…/contact-flow/<id>:$SAVED`) follow the resource after a colon.
  return resource.slice(resource.lastIndexOf('/') + 1) || undefined;
}

/** What a reference of this kind holds once resolved: an ARN, except Lex classic's bot name. */
export const targetValue = (kind: ResourceKind, entry: DirectoryEntry): string =>
  kind === 'lexBot' ? entry.name : entry.arn;

/**
 * The resource a value names in the directory as the runtime finds it: by ARN, by the ID the ARN
 * ends with (or the value as an ID), then by the value as a name.
 */
export function lookup(
  directory: ResourceDirectory,
  kind: ResourceKind,
  raw: string,
): DirectoryEntry | undefined {
  const value = raw.trim();
  const id = resourceIdOf(value);
  return (
    directory.byArn(kind, value) ??
    directory.byId(kind, id ?? value) ??
    (id === undefined ? directory.byName(kind, value) : undefined)
  );
}

/** The kind of resource an ARN names when it is not `kind`. */
function otherKind(kind: ResourceKind, value: string): ResourceKind | undefined {
  const actual = arnKind(value);
  return actual !== undefined && actual !== kind ? actual : undefined;
}

type ResolvableReference = Pick<FlowReference, 'kind' | 'value'> & { name?: string; placeholder?: boolean };

function fromMap(
  ref: ResolvableReference,
  directory: ResourceDirectory,
  map: Readonly<Record<string, string>>,
): ReferenceResolution | undefined {
  const keys = [ref.value, ref.value.trim(), ref.name].filter((k): k is string => k !== undefined);
  const key = keys.find((k) => Object.hasOwn(map, k) && typeof map[k] === 'string' && map[k] !== '');
  if (key === undefined) return undefined;
  const to = (map[key] as string).trim();
  const entry = lookup(directory, ref.kind, to);
  if (entry) return { resolution: 'map', target: targetValue(ref.kind, entry), entry, mappedFrom: key };
  const wrongKind = otherKind(ref.kind, to);
  if (wrongKind) return { resolution: 'unresolved', target: null, mappedFrom: key, mappedTo: to, wrongKind };
  // A mapping to an ARN is trusted as it is: the instance may learn the resource later.
  if (parseArn(to)) return { resolution: 'map', target: to, mappedFrom: key };
  return { resolution: 'unresolved', target: null, mappedFrom: key, mappedTo: to };
}

/**
 * Resolves one reference against the target instance, in Connect's order plus a mapping first:
 * mapping (by old value, then display name) → exact ARN → the ARN's trailing ID (or the value as
 * an ID) → display name from Metadata (or the value itself when it is a plain name) → unresolved.
 * Placeholders resolve by mapping or name only.
 */
export function resolveReference(
  ref: ResolvableReference,
  directory: ResourceDirectory,
  map?: Readonly<Record<string, string>>,
): ReferenceResolution {
  if (map) {
    const mapped = fromMap(ref, directory, map);
    if (mapped) return mapped;
  }
  const unresolved: ReferenceResolution = { resolution: 'unresolved', target: null };
  const found = (resolution: 'arn' | 'id' | 'name', entry: DirectoryEntry): ReferenceResolution => ({
    resolution,
    target: targetValue(ref.kind, entry),
    entry,
  });
  const byName = (name: string | undefined) =>
    name === undefined ? undefined : directory.byName(ref.kind, name.trim());
  if (ref.placeholder ?? false) {
    const entry = byName(ref.name);
    return entry ? found('name', entry) : unresolved;
  }
  const value = ref.value.trim();
  const wrongKind = otherKind(ref.kind, value);
  if (wrongKind) return { ...unresolved, wrongKind };
  const id = resourceIdOf(value);
  let entry = directory.byArn(ref.kind, value);
  if (entry) return found('arn', entry);
  entry = directory.byId(ref.kind, id ?? value);
  if (entry) return found('id', entry);
  entry = byName(ref.name) ?? (id === undefined && !value.startsWith('arn:') ? byName(value) : undefined);
  return entry ? found('name', entry) : unresolved;
}

/**
 * Every static reference of the flow and what the instance has for it, as the runtime will look it
 * up (by ARN, ID or the value as a name; Metadata names play no part at run time). Publishing
 * refuses a flow with any `found: undefined`; placeholders never resolve.
 */
export function checkReferences(
  model: FlowModel,
  directory: ResourceDirectory,
): { reference: FlowReference; found: DirectoryEntry | undefined }[] {
  return findReferences(model).map((reference) => ({
    reference,
    found:
      reference.placeholder || otherKind(reference.kind, reference.value.trim())
        ? undefined
        : lookup(directory, reference.kind, reference.value),
  }));
}
