/**
 * The legacy (pre-2019 console export) converter: detects `{ modules, start, metadata }` documents
 * and turns them into 2019-10-30 flow documents. The mapping is data (`LEGACY_RULES`).
 */
export { convertLegacy, isLegacyDocument } from './convert.js';
export { LEGACY_RULES, legacyTargetTypes } from './table.js';
export type {
  LegacyBranch,
  LegacyConversion,
  LegacyDocument,
  LegacyModule,
  LegacyNote,
  LegacyNoteCode,
  LegacyParameter,
} from './types.js';
