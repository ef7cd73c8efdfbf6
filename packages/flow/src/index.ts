export * from './arn/arn.js';
export * from './catalog/index.js';
export * from './diagnostics/index.js';
export * from './diff/index.js';
export * from './document/schema.js';
export * from './engine/index.js';
export { LIMITS } from './input/limits.js';
export { readJson } from './input/read.js';
export * from './jsonpath/index.js';
export { convertLegacy, isLegacyDocument } from './legacy/index.js';
export { type FlowFormat, type LoadedFlow, loadFlow } from './load.js';
export {
  actionsOf,
  END_OF_FLOW,
  edgesOf,
  forEachTarget,
  indexActions,
  isJsonObject,
  type TargetKind,
  toModel,
} from './model/model.js';
export { type NormalizeOptions, normalize } from './model/normalize.js';
export { serialize, toDocument } from './model/serialize.js';
export type * from './model/types.js';
// Flow references by name; the JSONPath helper of the same name (references in text) stays internal.
export * from './references/index.js';
export { findReferences } from './references/index.js';
export { declaredFlowType, parseFlowType } from './validate/flow-type.js';
export { identifierProblem, MAX_IDENTIFIER_LENGTH } from './validate/identifiers.js';
export { type ValidateOptions, type Validation, validateDocument } from './validate/validate.js';
