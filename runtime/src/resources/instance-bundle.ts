/**
 * ## The instance bundle (`parley run --instance <bundle.json>`, instance export and import)
 *
 * One JSON file (schemas/instance-bundle.schema.json); every key is optional and relative paths are
 * read from the bundle's folder. Each kind of resource has its array under its `collection` key
 * (`phoneNumbers`, `queues`, `hoursOfOperation`, `prompts`, `lambdaFunctions`, `bots`,
 * `quickConnects`, `users`, `routingProfiles`, `securityProfiles`), and each item is checked as the
 * HTTP API checks a resource, with the same codes. IDs are generated when left out (the same for
 * the same item every time); ARNs are derived from `instance`.
 *
 * ```json
 * {
 *   "instance": { "id": "11111111-2222-3333-4444-555555555555", "alias": "acme",
 *                 "partition": "aws", "region": "us-east-1", "account": "123456789012" },
 *   "flows": [ { "id": "cc4ca740-…", "file": "flows/support.json", "name": "Support" },
 *              { "id": "5e1f…", "type": "CONTACT_FLOW", "content": { "Version": "2019-10-30", … } } ],
 *   "prompts": [ { "id": "94c4…", "name": "Welcome", "file": "sounds/welcome" },
 *                { "name": "Goodbye", "audioBase64": "UklGRiQ…" }, { "name": "Hi", "text": "Hello!" } ],
 *   "queues": [ { "id": "959e…", "name": "Billing", "hoursOfOperation": "acb1…",
 *                 "outboundCallerId": "+18005550100", "maxContacts": 10 } ],
 *   "hoursOfOperation": [ { "id": "acb1…", "name": "Office", "timeZone": "America/New_York",
 *     "config": [ { "Day": "MONDAY", "StartTime": { "Hours": 9, "Minutes": 0 },
 *                   "EndTime": { "Hours": 17, "Minutes": 0 } } ], "overrides": [] } ],
 *   "users": [ { "id": "a1b2…", "username": "alice", "routingProfile": "Basic" } ],
 *   "routingProfiles": [ { "name": "Basic", "queues": [ { "queue": "Billing", "channel": "VOICE", "priority": 1 } ] } ],
 *   "lambdaFunctions": [
 *     { "arn": "arn:aws:lambda:us-east-1:123456789012:function:lookup", "module": "lambdas/lookup.mjs" },
 *     { "name": "verify-pin", "url": "http://localhost:9000/2015-03-31/functions/function/invocations" } ],
 *   "phoneNumbers": [ { "number": "+18005550100", "flow": "Acme main IVR" } ],
 *   "bots": [ { "name": "BankBot", "arn": "arn:aws:lex:us-east-1:123456789012:bot-alias/BANKBOT01/TSTALIASID",
 *     "locale": "en_US", "intents": [ { "name": "CheckBalance", "utterances": ["check my balance"], "dtmf": "1" } ] } ]
 * }
 * ```
 *
 * - `flows[]` hold a flow document in `file` or inline in `content`; type and name come from the
 *   document's Metadata unless given. Modules (type MODULE) get `flow-module` ARNs.
 * - `prompts[].file` is played as `sound:<file>` (a path without extension, or an Asterisk sound
 *   name); `audioBase64` is a WAV checked by checkPromptAudio and played from a copy on disk.
 * - `lambdaFunctions[]` map an ARN (or a function name) to a local module (`module`, `handler`) or
 *   an HTTP endpoint (`url`, `headers`).
 * - `bots[]` are what Lex blocks talk to (integrations/bot.ts), by `arn` (a Lex V2 alias ARN, also
 *   from another account or region; a Parley ARN from the name unless given) or by `name`.
 */
import { readdir, readFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { type FlowModel, toDocument } from '@parley/flow';
import { Ajv } from 'ajv';
import { problem, type RunProblem } from '../contact/codes.js';
import type { FlowTarget } from '../executors/types.js';
import { readBundleResources } from './bundle.js';
import { bundleEnvelopeSchema } from './bundle-schema.js';
import type { FlowLoad, FlowOptions } from './flow-target.js';
import { RESOURCE_TYPES } from './registry.js';
import type { InstanceNamespace, ResourceEntry, ResourceKindName } from './types.js';

/** What a bundle is read into (the runtime's Instance). */
export interface BundleTarget {
  readonly info: InstanceNamespace;
  loadFlow(bytes: Uint8Array, options: FlowOptions): FlowLoad;
  flow(ref: string): FlowTarget | undefined;
  add(kind: ResourceKindName, entry: ResourceEntry): void;
  addPromptAudio(sha256: string, file: string): void;
}

/** What a bundle is written from. */
export interface BundleSource {
  readonly info: InstanceNamespace;
  flows(): { arn: string; model: FlowModel }[];
  entries(kind: ResourceKindName | 'flow'): ResourceEntry[];
  prompt(ref: string): { file: string } | undefined;
}

/** What the envelope schema admits; exported because the API's bundle import reads the same shape. */
export interface BundleEnvelope {
  instance?: Partial<InstanceNamespace>;
  flows?: {
    id?: string;
    arn?: string;
    name?: string;
    type?: string;
    description?: string;
    file?: string;
    content?: Record<string, unknown>;
  }[];
  [collection: string]: unknown;
}

const validateEnvelope = new Ajv({ allErrors: false, strict: false }).compile<BundleEnvelope>(
  bundleEnvelopeSchema,
);

/** The namespace of a bundle that names none: Parley's default instance. */
export const DEFAULT_NAMESPACE: InstanceNamespace = {
  id: '00000000-0000-4000-8000-000000000000',
  alias: 'parley',
  partition: 'aws',
  region: 'us-east-1',
  account: '000000000000',
};

export type BundleLoad<T> =
  | { ok: true; instance: T; warnings: string[] }
  | { ok: false; problems: RunProblem[] };

export interface BundleOptions {
  /** Where prompt audio the bundle carries is written to be played; a folder in the temp dir. */
  audioDir?: string;
}

/** Reads a bundle already parsed into the instance `create` makes; `dir` resolves relative paths. */
export async function readInstanceBundle<T extends BundleTarget>(
  value: unknown,
  dir: string,
  create: (namespace: Omit<InstanceNamespace, 'partition'> & { partition?: string }) => T,
  options: BundleOptions = {},
): Promise<BundleLoad<T>> {
  if (!validateEnvelope(value)) {
    const e = validateEnvelope.errors?.[0];
    return {
      ok: false,
      problems: [
        problem('INSTANCE_BUNDLE_INVALID', `${e?.instancePath || '/'} ${e?.message ?? 'is not valid'}`),
      ],
    };
  }
  const instance = create({ ...DEFAULT_NAMESPACE, ...value.instance });
  const problems: RunProblem[] = [];
  const warnings: string[] = [];
  for (const { file, content, ...given } of value.flows ?? []) {
    const path = file === undefined ? undefined : resolve(dir, file);
    const bytes =
      path === undefined ? Buffer.from(JSON.stringify(content)) : await readFile(path).catch(() => undefined);
    if (!bytes) {
      problems.push(problem('INSTANCE_BUNDLE_INVALID', `flow file ${file} cannot be read`));
      continue;
    }
    const loaded = instance.loadFlow(bytes, { ...given, ...(path ? { file: path } : {}) });
    const label = file ?? given.name ?? given.id ?? 'inline flow';
    if (!loaded.ok) problems.push(loaded.problem);
    else warnings.push(...loaded.warnings.map((w) => `${label}: ${w}`));
  }
  const resources = await readBundleResources(value, dir, {
    instance: instance.info,
    flowType: (ref) => instance.flow(ref)?.type,
    ...(options.audioDir ? { audioDir: options.audioDir } : {}),
  });
  for (const { kind, entry } of resources.entries) instance.add(kind, entry);
  for (const [sha256, file] of resources.audio) instance.addPromptAudio(sha256, file);
  problems.push(...resources.problems);
  warnings.push(...resources.warnings);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, instance, warnings };
}

/** Reads a bundle file. */
export async function loadBundleFile<T extends BundleTarget>(
  path: string,
  create: (namespace: Omit<InstanceNamespace, 'partition'> & { partition?: string }) => T,
  options: BundleOptions = {},
): Promise<BundleLoad<T>> {
  let value: unknown;
  try {
    value = JSON.parse(await readFile(path, 'utf8'));
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'does not exist' : (e as Error).message;
    return { ok: false, problems: [problem('INSTANCE_BUNDLE_INVALID', `${path}: ${reason}`)] };
  }
  return readInstanceBundle(value, dirname(path), create, options);
}

/**
 * The whole instance as a bundle: flows inline, prompt audio as base64, and ARNs only where they
 * are not derived from the instance (Lambda functions, bots, resources named from elsewhere), so
 * the bundle imports into any instance.
 */
export async function exportBundle(instance: BundleSource): Promise<Record<string, unknown>> {
  const listed = new Map(instance.entries('flow').map((f) => [f.arn, f]));
  const bundle: Record<string, unknown> = {
    instance: { ...instance.info },
    flows: instance.flows().map((f) => {
      const { arn: _, ...fields } = listed.get(f.arn) ?? {};
      return { ...fields, content: toDocument(f.model) };
    }),
  };
  for (const type of RESOURCE_TYPES) {
    const items: Record<string, unknown>[] = [];
    for (const entry of instance.entries(type.kind)) {
      const { arn, audio, ...item } = entry as ResourceEntry & { audio?: { sha256?: string } };
      if (type.external || arn !== type.arn(instance.info, { ...entry, arn: '' })) item.arn = arn;
      const file = audio?.sha256 === undefined ? undefined : instance.prompt(entry.id)?.file;
      if (file !== undefined) item.audioBase64 = (await readFile(`${file}.wav`)).toString('base64');
      else if (audio !== undefined) item.audio = audio;
      items.push(item);
    }
    if (items.length > 0) bundle[type.collection] = items;
  }
  return bundle;
}

/**
 * Adds every `*.json` flow of a folder (not recursive), known by file name (without `.json`) as ID
 * and by Metadata name. Flows the instance already has by that ID are left alone, so a bundle's
 * explicit IDs win.
 */
export async function addFlowsFromDir(
  instance: Pick<BundleTarget, 'flow' | 'loadFlow'>,
  dir: string,
): Promise<{ added: FlowTarget[]; problems: RunProblem[]; warnings: string[] }> {
  const added: FlowTarget[] = [];
  const problems: RunProblem[] = [];
  const warnings: string[] = [];
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.json')).sort();
  } catch {
    return {
      added,
      problems: [problem('INSTANCE_FLOW_INVALID', `${dir} is not a readable folder`)],
      warnings,
    };
  }
  for (const name of names) {
    const path = join(dir, name);
    if (instance.flow(basename(name, '.json'))) continue;
    const bytes = await readFile(path).catch(() => undefined);
    if (!bytes) {
      problems.push(problem('INSTANCE_FLOW_INVALID', `${path} cannot be read`));
      continue;
    }
    const loaded = instance.loadFlow(bytes, { file: path });
    if (loaded.ok) {
      added.push(loaded.flow);
      warnings.push(...loaded.warnings.map((w) => `${name}: ${w}`));
    } else problems.push(loaded.problem);
  }
  return { added, problems, warnings };
}
