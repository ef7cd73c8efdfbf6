import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseWav } from '../src/model/audio-format.js';
import { agentLeg, answeredInbound, type Bench, bench, eventsOf } from './support/sim.js';

let b: Bench;
afterEach(() => b.close());

async function bridged() {
  b = await bench();
  await answeredInbound(b);
  await agentLeg(b, 'a1');
  await b.parley.call('POST', '/bridges', { bridgeId: 'br' });
  await b.parley.call('POST', '/bridges/br/addChannel', { channel: ['s01-flow', 'a1'] });
  await b.advance(0);
  b.parley.clear();
}

const wavSeconds = (bytes: Buffer) => {
  const info = parseWav(bytes);
  return info ? info.dataBytes / 2 / info.sampleRate : Number.NaN;
};

describe('bridge recording', () => {
  it('records the mix to a WAV of the recorded length and reports whole seconds', async () => {
    await bridged();
    const res = await b.parley.call('POST', '/bridges/br/record', { name: 'call-1', format: 'wav' });
    expect(res).toMatchObject({
      status: 201,
      json: { name: 'call-1', format: 'wav', state: 'queued', target_uri: 'bridge:br' },
    });
    await b.advance(0);
    expect(eventsOf(b.parley, 'RecordingStarted')[0]).toMatchObject({ recording: { state: 'recording' } });
    expect((await b.parley.call('GET', '/recordings/live/call-1')).json).toMatchObject({
      state: 'recording',
    });
    await b.advance(2015);
    expect((await b.parley.call('POST', '/recordings/live/call-1/stop')).status).toBe(204);
    expect(eventsOf(b.parley, 'RecordingFinished')[0]).toMatchObject({
      recording: { state: 'done', duration: 2 },
    });
    const path = join(b.sim.recordingDir, 'call-1.wav');
    expect(wavSeconds(readFileSync(path))).toBeCloseTo(2.02, 3);
    const file = await b.parley.call('GET', '/recordings/stored/call-1/file');
    expect(file.raw.contentType).toBe('audio/wav');
    expect((file.raw.body as Uint8Array).byteLength).toBe(32364);
  });

  it('shows the hidden recorder only in BRIDGEPEER, joining before RecordingStarted and leaving after Finished', async () => {
    await bridged();
    await b.parley.call('POST', '/bridges/br/record', { name: 'call-2', format: 'wav' });
    await b.advance(1000);
    await b.parley.call('POST', '/recordings/live/call-2/stop');
    expect(b.parley.types()).toEqual([
      'ChannelVarset',
      'ChannelVarset',
      'RecordingStarted',
      'RecordingFinished',
      'ChannelVarset',
      'ChannelVarset',
    ]);
    expect(String(eventsOf(b.parley, 'ChannelVarset')[0]?.value)).toMatch(
      /^Recorder\/ARI-[0-9a-f]{8};2,Local\//,
    );
  });

  it('refuses to record a bridged channel: 201 with state failed, then RecordingFailed', async () => {
    await bridged();
    const res = await b.parley.call('POST', '/channels/s01-flow/record', { name: 'caller', format: 'wav' });
    expect(res).toMatchObject({ status: 201, json: { state: 'failed', target_uri: 'channel:s01-flow' } });
    expect(eventsOf(b.parley, 'RecordingFailed')[0]).toMatchObject({
      recording: { state: 'failed', cause: 'Cannot record channel while in bridge' },
    });
    expect(eventsOf(b.harness, 'RecordingFailed')).toHaveLength(1);
  });

  it('answers 500 when the spool has no recording directory', async () => {
    const spool = mkdtempSync(join(tmpdir(), 'ari-sim-nospool-'));
    b = await bench({ config: { spoolDir: spool, createRecordingDir: false } });
    await answeredInbound(b);
    await b.parley.call('POST', '/bridges', { bridgeId: 'br' });
    expect(await b.parley.call('POST', '/bridges/br/record', { name: 'x', format: 'wav' })).toMatchObject({
      status: 500,
      json: { message: 'Internal Server Error' },
    });
    expect(
      await b.parley.call('POST', '/channels/s01-flow/record', { name: 'x', format: 'wav' }),
    ).toMatchObject({ status: 500 });
    rmSync(spool, { recursive: true, force: true });
  });
});

describe('channel recording', () => {
  it('holds the channel queue, pauses without counting, and lands in stored recordings', async () => {
    b = await bench();
    await answeredInbound(b);
    await b.parley.call('POST', '/channels/s01-flow/record', {
      name: 'msg',
      format: 'ulaw',
      maxDurationSeconds: 10,
    });
    await b.parley.call('POST', '/channels/s01-flow/dtmf', { dtmf: '1' });
    await b.advance(3000);
    await b.parley.call('POST', '/recordings/live/msg/pause');
    expect((await b.parley.call('GET', '/recordings/live/msg')).json).toMatchObject({ state: 'paused' });
    await b.advance(5000);
    await b.parley.call('DELETE', '/recordings/live/msg/pause');
    await b.advance(7000);
    // Stopped by maxDurationSeconds after 10 s recorded (3 + 7), the pause not counted.
    expect(eventsOf(b.parley, 'RecordingFinished')[0]).toMatchObject({
      recording: { name: 'msg', duration: 10 },
    });
    expect(readFileSync(join(b.sim.recordingDir, 'msg.ulaw')).byteLength).toBe(80_160);
    await b.advance(300);
    expect(eventsOf(b.harness, 'ChannelDtmfReceived', 's01-caller')).toHaveLength(1);
    expect((await b.parley.call('GET', '/recordings/stored')).json).toEqual([
      { name: 'msg', format: 'ulaw' },
    ]);
  });

  it('stops on the terminating key and refuses a name already taken', async () => {
    b = await bench();
    await answeredInbound(b);
    await b.parley.call('POST', '/channels/s01-flow/record', { name: 'vm', format: 'wav', terminateOn: '#' });
    expect(
      await b.parley.call('POST', '/channels/s01-flow/record', { name: 'vm', format: 'wav' }),
    ).toMatchObject({
      status: 409,
      json: { message: "Recording 'vm' already exists and can not be overwritten" },
    });
    await b.harness.call('POST', '/channels/s01-caller/dtmf', { dtmf: '#' });
    await b.advance(200);
    expect(eventsOf(b.parley, 'RecordingFinished')[0]).toMatchObject({
      recording: { name: 'vm', state: 'done' },
    });
    expect(
      await b.parley.call('POST', '/channels/s01-flow/record', { name: 'v2', format: 'mp3' }),
    ).toMatchObject({
      status: 422,
      json: { message: 'specified format is unknown on this system' },
    });
  });

  it('stops on maxSilenceSeconds only once silent frames arrive, like the recorder’s DSP', async () => {
    b = await bench();
    await answeredInbound(b);
    await b.parley.call('POST', '/channels/s01-flow/record', {
      name: 'quiet',
      format: 'wav',
      maxSilenceSeconds: 2,
    });
    await b.advance(5000);
    expect(eventsOf(b.parley, 'RecordingFinished')).toEqual([]);
    await b.harness.call('POST', '/channels/s01-caller/play/hi', { media: ['sound:hello-world'] });
    await b.advance(1404);
    await b.harness.call('POST', '/channels/s01-caller/silence');
    await b.advance(1942);
    expect(eventsOf(b.parley, 'RecordingFinished')).toEqual([]);
    await b.advance(1);
    expect(eventsOf(b.parley, 'RecordingFinished')[0]).toMatchObject({
      recording: { name: 'quiet', duration: 8 },
    });
  });

  it('cancels a recording and throws its file away', async () => {
    b = await bench();
    await answeredInbound(b);
    await b.parley.call('POST', '/channels/s01-flow/record', { name: 'gone', format: 'wav' });
    await b.advance(1000);
    expect((await b.parley.call('DELETE', '/recordings/live/gone')).status).toBe(204);
    expect(eventsOf(b.parley, 'RecordingFinished')[0]).toMatchObject({ recording: { state: 'canceled' } });
    expect(existsSync(join(b.sim.recordingDir, 'gone.wav'))).toBe(false);
    expect(await b.parley.call('GET', '/recordings/live/gone')).toMatchObject({
      status: 404,
      json: { message: 'Recording not found' },
    });
  });
});

describe('stored recordings', () => {
  it('copies, serves, plays and deletes a recording', async () => {
    b = await bench();
    await answeredInbound(b);
    await b.parley.call('POST', '/channels/s01-flow/record', { name: 'orig', format: 'wav' });
    await b.advance(1500);
    await b.parley.call('POST', '/recordings/live/orig/stop');
    expect(
      (await b.parley.call('POST', '/recordings/stored/orig/copy?destinationRecordingName=dup')).json,
    ).toEqual({ name: 'dup', format: 'wav' });
    expect(
      await b.parley.call('POST', '/recordings/stored/orig/copy?destinationRecordingName=dup'),
    ).toMatchObject({ status: 409 });
    b.parley.clear();
    await b.parley.call('POST', '/channels/s01-flow/play/p', { media: ['recording:dup'] });
    await b.advance(1520);
    expect(b.parley.types()).toEqual(['PlaybackStarted', 'PlaybackFinished']);
    expect((await b.parley.call('DELETE', '/recordings/stored/dup')).status).toBe(204);
    expect(await b.parley.call('GET', '/recordings/stored/dup')).toMatchObject({
      status: 404,
      json: { message: 'Recording not found' },
    });
    expect(await b.parley.call('GET', '/recordings/stored/dup/file')).toMatchObject({ status: 404 });
  });
});
