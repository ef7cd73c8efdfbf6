export * from './blocks/index.js';
export {
  type CompiledFlow,
  CompiledFlowCache,
  type CompileOptions,
  compile,
  compiledFlows,
  DEFAULT_MAX_STEPS,
  decide,
  type Executor,
  executorFromDecider,
  type FlowActor,
  type FlowContext,
  type FlowEnd,
  type FlowEvent,
  type FlowInput,
  type FlowMachine,
  type FlowOutput,
  missingExecutor,
  pureExecutors,
  RECENT_PATH_LENGTH,
  type StepEvent,
} from './compile.js';
export { isOperator, type MatchOptions, matchCondition, toNumber } from './conditions.js';
export * from './contact.js';
export { type Executors, type FlowRun, type StartFlowOptions, startFlow } from './drive.js';
export type { EngineEnv, FlowInfo, QueueInfo } from './env.js';
export * from './errors.js';
export * from './hours.js';
export { nextRandom, randomInt, seedFrom } from './random.js';
export {
  type InterpolateOptions,
  interpolate,
  isWholePath,
  type Resolution,
  resolveParameters,
  resolvePath,
  resolveValue,
  toText,
} from './resolve.js';
export { type Branch, type Route, selectTransition } from './route.js';
export type * from './types.js';
