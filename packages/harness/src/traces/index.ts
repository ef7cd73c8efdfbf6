export { eventKey, normalizeName, responseKey } from './normalize.js';
export { type ReplayResult, type ReplayTarget, recordedEvents, replayTrace } from './replay.js';
export {
  allTraces,
  hasTraces,
  readTrace,
  socketKey,
  type Trace,
  type TraceLine,
  tracesDir,
} from './trace.js';
