import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { storeDrivers } from '../support/stores.js';
import { type Api, fixture, openApi } from './support.js';

const wav = readFileSync(new URL('../../../packages/ari-sim/sounds/en/hello-world.wav', import.meta.url));
const base = '/api/instances/acme';

describe.each(storeDrivers())('the API on $name', (driver) => {
  let api: Api;
  beforeAll(async () => {
    api = await openApi(driver);
    await api.call('POST', '/api/instances', { alias: 'acme', region: 'eu-west-2', account: '111122223333' });
  });
  afterAll(() => api?.close());

  it('describes itself as OpenAPI at /docs without a token', async () => {
    const res = await api.call('GET', '/docs/json', undefined, null);
    expect(res.status).toBe(200);
    expect(res.json.openapi).toMatch(/^3\./);
    for (const path of [
      '/api/instances/{instance}/flows',
      '/api/instances/{instance}/import',
      '/api/instances/{instance}/queues',
    ])
      expect(Object.keys(res.json.paths)).toContain(path);
  });

  it('answers malformed JSON with the validator’s JSON_SYNTAX code', async () => {
    const res = await api.app.inject({
      method: 'POST',
      url: `${base}/flows`,
      headers: { authorization: `Bearer ${api.admin}`, 'content-type': 'application/json' },
      payload: '{"name": "x", ',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('JSON_SYNTAX');
  });

  it('refuses a body over the limit before reading it', async () => {
    const huge = { name: 'big', type: 'CONTACT_FLOW', content: 'x'.repeat(5 * 1024 * 1024) };
    const res = await api.call('POST', `${base}/flows`, huge);
    expect(res.status).toBe(413);
    expect(res.json.code).toBe('API_BODY_TOO_LARGE');
  });

  it('names the field a request gets wrong', async () => {
    const res = await api.call('POST', `${base}/flows`, { name: 'x', type: 'CONTACT_FLOW', colour: 'red' });
    expect(res.status).toBe(400);
    expect(res.json.code).toBe('API_REQUEST_INVALID');
    const badType = await api.call('POST', `${base}/flows`, { name: 'x', type: 'IVR' });
    expect(badType.json.message).toContain('CONTACT_FLOW');
  });

  it('answers an unknown route and an unknown flow with API_NOT_FOUND', async () => {
    expect((await api.call('GET', '/api/nothing')).json.code).toBe('API_NOT_FOUND');
    expect((await api.call('GET', `${base}/flows/nobody`)).status).toBe(404);
    expect((await api.call('GET', '/api/instances/nobody/flows')).status).toBe(404);
  });

  it('refuses a second flow with the same name', async () => {
    expect((await api.call('POST', `${base}/flows`, { name: 'Twin', type: 'CONTACT_FLOW' })).status).toBe(
      201,
    );
    const res = await api.call('POST', `${base}/flows`, { name: 'Twin', type: 'CUSTOMER_QUEUE' });
    expect(res.status).toBe(409);
    expect(res.json.code).toBe('STORE_NAME_TAKEN');
  });

  it('validates resources with their codes and gives them Connect-shaped ARNs', async () => {
    const bad = await api.call('POST', `${base}/hours-of-operation`, {
      name: 'Bad',
      timeZone: 'Mars/Olympus',
      config: [],
    });
    expect(bad.status).toBe(422);
    expect(bad.json.code).toBe('RESOURCE_TIME_ZONE_UNKNOWN');
    const queue = await api.call('POST', `${base}/queues`, { name: 'Sales', hoursOfOperation: 'nowhere' });
    expect(queue.json.code).toBe('RESOURCE_REFERENCE_UNKNOWN');
    const number = await api.call('POST', `${base}/phone-numbers`, {
      number: '+44 20 7946 0958',
      flow: 'Twin',
    });
    expect(number.status).toBe(201);
    expect(number.json.number).toBe('+442079460958');
    expect(number.json.arn).toMatch(/^arn:aws:connect:eu-west-2:111122223333:phone-number\//);
    const updated = await api.call('PUT', `${base}/phone-numbers/${number.json.id}`, {
      number: '+442079460958',
      flow: 'Twin',
      description: 'London',
    });
    expect(updated.json.description).toBe('London');
    expect((await api.call('GET', `${base}/phone-numbers`)).json.phoneNumbers).toHaveLength(1);
    expect((await api.call('DELETE', `${base}/phone-numbers/${number.json.id}`)).status).toBe(204);
    expect((await api.call('GET', `${base}/phone-numbers/${number.json.id}`)).status).toBe(404);
  });

  it('keeps an uploaded 8 kHz WAV for a prompt and refuses audio calls cannot play', async () => {
    const prompt = await api.call('POST', `${base}/prompts`, { name: 'Hello', text: 'Hello' });
    const put = (bytes: Buffer) =>
      api.app.inject({
        method: 'PUT',
        url: `${base}/prompts/${prompt.json.id}/audio`,
        headers: { authorization: `Bearer ${api.admin}`, 'content-type': 'audio/wav' },
        payload: bytes,
      });
    const ok = await put(wav);
    expect(ok.statusCode).toBe(200);
    expect(ok.json().audio).toMatchObject({ bytes: wav.length });
    const back = await api.app.inject({
      method: 'GET',
      url: `${base}/prompts/Hello/audio`,
      headers: { authorization: `Bearer ${api.admin}` },
    });
    expect(Buffer.compare(back.rawPayload, wav)).toBe(0);
    const lying = Buffer.from(wav);
    lying.writeUInt32LE(0xffff, 40);
    expect((await put(lying)).json().code).toMatch(/^RESOURCE_AUDIO_/);
  });

  it('tells a WebSocket listener of saves and publishes in its instance', async () => {
    const address = await api.app.listen({ port: 0, host: '127.0.0.1' });
    const socket = new WebSocket(`${address.replace('http', 'ws')}${base}/events?access_token=${api.admin}`);
    const events: { type: string }[] = [];
    await new Promise<void>((resolve, reject) => {
      socket.on('message', (data) => {
        events.push(JSON.parse(String(data)));
        if (events.length === 1) resolve();
      });
      socket.on('error', reject);
    });
    const flow = await api.call('POST', `${base}/flows`, {
      name: 'Live',
      type: 'CONTACT_FLOW',
      content: fixture('runs/menu-dtmf/flow.json'),
    });
    await api.call('POST', `${base}/flows/${flow.json.flow.id}/publish`, {});
    for (let i = 0; i < 50 && events.length < 3; i++) await new Promise((r) => setTimeout(r, 20));
    socket.close();
    expect(events.map((e) => e.type)).toEqual(['hello', 'flow.saved', 'flow.published']);
  });

  it('refuses a WebSocket without a token', async () => {
    const address = api.app.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const socket = new WebSocket(`ws://127.0.0.1:${port}${base}/events`);
    const status = await new Promise<number>((resolve) => {
      socket.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      socket.on('open', () => resolve(101));
    });
    expect(status).toBe(401);
  });
});

describe('a store that goes away', () => {
  it('answers STORE_UNAVAILABLE and writes nothing half', async () => {
    const [driver] = storeDrivers();
    if (!driver) throw new Error('no store');
    const api = await openApi(driver);
    await api.call('POST', '/api/instances', { alias: 'acme' });
    const token = api.admin;
    await api.store.close();
    const res = await api.call('POST', `${base}/flows`, { name: 'Lost', type: 'CONTACT_FLOW' }, token);
    expect(res.status).toBe(503);
    expect(res.json.code).toBe('STORE_UNAVAILABLE');
    await api.app.close();
  });
});
