import type { FlowType, ResourceKind } from '../catalog/vocabulary.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { JsonObject } from '../model/types.js';

/** One static reference an action makes to a resource of the instance. */
export interface FlowReference {
  actionId: string;
  /** Index of the action in `Actions`. */
  actionIndex: number;
  /** Path inside Parameters: `QueueId`, `Messages/0/PromptId`, `EventHooks/CustomerQueue`. */
  parameter: string;
  /** The same path as segments (array indexes as numbers). */
  segments: readonly (string | number)[];
  /** JSON Pointer into the document: `/Actions/3/Parameters/Messages/0/PromptId`. */
  pointer: string;
  kind: ResourceKind;
  /** The value as written: an ARN, a bare ID, a name, or a template placeholder. */
  value: string;
  /** The resource's display name as Connect's designer wrote it into Metadata. */
  name?: string;
  /** The value holds a `${…}`/`{{…}}`/`%%…%%` placeholder: only a mapping or the name can resolve it. */
  placeholder: boolean;
}

/**
 * One resource of an instance as the resolver sees it. `id` is the resource's own ID: Connect's
 * trailing ID for Connect resources, the function name for Lambda, `BOT/ALIAS` for a Lex V2 alias
 * (see `resourceIdOf`). 'flow' and 'module' entries are both flows, told apart by kind.
 */
export interface DirectoryEntry {
  kind: ResourceKind;
  id: string;
  arn: string;
  name: string;
}

/** The instance a flow is imported into (or exported from), as lookups by kind. */
export interface ResourceDirectory {
  byArn(kind: ResourceKind, arn: string): DirectoryEntry | undefined;
  byId(kind: ResourceKind, id: string): DirectoryEntry | undefined;
  byName(kind: ResourceKind, name: string): DirectoryEntry | undefined;
}

export type ResolvedBy = 'arn' | 'id' | 'name' | 'map' | 'unresolved';

export interface ReferenceResolution {
  resolution: ResolvedBy;
  /** The value to write in place of the reference; null when unresolved. */
  target: string | null;
  /** The resource found, when the directory has it (a mapping to a bare ARN may have none). */
  entry?: DirectoryEntry;
  /** The mapping key that applied: the old value or the display name. */
  mappedFrom?: string;
  /** The mapping's value when the instance has no such resource. */
  mappedTo?: string;
  /** The ARN names this other kind of resource (REFERENCE_WRONG_KIND). */
  wrongKind?: ResourceKind;
}

export interface ImportOptions {
  /** Old ARN, ID or display name → new ARN, ID or name. Applied before anything else. */
  map?: Readonly<Record<string, string>>;
  /** The type of the flow being imported into: another declared type is IMPORT_FLOW_TYPE_MISMATCH. */
  targetFlowType?: FlowType;
}

export interface ImportedReference {
  actionId: string;
  parameter: string;
  kind: ResourceKind;
  /** The value as written (an ARN, ID, name or placeholder). */
  arn: string;
  /** The display name from Metadata. */
  name: string | null;
  resolution: ResolvedBy;
  /** The value written instead: the target's ARN; null when unresolved. */
  target: string | null;
}

export interface ImportReport {
  flowType: FlowType | null;
  /** Metadata.name of the flow. */
  name?: string;
  references: ImportedReference[];
  /** Coded diagnostics, warnings and notes included. */
  errors: Diagnostic[];
}

export interface ImportPlan {
  report: ImportReport;
  /** The rewritten document; absent when the input is not a flow or is of another flow type. */
  document?: JsonObject;
}
