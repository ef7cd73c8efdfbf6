/**
 * What the bundle's files share: the import report, the plan of each item behind it, and how a
 * refusal is written into them.
 */
import type { Diagnostic, ImportReport, JsonObject } from '@parley/flow';
import type {
  BundleEnvelope,
  InstanceNamespace,
  ResourceEntry,
  ResourceKindName,
  ResourceType,
} from '../../resources/index.js';
import type { FlowRow, InstanceRow } from '../../store/index.js';

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

export type Kind = ResourceKindName | 'flow';

export type BundleValue = BundleEnvelope;
export type BundleFlowItem = NonNullable<BundleEnvelope['flows']>[number];

interface Planned {
  /** What the bundle's other items may call this one (its ID, ARN and name there) → its value here. */
  keys: [string, string][];
  /** Its ARN where the bundle came from, when its ID changes here (matched by name). */
  moved?: [string, string];
}

export interface PlannedResource extends Planned {
  type: ResourceType;
  report: BundleResourceReport;
  fields: Record<string, unknown>;
  audio?: { sha256: string; bytes: Uint8Array };
  entry?: ResourceEntry;
}

export interface PlannedFlow extends Planned {
  report: BundleFlowReport;
  content: JsonObject;
  existing?: FlowRow;
  description?: string;
}

export const namespaceOf = (i: InstanceRow): InstanceNamespace => ({
  id: i.id,
  alias: i.alias,
  partition: i.partition,
  region: i.region,
  account: i.account,
});

export function refuse(report: BundleResourceReport | BundleFlowReport, diagnostics: Diagnostic[]): void {
  report.action = 'refused';
  report.diagnostics = [...(report.diagnostics ?? []), ...diagnostics];
}

/** A resource diagnostic (its message starts with the field) pinned to where the item is. */
export const within = (at: string, d: Diagnostic): Diagnostic => ({
  ...d,
  message: d.message.startsWith('/ ') ? `${at}${d.message.slice(1)}` : `${at}${d.message}`,
  path: `${at}${d.path ?? ''}`,
});

/** A diagnostic about a flow document, pinned to the flow's place in the bundle. */
export const inFlow = (at: string, d: Diagnostic): Diagnostic => ({
  ...d,
  message: `${at}: ${d.message}`,
  path: `${at}/content${d.path ?? ''}`,
});
