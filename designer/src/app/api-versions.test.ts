import { describe, expect, it } from 'vitest';
import { ApiError, createApi } from './api.js';
import { fakeFetch } from './test-fetch.js';

const FLOW = '/api/instances/demo/flows/Main%20menu';

describe('the API client for version history', () => {
  it('lists versions and publications, and reads an older version’s content by number', async () => {
    const history = {
      versions: [
        { version: 2, hash: 'h', author: 'ada', message: 'm', errors: 0, warnings: 1, createdAt: 'x' },
      ],
      publications: [{ version: 1, action: 'publish', actor: 'ada', at: 'y' }],
    };
    const { impl, calls } = fakeFetch({
      [`GET ${FLOW}/versions`]: () => Response.json(history),
      [`GET ${FLOW}/content?version=1`]: () =>
        new Response('{"Version":"2019-10-30"}', { headers: { 'x-parley-version': '1' } }),
    });
    const api = createApi('t', impl);
    expect(await api.versions('demo', 'Main menu')).toEqual(history);
    expect(await api.flowContent('demo', 'Main menu', 1)).toEqual({
      text: '{"Version":"2019-10-30"}',
      version: 1,
    });
    expect(calls.map((c) => c.path)).toEqual([`${FLOW}/versions`, `${FLOW}/content?version=1`]);
  });

  it('publishes an older version by number, and keeps a refusal’s report', async () => {
    const report = [{ code: 'ACTION_UNREACHABLE', severity: 'error', message: 'x' }];
    const { impl, calls } = fakeFetch({
      [`POST ${FLOW}/publish`]: () =>
        Response.json({ code: 'PUBLISH_HAS_ERRORS', message: 'no', diagnostics: report }, { status: 422 }),
    });
    const refused = await createApi('t', impl)
      .publish('demo', 'Main menu', 3)
      .catch((e: unknown) => e);
    expect(calls[0]?.init?.body).toBe('{"version":3}');
    expect(refused).toBeInstanceOf(ApiError);
    expect((refused as ApiError).body.diagnostics).toEqual(report);
  });
});
