/**
 * A planned bundle written in one transaction: flow rows, resources and prompt audio, then each
 * flow's document through the import resolver (resources it names are in by then), then publish.
 */
import { type Diagnostic, diagnostic, type ImportReport } from '@parley/flow';
import { Ajv } from 'ajv';
import { bundleEnvelopeSchema } from '../../resources/index.js';
import type { InstanceScope } from '../context.js';
import { EventBus, type ParleyEvent } from '../events.js';
import { createFlow, publish } from '../flows.js';
import { isUniqueViolation, Problem } from '../problem.js';
import { importFlow } from '../transfer.js';
import { planBundle } from './plan.js';
import {
  type BundleImportReport,
  type BundleValue,
  inFlow,
  type PlannedFlow,
  type PlannedResource,
  refuse,
} from './shared.js';

const validateEnvelope = new Ajv({ allErrors: false, strict: false }).compile<BundleValue>(
  bundleEnvelopeSchema,
);

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
  const { flows, resources, map } = await planBundle(scope, bundle);
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

/** A Problem's diagnostics, or one made of its code and message when it carries none. */
const diagnosticsOf = (e: Problem): Diagnostic[] =>
  e.diagnostics.length > 0 ? [...e.diagnostics] : [diagnostic(e.code, e.message)];

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
      diagnosticsOf(e).map((d) => inFlow(report.at, d)),
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
    report.diagnostics = diagnosticsOf(e);
  }
}
