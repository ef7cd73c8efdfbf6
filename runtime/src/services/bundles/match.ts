/**
 * Each item of a bundle on its own: read and checked as far as it can be without the rest, matched
 * to what it updates here (by ID, else by name), and given its ID, name and ARN here.
 */
import { createHash, randomUUID } from 'node:crypto';
import { type Diagnostic, diagnostic, loadFlow, parseFlowType } from '@parley/flow';
import { Ajv } from 'ajv';
import {
  checkPromptAudio,
  checkResource,
  connectArn,
  type InstanceNamespace,
  idOfConnectArn,
  RESOURCE_TYPES,
  type ResourceType,
  schemaDiagnostics,
} from '../../resources/index.js';
import type { FlowRow, ResourceRow } from '../../store/index.js';
import {
  type BundleFlowItem,
  type BundleFlowReport,
  type BundleResourceReport,
  inFlow,
  type Kind,
  type PlannedFlow,
  type PlannedResource,
  refuse,
  within,
} from './shared.js';

const ajv = new Ajv({ allErrors: true, strict: false, verbose: true });
const bundleItemValidators = new Map(
  RESOURCE_TYPES.flatMap((t) => (t.bundleSchema ? [[t.kind, ajv.compile(t.bundleSchema)] as const] : [])),
);

const flowArn = (ns: InstanceNamespace, type: string, id: string) =>
  connectArn(ns, type === 'MODULE' ? 'flow-module' : 'contact-flow', id);

/** What an item updates here: the row with the bundle's ID for it, else the row with its name. */
const matchOf = <R extends { id: string; name: string }>(
  rows: readonly R[],
  given: string | undefined,
  name: string,
): R | undefined =>
  (given === undefined ? undefined : rows.find((r) => r.id === given)) ?? rows.find((r) => r.name === name);

/** The bundle's ID, its ARN where it came from, and its name, each → what it is here. */
const keysOf = (
  given: string | undefined,
  id: string,
  from: string | undefined,
  arn: string,
  name: string,
): [string, string][] => [
  ...(given === undefined ? [] : [[given, id] as [string, string]]),
  ...(from === undefined ? [] : [[from, arn] as [string, string]]),
  [name, name],
];

/** The flow's ID, name and type here, and whether it updates a flow of the instance. */
export function planFlow(
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
  const match = matchOf(existing, item.id, name);
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
    keys: keysOf(item.id, id, from, report.arn, name),
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
export function planResource(
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
  const match = matchOf(
    rows.filter((r) => r.kind === type.kind),
    given,
    probe.entry.name,
  );
  const id = match?.id ?? given ?? randomUUID();
  Object.assign(report, {
    id,
    name: probe.entry.name || id,
    arn: type.external ? probe.entry.arn : type.arn(here, { ...probe.entry, id }),
    action: match ? 'updated' : 'created',
  });
  if (!type.external && given !== undefined) from ??= type.arn(source, { ...probe.entry, id: given });
  if (type.external) from = probe.entry.arn;
  planned.keys = keysOf(given, id, from, report.arn, report.name);
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

/** What other items may call an item that was refused before it had an ID and name here. */
export function refsOfRefused(type: ResourceType, item: unknown, source: InstanceNamespace): string[] {
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

/**
 * Two items of the bundle that would be the same resource or share a name, and an item whose name
 * another resource of the instance keeps: refused here, before the store's unique keys would fail
 * the whole transaction on them.
 */
export function refuseClashes(
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
