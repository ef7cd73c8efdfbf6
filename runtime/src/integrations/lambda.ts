import { randomUUID } from 'node:crypto';
import { resolve as resolvePath } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Clock } from '@parley/ari';
import type { Code } from '@parley/flow';
import { parseArn } from '@parley/flow';
import { type Dispatcher, request } from 'undici';
import type { Channel, Endpoint, InitiationMethod } from '../logs/contact-record.js';

/**
 * Where a Lambda ARN runs. Parley does not call AWS: an instance maps each function ARN to an HTTP
 * endpoint that receives Connect's event as a POST body (a Lambda runtime interface emulator, a
 * web service) or to a local JavaScript module whose exported handler runs unmodified.
 */
export type FunctionResource =
  | { kind: 'http'; url: string; headers?: Readonly<Record<string, string>> }
  /** `handler` is the export's name (`handler` unless told); relative paths resolve from the working directory. */
  | { kind: 'module'; path: string; handler?: string };

/** The contact as the event describes it (reference §8.1). */
export interface LambdaContact {
  contactId: string;
  /** Both default to the contact itself, as Connect sends them for a first contact. */
  initialContactId?: string;
  previousContactId?: string;
  relatedContactId?: string;
  channel: Channel;
  initiationMethod: InitiationMethod;
  instanceArn: string;
  /** User-defined attributes ($.Attributes). */
  attributes: Readonly<Record<string, string>>;
  customerEndpoint?: Endpoint | null;
  systemEndpoint?: Endpoint | null;
  languageCode?: string;
  queue?: { arn: string; name: string; outboundCallerId?: Endpoint } | null;
  tags?: Readonly<Record<string, string>>;
  name?: string | null;
  description?: string | null;
  customerId?: string | null;
  segmentAttributes?: Readonly<Record<string, unknown>>;
  mediaStreams?: unknown;
}

/** What Connect sends a Lambda: `Name: ContactFlowEvent`, the contact, and the block's parameters. */
export interface ContactFlowEvent {
  Details: {
    ContactData: Record<string, unknown>;
    Parameters: Record<string, unknown>;
  };
  Name: 'ContactFlowEvent';
}

export function buildLambdaEvent(
  contact: LambdaContact,
  parameters: Readonly<Record<string, unknown>>,
): ContactFlowEvent {
  const instanceId = /instance\/([^/]+)/.exec(contact.instanceArn)?.[1];
  const queue = contact.queue
    ? {
        ARN: contact.queue.arn,
        Name: contact.queue.name,
        ...(contact.queue.outboundCallerId ? { OutboundCallerId: contact.queue.outboundCallerId } : {}),
      }
    : null;
  return {
    Details: {
      ContactData: {
        Attributes: { ...contact.attributes },
        AwsRegion: parseArn(contact.instanceArn)?.region ?? null,
        Channel: contact.channel,
        ContactId: contact.contactId,
        CustomerEndpoint: contact.customerEndpoint ?? null,
        CustomerId: contact.customerId ?? null,
        Description: contact.description ?? null,
        InitialContactId: contact.initialContactId ?? contact.contactId,
        InitiationMethod: contact.initiationMethod,
        InstanceARN: contact.instanceArn,
        LanguageCode: contact.languageCode ?? 'en-US',
        // As a real event shows it when no media is streamed.
        MediaStreams: contact.mediaStreams ?? { Customer: { Audio: {} } },
        Name: contact.name ?? null,
        PreviousContactId: contact.previousContactId ?? contact.contactId,
        Queue: queue,
        References: {},
        RelatedContactId: contact.relatedContactId ?? null,
        SegmentAttributes: { ...contact.segmentAttributes },
        SystemEndpoint: contact.systemEndpoint ?? null,
        Tags: { ...(instanceId ? { 'aws:connect:instanceId': instanceId } : {}), ...contact.tags },
      },
      Parameters: { ...parameters },
    },
    Name: 'ContactFlowEvent',
  };
}

export interface LambdaRequest {
  functionArn: string;
  contact: LambdaContact;
  /** LambdaInvocationAttributes with their dynamic values resolved. */
  parameters?: Readonly<Record<string, unknown>>;
  /** InvocationTimeLimitSeconds as the flow gives it (exports write strings). */
  timeLimitSeconds?: number | string;
  responseType?: 'STRING_MAP' | 'JSON';
}

/** Documented in the one catalogue of codes (docs/ERRORS.md). */
export type LambdaErrorCode = Extract<Code, `LAMBDA_${string}`>;

export type LambdaOutcome =
  /** `external` becomes `$.External` and the log's `ExternalResults`. */
  | { status: 'success'; invocationId: string; external: Record<string, unknown>; attempts: number }
  /** The block takes its error branch; `results` is the flow log's `Results`, `detail` says what happened. */
  | {
      status: 'error';
      invocationId: string;
      code: LambdaErrorCode;
      results: string;
      detail: string;
      attempts: number;
    };

/** An asynchronous invocation: the flow moves on, and a later block waits for (loads) the result. */
export interface AsyncLambdaInvocation {
  /** `$.LambdaInvocation.InvocationId`. */
  readonly invocationId: string;
  /** Settles with the outcome once the function answers or the time limit passes; never rejects. */
  readonly result: Promise<LambdaOutcome>;
  /** The outcome, once settled. */
  readonly outcome: LambdaOutcome | undefined;
}

/** Connect's texts; the function-side one is the only one logs show for errors, sizes and shapes. */
export const LAMBDA_RESULTS = {
  functionError: 'The Lambda Function Returned An Error.',
  notFound: 'Status Code: 404; Error Code: ResourceNotFoundException',
  accessDenied: 'Status Code: 403; Error Code: AccessDeniedException',
  throttled: 'Status Code: 429; Error Code: TooManyRequestsException',
  serviceError: 'Status Code: 500; Error Code: ServiceException',
} as const;

/** Response size limit (UTF-8), reference §8.2. */
export const MAX_LAMBDA_RESPONSE_BYTES = 32 * 1024;
/** Used when a flow gives no InvocationTimeLimitSeconds: the block's default in the console. */
export const DEFAULT_TIME_LIMIT_SECONDS = 3;
export const MAX_SYNC_SECONDS = 8;
export const MAX_ASYNC_SECONDS = 60;
/** Connect retries a failing function up to three times within the time limit. */
const DEFAULT_RETRIES = 3;

export interface LambdaPortOptions {
  /** The function behind an ARN, or undefined when the instance has none (ResourceNotFound). */
  resolve: (functionArn: string) => FunctionResource | undefined;
  clock: Clock;
  /** Connection pools for HTTP functions; undici's global agent (keep-alive) unless told. */
  dispatcher?: Dispatcher;
  newId?: () => string;
  retries?: number;
  maxResponseBytes?: number;
}

type Failure = { code: LambdaErrorCode; results: string; detail: string; retry: boolean };
type Attempt = { ok: true; text: string } | { ok: false; failure: Failure };

const fail = (code: LambdaErrorCode, results: string, detail: string, retry = false): Attempt => ({
  ok: false,
  failure: { code, results, detail, retry },
});

type Handler = (
  event: unknown,
  context: unknown,
  callback: (error?: unknown, result?: unknown) => void,
) => unknown;

class DeadlinePassed {
  constructor(readonly seconds: number) {}
}

/**
 * The Lambda port: builds Connect's event, runs the function the ARN maps to under the block's time
 * limit (on the injected clock), applies the response rules and turns every failure into an error
 * outcome with the `Results` text Connect logs. It never throws.
 */
export class LambdaPort {
  readonly #resolve: LambdaPortOptions['resolve'];
  readonly #clock: Clock;
  readonly #dispatcher: Dispatcher | undefined;
  readonly #newId: () => string;
  readonly #retries: number;
  readonly #maxBytes: number;
  readonly #modules = new Map<string, Promise<Record<string, unknown>>>();

  constructor(options: LambdaPortOptions) {
    this.#resolve = options.resolve;
    this.#clock = options.clock;
    this.#dispatcher = options.dispatcher;
    this.#newId = options.newId ?? randomUUID;
    this.#retries = options.retries ?? DEFAULT_RETRIES;
    this.#maxBytes = options.maxResponseBytes ?? MAX_LAMBDA_RESPONSE_BYTES;
  }

  /** A synchronous invocation (InvocationType SYNCHRONOUS): at most 8 seconds. */
  invoke(request: LambdaRequest): Promise<LambdaOutcome> {
    return this.#run(request, this.#newId(), MAX_SYNC_SECONDS);
  }

  /** An asynchronous invocation: returns at once; the time limit may reach 60 seconds. */
  start(request: LambdaRequest): AsyncLambdaInvocation {
    const invocationId = this.#newId();
    let outcome: LambdaOutcome | undefined;
    const result = this.#run(request, invocationId, MAX_ASYNC_SECONDS).then((o) => {
      outcome = o;
      return o;
    });
    return {
      invocationId,
      result,
      get outcome() {
        return outcome;
      },
    };
  }

  async #run(request: LambdaRequest, invocationId: string, maxSeconds: number): Promise<LambdaOutcome> {
    const seconds = timeLimit(request.timeLimitSeconds, maxSeconds);
    const deadlineAt = this.#clock.now() + seconds * 1000;
    const abort = new AbortController();
    let onDeadline!: (passed: DeadlinePassed) => void;
    const deadline = new Promise<DeadlinePassed>((resolve) => {
      onDeadline = resolve;
    });
    const timer = this.#clock.setTimeout(() => {
      abort.abort();
      onDeadline(new DeadlinePassed(seconds));
    }, seconds * 1000);

    const event = buildLambdaEvent(request.contact, request.parameters ?? {});
    let attempts = 0;
    let last: Failure | undefined;
    try {
      let resource: FunctionResource | undefined;
      try {
        resource = this.#resolve(request.functionArn);
      } catch {
        resource = undefined;
      }
      if (!resource) {
        return this.#error(invocationId, 0, {
          code: 'LAMBDA_NOT_FOUND',
          results: LAMBDA_RESULTS.notFound,
          detail: `no function is configured for ${request.functionArn}`,
          retry: false,
        });
      }
      while (attempts <= this.#retries) {
        attempts++;
        const attempt = await Promise.race([
          this.#attempt(resource, request.functionArn, event, invocationId, deadlineAt, abort.signal).catch(
            (error: unknown) =>
              fail('LAMBDA_FUNCTION_ERROR', LAMBDA_RESULTS.functionError, describe(error), true),
          ),
          deadline,
        ]);
        if (attempt instanceof DeadlinePassed || abort.signal.aborted) {
          return this.#error(invocationId, attempts, {
            code: 'LAMBDA_TIMEOUT',
            // Connect's text for a timeout is not documented; the error branch is.
            results: LAMBDA_RESULTS.functionError,
            detail: `no response within the ${seconds} s time limit${last ? ` (earlier attempt: ${last.detail})` : ''}`,
            retry: false,
          });
        }
        if (attempt.ok) {
          const accepted = this.#accept(attempt.text, request.responseType ?? 'STRING_MAP');
          if ('external' in accepted)
            return { status: 'success', invocationId, external: accepted.external, attempts };
          return this.#error(invocationId, attempts, accepted.failure);
        }
        last = attempt.failure;
        if (!attempt.failure.retry) break;
      }
      return this.#error(invocationId, attempts, last as Failure);
    } finally {
      this.#clock.clearTimeout(timer);
    }
  }

  #error(invocationId: string, attempts: number, failure: Failure): LambdaOutcome {
    const { code, results, detail } = failure;
    return { status: 'error', invocationId, code, results, detail, attempts };
  }

  async #attempt(
    resource: FunctionResource,
    functionArn: string,
    event: ContactFlowEvent,
    invocationId: string,
    deadlineAt: number,
    signal: AbortSignal,
  ): Promise<Attempt> {
    return resource.kind === 'http'
      ? this.#viaHttp(resource, event, invocationId, signal)
      : this.#viaModule(resource, functionArn, event, invocationId, deadlineAt);
  }

  async #viaHttp(
    resource: Extract<FunctionResource, { kind: 'http' }>,
    event: ContactFlowEvent,
    invocationId: string,
    signal: AbortSignal,
  ): Promise<Attempt> {
    // The request or the body read failed: the time limit aborted it, or the endpoint went away.
    const lost = (error: unknown): Attempt =>
      signal.aborted
        ? fail('LAMBDA_TIMEOUT', LAMBDA_RESULTS.functionError, 'aborted at the time limit')
        : fail(
            'LAMBDA_UNREACHABLE',
            LAMBDA_RESULTS.serviceError,
            `${resource.url}: ${describe(error)}`,
            true,
          );
    // undici's request rather than fetch: a tenth of the CPU per call, which counts at thousands
    // of contacts a second.
    let response: Dispatcher.ResponseData;
    try {
      response = await request(resource.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-amz-invocation-type': 'RequestResponse',
          'x-parley-invocation-id': invocationId,
          ...resource.headers,
        },
        body: JSON.stringify(event),
        signal,
        ...(this.#dispatcher ? { dispatcher: this.#dispatcher } : {}),
      });
    } catch (error) {
      return lost(error);
    }
    const status = response.statusCode;
    const discard = () => response.body.dump().catch(() => undefined);
    if (status === 401 || status === 403) {
      await discard();
      return fail('LAMBDA_ACCESS_DENIED', LAMBDA_RESULTS.accessDenied, `${resource.url} answered ${status}`);
    }
    if (status === 404) {
      await discard();
      return fail('LAMBDA_NOT_FOUND', LAMBDA_RESULTS.notFound, `${resource.url} answered 404`);
    }
    if (status === 429) {
      await discard();
      return fail('LAMBDA_THROTTLED', LAMBDA_RESULTS.throttled, `${resource.url} answered 429`, true);
    }
    let body: string | null;
    try {
      body = await readCapped(response.body, this.#maxBytes);
    } catch (error) {
      return lost(error);
    }
    if (body === null) {
      return fail(
        'LAMBDA_RESPONSE_TOO_LARGE',
        LAMBDA_RESULTS.functionError,
        `the response is larger than ${this.#maxBytes} bytes`,
      );
    }
    if (status < 200 || status > 299) {
      return fail(
        'LAMBDA_FUNCTION_ERROR',
        LAMBDA_RESULTS.functionError,
        `${resource.url} answered ${status}: ${body.slice(0, 200)}`,
        status >= 500,
      );
    }
    // How Lambda's invoke API (and its runtime emulator) reports a handler that failed.
    const functionError = response.headers['x-amz-function-error'];
    if (functionError) {
      return fail(
        'LAMBDA_FUNCTION_ERROR',
        LAMBDA_RESULTS.functionError,
        `${String(functionError)}: ${body.slice(0, 200)}`,
        true,
      );
    }
    return { ok: true, text: body };
  }

  async #viaModule(
    resource: Extract<FunctionResource, { kind: 'module' }>,
    functionArn: string,
    event: ContactFlowEvent,
    invocationId: string,
    deadlineAt: number,
  ): Promise<Attempt> {
    const path = resolvePath(resource.path);
    const exportName = resource.handler ?? 'handler';
    let mod: Record<string, unknown>;
    try {
      mod = await this.#load(path);
    } catch (error) {
      return fail(
        'LAMBDA_FUNCTION_ERROR',
        LAMBDA_RESULTS.functionError,
        `Runtime.ImportModuleError: ${describe(error)}`,
      );
    }
    const defaults = mod.default as Record<string, unknown> | undefined;
    const handler = mod[exportName] ?? (typeof defaults === 'object' ? defaults?.[exportName] : undefined);
    if (typeof handler !== 'function') {
      return fail(
        'LAMBDA_FUNCTION_ERROR',
        LAMBDA_RESULTS.functionError,
        `Runtime.HandlerNotFound: ${path} exports no function ${exportName}`,
      );
    }
    let value: unknown;
    try {
      value = await this.#call(handler as Handler, event, functionArn, invocationId, deadlineAt);
    } catch (error) {
      return fail('LAMBDA_FUNCTION_ERROR', LAMBDA_RESULTS.functionError, describe(error), true);
    }
    let text: string | undefined;
    try {
      text = JSON.stringify(value);
    } catch (error) {
      return fail(
        'LAMBDA_INVALID_RESPONSE',
        LAMBDA_RESULTS.functionError,
        `unserializable result: ${describe(error)}`,
      );
    }
    return { ok: true, text: text ?? 'null' };
  }

  #load(path: string): Promise<Record<string, unknown>> {
    let loading = this.#modules.get(path);
    if (!loading) {
      loading = import(pathToFileURL(path).href) as Promise<Record<string, unknown>>;
      this.#modules.set(path, loading);
      // A module that failed to load is tried again next time (it may have been fixed).
      loading.catch(() => this.#modules.delete(path));
    }
    return loading;
  }

  /** Runs a handler the way Lambda's Node runtime does: a returned promise, or the callback. */
  #call(
    handler: Handler,
    event: ContactFlowEvent,
    functionArn: string,
    invocationId: string,
    deadlineAt: number,
  ) {
    const clock = this.#clock;
    const functionName = /function:([^:]+)/.exec(functionArn)?.[1] ?? functionArn;
    return new Promise<unknown>((resolve, reject) => {
      let settled = false;
      const finish = (error: unknown, result?: unknown) => {
        if (settled) return;
        settled = true;
        if (error !== null && error !== undefined) reject(error);
        else resolve(result);
      };
      const context = {
        callbackWaitsForEmptyEventLoop: true,
        functionName,
        functionVersion: '$LATEST',
        invokedFunctionArn: functionArn,
        memoryLimitInMB: '128',
        awsRequestId: invocationId,
        logGroupName: `/aws/lambda/${functionName}`,
        logStreamName: 'parley',
        getRemainingTimeInMillis: () => Math.max(0, deadlineAt - clock.now()),
        done: (error?: unknown, result?: unknown) => finish(error, result),
        succeed: (result?: unknown) => finish(null, result),
        fail: (error?: unknown) => finish(error ?? new Error('context.fail')),
      };
      let returned: unknown;
      try {
        returned = handler(structuredClone(event), context, (error, result) => finish(error, result));
      } catch (error) {
        finish(error ?? new Error('handler threw'));
        return;
      }
      if (isThenable(returned)) {
        returned.then(
          (result) => finish(null, result),
          (error: unknown) => finish(error ?? new Error('handler rejected')),
        );
      } else if (returned !== undefined) {
        finish(null, returned);
      }
      // Otherwise the handler answers through the callback (or never, and the time limit ends it).
    });
  }

  #accept(
    text: string,
    responseType: 'STRING_MAP' | 'JSON',
  ): { external: Record<string, unknown> } | { failure: Failure } {
    const failure = (code: LambdaErrorCode, detail: string) => ({
      failure: { code, results: LAMBDA_RESULTS.functionError, detail, retry: false },
    });
    if (Buffer.byteLength(text, 'utf8') > this.#maxBytes) {
      return failure('LAMBDA_RESPONSE_TOO_LARGE', `the response is larger than ${this.#maxBytes} bytes`);
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return failure('LAMBDA_INVALID_JSON', `the response is not JSON: ${text.slice(0, 100)}`);
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return failure('LAMBDA_INVALID_RESPONSE', `the response is not an object: ${text.slice(0, 100)}`);
    }
    if (responseType === 'JSON') return { external: value as Record<string, unknown> };
    // STRING_MAP: scalars are read as strings, as a string-map deserializer does; a nested value
    // cannot be, so the response is unusable in that mode and the block takes its error branch.
    const flat: Record<string, string> = {};
    for (const [key, v] of Object.entries(value)) {
      if (v === null) continue;
      if (typeof v === 'object') {
        return failure('LAMBDA_INVALID_RESPONSE', `STRING_MAP response has a nested value at "${key}"`);
      }
      flat[key] = String(v);
    }
    return { external: flat };
  }
}

/** The time limit in effect: the flow's value within 1..max, the console default when missing or unreadable. */
export function timeLimit(value: number | string | undefined, maxSeconds: number): number {
  const n = typeof value === 'string' ? Number(value.trim()) : value;
  if (n === undefined || !Number.isFinite(n) || n <= 0)
    return Math.min(DEFAULT_TIME_LIMIT_SECONDS, maxSeconds);
  return Math.min(Math.max(1, n), maxSeconds);
}

/** The body as text, or null when it exceeds `max` bytes (the rest is not read). */
async function readCapped(body: Dispatcher.ResponseData['body'], max: number): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    const bytes = chunk as Buffer;
    size += bytes.byteLength;
    if (size > max) {
      body.destroy();
      return null;
    }
    chunks.push(bytes);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? ` (${error.cause.message})` : '';
    return `${error.name}: ${error.message}${cause}`;
  }
  return String(error);
}
