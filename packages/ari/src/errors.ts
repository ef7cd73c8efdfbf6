/**
 * Why a call failed:
 * - `HTTP`: Asterisk answered with a non-2xx status (`status` holds it);
 * - `NETWORK`: no answer at all (connection refused, reset, DNS);
 * - `TIMEOUT`: no answer within the request timeout;
 * - `MISSING_PARAM`: a path parameter was not given, so no request was sent;
 * - `BAD_RESPONSE`: a 2xx whose body is not the JSON the operation promises;
 * - `ABORTED`: the caller stopped waiting (`CallOptions.signal`); a request already sent may still
 *   have reached Asterisk.
 */
export type AriErrorCode = 'HTTP' | 'NETWORK' | 'TIMEOUT' | 'MISSING_PARAM' | 'BAD_RESPONSE' | 'ABORTED';

export interface AriErrorInit {
  code: AriErrorCode;
  /** HTTP status; 0 when Asterisk never answered. */
  status: number;
  message: string;
  /** `resource.nickname` from OPERATIONS, or `METHOD /path` when the transport does not know it. */
  operation: string;
  body?: string;
  cause?: unknown;
}

/**
 * A failed ARI operation. For `HTTP` errors `message` is Asterisk's own text: the `message` key of
 * its JSON body, or the `error` key it uses for some failures (`{"error":"Allocation failed"}` on an
 * unknown channel technology).
 */
export class AriError extends Error {
  override readonly name = 'AriError';
  readonly code: AriErrorCode;
  readonly status: number;
  readonly operation: string;
  /** The raw response body, when there was one. */
  readonly body: string | undefined;

  constructor(init: AriErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.code = init.code;
    this.status = init.status;
    this.operation = init.operation;
    this.body = init.body;
  }

  /** 404: the channel, bridge, playback or recording no longer exists (often a hangup race). */
  isGone(): boolean {
    return this.status === 404;
  }

  /** The request may never have reached Asterisk, or its answer was lost. */
  isTransport(): boolean {
    return this.code === 'NETWORK' || this.code === 'TIMEOUT';
  }

  /** The same failure attributed to another operation, keeping this one as the cause. */
  withOperation(operation: string): AriError {
    return new AriError({
      code: this.code,
      status: this.status,
      message: this.message,
      operation,
      body: this.body,
      cause: this,
    });
  }
}

/** The error a call's `signal` ends it with. */
export function abortedError(operation: string, signal: AbortSignal): AriError {
  return new AriError({
    code: 'ABORTED',
    status: 0,
    message: 'The call was given up before its answer came',
    operation,
    cause: signal.reason,
  });
}

/** Builds the error for a non-2xx answer, reading Asterisk's `message` or `error` key. */
export function httpError(operation: string, status: number, body: string): AriError {
  return new AriError({ code: 'HTTP', status, message: asteriskMessage(body, status), operation, body });
}

function asteriskMessage(body: string, status: number): string {
  try {
    const parsed: unknown = JSON.parse(body);
    if (typeof parsed === 'object' && parsed !== null) {
      const { message, error } = parsed as { message?: unknown; error?: unknown };
      if (typeof message === 'string') return message;
      if (typeof error === 'string') return error;
    }
  } catch {
    // Not JSON (a proxy's HTML page, an empty body): fall through to the status line.
  }
  const text = body.trim();
  return text && text.length <= 200 ? text : `HTTP ${status}`;
}

/** Why `waitFor` gave up: its timeout elapsed, or the client stopped receiving events. */
export type AriWaitFailure = 'timeout' | 'closed' | 'replaced';

/** Rejection of `waitFor` that is not an abort (aborts reject with the signal's reason). */
export class AriWaitError extends Error {
  override readonly name = 'AriWaitError';
  readonly reason: AriWaitFailure;
  readonly eventType: string;

  constructor(reason: AriWaitFailure, eventType: string, timeoutMs?: number) {
    super(
      reason === 'timeout'
        ? `No ${eventType} event within ${timeoutMs} ms`
        : `Stopped waiting for ${eventType}: the client was ${reason}`,
    );
    this.reason = reason;
    this.eventType = eventType;
  }
}

/**
 * Treats 404 as success, for calls whose goal is that the thing is gone anyway: hangup, stopping a
 * playback, destroying a bridge, cancelling a recording.
 */
export async function ignoreGone<T>(promise: Promise<T>): Promise<T | undefined> {
  try {
    return await promise;
  } catch (error) {
    if (error instanceof AriError && error.isGone()) return undefined;
    throw error;
  }
}
