import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAMBDA_RESULTS } from '../../src/integrations/lambda.js';
import { contact, fnArn, runBlock, SALES, world } from './support.js';

// A function behind a URL: it answers with the Parameters it was sent, nested.
let server: Server;
let url: string;
const events: unknown[] = [];
beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const event = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      events.push(event);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ echo: event.Details.Parameters, ok: 'yes' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const invoke = (name: string, more: Record<string, unknown> = {}) => ({
  Type: 'InvokeLambdaFunction',
  Parameters: { LambdaFunctionARN: fnArn(name), InvocationTimeLimitSeconds: '3', ...more },
});

describe('InvokeLambdaFunction', () => {
  it('runs the function with the contact and resolved parameters, and keeps its answer in $.External', async () => {
    const w = world();
    const c = contact({
      Attributes: { wanted: 'platinum' },
      targetQueue: { id: SALES.id, arn: SALES.arn, name: SALES.name },
    });
    const step = await runBlock(
      w,
      invoke('lookup', {
        LambdaInvocationAttributes: { tier: '$.Attributes.wanted' },
        ResponseValidation: { ResponseType: 'STRING_MAP' },
      }),
      { contact: c, drive: false },
    );
    const answer = {
      firstName: 'Ana',
      tier: 'platinum',
      phone: '+15550001111',
      channel: 'VOICE',
      queue: 'Sales',
    };
    expect(step.outcome).toEqual({ kind: 'next' });
    expect(step.contactPatch).toEqual({ External: answer });
    expect(step.log?.externalResults).toEqual(answer);
    expect(step.log?.results).toBeUndefined();
    expect(step.log?.parameters).toMatchObject({ LambdaInvocationAttributes: { tier: 'platinum' } });
  });

  it('takes the error branch with the text Connect logs when the function fails', async () => {
    const w = world();
    const step = await runBlock(w, invoke('broken'), { drive: false });
    expect(step.outcome).toEqual({ kind: 'error', errorType: 'NoMatchingError' });
    expect(step.log?.results).toBe(LAMBDA_RESULTS.functionError);
    expect(step.contactPatch).toBeUndefined();
    const missing = await runBlock(w, invoke('not-configured'), { drive: false });
    expect(missing.log?.results).toBe(LAMBDA_RESULTS.notFound);
  });

  it('takes the error branch when the function does not answer within the time limit', async () => {
    const w = world();
    const running = runBlock(w, invoke('silent'), { drive: false });
    await w.clock.advance(3000);
    const step = await running;
    expect(step.outcome).toEqual({ kind: 'error', errorType: 'NoMatchingError' });
    expect(step.log?.results).toBe(LAMBDA_RESULTS.functionError);
  });

  it('accepts a nested answer as JSON and refuses it as a string map', async () => {
    const w = world();
    const json = await runBlock(w, invoke('nested', { ResponseValidation: { ResponseType: 'JSON' } }), {
      drive: false,
    });
    expect(json.contactPatch).toEqual({ External: { customer: { name: { first: 'Ana' } }, open: 2 } });
    const map = await runBlock(w, invoke('nested'), { drive: false });
    expect(map.outcome).toEqual({ kind: 'error', errorType: 'NoMatchingError' });
  });

  it('calls a function behind an HTTP endpoint with Connect’s event', async () => {
    const w = world({ functions: { [fnArn('web')]: { kind: 'http', url } } });
    const step = await runBlock(
      w,
      invoke('web', {
        LambdaInvocationAttributes: { caller: '$.CustomerEndpoint.Address', fixed: 'x' },
        ResponseValidation: { ResponseType: 'JSON' },
      }),
      { drive: false },
    );
    expect(step.contactPatch).toEqual({
      External: { echo: { caller: '+15550001111', fixed: 'x' }, ok: 'yes' },
    });
    expect(events.at(-1)).toMatchObject({
      Name: 'ContactFlowEvent',
      Details: {
        ContactData: { ContactId: 'c0ffee00-0000-4000-8000-000000000001', Channel: 'VOICE' },
        Parameters: { caller: '+15550001111', fixed: 'x' },
      },
    });
  });

  it('starts an asynchronous invocation and goes on at once with its id in $.LambdaInvocation', async () => {
    const w = world();
    const step = await runBlock(w, invoke('silent', { InvocationType: 'ASYNCHRONOUS' }), { drive: false });
    expect(step.outcome).toEqual({ kind: 'next' });
    expect(step.contactPatch).toEqual({ LambdaInvocation: { InvocationId: 'inv-1' } });
    expect(step.log?.results).toBe('inv-1');
    await w.clock.advance(60_000);
  });

  it('sends a reference to nothing as an empty parameter', async () => {
    const w = world();
    const step = await runBlock(
      w,
      invoke('lookup', { LambdaInvocationAttributes: { tier: '$.Attributes.none' } }),
      {
        drive: false,
      },
    );
    expect(step.contactPatch?.External).toMatchObject({ tier: '' });
  });

  it('takes the error branch for parameters it cannot read', async () => {
    const w = world();
    const hostile = await runBlock(
      w,
      invoke('lookup', { LambdaInvocationAttributes: { x: '$..Attributes' } }),
      { drive: false },
    );
    expect(hostile.outcome).toEqual({ kind: 'error', errorType: 'NoMatchingError' });
    expect(hostile.log?.results).toMatch(/^ENGINE_PATH_INVALID/);
    const unsafe = await runBlock(
      w,
      invoke('lookup', { LambdaInvocationAttributes: { x: "$.Attributes['a@b']" } }),
      { drive: false },
    );
    expect(unsafe.log?.results).toMatch(/^ENGINE_PATH_UNSAFE/);
    const notMap = await runBlock(w, invoke('lookup', { LambdaInvocationAttributes: 'x' }), { drive: false });
    expect(notMap.log?.results).toBe('ENGINE_PARAMETER_INVALID: LambdaInvocationAttributes must be a map');
  });
});
