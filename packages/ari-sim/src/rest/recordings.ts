import { fail } from '../model/failure.js';
import type { LiveRecording } from '../model/recording.js';
import { contentTypeFor } from '../model/recording-files.js';
import { type HandlerTable, noContent, ok, type Reply, type RestContext } from './router.js';

/** `act` answers false when the recording is not in a state the operation applies to. */
function live(ctx: RestContext, act: (r: LiveRecording) => boolean): Reply {
  const recording = ctx.core.recordings.live(ctx.str('recordingName') ?? '');
  if (!recording) return fail(404, 'Recording not found');
  return act(recording) === false ? fail(409, 'Recording not in session') : noContent();
}

export const recordingHandlers: HandlerTable = {
  'recordings.listStored': (ctx) =>
    ok(ctx.core.recordings.store.list().map(({ name, format }) => ({ name, format }))),
  'recordings.getStored': (ctx) => {
    const file = ctx.core.recordings.stored(ctx.str('recordingName') ?? '');
    return file ? ok({ name: file.name, format: file.format }) : fail(404, 'Recording not found');
  },
  'recordings.deleteStored': (ctx) => {
    const file = ctx.core.recordings.stored(ctx.str('recordingName') ?? '');
    if (!file) return fail(404, 'Recording not found');
    ctx.core.recordings.store.remove(file.path);
    return noContent();
  },
  'recordings.getStoredFile': (ctx) => {
    const file = ctx.core.recordings.stored(ctx.str('recordingName') ?? '');
    const bytes = file ? ctx.core.recordings.store.read(file.path) : undefined;
    if (!file || !bytes) return fail(404, 'Recording not found');
    return { status: 200, bytes: new Uint8Array(bytes), contentType: contentTypeFor(file.format) };
  },
  'recordings.copyStored': (ctx) => {
    const file = ctx.core.recordings.stored(ctx.str('recordingName') ?? '');
    if (!file) return fail(404, 'Recording not found');
    const target = ctx.str('destinationRecordingName');
    if (!target) return fail(400, 'Invalid destination recording name');
    const copied = ctx.core.recordings.store.copy(file, target);
    if (copied === 'exists') return fail(409, 'A recording with the same name already exists on the system');
    if (copied === 'invalid') return fail(403, 'Destination file path is not allowed');
    return ok({ name: copied.name, format: copied.format });
  },
  'recordings.getLive': (ctx) => {
    const recording = ctx.core.recordings.live(ctx.str('recordingName') ?? '');
    return recording ? ok(recording.toJson()) : fail(404, 'Recording not found');
  },
  'recordings.stop': (ctx) =>
    live(ctx, (r) => {
      r.stop();
      return true;
    }),
  'recordings.cancel': (ctx) =>
    live(ctx, (r) => {
      r.cancel();
      return true;
    }),
  'recordings.pause': (ctx) => live(ctx, (r) => r.pause(true)),
  'recordings.unpause': (ctx) => live(ctx, (r) => r.pause(false)),
  'recordings.mute': (ctx) => live(ctx, (r) => r.mute(true)),
  'recordings.unmute': (ctx) => live(ctx, (r) => r.mute(false)),
};
