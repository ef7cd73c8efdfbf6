export { diffFlows } from './diff.js';
export { formatDiff } from './format.js';
export type * from './types.js';
