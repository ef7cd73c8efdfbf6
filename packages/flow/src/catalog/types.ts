import type { TObject } from '@sinclair/typebox';
import type { ActionKind, BlockGroup, Channel, FlowType, Operator } from './vocabulary.js';

/**
 * Where a block's definition comes from. Only `documented` and `observed` types are valid in
 * 2019-10-30 content; `legacy` names exist for the pre-2019 format and flow-log vocabulary, and
 * `unverified` names were reported by third parties without a real export to confirm them.
 */
export type BlockStatus = 'documented' | 'observed' | 'legacy' | 'unverified';

/** What an action's run result looks like, so conditions on it can be checked. */
export interface ResultSpec {
  /** Operators a condition on this result may use. */
  operators: readonly Operator[];
  /** The closed set of values the result can take; omitted when the result is open (attribute values, digits…). */
  values?: readonly string[];
  /** A regular expression every condition operand must match, for open results with a known shape. */
  operandPattern?: string;
  /** Human description of the result, shown in the inspector. */
  description: string;
}

/** What a block looks like for given parameters: the parts of the contract that depend on them. */
export interface BlockVariant {
  result?: ResultSpec | null;
  errors?: readonly string[];
}

export interface BlockSpec {
  /** The Flow-language `Type`. */
  type: string;
  status: BlockStatus;
  kind: ActionKind;
  /** JSON Schema (TypeBox) of `Parameters`; annotated with `x-dynamic`, `x-range` and `x-resource`. */
  parameters: TObject;
  /** Groups of parameter names of which exactly one must be present (e.g. the prompt source). */
  exactlyOneOf?: readonly (readonly string[])[];
  /** Groups of parameter names of which at least one must be present. */
  atLeastOneOf?: readonly (readonly string[])[];
  /** Groups of parameter names of which at most one may be present. */
  atMostOneOf?: readonly (readonly string[])[];
  /** Conditions route on this result; absent when the action produces none (then no Conditions allowed). */
  result?: ResultSpec;
  /** Error types the action can raise, besides `NoMatchingCondition` (which follows from `result`). */
  errors: readonly string[];
  /** `Transitions` must be `{}`: the action ends the flow. */
  terminal?: boolean;
  /** Flow types the action is allowed in (Connect's restrictions; enforced as warnings, errors at publish). */
  flowTypes: readonly FlowType[];
  channels: readonly Channel[];
  /** `ContactFlowModuleType` Connect writes in CloudWatch flow logs for this action. */
  logModuleType: string;
  /** Parts of the contract that depend on parameter values (e.g. GetParticipantInput with StoreInput). */
  variant?: (parameters: Readonly<Record<string, unknown>>) => BlockVariant;
  /** For legacy/unverified names: the modern type to use instead, when there is one. */
  replacedBy?: string;
  /**
   * The service behind the block when Parley does not provide it (Cases, Voice ID…): the validator
   * warns, and at run time the block takes its error branch saying so.
   */
  notProvided?: string;
  ui: {
    label: string;
    group: BlockGroup;
    help: string;
    /** Designer labels for the result values / error types, where Connect's differ from the raw strings. */
    branchLabels?: Readonly<Record<string, string>>;
  };
}
