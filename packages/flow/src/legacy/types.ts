/**
 * The pre-2019 console export format ("legacy"), as seen in real exports: a flow is a list of
 * `modules`, each with `branches` (where to go) and `parameters` (name/value pairs, optionally keyed
 * and optionally a reference into a namespace). Every field is optional here because the converter
 * must survive hand-edited and truncated files.
 */
export interface LegacyDocument {
  modules: LegacyModule[];
  start?: string;
  metadata?: LegacyFlowMetadata;
  version?: string;
  type?: string;
}

export interface LegacyFlowMetadata {
  entryPointPosition?: { x: number; y: number };
  snapToGrid?: boolean;
  name?: string;
  description?: string | null;
  type?: string;
  status?: string;
  hash?: unknown;
  [key: string]: unknown;
}

export interface LegacyModule {
  id: string;
  type: string;
  branches?: LegacyBranch[];
  parameters?: LegacyParameter[];
  metadata?: LegacyModuleMetadata;
  /** Chooses a variant of the block: `Lex`/`Digits`, `Queue`/`Flow`/`PhoneNumber`/`Agent`, `Lambda`. */
  target?: string;
}

export interface LegacyModuleMetadata {
  position?: { x: number; y: number };
  [key: string]: unknown;
}

export interface LegacyBranch {
  /** `Success`, `Error`, `NoMatch`, `Evaluate`, `Timeout`, `True`, `False`, `AtCapacity`, … */
  condition: string;
  /** For `Evaluate`: `Equals`, `GreaterThan`, `GreaterThanOrEqualTo`, `LessThan`, `LessThanOrEqualTo`, `Contains`… */
  conditionType?: string;
  conditionValue?: unknown;
  transition?: string;
}

export interface LegacyParameter {
  name: string;
  value?: unknown;
  /** Set when the parameter is one entry of a map (Lambda parameters, contact attributes). */
  key?: string;
  /** `External`, `System`, `User Defined`, `Lex.Slots`…: the value names an attribute to read; null = static. */
  namespace?: string | null;
  /** Human name of the referenced resource (queue, flow, prompt, hours). */
  resourceName?: string | null;
}

export type LegacyNoteCode = 'LEGACY_MODULE_UNKNOWN' | 'LEGACY_PARAMETER_DROPPED' | 'LEGACY_BRANCH_UNKNOWN';

export interface LegacyNote {
  code: LegacyNoteCode;
  message: string;
  /** Identifier of the converted action the note is about. */
  actionId?: string;
  /** JSON pointer into the legacy input, e.g. `/modules/3/parameters/1`. */
  path?: string;
}

export interface LegacyConversion {
  flow: Record<string, unknown>;
  notes: LegacyNote[];
}

/** A 2019-10-30 condition entry of `Transitions.Conditions`. */
export interface ModernCondition {
  NextAction: string;
  Condition: { Operator: string; Operands: string[] };
}

/** A 2019-10-30 error entry of `Transitions.Errors`. */
export interface ModernError {
  NextAction: string;
  ErrorType: string;
}
