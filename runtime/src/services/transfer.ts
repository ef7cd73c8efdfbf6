import {
  diffFlows,
  type FlowDiff,
  type FlowType,
  type ImportReport,
  type JsonObject,
  planImport,
  prepareExport,
  type ResourceKind,
} from '@parley/flow';
import type { FlowRow } from '../store/index.js';
import type { InstanceScope } from './context.js';
import { instanceDirectory } from './directory.js';
import {
  createFlow,
  type FlowContent,
  flowOrThrow,
  readStored,
  type SaveResult,
  saveVersion,
  versionContent,
} from './flows.js';
import { Problem } from './problem.js';

export interface ImportOptions {
  /** Import as a new version of this flow (ID, ARN or name); a new flow otherwise. */
  flow?: string;
  /** Name of the new flow; the document's Metadata name, else "Imported flow", when absent. */
  name?: string;
  /** Type of the new flow; the document's own when absent. */
  type?: string;
  map?: Record<string, string>;
  message?: string;
  dryRun?: boolean;
}

export interface ImportResult {
  report: ImportReport;
  saved?: SaveResult;
}

const bytesOf = (c: FlowContent): unknown =>
  typeof c === 'string' || c instanceof Uint8Array ? c : (c as { json: unknown }).json;

/**
 * Imports a Connect export (modern or legacy) into the instance: resolves every reference, and
 * unless it is a dry run saves the rewritten document as a version, all in one transaction.
 */
export async function importFlow(
  scope: InstanceScope,
  content: FlowContent,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const target = options.flow ? await flowOrThrow(scope.store, scope.instance.id, options.flow) : undefined;
  const targetFlowType = (target?.type ?? options.type) as FlowType | undefined;
  const plan = planImport(bytesOf(content), await instanceDirectory(scope.store, scope.instance.id), {
    ...(options.map ? { map: options.map } : {}),
    ...(targetFlowType ? { targetFlowType } : {}),
  });
  const fatal = plan.report.errors.filter((d) => d.severity === 'error');
  if (options.dryRun || !plan.document) return { report: plan.report };
  if (fatal.length > 0)
    throw new Problem(
      fatal[0]?.code ?? 'STORE_FLOW_UNREADABLE',
      fatal[0]?.message ?? 'cannot import',
      fatal,
      { report: plan.report },
    );
  const document = plan.document;
  const saved = await scope.store.transaction(async (tx) => {
    const txScope = { ...scope, store: tx };
    const flow: FlowRow =
      target ??
      (await createFlow(txScope, {
        name: options.name ?? metadataName(document) ?? 'Imported flow',
        type: plan.report.flowType ?? options.type ?? 'CONTACT_FLOW',
        description: metadataDescription(document) ?? '',
      }));
    const result = await saveVersion(txScope, flow.id, {
      content: { json: document },
      message: options.message ?? 'Imported',
    });
    await tx.access.audit({
      instanceId: scope.instance.id,
      actor: scope.actor.id,
      action: 'flow.import',
      target: flow.id,
      detail: {
        version: result.version.version,
        unresolved: plan.report.references.filter((r) => r.resolution === 'unresolved').length,
      },
    });
    return result;
  });
  return { report: plan.report, saved };
}

const meta = (doc: JsonObject): JsonObject | undefined => {
  const m = doc.Metadata;
  return typeof m === 'object' && m !== null && !Array.isArray(m) ? (m as JsonObject) : undefined;
};
const metadataName = (doc: JsonObject) =>
  typeof meta(doc)?.name === 'string' && meta(doc)?.name ? String(meta(doc)?.name) : undefined;
const metadataDescription = (doc: JsonObject) =>
  typeof meta(doc)?.description === 'string' ? String(meta(doc)?.description) : undefined;

/** Connect-importable JSON of a version (the published one, else the latest), names in Metadata. */
export async function exportFlow(
  scope: InstanceScope,
  flowRef: string,
  number?: number,
): Promise<{ flow: FlowRow; document: JsonObject }> {
  const flow = await flowOrThrow(scope.store, scope.instance.id, flowRef);
  const { version } = await versionContent(
    scope,
    flow.id,
    number ?? flow.publishedVersion ?? flow.latestVersion,
  );
  const { model } = readStored(version.content);
  const document = prepareExport(model, await instanceDirectory(scope.store, scope.instance.id));
  await scope.store.access.audit({
    instanceId: scope.instance.id,
    actor: scope.actor.id,
    action: 'flow.export',
    target: flow.id,
    detail: { version: version.version },
  });
  return { flow, document };
}

export async function diffVersions(
  scope: InstanceScope,
  flowRef: string,
  from: number,
  to: number,
): Promise<FlowDiff> {
  const [a, b] = await Promise.all([
    versionContent(scope, flowRef, from),
    versionContent(scope, flowRef, to),
  ]);
  return diffFlows(readStored(a.version.content).model, readStored(b.version.content).model);
}

/** Search kinds as the API names them. */
export const SEARCH_KINDS: Record<string, readonly ResourceKind[]> = {
  queue: ['queue'],
  prompt: ['prompt'],
  lambda: ['lambda'],
  flow: ['flow', 'module'],
  module: ['module'],
  hours: ['hours'],
  bot: ['lexBot', 'lexV2Alias'],
  agent: ['agent'],
};

export interface SearchHit {
  flowId: string;
  flowName: string;
  flowType: string;
  actionId: string;
  parameter: string;
  value: string;
}

/** "Which flows use queue X": X by ID, ARN or name; flows by their latest saved version. */
export async function searchReferences(
  scope: InstanceScope,
  kind: string,
  ref: string,
): Promise<SearchHit[]> {
  const kinds = SEARCH_KINDS[kind];
  if (!kinds)
    throw new Problem(
      'API_REQUEST_INVALID',
      `search by ${kind}? one of ${Object.keys(SEARCH_KINDS).join(', ')}`,
    );
  const directory = await instanceDirectory(scope.store, scope.instance.id);
  const found = kinds
    .map((k) => directory.byArn(k, ref) ?? directory.byId(k, ref) ?? directory.byName(k, ref))
    .filter((e) => e !== undefined);
  const arns = found.map((e) => e.arn);
  const rows = await scope.store.flows.referencing(scope.instance.id, kinds, arns, [
    ref,
    ...arns,
    ...found.map((e) => e.name),
  ]);
  const flows = new Map((await scope.store.flows.list(scope.instance.id)).map((f) => [f.id, f]));
  return rows.map((r) => ({
    flowId: r.flowId,
    flowName: flows.get(r.flowId)?.name ?? r.flowId,
    flowType: flows.get(r.flowId)?.type ?? '',
    actionId: r.actionId,
    parameter: r.parameter,
    value: r.value,
  }));
}
