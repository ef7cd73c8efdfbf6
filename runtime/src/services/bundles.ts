/**
 * A whole instance as one instance bundle (schemas/instance-bundle.schema.json), and a bundle
 * imported into an instance in one transaction. Resources get the check the resource routes give
 * (checkResource), but against the instance as it will be once the whole bundle is in, so resources
 * naming each other (queue ↔ quick connect, user → routing profile → queue, phone number → flow)
 * need no order. Flows go through the import resolver, then are published when they pass the
 * publish checks. One refused resource or flow refuses the bundle: with half an instance in, the
 * flows that made it would point at what did not.
 */
import { createHash, randomUUID } from 'node:crypto';
import {
  type Diagnostic,
  diagnostic,
  type ImportReport,
  type JsonObject,
  loadFlow,
  parseFlowType,
  prepareExport,
} from '@parley/flow';
import { Ajv } from 'ajv';
import {
  bundleEnvelopeSchema,
  checkPromptAudio,
  checkResource,
  connectArn,
  DEFAULT_NAMESPACE,
  type InstanceNamespace,
  idOfConnectArn,
  RESOURCE_TYPES,
  type ResourceEntry,
  type ResourceKindName,
  type ResourceType,
  schemaDiagnostics,
} from '../resources/index.js';
import type { FlowRow, InstanceRow, ResourceRow } from '../store/index.js';
import type { InstanceScope } from './context.js';
import { instanceDirectory } from './directory.js';
import { EventBus, type ParleyEvent } from './events.js';
import { createFlow, publish, readStored } from './flows.js';
import { isUniqueViolation, Problem } from './problem.js';
import { entryOf } from './resources.js';
import { importFlow } from './transfer.js';

export type BundleAction = 'created' | 'updated' | 'refused';

export interface BundleResourceReport {
  /** Where the item is in the bundle: `/queues/0`. */
  at: string;
  kind: ResourceKindName;
  id: string;
  name: string;
  arn: string;
  action: BundleAction;
  diagnostics?: Diagnostic[];
}

export interface BundleFlowReport {
  at: string;
  id: string;
  name: string;
  type: string;
  arn: string;
  action: BundleAction;
  /** How each reference of the flow resolved in this instance (the import resolver's report). */
  report?: ImportReport;
  version?: number;
  /** The flow's latest version had this content already: no new version was made. */
  unchanged?: boolean;
  published: boolean;
  /** Why the flow was refused, or why it was not published. */
  diagnostics?: Diagnostic[];
}

export interface BundleImportReport {
  dryRun: boolean;
  /** Nothing was refused (flows left unpublished do not count). */
  ok: boolean;
  resources: BundleResourceReport[];
  flows: BundleFlowReport[];
}

type Kind = ResourceKindName | 'flow';

const namespaceOf = (i: InstanceRow): InstanceNamespace => ({
  id: i.id,
  alias: i.alias,
  partition: i.partition,
  region: i.region,
  account: i.account,
});

const flowArn = (ns: InstanceNamespace, type: string, id: string) =>
  connectArn(ns, type === 'MODULE' ? 'flow-module' : 'contact-flow', id);

/**
 * The instance as a bundle: every resource as the API shows it (ARNs only where they are not
 * derived from the instance, as exportBundle writes them), prompt audio as base64, and each flow's
 * published version (else its latest) with its references' names in Metadata, so that it resolves
 * by name where IDs differ. A flow never saved has no document and is left out.
 */
export async function exportInstanceBundle(scope: InstanceScope): Promise<Record<string, unknown>> {
  const { store, instance } = scope;
  const ns = namespaceOf(instance);
  const [rows, flows, directory] = await Promise.all([
    store.catalog.resources(instance.id),
    store.flows.list(instance.id),
    instanceDirectory(store, instance.id),
  ]);
  const items: Record<string, unknown>[] = [];
  for (const flow of flows) {
    const number = flow.publishedVersion ?? flow.latestVersion;
    const version = number > 0 ? await store.flows.version(instance.id, flow.id, number) : undefined;
    if (!version) continue;
    items.push({
      id: flow.id,
      name: flow.name,
      type: flow.type,
      ...(flow.description ? { description: flow.description } : {}),
      content: prepareExport(readStored(version.content).model, directory),
    });
  }
  const bundle: Record<string, unknown> = { instance: ns, flows: items };
  for (const type of RESOURCE_TYPES) {
    const out: Record<string, unknown>[] = [];
    for (const row of rows.filter((r) => r.kind === type.kind)) {
      const entry = entryOf(row);
      const { arn, audio, ...item } = entry as ResourceEntry & { audio?: unknown };
      if (type.external || arn !== type.arn(ns, { ...entry, arn: '' })) item.arn = arn;
      const bytes = audio === undefined ? undefined : await store.catalog.promptAudio(instance.id, row.id);
      if (bytes) item.audioBase64 = Buffer.from(bytes).toString('base64');
      else if (audio !== undefined) item.audio = audio;
      out.push(item);
    }
    if (out.length > 0) bundle[type.collection] = out;
  }
  await store.access.audit({
    instanceId: instance.id,
    actor: scope.actor.id,
    action: 'instance.bundle.export',
    target: instance.id,
    detail: { flows: items.length, resources: rows.length },
  });
  return bundle;
}

interface BundleFlowItem {
  id?: string;
  arn?: string;
  name?: string;
  type?: string;
  description?: string;
  file?: string;
  content?: JsonObject;
}

interface BundleValue {
  instance?: Partial<InstanceNamespace>;
  flows?: BundleFlowItem[];
  [collection: string]: unknown;
}

const validateEnvelope = new Ajv({ allErrors: false, strict: false }).compile<BundleValue>(
  bundleEnvelopeSchema,
);
const ajv = new Ajv({ allErrors: true, strict: false, verbose: true });
const bundleItemValidators = new Map(
  RESOURCE_TYPES.flatMap((t) => (t.bundleSchema ? [[t.kind, ajv.compile(t.bundleSchema)] as const] : [])),
);

/** A resource diagnostic (its message starts with the field) pinned to where the item is. */
const within = (at: string, d: Diagnostic): Diagnostic => ({
  ...d,
  message: d.message.startsWith('/ ') ? `${at}${d.message.slice(1)}` : `${at}${d.message}`,
  path: `${at}${d.path ?? ''}`,
});

/** A diagnostic about a flow document, pinned to the flow's place in the bundle. */
const inFlow = (at: string, d: Diagnostic): Diagnostic => ({
  ...d,
  message: `${at}: ${d.message}`,
  path: `${at}/content${d.path ?? ''}`,
});

interface Identity {
  id: string;
  arn: string;
  name: string;
  type?: string;
}

interface Planned {
  /** What the bundle's other items may call this one (its ID, ARN and name there) → its value here. */
  keys: [string, string][];
  /** Its ARN where the bundle came from, when its ID changes here (matched by name). */
  moved?: [string, string];
}

interface PlannedResource extends Planned {
  type: ResourceType;
  report: BundleResourceReport;
  fields: Record<string, unknown>;
  audio?: { sha256: string; bytes: Uint8Array };
  entry?: ResourceEntry;
}

interface PlannedFlow extends Planned {
  report: BundleFlowReport;
  content: JsonObject;
  existing?: FlowRow;
  description?: string;
}

class DryRun extends Error {
  constructor(readonly report: BundleImportReport) {
    super('dry run');
  }
}

/**
 * Imports a bundle into the scope's instance: resources created or updated (matched by ID, else by
 * name; a new one keeps the bundle's ID), prompt audio stored, flows imported and published, all in
 * one transaction. A refused item refuses the whole bundle (STORE_BUNDLE_REFUSED, with the report);
 * a dry run writes nothing and answers the report, refusals included.
 */
export async function importInstanceBundle(
  scope: InstanceScope,
  value: unknown,
  options: { dryRun?: boolean } = {},
): Promise<BundleImportReport> {
  if (!validateEnvelope(value)) {
    const e = validateEnvelope.errors?.[0];
    throw new Problem(
      'API_REQUEST_INVALID',
      `bundle ${e?.instancePath || '/'} ${e?.message ?? 'is not valid'}`,
    );
  }
  const dryRun = options.dryRun === true;
  // Services announce what they did as they go; listeners hear only what commits.
  const heard: ParleyEvent[] = [];
  const muted = new EventBus();
  muted.subscribe((e) => heard.push(e));
  try {
    const report = await scope.store.transaction(async (tx) => {
      const report = await importInto({ ...scope, store: tx, events: muted }, value, dryRun);
      if (dryRun) throw new DryRun(report);
      const refused = [...report.resources, ...report.flows].filter((r) => r.action === 'refused');
      if (refused.length > 0)
        throw new Problem(
          'STORE_BUNDLE_REFUSED',
          `${refused.length} item(s) of the bundle were refused; nothing was imported`,
          refused.flatMap((r) => r.diagnostics ?? []),
          { report },
        );
      await tx.access.audit({
        instanceId: scope.instance.id,
        actor: scope.actor.id,
        action: 'instance.bundle.import',
        target: scope.instance.id,
        detail: {
          resources: report.resources.length,
          flows: report.flows.length,
          published: report.flows.filter((f) => f.published).length,
        },
      });
      return report;
    });
    for (const e of heard) scope.events.emit(e);
    for (const r of report.resources)
      scope.events.emit({
        type: 'resource.changed',
        instanceId: scope.instance.id,
        kind: r.kind,
        id: r.id,
        deleted: false,
      });
    return report;
  } catch (e) {
    if (e instanceof DryRun) return e.report;
    if (isUniqueViolation(e))
      throw new Problem('STORE_NAME_TAKEN', 'a name the bundle uses was taken while it was imported');
    throw e;
  }
}

async function importInto(
  scope: InstanceScope,
  bundle: BundleValue,
  dryRun: boolean,
): Promise<BundleImportReport> {
  const { store, instance } = scope;
  const here = namespaceOf(instance);
  const source: InstanceNamespace = { ...DEFAULT_NAMESPACE, ...bundle.instance };
  const [rows, existingFlows] = await Promise.all([
    store.catalog.resources(instance.id),
    store.flows.list(instance.id),
  ]);
  const flows = (bundle.flows ?? []).map((item, i) => planFlow(item, i, existingFlows, here, source));
  const resources: PlannedResource[] = [];
  // References to an item refused already are not reported a second time.
  const refusedRefs = new Set<string>();
  for (const type of RESOURCE_TYPES) {
    const items = bundle[type.collection];
    if (!Array.isArray(items)) continue;
    for (const [i, item] of items.entries()) {
      const planned = planResource(type, item, `/${type.collection}/${i}`, rows, here, source);
      resources.push(planned);
      if (planned.report.action === 'refused')
        for (const ref of refsOfRefused(type, item, source)) refusedRefs.add(`${type.kind}\n${ref}`);
    }
  }
  for (const [i, f] of flows.entries())
    if (f.report.action === 'refused')
      for (const v of [bundle.flows?.[i]?.id, bundle.flows?.[i]?.name, f.report.name])
        if (v !== undefined) refusedRefs.add(`flow\n${v}`);
  refuseClashes('flow', flows, existingFlows);
  for (const type of RESOURCE_TYPES)
    refuseClashes(
      type.kind,
      resources.filter((r) => r.type === type),
      rows.filter((r) => r.kind === type.kind),
    );

  // The instance as it will be, kind by kind and ID by ID, and what the bundle's names become.
  const after = new Map<Kind, Map<string, Identity>>();
  const renames = new Map<Kind, Map<string, string>>();
  const afterOf = (kind: Kind) => getOrAdd(after, kind, () => new Map<string, Identity>());
  const renamesOf = (kind: Kind) => getOrAdd(renames, kind, () => new Map<string, string>());
  for (const r of rows) afterOf(r.kind as ResourceKindName).set(r.id, r);
  for (const f of existingFlows) afterOf('flow').set(f.id, f);
  const map: Record<string, string> = {};
  for (const [kind, planned] of [
    ...flows.map((f) => ['flow', f] as const),
    ...resources.map((r) => [r.type.kind, r] as const),
  ]) {
    if (planned.report.action === 'refused') continue;
    afterOf(kind).set(planned.report.id, { ...planned.report });
    for (const [key, to] of planned.keys) if (!renamesOf(kind).has(key)) renamesOf(kind).set(key, to);
    if (planned.moved) map[planned.moved[0]] = planned.moved[1];
  }

  const find = (kind: Kind, ref: string) =>
    [...afterOf(kind).values()].find((e) => e.id === ref || e.arn === ref || e.name === ref);
  const lookup = (kind: Kind, ref: string) =>
    refusedRefs.has(`${kind}\n${ref}`) || find(kind, ref) !== undefined;
  const flowType = (ref: string) => find('flow', ref)?.type;
  for (const planned of resources) {
    const { type, fields, report } = planned;
    if (report.action === 'refused') continue;
    for (const ref of type.references({ ...fields, id: report.id, name: report.name, arn: report.arn })) {
      const to = renames.get(ref.kind)?.get(ref.ref);
      if (to !== undefined && to !== ref.ref) setAt(fields, ref.field, to);
    }
    const checked = checkResource(
      type.kind,
      { ...fields, id: report.id },
      { instance: here, lookup, newId: () => report.id, flowType },
    );
    if (checked.ok) planned.entry = checked.entry;
    else
      refuse(
        report,
        checked.diagnostics.map((d) => within(report.at, d)),
      );
  }

  const live = flows.filter((f) => f.report.action !== 'refused');
  for (const f of live) await writeFlowRow(scope, f);
  for (const planned of resources) if (planned.entry) await writeResource(scope, planned);
  for (const f of live) await importContent(scope, f, map);
  for (const f of live) if (f.report.version !== undefined) await publishImported(scope, f);

  const reports = [...resources.map((r) => r.report), ...flows.map((f) => f.report)];
  return {
    dryRun,
    ok: reports.every((r) => r.action !== 'refused'),
    resources: resources.map((r) => r.report),
    flows: flows.map((f) => f.report),
  };
}

/** What other items may call an item that was refused before it had an ID and name here. */
function refsOfRefused(type: ResourceType, item: unknown, source: InstanceNamespace): string[] {
  const fields = item as Record<string, unknown>;
  const refs = ['id', 'name', 'arn', 'username', 'number'].flatMap((f) =>
    typeof fields[f] === 'string' ? [fields[f] as string] : [],
  );
  if (typeof fields.id === 'string')
    refs.push(
      type.arn(source, { ...fields, id: fields.id, name: String(fields.name ?? fields.id), arn: '' }),
    );
  return refs;
}

const getOrAdd = <K, V>(map: Map<K, V>, key: K, make: () => V): V => {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    map.set(key, value);
  }
  return value;
};

function refuse(report: BundleResourceReport | BundleFlowReport, diagnostics: Diagnostic[]): void {
  report.action = 'refused';
  report.diagnostics = [...(report.diagnostics ?? []), ...diagnostics];
}

/** The flow's ID, name and type here, and whether it updates a flow of the instance. */
function planFlow(
  item: BundleFlowItem,
  i: number,
  existing: readonly FlowRow[],
  here: InstanceNamespace,
  source: InstanceNamespace,
): PlannedFlow {
  const at = `/flows/${i}`;
  const loaded = item.content ? loadFlow({ json: item.content }) : undefined;
  const metaName = loaded?.model?.metadata?.name;
  const name =
    item.name ?? (typeof metaName === 'string' && metaName !== '' ? metaName : (item.id ?? `Flow ${i + 1}`));
  const type = (item.type ? parseFlowType(item.type) : undefined) ?? loaded?.flowType ?? 'CONTACT_FLOW';
  const match =
    (item.id === undefined ? undefined : existing.find((f) => f.id === item.id)) ??
    existing.find((f) => f.name === name);
  const id = match?.id ?? item.id ?? randomUUID();
  const report: BundleFlowReport = {
    at,
    id,
    name,
    type,
    arn: match?.arn ?? flowArn(here, type, id),
    action: match ? 'updated' : 'created',
    published: false,
  };
  const from = item.arn ?? (item.id === undefined ? undefined : flowArn(source, type, item.id));
  const planned: PlannedFlow = {
    report,
    content: item.content ?? {},
    keys: [
      ...(item.id === undefined ? [] : [[item.id, id] as [string, string]]),
      ...(from === undefined ? [] : [[from, report.arn] as [string, string]]),
      [name, name],
    ],
    ...(match ? { existing: match } : {}),
    ...(item.description === undefined ? {} : { description: item.description }),
    ...(from !== undefined && item.id !== id ? { moved: [from, report.arn] as [string, string] } : {}),
  };
  if (!item.content)
    refuse(report, [
      diagnostic(
        'INSTANCE_BUNDLE_INVALID',
        `${at}/file: over the API a flow carries its document in content`,
        {
          path: `${at}/file`,
        },
      ),
    ]);
  else if (!loaded?.model)
    refuse(report, [
      diagnostic('STORE_FLOW_UNREADABLE', `${at}/content is not a flow document`, { path: `${at}/content` }),
      ...(loaded?.diagnostics ?? []).map((d) => inFlow(at, d)),
    ]);
  else if (match && match.type !== type)
    refuse(report, [
      diagnostic(
        'STORE_FLOW_TYPE_CHANGED',
        `${at} is a ${type} flow; ${match.name} here is a ${match.type}`,
        {
          path: at,
        },
      ),
    ]);
  return planned;
}

/** Prompt audio the bundle carries, decoded and checked as an upload is. */
function decodeAudio(
  text: string,
  at: string,
): { sha256: string; bytes: Uint8Array; durationMs: number } | Diagnostic[] {
  const compact = text.replace(/\s+/g, '');
  if (compact.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(compact))
    return [diagnostic('RESOURCE_INVALID', `${at}/audioBase64 is not base64`, { path: `${at}/audioBase64` })];
  const bytes = Buffer.from(compact, 'base64');
  const audio = checkPromptAudio(bytes);
  if (!audio.ok)
    return audio.diagnostics.map((d) => within(`${at}/audioBase64`, { ...d, message: `: ${d.message}` }));
  return { sha256: createHash('sha256').update(bytes).digest('hex'), bytes, durationMs: audio.durationMs };
}

/** The item as checkResource takes it, its ID, name and ARN here, and whether it updates a resource. */
function planResource(
  type: ResourceType,
  item: unknown,
  at: string,
  rows: readonly ResourceRow[],
  here: InstanceNamespace,
  source: InstanceNamespace,
): PlannedResource {
  const report: BundleResourceReport = { at, kind: type.kind, id: '', name: '', arn: '', action: 'created' };
  const fields = structuredClone(item) as Record<string, unknown>;
  const planned: PlannedResource = { type, report, fields, keys: [] };
  const validate = bundleItemValidators.get(type.kind);
  if (validate && !validate(item)) {
    refuse(report, schemaDiagnostics(validate.errors ?? [], at));
    return planned;
  }
  if (typeof fields.audioBase64 === 'string') {
    const audio = decodeAudio(fields.audioBase64, at);
    if (Array.isArray(audio)) {
      refuse(report, audio);
      return planned;
    }
    delete fields.audioBase64;
    fields.audio = { sha256: audio.sha256, bytes: audio.bytes.byteLength, durationMs: audio.durationMs };
    planned.audio = audio;
  }
  // A Connect resource's ARN is derived from its instance: the bundle's is where it came from.
  let from: string | undefined;
  if (!type.external && typeof fields.arn === 'string') {
    from = fields.arn;
    const idInArn = idOfConnectArn(fields.arn);
    if (fields.id === undefined && idInArn !== undefined) fields.id = idInArn;
    delete fields.arn;
  }
  const probe = checkResource(type.kind, fields, { instance: here, lookup: () => true, newId: () => '' });
  if (!probe.ok) {
    refuse(
      report,
      probe.diagnostics.map((d) => within(at, d)),
    );
    return planned;
  }
  const given = typeof fields.id === 'string' ? fields.id : undefined;
  const ofKind = rows.filter((r) => r.kind === type.kind);
  const match =
    (given === undefined ? undefined : ofKind.find((r) => r.id === given)) ??
    ofKind.find((r) => r.name === probe.entry.name);
  const id = match?.id ?? given ?? randomUUID();
  Object.assign(report, {
    id,
    name: probe.entry.name || id,
    arn: type.external ? probe.entry.arn : type.arn(here, { ...probe.entry, id }),
    action: match ? 'updated' : 'created',
  });
  if (!type.external && given !== undefined) from ??= type.arn(source, { ...probe.entry, id: given });
  if (type.external) from = probe.entry.arn;
  planned.keys = [
    ...(given === undefined ? [] : [[given, id] as [string, string]]),
    ...(from === undefined ? [] : [[from, report.arn] as [string, string]]),
    [report.name, report.name],
  ];
  if (from !== undefined && from !== report.arn && given !== id) planned.moved = [from, report.arn];
  // Audio described but not carried must be the audio this instance already keeps for the prompt.
  const described = (fields.audio as { sha256?: string } | undefined)?.sha256;
  const kept = (match?.data.audio as { sha256?: string } | undefined)?.sha256;
  if (!planned.audio && described !== undefined && described !== kept)
    refuse(report, [
      diagnostic(
        'RESOURCE_AUDIO_INVALID',
        `${at}/audio describes audio this instance does not have; carry the WAV as audioBase64`,
        { path: `${at}/audio` },
      ),
    ]);
  return planned;
}

/**
 * Two items of the bundle that would be the same resource or share a name, and an item whose name
 * another resource of the instance keeps: refused here, before the store's unique keys would fail
 * the whole transaction on them.
 */
function refuseClashes(
  kind: Kind,
  planned: readonly (PlannedResource | PlannedFlow)[],
  existing: readonly { id: string; name: string }[],
): void {
  const what = kind === 'flow' ? 'flow' : 'resource';
  const ids = new Map<string, string>();
  const names = new Map<string, string>();
  for (const { report } of planned) {
    if (report.action === 'refused') continue;
    const first = ids.get(report.id) ?? names.get(report.name);
    if (first !== undefined) {
      refuse(report, [
        diagnostic(
          'RESOURCE_DUPLICATE',
          `${report.at} is the same ${what} as ${first} (ID ${report.id}, name "${report.name}")`,
          { path: report.at },
        ),
      ]);
      continue;
    }
    ids.set(report.id, report.at);
    names.set(report.name, report.at);
  }
  for (const row of existing) {
    if (ids.has(row.id)) continue;
    const at = names.get(row.name);
    const clash = planned.find((p) => p.report.at === at && p.report.action !== 'refused');
    if (clash)
      refuse(clash.report, [
        diagnostic('STORE_NAME_TAKEN', `${clash.report.at}: another ${what} here is called "${row.name}"`, {
          path: clash.report.at,
        }),
      ]);
  }
}

/** Sets the field a JSON Pointer names (a resource reference: `/hoursOfOperation`, `/queues/0/queue`). */
function setAt(target: Record<string, unknown>, pointer: string, value: string): void {
  const parts = pointer.split('/').slice(1);
  const last = parts.pop();
  let node: unknown = target;
  for (const part of parts) node = (node as Record<string, unknown> | undefined)?.[part];
  if (typeof node === 'object' && node !== null && last !== undefined)
    (node as Record<string, unknown>)[last] = value;
}

async function writeFlowRow(scope: InstanceScope, f: PlannedFlow): Promise<void> {
  const { id, name, type } = f.report;
  if (!f.existing) {
    await createFlow(scope, { id, name, type, description: f.description ?? '' });
    return;
  }
  const description = f.description ?? f.existing.description;
  if (f.existing.name !== name || f.existing.description !== description)
    await scope.store.flows.update(scope.instance.id, id, { name, description });
}

async function writeResource(scope: InstanceScope, planned: PlannedResource): Promise<void> {
  const { store, instance } = scope;
  if (!planned.entry) return;
  const { id, name, arn, ...data } = planned.entry;
  await store.catalog.putResource({ instanceId: instance.id, kind: planned.type.kind, id, name, arn, data });
  if (planned.audio)
    await store.catalog.putPromptAudio(instance.id, id, planned.audio.sha256, planned.audio.bytes);
  await store.access.audit({
    instanceId: instance.id,
    actor: scope.actor.id,
    action: `${planned.type.kind}.${planned.report.action === 'created' ? 'create' : 'update'}`,
    target: id,
    detail: { bundle: true },
  });
}

/**
 * The flow's document as its next version, through the import resolver: references to the bundle's
 * instance resolve here by ARN, ID or name, and `map` covers what changed its ID on the way.
 */
async function importContent(scope: InstanceScope, f: PlannedFlow, map: Record<string, string>) {
  const { report } = f;
  try {
    const result = await importFlow(
      scope,
      { json: f.content },
      {
        flow: report.id,
        message: 'Imported with an instance bundle',
        ...(Object.keys(map).length > 0 ? { map } : {}),
      },
    );
    // The mapping is the bundle's own: that a flow did not need all of it says nothing.
    report.report = {
      ...result.report,
      errors: result.report.errors.filter((d) => d.code !== 'IMPORT_MAP_UNUSED'),
    };
    if (!result.saved) {
      refuse(
        report,
        result.report.errors.map((d) => inFlow(report.at, d)),
      );
      return;
    }
    report.version = result.saved.version.version;
    report.unchanged = result.saved.unchanged;
    report.published = result.saved.flow.publishedVersion === report.version;
  } catch (e) {
    if (!(e instanceof Problem)) throw e;
    const imported = e.extra.report as ImportReport | undefined;
    if (imported) report.report = imported;
    refuse(
      report,
      (e.diagnostics.length > 0 ? e.diagnostics : [diagnostic(e.code, e.message)]).map((d) =>
        inFlow(report.at, d),
      ),
    );
  }
}

/** Publishes the imported version unless it is published already; the checks' refusal is reported. */
async function publishImported(scope: InstanceScope, f: PlannedFlow): Promise<void> {
  const { report } = f;
  if (report.published || report.version === undefined) return;
  try {
    await publish(scope, report.id, { version: report.version });
    report.published = true;
  } catch (e) {
    if (!(e instanceof Problem)) throw e;
    report.diagnostics = e.diagnostics.length > 0 ? [...e.diagnostics] : [diagnostic(e.code, e.message)];
  }
}
