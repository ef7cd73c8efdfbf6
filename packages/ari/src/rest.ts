import { untilAborted } from './abort.js';
import { type Clock, systemClock } from './clock.js';
import { AriError, abortedError, httpError } from './errors.js';
import {
  OPERATIONS,
  type OperationId,
  type OperationSpec,
  type OperationTypes,
} from './generated/operations.js';
import { withTimeout } from './timeout.js';
import type { AriRequest, AriResponse, AriTransport } from './transport.js';

export type AriParams<Id extends OperationId> = OperationTypes[Id]['params'];

/** The generated result type, except that binary downloads arrive as bytes. */
export type AriResult<Id extends OperationId> = [OperationTypes[Id]['result']] extends [ArrayBuffer]
  ? Uint8Array
  : OperationTypes[Id]['result'];

export interface CallOptions {
  /** Overrides the client's request timeout for this call; measured on the client's clock. */
  timeoutMs?: number;
  /** `false`: one try only, even where the client would repeat the operation (`RetryOptions`). */
  retry?: boolean;
  /**
   * Gives the call up: once aborted, it rejects with an `ABORTED` error and is never tried again.
   * A request already sent is not recalled, so Asterisk may still act on it.
   */
  signal?: AbortSignal;
}

export type AriCall = <Id extends OperationId>(
  id: Id,
  params: AriParams<Id>,
  options?: CallOptions,
) => Promise<AriResult<Id>>;

/** The spec of a REST operation; the websocket upgrade (`events.eventWebsocket`) is not one. */
export function operationSpec(id: string): OperationSpec {
  const spec: OperationSpec | undefined = (OPERATIONS as Record<string, OperationSpec>)[id];
  if (!spec || spec.upgrade) throw new TypeError(`Unknown ARI operation '${id}'`);
  return spec;
}

/**
 * Turns an operation and its parameters into the request Asterisk expects. POST and PUT carry every
 * non-path parameter in a JSON body: Asterisk reads parameters from the body as well as the query,
 * arrays survive intact there (a comma inside a media URL would split a query value), and `variables`
 * can only travel in the body. GET and DELETE use the query string, lists comma-joined as Asterisk
 * splits them.
 */
export function buildRequest(id: OperationId, params: Readonly<Record<string, unknown>> = {}): AriRequest {
  const spec = operationSpec(id);
  const pathNames = new Set<string>();
  const path = spec.path.replace(/\{(\w+)\}/g, (_match, name: string) => {
    pathNames.add(name);
    const value = params[name];
    if (value === undefined || value === null || value === '') {
      throw new AriError({
        code: 'MISSING_PARAM',
        status: 0,
        message: `Missing path parameter '${name}'`,
        operation: id,
      });
    }
    return encodeURIComponent(String(value));
  });
  const rest = Object.entries(params).filter(
    ([name, value]) => !pathNames.has(name) && value !== undefined && value !== null,
  );
  if (spec.method === 'GET' || spec.method === 'DELETE') {
    return { method: spec.method, path, query: Object.fromEntries(rest.map(([k, v]) => [k, queryValue(v)])) };
  }
  if (rest.length === 0) return { method: spec.method, path, query: {} };
  const body: Record<string, unknown> = {};
  for (const [name, value] of rest) {
    // An `object` body parameter is the whole entity (the eventFilter's {allowed, disallowed});
    // `containers` ones (variables, fields) are read by their own key.
    const param = spec.params.find((p) => p.name === name);
    if (param?.in === 'body' && param.type === 'object' && isRecord(value)) Object.assign(body, value);
    else body[name] = value;
  }
  return { method: spec.method, path, query: {}, body };
}

function queryValue(value: unknown): string {
  if (Array.isArray(value)) return value.map(queryValue).join(',');
  if (isRecord(value)) return JSON.stringify(value);
  return String(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const decoder = new TextDecoder();

/** 204 and empty bodies → undefined, JSON → parsed, `binary` operations → bytes, non-2xx → AriError. */
export function readResponse(id: OperationId, response: AriResponse): unknown {
  const spec = operationSpec(id);
  const { status, body } = response;
  const text = () => (typeof body === 'string' ? body : decoder.decode(body));
  if (status < 200 || status > 299) throw httpError(id, status, text());
  if (spec.response === 'binary') return typeof body === 'string' ? new TextEncoder().encode(body) : body;
  const json = text();
  if (status === 204 || json.trim() === '') return undefined;
  try {
    return JSON.parse(json);
  } catch (cause) {
    throw new AriError({
      code: 'BAD_RESPONSE',
      status,
      message: `Response of ${id} is not JSON`,
      operation: id,
      body: json,
      cause,
    });
  }
}

export interface RestOptions {
  transport: AriTransport;
  clock?: Clock;
  /** Default timeout for every request; none when absent. */
  requestTimeoutMs?: number;
}

/** `call(id, params)` over a transport: one implementation for every operation in OPERATIONS. */
export function createCall({ transport, clock = systemClock, requestTimeoutMs }: RestOptions): AriCall {
  return async (id, params, options) => {
    const request = buildRequest(id, params as Readonly<Record<string, unknown>>);
    const timeoutMs = options?.timeoutMs ?? requestTimeoutMs;
    const signal = options?.signal;
    if (signal?.aborted) throw abortedError(id, signal);
    let response: AriResponse;
    try {
      response = await withTimeout(
        signal ? untilAborted(transport.request(request), signal, id) : transport.request(request),
        clock,
        timeoutMs,
        () =>
          new AriError({
            code: 'TIMEOUT',
            status: 0,
            message: `No answer within ${timeoutMs} ms`,
            operation: id,
          }),
      );
    } catch (error) {
      // The transport does not know operation ids; say which call failed.
      if (error instanceof AriError && error.operation !== id) throw error.withOperation(id);
      throw error;
    }
    return readResponse(id, response) as AriResult<typeof id>;
  };
}
