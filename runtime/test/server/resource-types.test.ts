import { Ajv } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RESOURCE_TYPES } from '../../src/resources/index.js';
import { storeDrivers } from '../support/stores.js';
import { type Api, fixture, openApi } from './support.js';

const billing = fixture('flows/queue-transfer-billing.json');
const OTHER_QUEUE =
  'arn:aws:connect:us-east-1:123456789012:instance/11111111-2222-3333-4444-555555555555/queue/959ebac3-451f-5259-989f-34f01137cd29';

type Kind = { kind: string; path: string; collection: string; title: string; schema: object };

describe.each(storeDrivers())('resource kinds and import mappings through the API on $name', (driver) => {
  let api: Api;
  let viewer: string;
  const base = '/api/instances/acme';
  beforeAll(async () => {
    api = await openApi(driver);
    expect((await api.call('POST', '/api/instances', { alias: 'acme' })).status).toBe(201);
    viewer = await api.token('viewer', 'acme');
  });
  afterAll(() => api?.close());

  it('lists every resource kind with its path, list key, title and entry schema to a viewer', async () => {
    const res = await api.call('GET', '/api/resource-types', undefined, viewer);
    expect(res.status).toBe(200);
    const kinds = res.json.resourceTypes as Kind[];
    expect(kinds.map((k) => [k.kind, k.path, k.collection, k.title])).toEqual(
      RESOURCE_TYPES.map((t) => [t.kind, t.path, t.collection, t.title]),
    );
    expect(kinds.find((k) => k.kind === 'queue')?.schema).toEqual(
      RESOURCE_TYPES.find((t) => t.kind === 'queue')?.schema,
    );
  });

  it('serves schemas that check an entry as the resource routes do', async () => {
    const kinds = (await api.call('GET', '/api/resource-types', undefined, viewer)).json
      .resourceTypes as Kind[];
    const hours = kinds.find((k) => k.kind === 'hours');
    if (!hours) throw new Error('the hours kind should be listed');
    const validate = new Ajv({ strict: false }).compile(hours.schema);
    expect(validate({ name: 'Office', timeZone: 'UTC', config: [] })).toBe(true);
    expect(validate({ name: 'Office', config: [] })).toBe(false);
  });

  it('asks for a token to list the resource kinds', async () => {
    const res = await api.call('GET', '/api/resource-types', undefined, null);
    expect(res.status).toBe(401);
    expect(res.json.code).toBe('API_UNAUTHORIZED');
  });

  it('sends a mapped reference to the queue the mapping names in an import dry run', async () => {
    const hours = await api.call('POST', `${base}/hours-of-operation`, {
      name: 'Always',
      timeZone: 'UTC',
      config: [],
    });
    const queue = await api.call('POST', `${base}/queues`, {
      name: 'Support',
      hoursOfOperation: hours.json.id,
    });
    expect(queue.status).toBe(201);
    const plain = await api.call('POST', `${base}/import`, { content: billing, dryRun: true });
    const unmapped = plain.json.report.references.filter((r: { kind: string }) => r.kind === 'queue');
    expect(unmapped.map((r: { resolution: string }) => r.resolution)).toEqual(['unresolved', 'unresolved']);

    const res = await api.call('POST', `${base}/import`, {
      content: billing,
      dryRun: true,
      map: { [OTHER_QUEUE]: queue.json.arn },
    });
    expect(res.status).toBe(200);
    const queues = res.json.report.references.filter((r: { kind: string }) => r.kind === 'queue');
    expect(queues.map((r: { resolution: string; target: string }) => [r.resolution, r.target])).toEqual([
      ['map', queue.json.arn],
      ['map', queue.json.arn],
    ]);
    expect(res.json.report.errors.map((e: { code: string }) => e.code)).not.toContain(
      'IMPORT_REFERENCE_UNRESOLVED',
    );
  });
});
