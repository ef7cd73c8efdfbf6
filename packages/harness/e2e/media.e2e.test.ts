import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallerLeg } from '../src/caller.js';
import { openSession, type Session } from './support/session.js';
import { ariTime } from './support/time.js';

let s: Session;
let call: CallerLeg;
beforeEach(async () => {
  s = await openSession();
  call = await s.answeredCall('18005550110');
});
afterEach(async () => {
  await call.hangup();
  await s.close();
});

/** Asterisk's core sounds (and ari-sim's copies): lengths from their headers, as a real Asterisk plays them. */
const LENGTH_MS = { 'hello-world': 1404, 'vm-goodbye': 865 } as const;
/** Scheduling slack of a real Asterisk under load; the lengths themselves are exact. */
const SLACK_MS = 150;

describe('prompts', () => {
  for (const [sound, length] of Object.entries(LENGTH_MS)) {
    it(`plays sound:${sound} for its length and the caller hears it`, async () => {
      const play = await s.runtime.play(call.runtimeChannelId, [`sound:${sound}`]);
      const started = await play.started;
      await call.waitForAudio();
      const finished = await play.finished;
      expect(finished.playback.state).toBe('done');
      const took = ariTime(finished.timestamp) - ariTime(started.timestamp);
      expect(Math.abs(took - length)).toBeLessThan(SLACK_MS);
      await call.waitForSilence();
    });
  }

  it('plays a list of prompts in order, announcing each next one', async () => {
    const continuing = s.runtime.ari.waitFor('PlaybackContinuing', undefined, { timeoutMs: 10_000 });
    const play = await s.runtime.play(call.runtimeChannelId, ['sound:vm-goodbye', 'sound:hello-world']);
    const next = await continuing;
    expect(next.playback).toMatchObject({ id: play.playbackId, media_uri: 'sound:vm-goodbye' });
    expect(next.playback.next_media_uri).toBe('sound:hello-world');
    const finished = await play.finished;
    expect(finished.playback).toMatchObject({ state: 'done', media_uri: 'sound:hello-world' });
  });

  it('fails the playback of a prompt that does not exist', async () => {
    const play = await s.runtime.play(call.runtimeChannelId, ['sound:parley-no-such-prompt']);
    await expect(play.finished).resolves.toMatchObject({ playback: { state: 'failed' } });
  });

  it('stops a prompt when the caller presses a key (barge-in)', async () => {
    const digit = s.runtime.ari.waitFor(
      'ChannelDtmfReceived',
      (e) => e.channel.id === call.runtimeChannelId,
      {
        timeoutMs: 10_000,
      },
    );
    const play = await s.runtime.play(call.runtimeChannelId, ['sound:tt-monkeys']);
    await play.started;
    await call.press('5');
    expect((await digit).digit).toBe('5');
    await s.runtime.ari.playbacks.stop({ playbackId: play.playbackId });
    const finished = await play.finished;
    expect(finished.playback.state).toBe('done');
    await expect(s.runtime.ari.playbacks.get({ playbackId: play.playbackId })).rejects.toMatchObject({
      status: 404,
    });
  });
});

describe('DTMF', () => {
  it('carries the caller’s keys to the runtime in order, with their durations', async () => {
    const digits: string[] = [];
    const off = s.runtime.ari.onChannel(call.runtimeChannelId, (e) => {
      if (e.type === 'ChannelDtmfReceived') digits.push(`${e.digit}:${e.duration_ms}`);
    });
    const last = s.runtime.ari.waitFor('ChannelDtmfReceived', (e) => e.digit === '#', { timeoutMs: 10_000 });
    await call.press('12#', { betweenMs: 200, durationMs: 100 });
    await last;
    off();
    expect(digits).toEqual(['1:100', '2:100', '#:100']);
  });

  it('carries the runtime’s keys to the caller', async () => {
    await s.runtime.ari.channels.sendDTMF({ channelId: call.runtimeChannelId, dtmf: '9*0', between: 100 });
    await expect(call.waitForDigits(3)).resolves.toBe('9*0');
  });
});

describe('music on hold', () => {
  it('is heard by the caller while it plays', async () => {
    await s.runtime.ari.channels.startMoh({ channelId: call.runtimeChannelId, mohClass: 'default' });
    await call.waitForNewAudio({ timeoutMs: 5000 });
    await s.runtime.ari.channels.stopMoh({ channelId: call.runtimeChannelId });
  });
});
