import { fail } from '../model/failure.js';
import type { ControlOp } from '../model/playback.js';
import { type HandlerTable, noContent, ok } from './router.js';

const OPS = new Set<ControlOp>(['restart', 'pause', 'unpause', 'reverse', 'forward']);

export const playbackHandlers: HandlerTable = {
  'playbacks.get': (ctx) => {
    const playback = ctx.core.playbacks.find(ctx.str('playbackId') ?? '');
    return playback ? ok(playback.toJson()) : fail(404, 'Playback not found');
  },
  /** Not queued behind the channel's commands: a stop takes effect at once. */
  'playbacks.stop': (ctx) => {
    const playback = ctx.core.playbacks.find(ctx.str('playbackId') ?? '');
    if (!playback) return fail(404, 'Playback not found');
    return playback.stop() === 'ok' ? noContent() : fail(500, 'Could not stop playback');
  },
  'playbacks.control': (ctx) => {
    const operation = ctx.str('operation');
    if (!operation) return fail(400, 'Missing operation');
    if (!OPS.has(operation as ControlOp)) return fail(400, `Invalid operation ${operation}`);
    const playback = ctx.core.playbacks.find(ctx.str('playbackId') ?? '');
    if (!playback) return fail(404, 'Playback not found');
    const result = playback.control(operation as ControlOp);
    if (result === 'not-playing') return fail(409, `Can only ${operation} while media is playing`);
    return result === 'ok' ? noContent() : fail(500, `Could not ${operation} playback`);
  },
};
