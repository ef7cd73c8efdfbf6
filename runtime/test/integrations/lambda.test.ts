import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ManualClock } from '@parley/ari';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  buildLambdaEvent,
  type FunctionResource,
  LAMBDA_RESULTS,
  type LambdaContact,
  type LambdaOutcome,
  LambdaPort,
  type LambdaRequest,
  timeLimit,
} from '../../src/integrations/lambda.js';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const INSTANCE = 'arn:aws:connect:eu-west-2:111111111111:instance/cccccccc-bbbb-dddd-eeee-ffffffffffff';
const fn = (name: string) => `arn:aws:lambda:eu-west-2:111111111111:function:${name}`;

const contact: LambdaContact = {
  contactId: '4a573372-1f28-4e26-b97b-000000000001',
  channel: 'VOICE',
  initiationMethod: 'INBOUND',
  instanceArn: INSTANCE,
  attributes: { language: 'en' },
  customerEndpoint: { Address: '+15550001111', Type: 'TELEPHONE_NUMBER' },
  systemEndpoint: { Address: '+18005550100', Type: 'TELEPHONE_NUMBER' },
};

// A real HTTP server standing in for functions behind URLs; each path is one behaviour.
let server: Server;
let base: string;
const received: { path: string; body: unknown; headers: IncomingMessage['headers'] }[] = [];
const hits = new Map<string, number>();

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = req.url ?? '/';
      hits.set(path, (hits.get(path) ?? 0) + 1);
      const text = Buffer.concat(chunks).toString('utf8');
      received.push({ path, body: text ? JSON.parse(text) : undefined, headers: req.headers });
      answer(path, res, hits.get(path) ?? 0);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

function answer(path: string, res: ServerResponse, hit: number): void {
  const json = (status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(typeof body === 'string' ? body : JSON.stringify(body));
  };
  switch (path) {
    case '/ok':
      json(200, { customerName: 'Arnav Desai', accountType: 'Gold', Age: 30 });
      break;
    case '/echo':
      json(200, { seen: 'yes' });
      break;
    case '/slow':
      break; // never answers: the time limit must end the wait
    case '/500':
      json(500, { message: 'internal' });
      break;
    case '/flaky':
      if (hit < 3) json(502, 'bad gateway');
      else json(200, { attempt: hit });
      break;
    case '/403':
      json(403, { message: 'forbidden' });
      break;
    case '/404':
      json(404, { message: 'no such function' });
      break;
    case '/429':
      json(429, { message: 'slow down' });
      break;
    case '/not-json':
      json(200, '<html>oops</html>');
      break;
    case '/big':
      json(200, { result: 'x'.repeat(40_000) });
      break;
    case '/function-error':
      json(200, { errorMessage: 'boom', errorType: 'Error' }, { 'x-amz-function-error': 'Unhandled' });
      break;
    default:
      json(418, {});
      break;
  }
}

let clock: ManualClock;
let resources: Record<string, FunctionResource>;
let port: LambdaPort;
let ids: number;

beforeEach(() => {
  clock = new ManualClock();
  resources = {};
  ids = 0;
  port = new LambdaPort({ resolve: (arn) => resources[arn], clock, newId: () => `req-${++ids}` });
});

const http = (name: string, path: string) => {
  resources[fn(name)] = { kind: 'http', url: `${base}${path}` };
  return fn(name);
};
const mod = (name: string, handler: string, file = 'handlers.mjs') => {
  resources[fn(name)] = { kind: 'module', path: join(fixtures, file), handler };
  return fn(name);
};
const request = (functionArn: string, over: Partial<LambdaRequest> = {}): LambdaRequest => ({
  functionArn,
  contact,
  parameters: { name: 'Ada' },
  ...over,
});
const errorOf = (o: LambdaOutcome) => (o.status === 'error' ? { code: o.code, results: o.results } : o);

describe("Connect's Lambda event", () => {
  it('carries the contact as ContactData, the block parameters as Parameters, and Name ContactFlowEvent', () => {
    const event = buildLambdaEvent(
      { ...contact, queue: { arn: `${INSTANCE}/queue/q-1`, name: 'PasswordReset' } },
      { exampleParameterKey1: 'exampleParameterValue1' },
    );
    expect(event).toEqual({
      Details: {
        ContactData: {
          Attributes: { language: 'en' },
          AwsRegion: 'eu-west-2',
          Channel: 'VOICE',
          ContactId: contact.contactId,
          CustomerEndpoint: { Address: '+15550001111', Type: 'TELEPHONE_NUMBER' },
          CustomerId: null,
          Description: null,
          InitialContactId: contact.contactId,
          InitiationMethod: 'INBOUND',
          InstanceARN: INSTANCE,
          LanguageCode: 'en-US',
          MediaStreams: { Customer: { Audio: {} } },
          Name: null,
          PreviousContactId: contact.contactId,
          Queue: { ARN: `${INSTANCE}/queue/q-1`, Name: 'PasswordReset' },
          References: {},
          RelatedContactId: null,
          SegmentAttributes: {},
          SystemEndpoint: { Address: '+18005550100', Type: 'TELEPHONE_NUMBER' },
          Tags: { 'aws:connect:instanceId': 'cccccccc-bbbb-dddd-eeee-ffffffffffff' },
        },
        Parameters: { exampleParameterKey1: 'exampleParameterValue1' },
      },
      Name: 'ContactFlowEvent',
    });
  });

  it('has a null Queue when no queue is set', () => {
    expect(buildLambdaEvent(contact, {}).Details.ContactData.Queue).toBeNull();
  });

  it('reaches an HTTP function as the POST body', async () => {
    const outcome = await port.invoke(request(http('echo', '/echo'), { parameters: { account: '42' } }));
    expect(outcome.status).toBe('success');
    const seen = received.filter((r) => r.path === '/echo').at(-1);
    expect(seen?.body).toEqual(buildLambdaEvent(contact, { account: '42' }));
    expect(seen?.headers['content-type']).toBe('application/json');
  });

  it('reaches a module handler unmodified, with a Lambda context', async () => {
    const outcome = await port.invoke(request(mod('echo', 'echo'), { responseType: 'JSON' }));
    expect(outcome).toMatchObject({
      status: 'success',
      external: { event: buildLambdaEvent(contact, { name: 'Ada' }), requestId: 'req-1' },
    });
  });
});

describe('a synchronous invocation', () => {
  it('returns a STRING_MAP response with every value as a string', async () => {
    const outcome = await port.invoke(request(http('ok', '/ok')));
    expect(outcome).toEqual({
      status: 'success',
      invocationId: 'req-1',
      external: { customerName: 'Arnav Desai', accountType: 'Gold', Age: '30' },
      attempts: 1,
    });
  });

  it('reads numbers and booleans from a module as strings and leaves out nulls', async () => {
    const outcome = await port.invoke(request(mod('greet', 'greet')));
    expect(outcome).toMatchObject({
      status: 'success',
      external: { greeting: 'Hello Ada', contactId: contact.contactId, count: '3', vip: 'true' },
    });
    expect(outcome.status === 'success' && 'nothing' in outcome.external).toBe(false);
  });

  it('takes the error branch when a STRING_MAP response nests objects', async () => {
    const outcome = await port.invoke(request(mod('nested', 'nested')));
    expect(errorOf(outcome)).toEqual({
      code: 'LAMBDA_INVALID_RESPONSE',
      results: LAMBDA_RESULTS.functionError,
    });
  });

  it('keeps nested values when the block validates the response as JSON', async () => {
    const outcome = await port.invoke(request(mod('nested', 'nested'), { responseType: 'JSON' }));
    expect(outcome).toMatchObject({
      status: 'success',
      external: { customer: { name: 'Ada', tiers: ['gold'] } },
    });
  });

  it('takes the error branch when the response is not an object', async () => {
    expect(errorOf(await port.invoke(request(mod('list', 'list'))))).toMatchObject({
      code: 'LAMBDA_INVALID_RESPONSE',
    });
    expect(errorOf(await port.invoke(request(mod('nothing', 'nothing'))))).toMatchObject({
      code: 'LAMBDA_INVALID_RESPONSE',
    });
  });

  it('takes the error branch, with the text Connect logs, when the response is over 32 KB', async () => {
    expect(errorOf(await port.invoke(request(mod('big', 'big'))))).toEqual({
      code: 'LAMBDA_RESPONSE_TOO_LARGE',
      results: 'The Lambda Function Returned An Error.',
    });
    expect(errorOf(await port.invoke(request(http('big', '/big'))))).toMatchObject({
      code: 'LAMBDA_RESPONSE_TOO_LARGE',
    });
    expect((await port.invoke(request(mod('under', 'justUnder')))).status).toBe('success');
  });

  it('takes the error branch when the body is not JSON', async () => {
    expect(errorOf(await port.invoke(request(http('html', '/not-json'))))).toEqual({
      code: 'LAMBDA_INVALID_JSON',
      results: LAMBDA_RESULTS.functionError,
    });
  });

  it('answers a function that throws with "The Lambda Function Returned An Error." after Connect\'s retries', async () => {
    const key = `always-${Math.random()}`;
    const outcome = await port.invoke(request(mod('fails', 'alwaysFails'), { parameters: { key } }));
    expect(errorOf(outcome)).toEqual({
      code: 'LAMBDA_FUNCTION_ERROR',
      results: LAMBDA_RESULTS.functionError,
    });
    expect(outcome.attempts).toBe(4);
    const calls = await port.invoke(request(mod('calls', 'callsOf'), { parameters: { key } }));
    expect(calls).toMatchObject({ external: { calls: '4' } });
  });

  it('succeeds when a retry within the time limit succeeds', async () => {
    const outcome = await port.invoke(
      request(mod('flaky', 'flaky'), { parameters: { key: `f-${Math.random()}` } }),
    );
    expect(outcome).toMatchObject({ status: 'success', external: { attempts: '3' }, attempts: 3 });
  });

  it('retries 5xx answers from an HTTP function', async () => {
    expect(await port.invoke(request(http('flaky', '/flaky')))).toMatchObject({
      status: 'success',
      external: { attempt: '3' },
    });
  });

  it('gives up on a function that keeps answering 500', async () => {
    const outcome = await port.invoke(request(http('down', '/500')));
    expect(errorOf(outcome)).toEqual({
      code: 'LAMBDA_FUNCTION_ERROR',
      results: LAMBDA_RESULTS.functionError,
    });
    expect(outcome.attempts).toBe(4);
  });

  it('reads a Lambda-style function error header as a function error', async () => {
    expect(errorOf(await port.invoke(request(http('fe', '/function-error'))))).toMatchObject({
      code: 'LAMBDA_FUNCTION_ERROR',
    });
  });

  it("answers refusals with Lambda's status texts", async () => {
    expect(errorOf(await port.invoke(request(http('denied', '/403'))))).toEqual({
      code: 'LAMBDA_ACCESS_DENIED',
      results: 'Status Code: 403; Error Code: AccessDeniedException',
    });
    expect(errorOf(await port.invoke(request(http('gone', '/404'))))).toEqual({
      code: 'LAMBDA_NOT_FOUND',
      results: 'Status Code: 404; Error Code: ResourceNotFoundException',
    });
    expect(errorOf(await port.invoke(request(http('busy', '/429'))))).toEqual({
      code: 'LAMBDA_THROTTLED',
      results: 'Status Code: 429; Error Code: TooManyRequestsException',
    });
  });

  it('answers an ARN the instance has no function for with ResourceNotFoundException, calling nothing', async () => {
    const outcome = await port.invoke(request(fn('unknown')));
    expect(errorOf(outcome)).toEqual({ code: 'LAMBDA_NOT_FOUND', results: LAMBDA_RESULTS.notFound });
    expect(outcome.attempts).toBe(0);
  });

  it('takes the error branch when the module cannot load or lacks the handler', async () => {
    expect(errorOf(await port.invoke(request(mod('broken', 'handler', 'broken.mjs'))))).toMatchObject({
      code: 'LAMBDA_FUNCTION_ERROR',
    });
    expect(errorOf(await port.invoke(request(mod('missing', 'noSuchExport'))))).toMatchObject({
      code: 'LAMBDA_FUNCTION_ERROR',
    });
    expect(errorOf(await port.invoke(request(mod('nofile', 'handler', 'no-such-file.mjs'))))).toMatchObject({
      code: 'LAMBDA_FUNCTION_ERROR',
    });
  });

  it('takes the error branch when nothing listens at the URL', async () => {
    resources[fn('closed')] = { kind: 'http', url: 'http://127.0.0.1:1/nothing' };
    expect(errorOf(await port.invoke(request(fn('closed'))))).toEqual({
      code: 'LAMBDA_UNREACHABLE',
      results: LAMBDA_RESULTS.serviceError,
    });
  });

  it('supports callback-style and context.succeed handlers from CommonJS modules', async () => {
    const outcome = await port.invoke(
      request(mod('cb', 'handler', 'callback.cjs'), { parameters: { key: 'k1' }, timeLimitSeconds: '8' }),
    );
    expect(outcome).toMatchObject({
      status: 'success',
      external: { requestId: 'req-1', functionName: 'cb', remainingMs: '8000', param: 'k1' },
    });
    expect(errorOf(await port.invoke(request(mod('cbf', 'fails', 'callback.cjs'))))).toMatchObject({
      code: 'LAMBDA_FUNCTION_ERROR',
    });
    expect(await port.invoke(request(mod('ctx', 'legacySucceed', 'callback.cjs')))).toMatchObject({
      external: { via: 'context.succeed' },
    });
  });

  it('accepts a plain synchronous return value', async () => {
    expect(await port.invoke(request(mod('sync', 'sync')))).toMatchObject({ external: { style: 'sync' } });
  });
});

describe('the time limit', () => {
  it('ends a module that never answers when the clock reaches it', async () => {
    let outcome: LambdaOutcome | undefined;
    const pending = port.invoke(request(mod('hangs', 'hangs'), { timeLimitSeconds: '3' })).then((o) => {
      outcome = o;
    });
    await clock.advance(2999);
    expect(outcome).toBeUndefined();
    await clock.advance(1);
    await pending;
    expect(errorOf(outcome as LambdaOutcome)).toEqual({
      code: 'LAMBDA_TIMEOUT',
      results: LAMBDA_RESULTS.functionError,
    });
  });

  it('aborts an HTTP request that gets no answer', async () => {
    const pending = port.invoke(request(http('slow', '/slow'), { timeLimitSeconds: 2 }));
    await clock.advance(2000);
    expect(errorOf(await pending)).toMatchObject({ code: 'LAMBDA_TIMEOUT' });
    expect(clock.pendingTimers).toBe(0);
  });

  it('is at most 8 seconds for a synchronous invocation and defaults to 3', () => {
    expect(timeLimit('20', 8)).toBe(8);
    expect(timeLimit(undefined, 8)).toBe(3);
    expect(timeLimit('not a number', 8)).toBe(3);
    expect(timeLimit('0.5', 8)).toBe(1);
    expect(timeLimit(45, 60)).toBe(45);
  });

  it('clamps a synchronous invocation asking for more than 8 seconds', async () => {
    let outcome: LambdaOutcome | undefined;
    const pending = port.invoke(request(mod('hangs', 'hangs'), { timeLimitSeconds: '30' })).then((o) => {
      outcome = o;
    });
    await clock.advance(8000);
    await pending;
    expect(outcome?.status).toBe('error');
  });
});

describe('an asynchronous invocation', () => {
  it('returns at once with an id, and its result can be loaded later', async () => {
    const invocation = port.start(request(mod('greet', 'greet')));
    expect(invocation.invocationId).toBe('req-1');
    expect(invocation.outcome).toBeUndefined();
    const outcome = await invocation.result;
    expect(outcome).toMatchObject({
      status: 'success',
      invocationId: 'req-1',
      external: { greeting: 'Hello Ada' },
    });
    expect(invocation.outcome).toBe(outcome);
  });

  it('may run up to 60 seconds', async () => {
    const invocation = port.start(request(mod('hangs', 'hangs'), { timeLimitSeconds: '45' }));
    await clock.advance(44_999);
    expect(invocation.outcome).toBeUndefined();
    await clock.advance(1);
    expect(errorOf(await invocation.result)).toMatchObject({ code: 'LAMBDA_TIMEOUT' });
  });
});
