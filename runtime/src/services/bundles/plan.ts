/**
 * The whole bundle planned against the instance: every item matched, clashes refused, and each
 * resource's references rewritten to what they become here and checked against the instance as it
 * will be once the whole bundle is in, so that resources naming each other need no order.
 */
import {
  checkResource,
  DEFAULT_NAMESPACE,
  type InstanceNamespace,
  RESOURCE_TYPES,
  type ResourceKindName,
} from '../../resources/index.js';
import type { InstanceScope } from '../context.js';
import { planFlow, planResource, refsOfRefused, refuseClashes } from './match.js';
import {
  type BundleValue,
  type Kind,
  namespaceOf,
  type PlannedFlow,
  type PlannedResource,
  refuse,
  within,
} from './shared.js';

interface Identity {
  id: string;
  arn: string;
  name: string;
  type?: string;
}

export interface BundlePlan {
  flows: PlannedFlow[];
  /** A resource that passed its checks has its `entry`, the one to write. */
  resources: PlannedResource[];
  /** The bundle's ARNs of what changed its ID on the way → the ARNs here, for the import resolver. */
  map: Record<string, string>;
}

export async function planBundle(scope: InstanceScope, bundle: BundleValue): Promise<BundlePlan> {
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
  return { flows, resources, map };
}

const getOrAdd = <K, V>(map: Map<K, V>, key: K, make: () => V): V => {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    map.set(key, value);
  }
  return value;
};

/** Sets the field a JSON Pointer names (a resource reference: `/hoursOfOperation`, `/queues/0/queue`). */
function setAt(target: Record<string, unknown>, pointer: string, value: string): void {
  const parts = pointer.split('/').slice(1);
  const last = parts.pop();
  let node: unknown = target;
  for (const part of parts) node = (node as Record<string, unknown> | undefined)?.[part];
  if (typeof node === 'object' && node !== null && last !== undefined)
    (node as Record<string, unknown>)[last] = value;
}
