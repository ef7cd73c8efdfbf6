import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallerLeg } from '../src/caller.js';
import type { PhoneLeg } from '../src/phone.js';
import { openSession, type Session } from './support/session.js';

let s: Session;
let call: CallerLeg;
beforeEach(async () => {
  s = await openSession();
  call = await s.answeredCall('18005550120');
});
afterEach(async () => {
  await call.hangup();
  await s.close();
});

/** The runtime dials an agent phone that answers; returns the runtime's leg id and the phone. */
async function agent(ext: string): Promise<{ leg: string; phone: PhoneLeg }> {
  s.harness.phone('agent', ext, { answer: { ringMs: 100 } });
  const dial = await s.runtime.dial('agent', ext);
  const phone = await s.harness.incoming('agent', ext);
  await dial.answered;
  await phone.waitForAnswer();
  return { leg: dial.channelId, phone };
}

async function members(bridgeId: string): Promise<string[]> {
  const bridge = await s.runtime.ari.bridges.get({ bridgeId });
  return [...bridge.channels].sort();
}

describe('bridges', () => {
  it('joins four parties in one mixing bridge, splits them into two and lets one leave', async () => {
    const agents = await Promise.all(['2001', '2002', '2003'].map(agent));
    const conference = s.runtime.ari.newId('br');
    const created = await s.runtime.ari.bridges.createWithId({
      bridgeId: conference,
      type: 'mixing,dtmf_events',
    });
    expect(created.bridge_type).toBe('mixing');
    const everyone = [call.runtimeChannelId, ...agents.map((a) => a.leg)];
    const entered = everyone.map((id) =>
      s.runtime.ari.waitFor(
        'ChannelEnteredBridge',
        (e) => e.channel?.id === id && e.bridge.id === conference,
        {
          timeoutMs: 10_000,
        },
      ),
    );
    await s.runtime.ari.bridges.addChannel({ bridgeId: conference, channel: everyone });
    await Promise.all(entered);
    expect(await members(conference)).toEqual([...everyone].sort());

    // A caller in the conference hears the agents: the bridge plays to everyone.
    const announcement = await s.runtime.play(conference, ['sound:vm-goodbye'], 'bridge');
    await call.waitForNewAudio();
    await announcement.finished;

    // Split: two agents move to a consult bridge; moving takes them out of the first one.
    const consult = s.runtime.ari.newId('br');
    await s.runtime.ari.bridges.createWithId({ bridgeId: consult, type: 'mixing' });
    const [a1, a2, a3] = agents.map((a) => a.leg) as [string, string, string];
    const left = s.runtime.ari.waitFor(
      'ChannelLeftBridge',
      (e) => e.channel.id === a3 && e.bridge.id === conference,
      {
        timeoutMs: 10_000,
      },
    );
    await s.runtime.ari.bridges.addChannel({ bridgeId: consult, channel: [a2, a3] });
    await left;
    expect(await members(conference)).toEqual([call.runtimeChannelId, a1].sort());
    expect(await members(consult)).toEqual([a2, a3].sort());

    // One leaves by hanging up; the others stay where they are.
    const gone = s.runtime.ari.waitFor('ChannelLeftBridge', (e) => e.channel.id === a2, {
      timeoutMs: 10_000,
    });
    await agents[1]?.phone.hangup();
    await gone;
    expect(await members(consult)).toEqual([a3]);
    // a1 is alive but in the other bridge: Asterisk refuses to remove it from this one.
    await expect(
      s.runtime.ari.bridges.removeChannel({ bridgeId: consult, channel: a1 }),
    ).rejects.toMatchObject({
      status: 422,
      message: 'Channel not in this bridge',
    });

    for (const bridgeId of [conference, consult]) await s.runtime.ari.bridges.destroy({ bridgeId });
    await Promise.all(agents.map((a) => a.phone.hangup()));
  });

  it('plays hold music to a caller parked alone in a holding bridge', async () => {
    const hold = s.runtime.ari.newId('br');
    await s.runtime.ari.bridges.createWithId({ bridgeId: hold, type: 'holding' });
    await s.runtime.ari.bridges.addChannel({ bridgeId: hold, channel: call.runtimeChannelId });
    await s.runtime.ari.bridges.startMoh({ bridgeId: hold, mohClass: 'default' });
    await call.waitForNewAudio({ timeoutMs: 5000 });
    // The announcer playing the music is invisible: only the caller is a member.
    expect(await members(hold)).toEqual([call.runtimeChannelId]);
    await s.runtime.ari.bridges.stopMoh({ bridgeId: hold });
    await s.runtime.ari.bridges.destroy({ bridgeId: hold });
  });
});

describe('recording', () => {
  it('records a bridged conversation into a stored WAV recording', async () => {
    const { leg, phone } = await agent('2010');
    const bridgeId = s.runtime.ari.newId('br');
    await s.runtime.ari.bridges.createWithId({ bridgeId, type: 'mixing' });
    await s.runtime.ari.bridges.addChannel({ bridgeId, channel: [call.runtimeChannelId, leg] });
    const name = s.runtime.ari.newId('rec');
    const started = s.runtime.ari.waitFor('RecordingStarted', (e) => e.recording.name === name, {
      timeoutMs: 10_000,
    });
    const finished = s.runtime.ari.waitFor('RecordingFinished', (e) => e.recording.name === name, {
      timeoutMs: 10_000,
    });
    const live = await s.runtime.ari.bridges.record({ bridgeId, name, format: 'wav' });
    expect(live).toMatchObject({ name, format: 'wav', target_uri: `bridge:${bridgeId}` });
    await started;

    // A bridged channel cannot be recorded on its own: Asterisk accepts and fails the recording.
    const channelRec = s.runtime.ari.newId('rec');
    const failed = s.runtime.ari.waitFor('RecordingFailed', (e) => e.recording.name === channelRec, {
      timeoutMs: 10_000,
    });
    await s.runtime.ari.channels.record({
      channelId: call.runtimeChannelId,
      name: channelRec,
      format: 'wav',
    });
    expect((await failed).recording.cause).toBe('Cannot record channel while in bridge');

    await new Promise((resolve) => setTimeout(resolve, 2100));
    await s.runtime.ari.recordings.stop({ recordingName: name });
    expect((await finished).recording.duration).toBeGreaterThanOrEqual(2);
    const stored = await s.runtime.ari.recordings.getStored({ recordingName: name });
    expect(stored).toMatchObject({ name, format: 'wav' });
    const file = await s.runtime.ari.recordings.getStoredFile({ recordingName: name });
    const bytes = new Uint8Array(file as ArrayBuffer | Uint8Array);
    expect(new TextDecoder().decode(bytes.subarray(0, 4))).toBe('RIFF');
    // 8 kHz 16-bit mono: at least two seconds of audio after the 44-byte header.
    expect(bytes.byteLength).toBeGreaterThanOrEqual(44 + 2 * 16000);
    await s.runtime.ari.recordings.deleteStored({ recordingName: name });
    await expect(s.runtime.ari.recordings.getStored({ recordingName: name })).rejects.toMatchObject({
      status: 404,
    });
    await s.runtime.ari.bridges.destroy({ bridgeId });
    await phone.hangup();
  });
});
