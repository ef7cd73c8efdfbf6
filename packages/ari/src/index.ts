export {
  type AriClient,
  type AriClientOptions,
  type AriMethod,
  type AriResources,
  createAriClient,
  type ResyncResult,
} from './client.js';
export { type Clock, ManualClock, systemClock, type TimerHandle } from './clock.js';
export {
  AriError,
  type AriErrorCode,
  type AriErrorInit,
  AriWaitError,
  type AriWaitFailure,
  httpError,
  ignoreGone,
} from './errors.js';
export {
  type ConnectionState,
  EventConnection,
  type EventConnectionOptions,
  type LifecycleEvent,
  parseEvent,
  type ReconnectOptions,
} from './events.js';
export * from './generated/models.js';
export {
  OPERATIONS,
  type OperationId,
  type OperationSpec,
  type OperationTypes,
  type ParamSpec,
} from './generated/operations.js';
export {
  type HttpTransportConfig,
  type HttpTransportOptions,
  httpTransport,
} from './http-transport.js';
export type { Unsubscribe } from './listeners.js';
export {
  type AriCall,
  type AriParams,
  type AriResult,
  buildRequest,
  type CallOptions,
  createCall,
  operationSpec,
  readResponse,
} from './rest.js';
export { isRetryable, type RetryOptions, retryPolicy, withRetries } from './retry.js';
export {
  type BridgeEvent,
  type ChannelEvent,
  EventRouter,
  type PlaybackEvent,
  type RecordingEvent,
  type WaitOptions,
} from './router.js';
export { apiDocsDir, hasApiDocs } from './swagger/location.js';
export {
  resourceName,
  type SwaggerFile,
  type SwaggerOperation,
  type SwaggerParameter,
} from './swagger/types.js';
export { withTimeout } from './timeout.js';
export type { AriRequest, AriResponse, AriTransport, EventStream, EventStreamOptions } from './transport.js';
