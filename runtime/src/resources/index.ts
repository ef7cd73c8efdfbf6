/**
 * Instance resources as data: one declarative description per kind (`RESOURCE_TYPES`) that the
 * instance bundle, the store and the HTTP API all read, the check every entry passes, the check of
 * uploaded prompt audio, and the instance bundle built from the descriptions.
 */
export { checkPromptAudio, PROMPT_MAX_BYTES, PROMPT_MAX_MS, type PromptAudioCheck } from './audio.js';
export { type BundleResources, readBundleResources } from './bundle.js';
export { bundleEnvelopeSchema, instanceBundleSchema, renderBundleSchemas } from './bundle-schema.js';
export { checkResource, type ResourceCheck, schemaDiagnostics, unknownReferences } from './check.js';
export { Directory, type Named } from './directory.js';
export { connectArn, e164Of, idOfConnectArn } from './fields.js';
export {
  addFlowsFromDir,
  type BundleEnvelope,
  type BundleLoad,
  type BundleOptions,
  type BundleSource,
  type BundleTarget,
  DEFAULT_NAMESPACE,
  exportBundle,
  loadBundleFile,
  readInstanceBundle,
} from './instance-bundle.js';
export { botOf } from './kinds/bot.js';
export { functionName } from './kinds/lambda.js';
export { isResourceKind, RESOURCE_TYPES, resourceType, resourceTypeByPath } from './registry.js';
export { maskSecrets, SECRET_MASK } from './secrets.js';
export type {
  CheckContext,
  InstanceNamespace,
  JsonSchema,
  ResourceEntry,
  ResourceKindName,
  ResourceReference,
  ResourceType,
} from './types.js';
