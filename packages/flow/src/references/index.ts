export { directoryFrom, EMPTY_DIRECTORY } from './directory.js';
export { prepareExport } from './export.js';
export { KIND_LABELS, planImport } from './import.js';
export { importReportSchema } from './report-schema.js';
export { checkReferences, lookup as lookupReference, resolveReference, resourceIdOf } from './resolve.js';
export type * from './types.js';
export { findReferences } from './walk.js';
