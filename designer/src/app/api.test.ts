import { describe, expect, it } from 'vitest';
import { ApiError, createApi } from './api.js';
import { fakeFetch } from './test-fetch.js';

const FLOW = '/api/instances/demo/flows/Main%20menu';

describe('the API client', () => {
  it('reads a flow’s latest content with its version number, and no version as an empty flow', async () => {
    const { impl } = fakeFetch({
      [`GET ${FLOW}/content`]: () =>
        new Response('{"Version":"2019-10-30"}', { headers: { 'x-parley-version': '4' } }),
      'GET /api/instances/demo/flows/new/content': () =>
        Response.json({ code: 'PUBLISH_VERSION_UNKNOWN', message: 'new has no version 0' }, { status: 404 }),
    });
    const api = createApi('t', impl);
    expect(await api.flowContent('demo', 'Main menu')).toEqual({
      text: '{"Version":"2019-10-30"}',
      version: 4,
    });
    expect(await api.flowContent('demo', 'new')).toEqual({ text: undefined, version: 0 });
  });

  it('saves with the message and the base version, as JSON with the token', async () => {
    const saved = { flow: {}, version: { version: 5 }, unchanged: false, diagnostics: [] };
    const { impl, calls } = fakeFetch({
      [`POST ${FLOW}/versions`]: () => Response.json(saved, { status: 201 }),
    });
    const result = await createApi('secret', impl).saveVersion('demo', 'Main menu', {
      content: '{}',
      message: 'm',
      baseVersion: 4,
    });
    expect(result.version.version).toBe(5);
    expect(calls[0]?.init?.headers).toEqual({
      authorization: 'Bearer secret',
      'content-type': 'application/json',
    });
    expect(JSON.parse(String(calls[0]?.init?.body))).toEqual({ content: '{}', message: 'm', baseVersion: 4 });
  });

  it('keeps the error body of a refusal: the conflict’s latest version, the publish report', async () => {
    const diagnostics = [{ code: 'START_ACTION_UNCONNECTED', severity: 'error', message: 'm' }];
    const { impl } = fakeFetch({
      [`POST ${FLOW}/versions`]: () =>
        Response.json(
          { code: 'STORE_VERSION_CONFLICT', message: 'conflict', latestVersion: 6 },
          { status: 409 },
        ),
      [`POST ${FLOW}/publish`]: () =>
        Response.json({ code: 'PUBLISH_HAS_ERRORS', message: 'refused', diagnostics }, { status: 422 }),
    });
    const api = createApi('t', impl);
    const conflict = await api
      .saveVersion('demo', 'Main menu', { content: '{}', message: '', baseVersion: 4 })
      .catch((e) => e);
    expect(conflict).toBeInstanceOf(ApiError);
    expect(conflict).toMatchObject({
      status: 409,
      code: 'STORE_VERSION_CONFLICT',
      body: { latestVersion: 6 },
    });
    const refused = await api.publish('demo', 'Main menu').catch((e) => e);
    expect(refused).toMatchObject({ status: 422, code: 'PUBLISH_HAS_ERRORS', body: { diagnostics } });
  });

  it('creates a flow with its first content and answers the flow', async () => {
    const { impl, calls } = fakeFetch({
      'POST /api/instances/demo/flows': () =>
        Response.json({ flow: { id: 'f1', name: 'New' } }, { status: 201 }),
    });
    const flow = await createApi('t', impl).createFlow('demo', {
      name: 'New',
      type: 'MODULE',
      content: { Actions: [] },
    });
    expect(flow).toEqual({ id: 'f1', name: 'New' });
    expect(JSON.parse(String(calls[0]?.init?.body))).toMatchObject({ name: 'New', type: 'MODULE' });
  });

  it('reads a resource list of an instance by its API path', async () => {
    const { impl, calls } = fakeFetch({
      'GET /api/instances/demo/hours-of-operation': () => Response.json({ hoursOfOperation: [] }),
    });
    expect(await createApi('t', impl).resources('demo', 'hours-of-operation')).toEqual({
      hoursOfOperation: [],
    });
    expect(calls[0]?.init?.headers).toEqual({ authorization: 'Bearer t' });
  });
});
