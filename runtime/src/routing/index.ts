export { DEFAULT_CONTACT_PRIORITY, RoutingEngine, type RoutingEngineOptions } from './engine.js';
export type * from './types.js';
export { statusName } from './types.js';
