import type { SimChannel } from '../model/channel.js';
import type { Core } from '../model/core.js';
import { dtmfCommand } from '../model/dtmf.js';
import { fail, isFailure } from '../model/failure.js';
import {
  setPlaybackAudio,
  startMoh,
  startSilence,
  stopGenerator,
  suspendGenerator,
} from '../model/media-state.js';
import { SimPlayback } from '../model/playback.js';
import type { RecordingOptions } from '../model/recording.js';
import { isKnownFormat } from '../model/recording-files.js';
import { indicate } from '../model/state.js';
import { findControl, findPlayableControl } from './lookup.js';
import { type HandlerTable, noContent, type Reply, type RestContext } from './router.js';

/** Async control commands (moh, silence, mute, hold): REST answers 204 without waiting for them. */
function queued(work: (core: Core, chan: SimChannel, ctx: RestContext) => void) {
  return (ctx: RestContext): Reply => {
    const found = findPlayableControl(ctx.core, ctx.str('channelId'));
    if (isFailure(found)) return found;
    found.control.runAsync(() => work(ctx.core, found.chan, ctx));
    return noContent();
  };
}

function mute(on: boolean) {
  return (ctx: RestContext): Reply => {
    const found = findPlayableControl(ctx.core, ctx.str('channelId'));
    if (isFailure(found)) return found;
    const direction = ctx.str('direction');
    if (!direction) return fail(400, 'Direction is required');
    if (!['in', 'out', 'both'].includes(direction)) return fail(400, 'Invalid direction specified');
    found.control.runAsync(() => {
      if (direction !== 'out') found.chan.muted.in = on;
      if (direction !== 'in') found.chan.muted.out = on;
      ctx.core.talk.audioChanged();
    });
    return noContent();
  };
}

/**
 * HOLD sent to a Local half: core_unreal intercepts it and plays MOH to the channel itself,
 * unless the pair was dialled with `/m`, when it crosses and the other half reports ChannelHold.
 */
function hold(core: Core, chan: SimChannel, on: boolean): void {
  const peer = chan.peer;
  if (chan.mohPassthrough && peer && !peer.destroyed) {
    core.publishChannel(peer, on ? 'ChannelHold' : 'ChannelUnhold');
    return;
  }
  if (on) startMoh(core, chan, 'default');
  else stopGenerator(core, chan, 'moh');
}

function play(ctx: RestContext): Reply {
  const found = findPlayableControl(ctx.core, ctx.str('channelId'));
  if (isFailure(found)) return found;
  const skipMs = ctx.int('skipms') ?? 3000;
  const offsetMs = ctx.int('offsetms') ?? 0;
  if (skipMs < 0) return fail(400, 'skipms cannot be negative');
  if (offsetMs < 0) return fail(400, 'offsetms cannot be negative');
  const media = ctx.list('media').filter(Boolean);
  if (media.length === 0) return fail(500, 'Failed to queue media for playback');
  const { chan, control } = found;
  const core = ctx.core;
  const playback = new SimPlayback(
    core,
    {
      chan,
      publish: (type, body) => core.publishOn(chan, type, body as Record<string, unknown>),
      setAudio: (source) => setPlaybackAudio(core, chan, source),
      beforeStart: () => {
        // An unanswered channel is sent PROGRESS first (early media), which its dialler reports.
        if (chan.state !== 'Up') indicate(core, chan, 'progress');
        suspendGenerator(core, chan);
      },
    },
    {
      id: ctx.str('playbackId') || core.uuid(),
      media,
      language: ctx.str('lang') || chan.language,
      targetUri: `channel:${chan.id}`,
      offsetMs,
      skipMs: skipMs || 3000,
    },
  );
  core.playbacks.add(playback);
  // The reply is the playback as queued; the command usually starts a moment later.
  const json = playback.toJson();
  control.queue.enqueue({ run: (done) => playback.run(done), cancel: () => playback.abort() });
  return { status: 201, json };
}

const TERMINATE = new Set(['none', 'any', '*', '#']);
const IF_EXISTS = new Set(['fail', 'overwrite', 'append']);

/** Options shared by channel and bridge recording; a string is the error to answer. */
export function recordingOptions(ctx: RestContext, targetUri: string): RecordingOptions | Reply {
  const terminateOn = ctx.str('terminateOn') || 'none';
  const ifExists = ctx.str('ifExists') || 'fail';
  if (!TERMINATE.has(terminateOn)) return fail(400, 'terminateOn invalid');
  if (!IF_EXISTS.has(ifExists)) return fail(400, 'ifExists invalid');
  const format = ctx.str('format') ?? '';
  if (!isKnownFormat(format)) return fail(422, 'specified format is unknown on this system');
  return {
    name: ctx.str('name') ?? '',
    format,
    targetUri,
    maxDurationSeconds: ctx.int('maxDurationSeconds') ?? 0,
    maxSilenceSeconds: ctx.int('maxSilenceSeconds') ?? 0,
    ifExists: ifExists as RecordingOptions['ifExists'],
    beep: ctx.bool('beep'),
    terminateOn: terminateOn as RecordingOptions['terminateOn'],
  };
}

function record(ctx: RestContext): Reply {
  if ((ctx.int('maxDurationSeconds') ?? 0) < 0) return fail(400, 'max_duration_seconds cannot be negative');
  if ((ctx.int('maxSilenceSeconds') ?? 0) < 0) return fail(400, 'max_silence_seconds cannot be negative');
  const found = findControl(ctx.core, ctx.str('channelId'));
  if (isFailure(found)) return found;
  const { chan, control } = found;
  const options = recordingOptions(ctx, `channel:${chan.id}`);
  if (!('name' in options)) return options;
  const core = ctx.core;
  const recording = core.recordings.create(chan, options, (type, body) =>
    core.publishOn(chan, type, body as Record<string, unknown>),
  );
  if (isFailure(recording)) return recording;
  control.queue.enqueue({
    run: (done) => {
      // res_stasis_recording refuses a bridged channel; 22.10.1 also counts /dial's hidden bridge (#2044).
      if (chan.bridge || chan.dialed) {
        recording.fail('Cannot record channel while in bridge');
        done();
      } else recording.run(done);
    },
    cancel: () => recording.discard(),
  });
  return { status: 201, json: recording.toJson() };
}

export const channelMediaHandlers: HandlerTable = {
  'channels.sendDTMF': (ctx) => {
    const found = findPlayableControl(ctx.core, ctx.str('channelId'));
    if (isFailure(found)) return found;
    const dtmf = ctx.str('dtmf');
    if (!dtmf) return fail(400, 'DTMF is required');
    found.control.queue.enqueue(
      dtmfCommand(ctx.core, found.chan, {
        dtmf,
        before: ctx.int('before') ?? 0,
        between: ctx.int('between') || 100,
        duration: ctx.int('duration') || 100,
        after: ctx.int('after') ?? 0,
      }),
    );
    return noContent();
  },
  'channels.mute': mute(true),
  'channels.unmute': mute(false),
  'channels.hold': queued((core, chan) => hold(core, chan, true)),
  'channels.unhold': queued((core, chan) => hold(core, chan, false)),
  'channels.startMoh': queued((core, chan, ctx) => startMoh(core, chan, ctx.str('mohClass') || 'default')),
  'channels.stopMoh': queued((core, chan) => stopGenerator(core, chan, 'moh')),
  'channels.startSilence': queued((core, chan) => startSilence(core, chan)),
  'channels.stopSilence': queued((core, chan) => stopGenerator(core, chan, 'silence')),
  'channels.play': play,
  'channels.playWithId': play,
  'channels.record': record,
};
