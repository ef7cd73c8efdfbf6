import { createHash, randomUUID } from 'node:crypto';
import {
  checkReferences,
  type Diagnostic,
  diagnostic,
  FLOW_TYPES,
  type FlowModel,
  type FlowType,
  hasErrors,
  LIMITS,
  loadFlow,
  type ResourceDirectory,
  serialize,
  validateDocument,
} from '@parley/flow';
import type { FlowRow, FlowVersionRow, Store } from '../store/index.js';
import { type InstanceScope, instanceArn } from './context.js';
import { instanceDirectory } from './directory.js';
import { isUniqueViolation, notFound, Problem } from './problem.js';

export type FlowContent = string | Uint8Array | { json: unknown };

export interface SaveResult {
  flow: FlowRow;
  version: FlowVersionRow;
  /** The content equalled the latest version's: no new version was made. */
  unchanged: boolean;
  diagnostics: Diagnostic[];
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** A stored version's model and its diagnostics as a flow of `flowType`, read once. */
export function readStored(text: string, flowType?: string): { model: FlowModel; diagnostics: Diagnostic[] } {
  const loaded = loadFlow(text, flowType ? { flowType } : {});
  // Stored text was a flow when it was saved; failing here means the store was edited by hand.
  if (!loaded.model)
    throw new Problem('STORE_FLOW_UNREADABLE', 'a stored version is no longer a flow', loaded.diagnostics);
  return { model: loaded.model, diagnostics: loaded.diagnostics };
}

/** Reads content into the model and the text a version keeps; refuses what is not a flow at all. */
export function readContent(content: FlowContent): {
  model: FlowModel;
  text: string;
  declared: FlowType | undefined;
  diagnostics: Diagnostic[];
} {
  const loaded = loadFlow(content);
  if (!loaded.model)
    throw new Problem(
      'STORE_FLOW_UNREADABLE',
      loaded.diagnostics[0]?.message ?? 'not a flow document',
      loaded.diagnostics,
    );
  const text = serialize(loaded.model);
  // Versions are read back through the same reader (readStored): what it would refuse is not saved.
  // Indented JSON is larger than compact input, and a document sent as JSON had no size check yet.
  if (text.length > LIMITS.maxBytes) {
    const tooLarge = diagnostic(
      'INPUT_TOO_LARGE',
      `Saved as Connect-style JSON the flow is ${(text.length / 1024 / 1024).toFixed(1)} MB; the limit is ${LIMITS.maxBytes / 1024 / 1024} MB.`,
    );
    throw new Problem('STORE_FLOW_UNREADABLE', tooLarge.message, [tooLarge]);
  }
  return { model: loaded.model, text, declared: loaded.flowType, diagnostics: loaded.diagnostics };
}

export async function flowOrThrow(
  store: Store,
  instanceId: string,
  ref: string,
  forUpdate = false,
): Promise<FlowRow> {
  const flow = await store.flows.get(instanceId, ref, { forUpdate });
  if (!flow) throw notFound(`flow ${JSON.stringify(ref)}`);
  return flow;
}

export async function createFlow(
  scope: InstanceScope,
  input: { name: string; type: string; description?: string; id?: string },
): Promise<FlowRow> {
  if (!(FLOW_TYPES as readonly string[]).includes(input.type))
    throw new Problem('API_REQUEST_INVALID', `type must be one of ${FLOW_TYPES.join(', ')}`);
  const id = input.id ?? randomUUID();
  const segment = input.type === 'MODULE' ? 'flow-module' : 'contact-flow';
  try {
    return await scope.store.transaction(async (tx) => {
      const flow = await tx.flows.create({
        instanceId: scope.instance.id,
        id,
        type: input.type,
        name: input.name,
        description: input.description ?? '',
        arn: `${instanceArn(scope.instance)}/${segment}/${id}`,
      });
      await tx.access.audit({
        instanceId: scope.instance.id,
        actor: scope.actor.id,
        action: 'flow.create',
        target: id,
      });
      return flow;
    });
  } catch (e) {
    if (isUniqueViolation(e))
      throw new Problem('STORE_NAME_TAKEN', `a flow named ${JSON.stringify(input.name)} already exists`);
    throw e;
  }
}

/** References of a model with the ARN each resolves to in the instance (null when it does not). */
function indexedReferences(model: FlowModel, directory: ResourceDirectory) {
  return checkReferences(model, directory).map(({ reference, found }) => ({
    actionId: reference.actionId,
    parameter: reference.parameter,
    kind: reference.kind,
    value: reference.value,
    targetArn: found?.arn ?? null,
  }));
}

/**
 * Saves content as the flow's next immutable version, in one transaction with its reference index
 * and audit entry. Drafts with validation errors save (Connect saves them too); content equal to the
 * latest version makes no new version.
 */
export async function saveVersion(
  scope: InstanceScope,
  flowRef: string,
  input: { content: FlowContent; message?: string; baseVersion?: number },
): Promise<SaveResult> {
  const read = readContent(input.content);
  const { model, text, declared } = read;
  const result = await scope.store.transaction(async (tx) => {
    const flow = await flowOrThrow(tx, scope.instance.id, flowRef, true);
    if (declared !== undefined && declared !== flow.type)
      throw new Problem(
        'STORE_FLOW_TYPE_CHANGED',
        `this is a ${declared} flow; ${flow.name} is a ${flow.type}`,
      );
    if (input.baseVersion !== undefined && input.baseVersion !== flow.latestVersion)
      throw new Problem(
        'STORE_VERSION_CONFLICT',
        `version ${flow.latestVersion} was saved after version ${input.baseVersion} this save is based on`,
        [],
        { latestVersion: flow.latestVersion },
      );
    // The load already validated as the declared type; only an undeclared one needs the flow's.
    const diagnostics =
      declared === flow.type
        ? read.diagnostics
        : validateDocument(JSON.parse(text), { flowType: flow.type }).diagnostics;
    const hash = sha256(text);
    const latest =
      flow.latestVersion > 0 ? (await tx.flows.versions(scope.instance.id, flow.id))[0] : undefined;
    if (latest?.hash === hash) return { flow, version: latest, unchanged: true, diagnostics };
    const version = await tx.flows.addVersion(scope.instance.id, flow.id, {
      hash,
      author: scope.actor.name,
      message: input.message ?? '',
      content: text,
      errors: diagnostics.filter((d) => d.severity === 'error').length,
      warnings: diagnostics.filter((d) => d.severity === 'warning').length,
    });
    await tx.flows.setReferences(
      scope.instance.id,
      flow.id,
      indexedReferences(model, await instanceDirectory(tx, scope.instance.id)),
    );
    await tx.access.audit({
      instanceId: scope.instance.id,
      actor: scope.actor.id,
      action: 'flow.save',
      target: flow.id,
      detail: { version: version.version, hash },
    });
    return { flow: { ...flow, latestVersion: version.version }, version, unchanged: false, diagnostics };
  });
  if (!result.unchanged)
    scope.store.afterCommit(() =>
      scope.events.emit({
        type: 'flow.saved',
        instanceId: scope.instance.id,
        flowId: result.flow.id,
        version: result.version.version,
      }),
    );
  return result;
}

/**
 * Why a version may not be published: validator errors, the flow-type restrictions (warnings
 * while editing, errors here) and every static reference resolving in the instance.
 */
export function publishProblems(
  model: FlowModel,
  diagnostics: readonly Diagnostic[],
  directory: ResourceDirectory,
): Diagnostic[] {
  const problems = diagnostics
    .map((d) => (d.code === 'ACTION_NOT_ALLOWED_IN_FLOW_TYPE' ? { ...d, severity: 'error' as const } : d))
    .filter((d) => d.severity === 'error');
  for (const { reference, found } of checkReferences(model, directory))
    if (!found)
      problems.push(
        diagnostic(
          'PUBLISH_REFERENCE_UNRESOLVED',
          `${reference.parameter} names ${reference.kind} ${JSON.stringify(reference.name ?? reference.value)}, which this instance does not have`,
          { actionId: reference.actionId, path: reference.pointer },
        ),
      );
  return problems;
}

/** Pins a version (the latest when absent) as the one new contacts run. */
export async function publish(
  scope: InstanceScope,
  flowRef: string,
  options: { version?: number; action?: 'publish' | 'rollback' } = {},
): Promise<{ flow: FlowRow; version: number }> {
  const action = options.action ?? 'publish';
  const out = await scope.store.transaction(async (tx) => {
    const flow = await flowOrThrow(tx, scope.instance.id, flowRef, true);
    const number = options.version ?? flow.latestVersion;
    const version = number > 0 ? await tx.flows.version(scope.instance.id, flow.id, number) : undefined;
    if (!version) throw new Problem('PUBLISH_VERSION_UNKNOWN', `${flow.name} has no version ${number}`);
    const { model, diagnostics } = readStored(version.content, flow.type);
    const problems = publishProblems(model, diagnostics, await instanceDirectory(tx, scope.instance.id));
    if (hasErrors(problems))
      throw new Problem(
        'PUBLISH_HAS_ERRORS',
        `${flow.name} version ${number} has ${problems.length} problem(s)`,
        problems,
      );
    await tx.flows.publish(scope.instance.id, flow.id, number, action, scope.actor.name);
    await tx.access.audit({
      instanceId: scope.instance.id,
      actor: scope.actor.id,
      action: `flow.${action}`,
      target: flow.id,
      detail: { version: number },
    });
    return { flow: { ...flow, publishedVersion: number }, version: number };
  });
  scope.store.afterCommit(() =>
    scope.events.emit({
      type: 'flow.published',
      instanceId: scope.instance.id,
      flowId: out.flow.id,
      version: out.version,
      action,
    }),
  );
  return out;
}

export async function versionContent(scope: InstanceScope, flowRef: string, number?: number) {
  const flow = await flowOrThrow(scope.store, scope.instance.id, flowRef);
  const n = number ?? flow.latestVersion;
  const version = n > 0 ? await scope.store.flows.version(scope.instance.id, flow.id, n) : undefined;
  if (!version) throw new Problem('PUBLISH_VERSION_UNKNOWN', `${flow.name} has no version ${n}`);
  return { flow, version };
}
