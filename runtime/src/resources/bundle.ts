/**
 * Reading the resources of an instance bundle: each item checked as the API checks it (so a
 * bundle and a server refuse the same things, with the same codes), relative paths resolved from
 * the bundle's folder, prompt audio decoded and checked, then duplicates and references between
 * the bundle's resources. Flows are the caller's: `parley run` adds flows after the bundle, so a
 * reference to a flow is only checked for its type, and only when the flow is already known.
 */
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Diagnostic } from '@parley/flow';
import { Ajv, type ValidateFunction } from 'ajv';
import { problem, type RunProblem } from '../contact/codes.js';
import { checkPromptAudio } from './audio.js';
import { checkResource, schemaDiagnostics, unknownReferences } from './check.js';
import { Directory } from './directory.js';
import { RESOURCE_TYPES, resourceType } from './registry.js';
import type { InstanceNamespace, ResourceEntry, ResourceKindName, ResourceType } from './types.js';

export interface BundleResources {
  entries: { kind: ResourceKindName; entry: ResourceEntry }[];
  /** Audio of `audio` prompts, written out to be played: sha256 → file (without extension). */
  audio: Map<string, string>;
  problems: RunProblem[];
  warnings: string[];
}

export interface BundleReadOptions {
  instance: InstanceNamespace;
  /** The type of a flow the instance already has. */
  flowType?(ref: string): string | undefined;
  /** Where prompt audio carried in the bundle is written; a folder under the system's temp dir. */
  audioDir?: string;
}

const ajv = new Ajv({ allErrors: true, strict: false, verbose: true });
const bundleValidators = new Map<ResourceKindName, ValidateFunction>();

/** Pins a diagnostic about one field of an item to where the item is in the bundle. */
const within = (at: string, d: Diagnostic): RunProblem =>
  problem(d.code, d.message.startsWith('/ ') ? `${at}${d.message.slice(1)}` : `${at}${d.message}`);

/** The same ID for the same item every time a bundle is read, so runs and exports stay stable. */
function stableId(ns: InstanceNamespace, kind: string, item: unknown): string {
  const h = createHash('sha256')
    .update(`${ns.id}\n${kind}\n${JSON.stringify(item)}`)
    .digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export async function readBundleResources(
  bundle: Readonly<Record<string, unknown>>,
  dir: string,
  options: BundleReadOptions,
): Promise<BundleResources> {
  const out: BundleResources = { entries: [], audio: new Map(), problems: [], warnings: [] };
  const where = new Map<ResourceEntry, string>();
  const refused: { kind: ResourceKindName; item: unknown }[] = [];
  for (const type of RESOURCE_TYPES) {
    const items = bundle[type.collection];
    if (!Array.isArray(items)) continue;
    for (const [i, item] of items.entries()) {
      const at = `/${type.collection}/${i}`;
      const prepared = await prepare(type, item, at, options, out);
      if (prepared === undefined) {
        refused.push({ kind: type.kind, item });
        continue;
      }
      const checked = checkResource(type.kind, prepared, {
        instance: options.instance,
        lookup: () => true,
        newId: () => stableId(options.instance, type.kind, item),
        ...(options.flowType ? { flowType: options.flowType } : {}),
      });
      if (!checked.ok) {
        out.problems.push(...checked.diagnostics.map((d) => within(at, d)));
        refused.push({ kind: type.kind, item });
        continue;
      }
      const entry = localPaths(type.kind, checked.entry, dir);
      if (type.kind === 'prompt') {
        const why =
          entry.text !== undefined || entry.ssml !== undefined
            ? 'is spoken with text-to-speech, which parley run does not do for instance prompts yet'
            : typeof item === 'object' && item !== null && 'audio' in item
              ? 'has audio kept elsewhere, not in the bundle'
              : undefined;
        if (why)
          out.warnings.push(`${at}: prompt ${entry.name} ${why}; blocks playing it take their error branch`);
      }
      where.set(entry, at);
      out.entries.push({ kind: type.kind, entry });
    }
  }
  out.problems.push(...crossCheck(out.entries, where, refused));
  return out;
}

/** The item as `checkResource` takes it: prompt audio carried as base64 becomes its description. */
async function prepare(
  type: ResourceType,
  item: unknown,
  at: string,
  options: BundleReadOptions,
  out: BundleResources,
): Promise<unknown> {
  if (!type.bundleSchema) return item;
  let validate = bundleValidators.get(type.kind);
  if (!validate) {
    validate = ajv.compile(type.bundleSchema);
    bundleValidators.set(type.kind, validate);
  }
  if (!validate(item)) {
    out.problems.push(...schemaDiagnostics(validate.errors ?? []).map((d) => within(at, d)));
    return undefined;
  }
  const { audioBase64, ...rest } = item as Record<string, unknown>;
  if (typeof audioBase64 !== 'string') return item;
  const text = audioBase64.replace(/\s+/g, '');
  if (text.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) {
    out.problems.push(problem('RESOURCE_INVALID', `${at}/audioBase64 is not base64`));
    return undefined;
  }
  const bytes = Buffer.from(text, 'base64');
  const audio = checkPromptAudio(bytes);
  if (!audio.ok) {
    out.problems.push(
      ...audio.diagnostics.map((d) => within(`${at}/audioBase64`, { ...d, message: `: ${d.message}` })),
    );
    return undefined;
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const folder = options.audioDir ?? join(tmpdir(), 'parley-prompt-audio');
  await mkdir(folder, { recursive: true });
  await writeFile(join(folder, `${sha256}.wav`), bytes);
  out.audio.set(sha256, join(folder, sha256));
  return {
    ...rest,
    audio: { sha256, bytes: bytes.byteLength, durationMs: audio.durationMs, format: audio.format },
  };
}

/** Sound files and Lambda modules named by path are found from the bundle's folder. */
function localPaths(kind: ResourceKindName, entry: ResourceEntry, dir: string): ResourceEntry {
  // A bare name is an Asterisk sound (`beep`), not a file next to the bundle.
  if (kind === 'prompt' && typeof entry.file === 'string' && entry.file.includes('/'))
    return { ...entry, file: resolve(dir, entry.file) };
  if (kind === 'lambda' && typeof entry.module === 'string')
    return { ...entry, module: resolve(dir, entry.module) };
  return entry;
}

/** Duplicates within each kind, then references to resources the bundle does not have. */
function crossCheck(
  entries: BundleResources['entries'],
  where: ReadonlyMap<ResourceEntry, string>,
  refused: readonly { kind: ResourceKindName; item: unknown }[],
): RunProblem[] {
  const problems: RunProblem[] = [];
  const directories = new Map<ResourceKindName, Directory<ResourceEntry>>();
  const seen = new Map<string, string>();
  for (const { kind, entry } of entries) {
    const at = where.get(entry) ?? '';
    for (const [field, value] of [
      ['ID', entry.id],
      ['ARN', entry.arn],
      ['name', entry.name],
    ] as const) {
      const key = `${kind}\n${field}\n${value}`;
      const first = seen.get(key);
      if (first === undefined) seen.set(key, at);
      else {
        // One report per pair: a duplicate ID usually brings a duplicate ARN with it.
        problems.push(problem('RESOURCE_DUPLICATE', `${at} has the same ${field} as ${first}: ${value}`));
        break;
      }
    }
    let d = directories.get(kind);
    if (!d) {
      d = new Directory();
      directories.set(kind, d);
    }
    d.add(entry);
  }
  // A refused item was reported already: what names it should not be reported again.
  const named = new Set(
    refused.flatMap(({ kind, item }) =>
      ['id', 'name', 'arn', 'username', 'number'].flatMap((f) => {
        const v =
          typeof item === 'object' && item !== null ? (item as Record<string, unknown>)[f] : undefined;
        return typeof v === 'string' ? [`${kind}\n${v}`] : [];
      }),
    ),
  );
  const lookup = (kind: ResourceKindName | 'flow', ref: string) =>
    kind === 'flow' || named.has(`${kind}\n${ref}`) || directories.get(kind)?.get(ref) !== undefined;
  for (const { kind, entry } of entries)
    problems.push(
      ...unknownReferences(resourceType(kind), entry, lookup).map((d) => within(where.get(entry) ?? '', d)),
    );
  return problems;
}
