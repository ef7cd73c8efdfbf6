/**
 * What fuzzing found in the runtime, each kept as the smallest input that showed it: a 500 or a
 * throw before its fix, or a save that could not be read back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readWav, resample, TELEPHONY_RATE } from '../../src/integrations/wav.js';
import { type Api, openApi } from '../server/support.js';
import { storeDrivers } from '../support/stores.js';
import { wavBytes } from './wav.js';

describe('fuzz findings in WAV reading', () => {
  it('readWav refuses a header that says 0 Hz or billions of hertz, which resampling cannot use', () => {
    for (const rate of [0, 1, 0xffffffff]) {
      const bytes = wavBytes({
        riff: 'exact',
        form: 'WAVE',
        chunks: [
          {
            id: 'fmt ',
            declared: 'exact',
            body: {
              fmt: { code: 1, channels: 1, rate, byteRate: 'consistent', align: 'consistent', bits: 16 },
            },
          },
          { id: 'data', declared: 'exact', body: { data: 64 } },
        ],
        pokes: [],
      });
      const pcm = readWav(bytes);
      // Before: { sampleRate: 0 } came back, and resample threw "Invalid typed array length: Infinity".
      expect('error' in pcm ? pcm.error : resample(pcm, TELEPHONY_RATE)).toMatch(/sample rate/);
    }
  });
});

describe.each(storeDrivers())('fuzz findings in the API on $name', (driver) => {
  let api: Api;
  const base = '/api/instances/acme';
  beforeAll(async () => {
    api = await openApi(driver);
    expect(
      (await api.call('POST', '/api/instances', { alias: 'acme', account: '123456789012' })).status,
    ).toBe(201);
  });
  afterAll(() => api?.close());

  it('a flow is found by its ARN, longer than the router’s default parameter length', async () => {
    const created = await api.call('POST', `${base}/flows`, { name: 'By ARN', type: 'CONTACT_FLOW' });
    const arn: string = created.json.flow.arn;
    expect(arn.length).toBeGreaterThan(100);
    // Before: Fastify answered 414 with its own body, no Parley code, for any parameter over 100 characters.
    const found = await api.call('GET', `${base}/flows/${encodeURIComponent(arn)}`);
    expect(found.status).toBe(200);
    expect(found.json.id).toBe(created.json.flow.id);
  });

  it('a path parameter longer than any route accepts is refused with a code', async () => {
    const res = await api.call('GET', `${base}/flows/${'x'.repeat(3000)}`);
    expect(res.status).toBe(400);
    expect(res.json.code).toBe('API_REQUEST_INVALID');
  });

  it('text the store cannot keep is refused as the request’s fault, not answered 500', async () => {
    // PostgreSQL refuses NUL in text and jsonb, and unpaired surrogates in jsonb.
    for (const [url, body] of [
      [`${base}/flows`, { name: 'nul\u0000name', type: 'CONTACT_FLOW' }],
      [`${base}/prompts`, { name: 'surrogates', text: '\udfff\ud800' }],
      [`${base}/prompts`, { name: 'nul', text: 'a\u0000b' }],
    ] as const) {
      const res = await api.call('POST', url, body);
      expect({ status: res.status, code: res.json.code }).toEqual({
        status: 400,
        code: 'API_REQUEST_INVALID',
      });
    }
  });

  it('a save whose Connect-style JSON the reader would refuse is not stored unreadable', async () => {
    // Compact input under 2 MB, indented over it: saved before, then every read of it failed.
    const attributes = Object.fromEntries(Array.from({ length: 90_000 }, (_, i) => [`k${i}`, 'v']));
    const content = JSON.stringify({
      Version: '2019-10-30',
      StartAction: 'a',
      Actions: [
        {
          Identifier: 'a',
          Type: 'UpdateContactAttributes',
          Parameters: { Attributes: attributes },
          Transitions: {},
        },
      ],
    });
    expect(content.length).toBeLessThan(2 * 1024 * 1024);
    await api.call('POST', `${base}/flows`, { name: 'Large', type: 'CONTACT_FLOW' });
    const res = await api.call('POST', `${base}/flows/Large/versions`, { content });
    expect(res.status).toBe(422);
    expect(res.json.diagnostics.map((d: { code: string }) => d.code)).toEqual(['INPUT_TOO_LARGE']);
    expect((await api.call('GET', `${base}/flows/Large`)).json.latestVersion).toBe(0);
  });

  it('prompt audio sent as JSON is refused with a code, whatever value the JSON holds', async () => {
    await api.call('POST', `${base}/prompts`, { name: 'Hello', text: 'Hello' });
    // Before: 4294967297 became new Uint8Array(4294967297), a RangeError answered 500, and an
    // array of byte values was taken for a file.
    for (const value of [4294967297, 16, [82, 73, 70, 70], 'RIFF', { length: 44 }]) {
      const res = await api.call('PUT', `${base}/prompts/Hello/audio`, value);
      expect({ status: res.status, code: res.json.code }).toEqual({
        status: 400,
        code: 'API_REQUEST_INVALID',
      });
    }
  });
});
