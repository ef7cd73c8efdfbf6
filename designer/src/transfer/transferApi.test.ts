import { describe, expect, it } from 'vitest';
import { ApiError, createApi } from '../app/api.js';
import { fakeFetch } from '../app/test-fetch.js';
import { exportBundle, exportFlow, fileNameFor, importFlow } from './transferApi.js';

describe('the import and export client', () => {
  it('posts an import dry run with its mapping as JSON and reads the report', async () => {
    const report = { flowType: 'CONTACT_FLOW', references: [], errors: [] };
    const { impl, calls } = fakeFetch({ 'POST /api/instances/demo/import': () => Response.json({ report }) });
    const api = createApi('t', impl);
    const result = await importFlow(api, 'demo', { content: '{}', map: { a: 'b' }, dryRun: true });
    expect(result).toEqual({ report });
    expect(JSON.parse(String(calls[0]?.init?.body))).toEqual({
      content: '{}',
      map: { a: 'b' },
      dryRun: true,
    });
    expect(calls[0]?.init?.headers).toMatchObject({ 'content-type': 'application/json' });
  });

  it('keeps a refused import’s code and diagnostics', async () => {
    const body = { code: 'JSON_SYNTAX', message: 'bad JSON', diagnostics: [{ code: 'JSON_SYNTAX' }] };
    const { impl } = fakeFetch({
      'POST /api/instances/demo/import': () => Response.json(body, { status: 422 }),
    });
    const refused = await importFlow(createApi('t', impl), 'demo', { content: '{' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ApiError);
    expect(refused).toMatchObject({ status: 422, code: 'JSON_SYNTAX', body });
  });

  it('exports a version of a flow as <flow name>.json with the server’s text', async () => {
    const { impl } = fakeFetch({
      'GET /api/instances/demo/flows/f%201/export?version=3': () => new Response('{"Version":"2019-10-30"}'),
    });
    const file = await exportFlow(createApi('t', impl), 'demo', { id: 'f 1', name: 'Bank menu' }, 3);
    expect(file).toEqual({ fileName: 'Bank menu.json', text: '{"Version":"2019-10-30"}' });
  });

  it('exports the instance bundle', async () => {
    const { impl } = fakeFetch({ 'GET /api/instances/demo/bundle': () => new Response('{"instance":{}}') });
    expect(await exportBundle(createApi('t', impl), 'demo')).toEqual({
      fileName: 'demo bundle.json',
      text: '{"instance":{}}',
    });
  });

  it('names files after flows, replacing only what file systems refuse', () => {
    expect(fileNameFor('Sales: inbound/EU')).toBe('Sales_ inbound_EU.json');
    expect(fileNameFor('Übersicht (v2)')).toBe('Übersicht (v2).json');
    expect(fileNameFor('///')).toBe('_.json');
  });

  it('sends bytes with their type and deletes without a body', async () => {
    const { impl, calls } = fakeFetch({
      'PUT /api/x': () => Response.json({}),
      'DELETE /api/y': () => new Response(null, { status: 204 }),
    });
    const api = createApi('t', impl);
    await api.send('PUT', '/api/x', new Blob(['RIFF'], { type: 'audio/wav' }));
    await api.send('DELETE', '/api/y');
    expect(calls[0]?.init?.headers).toMatchObject({ 'content-type': 'audio/wav' });
    expect(calls[0]?.init?.body).toBeInstanceOf(Blob);
    expect(calls[1]?.init).toEqual({ method: 'DELETE', headers: { authorization: 'Bearer t' } });
  });
});
