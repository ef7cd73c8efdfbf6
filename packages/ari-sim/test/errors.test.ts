import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Bench, bench, inbound } from './support/sim.js';

let b: Bench;
beforeEach(async () => {
  b = await bench();
  await inbound(b);
});
afterEach(() => b.close());

const expectError = async (
  res: Promise<{ status: number; json: unknown }>,
  status: number,
  body: unknown,
) => {
  expect(await res).toMatchObject({ status, json: body });
};

describe('errors as Asterisk 22.10.1 gives them', () => {
  it('distinguishes unknown channels (404) from channels outside Stasis (409)', async () => {
    for (const [method, path] of [
      ['POST', '/channels/nope/answer'],
      ['POST', '/channels/nope/play'],
      ['GET', '/channels/nope'],
      ['DELETE', '/channels/nope'],
    ] as const) {
      await expectError(b.parley.call(method, path, { media: ['sound:x'] }), 404, {
        message: 'Channel not found',
      });
    }
    await expectError(b.parley.call('POST', '/channels/s01-caller/answer'), 409, {
      message: 'Channel not in Stasis application',
    });
  });

  it('validates originate parameters in Asterisk’s order, with its odd allocation body', async () => {
    await expectError(b.parley.call('POST', '/channels', { app: 'parley' }), 400, {
      message: 'Endpoint must be specified',
    });
    await expectError(b.parley.call('POST', '/channels', { endpoint: 'Local/1@test-agents/n' }), 400, {
      message: 'Application or extension must be specified',
    });
    await expectError(b.parley.call('POST', '/channels', { endpoint: 'nonsense', app: 'parley' }), 400, {
      message: 'Invalid endpoint specified',
    });
    await expectError(b.parley.call('POST', '/channels', { endpoint: 'Bogus/1001', app: 'parley' }), 500, {
      error: 'Allocation failed',
    });
    await expectError(
      b.parley.call('POST', '/channels', {
        endpoint: 'Local/1@test-agents/n',
        app: 'parley',
        channelId: 's01-flow',
      }),
      409,
      {
        message: 'Channel with given unique ID already exists',
      },
    );
    await expectError(
      b.parley.call('POST', '/channels', {
        endpoint: 'Local/1@test-agents/n',
        app: 'parley',
        originator: 'x',
        formats: 'ulaw',
      }),
      400,
      {
        message: "Originator and formats can't both be specified",
      },
    );
    await expectError(
      b.parley.call('POST', '/channels', {
        endpoint: 'Local/1@test-agents/n',
        app: 'parley',
        formats: 'mp3',
      }),
      400,
      {
        message: 'Provided format (mp3) was not found',
      },
    );
    await expectError(
      b.parley.call('POST', '/channels', {
        endpoint: 'Local/1@test-agents/n',
        app: 'parley',
        variables: { A: 1 },
      }),
      400,
      {
        message: "Only string values in the 'variables' object allowed",
      },
    );
  });

  it('accepts a create without an app and forgets the channel at once', async () => {
    const res = await b.parley.call('POST', '/channels/create', { endpoint: 'Local/1001@test-agents/n' });
    expect(res.status).toBe(200);
    const id = String((res.json as { id: string }).id);
    expect(id).toMatch(/^\d+\.\d+$/);
    await b.advance(0);
    await expectError(b.parley.call('GET', `/channels/${id}`), 404, { message: 'Channel not found' });
  });

  it('answers media and playback mistakes as Asterisk does', async () => {
    await b.parley.call('POST', '/channels/s01-flow/answer');
    await expectError(b.parley.call('POST', '/channels/s01-flow/play', {}), 500, {
      message: 'Failed to queue media for playback',
    });
    await expectError(b.parley.call('DELETE', '/playbacks/nope'), 404, { message: 'Playback not found' });
    await expectError(b.parley.call('POST', '/playbacks/nope/control?operation=pause'), 404, {
      message: 'Playback not found',
    });
    await expectError(b.parley.call('POST', '/channels/s01-flow/dtmf', {}), 400, {
      message: 'DTMF is required',
    });
    expect(
      (await b.parley.call('POST', '/channels/s01-flow/moh', { mohClass: 'no-such-class' })).status,
    ).toBe(204);
    await expectError(
      b.parley.call('POST', '/channels/s01-flow/play', { media: ['sound:x'], skipms: -1 }),
      400,
      { message: 'skipms cannot be negative' },
    );
  });

  it('reads and writes channel variables and functions, refusing dangerous ones', async () => {
    await b.parley.call('POST', '/channels/s01-flow/answer');
    await expectError(b.parley.call('GET', '/channels/s01-flow/variable?variable=NOPE'), 404, {
      message: 'Provided variable was not found',
    });
    expect(
      (await b.parley.call('POST', '/channels/s01-flow/variable', { variable: 'FLOW', value: 'x' })).status,
    ).toBe(204);
    expect((await b.parley.call('GET', '/channels/s01-flow/variable?variable=FLOW')).json).toEqual({
      value: 'x',
    });
    expect((await b.parley.call('GET', '/channels/s01-flow/variable?variable=CALLERID(num)')).json).toEqual({
      value: '+15550001111',
    });
    await expectError(
      b.parley.call('POST', '/channels/s01-flow/variable', { variable: 'SHELL(rm -rf /)', value: '' }),
      400,
      { message: 'Failed to execute function' },
    );
    await expectError(b.parley.call('POST', '/channels/s01-flow/variable', {}), 400, {
      message: 'Variable name is required',
    });
    expect((await b.parley.call('GET', '/channels/s01-flow/variables?variables=FLOW,EXTEN')).json).toEqual({
      variables: { FLOW: 'x', EXTEN: '18005550100' },
    });
  });

  it('answers an unknown application with 404', async () => {
    await expectError(b.parley.call('GET', '/applications/nope'), 404, { message: 'Application not found' });
    await expectError(
      b.parley.call('POST', '/applications/parley/subscription?eventSource=bridge:nope'),
      422,
      { message: 'Event source does not exist' },
    );
  });
});
